/**
 * Audit entries: who did what to a client, and which fields, never their values. They sit in the
 * agency's audit partition (`keys.auditEntries`) under the client's own sort-key prefix, so a client's
 * history is one Query, and they are always written in the same transaction as the change they
 * describe, by a put that never replaces an item (`attribute_not_exists`). No code updates or deletes
 * one, and IAM lets no function do so (docs/storage.md, "Who may touch audit entries").
 */
import type { AuditEntry } from '../../domain/audit';
import { newId } from '../../domain/ids';
import { keys } from './table-design';

export const AUDIT_ENTITY = 'AUDIT_ENTRY';

/**
 * A new audit item. Its sort key ends in a fresh 130-bit id, so it names no existing item, and a
 * function that only appends entries (no read of the audit partition) cannot learn another entry's key.
 */
export function auditItem(agencyId: string, clientId: string, entry: AuditEntry, details: Record<string, unknown> = {}) {
  return {
    ...details,
    pk: keys.auditEntries(agencyId),
    sk: keys.clientAudit(clientId, entry.at, newId()),
    entity: AUDIT_ENTITY,
    at: entry.at,
    by: entry.by,
    action: entry.action,
    fields: [...entry.fields],
  };
}

/** The transaction item that appends an audit entry: a put that fails rather than replace an item. */
export function auditPut(tableName: string, agencyId: string, clientId: string, entry: AuditEntry, details: Record<string, unknown> = {}) {
  return {
    Put: {
      TableName: tableName,
      Item: auditItem(agencyId, clientId, entry, details),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
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
