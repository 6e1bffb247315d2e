import * as z from 'zod';

export const AUDIT_ACTIONS = ['REGISTERED', 'EDITED', 'RECEIPT_CREATED', 'SESSION_BEGUN'] as const;

/** One entry of a client's audit trail: who, when, what, and which fields, never their values. */
export const AuditEntrySchema = z
  .object({
    at: z.string().meta({ format: 'date-time' }),
    by: z.string().meta({ description: 'The staff user (token subject).' }),
    action: z.enum(AUDIT_ACTIONS),
    fields: z.array(z.string()).meta({ description: 'Names of the fields set or changed; never their values.' }),
  })
  .meta({ id: 'AuditEntry' });

export type AuditEntry = z.output<typeof AuditEntrySchema>;

export const ClientHistorySchema = z.object({ items: z.array(AuditEntrySchema) }).meta({ id: 'ClientHistory' });
