/**
 * Audit entries: who did what to a client, and which fields, never their values. They sit under the
 * client's own sort-key prefix, so a client's history is one Query, and they are always written in the
 * same transaction as the change they describe.
 */
import type { AuditEntry } from '../../domain/audit';
import { newId } from '../../domain/ids';
import { keys } from './table-design';

export const AUDIT_ENTITY = 'AUDIT_ENTRY';

export function auditItem(agencyId: string, clientId: string, entry: AuditEntry) {
  return {
    pk: keys.agency(agencyId),
    sk: keys.clientAudit(clientId, entry.at, newId()),
    entity: AUDIT_ENTITY,
    at: entry.at,
    by: entry.by,
    action: entry.action,
    fields: [...entry.fields],
  };
}

export function toAuditEntry(item: Record<string, unknown>): AuditEntry {
  return {
    at: item.at as string,
    by: item.by as string,
    action: item.action as AuditEntry['action'],
    fields: (item.fields as string[] | undefined) ?? [],
  };
}
