/**
 * The single-table design (docs/storage.md). Every key of agency data begins with the agency, so a
 * query built from the caller's agency cannot reach another agency's items. The CDK stack and the
 * local stack both create the table from this description.
 */

export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Registrations of one agency by registration date (newest first), for "Find a Client". */
export const BY_REGISTRATION_DATE_INDEX = { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;

/** Attribute DynamoDB's TTL deletes by (epoch seconds): idempotency records, receipt records. */
export const TTL_ATTRIBUTE = 'expiresAt';

export const keys = {
  agency: (agencyId: string) => `AGENCY#${agencyId}`,
  client: (clientId: string) => `CLIENT#${clientId}`,
  clientAudit: (clientId: string, at: string, eventId: string) => `CLIENT#${clientId}#AUDIT#${at}#${eventId}`,
  clientReceipt: (clientId: string, receiptId: string) => `CLIENT#${clientId}#RECEIPT#${receiptId}`,
  clientReceiptsPrefix: (clientId: string) => `CLIENT#${clientId}#RECEIPT#`,
  clientAuditPrefix: (clientId: string) => `CLIENT#${clientId}#AUDIT#`,
  /** One fixed sort key: an anonymous profile takes exactly one session, enforced by a conditional put. */
  clientSession: (clientId: string) => `CLIENT#${clientId}#SESSION`,
  idempotency: (userId: string, keyHash: string) => `IDEMPOTENCY#${userId}#${keyHash}`,
  agencyRegistrations: (agencyId: string) => `AGENCY#${agencyId}#REGISTRATIONS`,
  registrationOrder: (registrationDate: string, createdAt: string, clientId: string) => `${registrationDate}#${createdAt}#${clientId}`,
  site: (siteId: string) => `SITE#${siteId}`,
  siteItem: 'SITE',
  catalogSummary: { pk: 'CATALOG', sk: 'SUMMARY' },
} as const;
