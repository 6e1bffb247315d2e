/**
 * The session of an anonymous client: its form's rules, its shape, and the draft pre-filled from the
 * profile. The use case that stores one is ./begin-session.ts; this module knows no store.
 */
import * as z from 'zod';
import { type AnonymousClient, AnonymousClientSchema, dateUpToTodaySchema } from './anonymous-client';
import { clientMessage } from './client-messages';
import { freeTextInputSchema } from './free-text';
import { codesOf, DELIVERY_METHODS, SESSION_TYPES } from './reference-data';
import { SiteIdSchema } from './site';

export const MAX_SESSION_NOTES_CHARACTERS = 4000;
export const SESSION_ALREADY_TAKEN = clientMessage('client.sessionTaken');

const SessionTypeSchema = z.enum(codesOf(SESSION_TYPES)).meta({ description: 'A session type code from GET /v1/reference-data.' });
const DeliveryMethodSchema = z.enum(codesOf(DELIVERY_METHODS)).meta({ description: 'A delivery method code from GET /v1/reference-data.' });

const newSessionSchemas = new Map<string, z.ZodType>();

/** The session form's rules as of the agency's `today` (the service date cannot be in the future). */
export function newSessionSchema(today: string) {
  const build = () =>
    z
      .strictObject({
        sessionType: SessionTypeSchema,
        serviceDate: dateUpToTodaySchema(today),
        siteId: SiteIdSchema,
        deliveryMethod: DeliveryMethodSchema,
        durationMinutes: z.int().min(1).max(1440).optional().meta({ description: 'Minutes spent with the client, 1 to 1,440.' }),
        notes: freeTextInputSchema(MAX_SESSION_NOTES_CHARACTERS)
          .optional()
          .transform((value) => value ?? null)
          .meta({ type: ['string', 'null'], maxLength: MAX_SESSION_NOTES_CHARACTERS }),
      })
      .meta({ id: 'NewSession' });
  let schema = newSessionSchemas.get(today) as ReturnType<typeof build> | undefined;
  if (!schema) {
    newSessionSchemas.clear();
    schema = build();
    newSessionSchemas.set(today, schema);
  }
  return schema;
}

export type NewSession = z.output<ReturnType<typeof newSessionSchema>>;

export const SessionSchema = z
  .object({
    sessionId: z.string(),
    clientId: z.string(),
    agency: AnonymousClientSchema.shape.agency,
    sessionType: SessionTypeSchema,
    serviceDate: z.string().meta({ format: 'date' }),
    site: AnonymousClientSchema.shape.site,
    deliveryMethod: DeliveryMethodSchema,
    durationMinutes: z.int().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string().meta({ format: 'date-time' }),
    createdBy: z.string(),
  })
  .meta({ id: 'Session' });

export type Session = z.output<typeof SessionSchema>;

/**
 * How the person was described when the session began: stored on the session item (never in its API
 * answer) so that reports count the session as the service was given, whatever later edits say
 * (domain/reports/counted-units.ts).
 */
export interface SessionCountedAs {
  gender: AnonymousClient['gender'];
  immigrationStatus: AnonymousClient['immigrationStatus'];
  arrivalYear: AnonymousClient['arrivalYear'];
}

/** A session as stored: with what it counts as in reports. */
export type StoredSession = Session & { countedAs: SessionCountedAs };

export const SessionListSchema = z.object({ items: z.array(SessionSchema) }).meta({ id: 'SessionList' });

export const SessionDraftSchema = z
  .object({
    clientId: z.string(),
    agency: AnonymousClientSchema.shape.agency,
    site: AnonymousClientSchema.shape.site,
    serviceDate: z.string().meta({ format: 'date', description: "Today in the agency's time zone." }),
    deliveryMethod: z.literal('IN_PERSON'),
    client: AnonymousClientSchema.pick({ gender: true, arrivalYear: true, immigrationStatus: true, postalCode: true }),
  })
  .meta({ id: 'SessionDraft' });

export type SessionDraft = z.output<typeof SessionDraftSchema>;

/** The session form pre-filled from the profile: its agency and site, today, in person. */
export function sessionDraft(client: AnonymousClient, today: string): SessionDraft {
  return {
    clientId: client.clientId,
    agency: client.agency,
    site: client.site,
    serviceDate: today,
    deliveryMethod: 'IN_PERSON',
    client: {
      gender: client.gender,
      arrivalYear: client.arrivalYear,
      immigrationStatus: client.immigrationStatus,
      postalCode: client.postalCode,
    },
  };
}
