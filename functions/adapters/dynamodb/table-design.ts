/**
 * The single-table design (docs/storage.md): the key of every item, and the kinds of items with the
 * partition-key pattern IAM tells them apart by. The CDK stack and the local stack both create the
 * table from this description, and the CDK stack grants each function its item kinds from it
 * (table-grants.ts), so this file is the one place key strings are built.
 *
 * Every partition key of agency data has four `#`-separated segments, `AGENCY#<agencyId>#<KIND>#<id>`:
 * the agency first (a query built from the caller's agency cannot reach another agency's items), then
 * the kind of item, then an id (empty for the kinds kept in one partition per agency). No segment may
 * hold a `#` (`segment` refuses one), so IAM's `dynamodb:LeadingKeys` pattern `AGENCY#*#<KIND>#*`
 * matches the keys of that kind and of no other: in a key with exactly three `#`, the text between the
 * second and the third is the kind, and a `#<KIND>#` after `AGENCY#` can only be there. Keys of data
 * shared by all agencies (sites, the catalog summary) never begin with `AGENCY#`.
 */

export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Registrations of one agency by registration date (newest first), for "Find a Client". */
export const BY_REGISTRATION_DATE_INDEX = { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;

/** Attribute DynamoDB's TTL deletes by (epoch seconds): idempotency records, receipt records. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** The kind segment of each agency partition key (`AGENCY#<agencyId>#<KIND>#<id>`). */
const KIND = {
  client: 'CLIENT',
  audit: 'AUDIT',
  receipt: 'RECEIPT',
  session: 'SESSION',
  idempotency: 'IDEMPOTENCY',
  registrations: 'REGISTRATIONS',
  searchWord: 'WORD',
  searchSite: 'SITE',
  searchVocabulary: 'VOCABULARY',
  reportTally: 'TALLY',
  reportMarker: 'TALLIED',
} as const;

const SITE_PREFIX = 'SITE#';
const CATALOG_SUMMARY = { pk: 'CATALOG', sk: 'SUMMARY' } as const;
/** The one partition of the agency registry (adapters/dynamodb/agency-registry.ts). */
const AGENCY_REGISTRY_PARTITION = 'REGISTRY#AGENCIES';

/** A variable part of a partition key: never empty (for the agency), never holding the separator. */
function segment(value: string, what: string, allowEmpty = false): string {
  if ((!allowEmpty && value.length === 0) || value.includes('#')) {
    throw new Error(`A key's ${what} must be ${allowEmpty ? '' : 'non-empty and '}without "#"`);
  }
  return value;
}

function agencyPartition(kind: (typeof KIND)[keyof typeof KIND], agencyId: string, id = ''): string {
  return `AGENCY#${segment(agencyId, 'agency id')}#${kind}#${segment(id, `${kind.toLowerCase()} id`, true)}`;
}

export const keys = {
  /** The partition of an agency's anonymous clients; sort key `client(clientId)`. */
  clients: (agencyId: string) => agencyPartition(KIND.client, agencyId),
  client: (clientId: string) => `CLIENT#${clientId}`,
  clientItem: (agencyId: string, clientId: string) => ({ pk: keys.clients(agencyId), sk: keys.client(clientId) }),
  /** The partition of an agency's audit entries; a client's history is one Query by `clientAuditPrefix`. */
  auditEntries: (agencyId: string) => agencyPartition(KIND.audit, agencyId),
  clientAudit: (clientId: string, at: string, eventId: string) => `CLIENT#${clientId}#AUDIT#${at}#${eventId}`,
  clientAuditPrefix: (clientId: string) => `CLIENT#${clientId}#AUDIT#`,
  /** The partition of an agency's receipt records. */
  receipts: (agencyId: string) => agencyPartition(KIND.receipt, agencyId),
  clientReceipt: (clientId: string, receiptId: string) => `CLIENT#${clientId}#RECEIPT#${receiptId}`,
  clientReceiptsPrefix: (clientId: string) => `CLIENT#${clientId}#RECEIPT#`,
  /** The partition of an agency's sessions. */
  sessions: (agencyId: string) => agencyPartition(KIND.session, agencyId),
  /** One fixed sort key: an anonymous profile takes exactly one session, enforced by a conditional put. */
  clientSession: (clientId: string) => `CLIENT#${clientId}#SESSION`,
  /** The partition of an agency's idempotency records. */
  idempotencyRecords: (agencyId: string) => agencyPartition(KIND.idempotency, agencyId),
  idempotency: (userId: string, keyHash: string) => `IDEMPOTENCY#${userId}#${keyHash}`,
  /** gsi1's partition of an agency's registrations (on client items only). */
  agencyRegistrations: (agencyId: string) => agencyPartition(KIND.registrations, agencyId),
  registrationOrder: (registrationDate: string, createdAt: string, clientId: string) => `${registrationDate}#${createdAt}#${clientId}`,
  /** The comment search index (adapters/dynamodb/search-index.ts): word postings, site postings, vocabulary. */
  searchWord: (agencyId: string, word: string) => agencyPartition(KIND.searchWord, agencyId, word),
  searchSite: (agencyId: string, siteId: string) => agencyPartition(KIND.searchSite, agencyId, siteId),
  searchVocabulary: (agencyId: string) => agencyPartition(KIND.searchVocabulary, agencyId),
  /**
   * Report tallies (adapters/dynamodb/report-tallies.ts, docs/reports.md): one partition per tally view
   * (`viewId`, sort key the month), one per view of the counts of removed units (`retired:<viewId>`),
   * and the agency's `asof` item. View ids hold no `#` and none is called `asof` or starts `retired:`.
   */
  reportTally: (agencyId: string, viewId: string) => agencyPartition(KIND.reportTally, agencyId, viewId),
  reportRetiredTally: (agencyId: string, viewId: string) => agencyPartition(KIND.reportTally, agencyId, `retired:${viewId}`),
  reportAsOf: (agencyId: string) => ({ pk: agencyPartition(KIND.reportTally, agencyId, 'asof'), sk: 'ASOF' }),
  /** What each client and session is counted as now (one partition per agency); sort keys below. */
  reportMarkers: (agencyId: string) => agencyPartition(KIND.reportMarker, agencyId),
  clientMarker: (clientId: string) => `CLIENT#${clientId}`,
  sessionMarker: (clientId: string) => `SESSION#${clientId}`,
  site: (siteId: string) => `${SITE_PREFIX}${siteId}`,
  siteItem: 'SITE',
  catalogSummary: CATALOG_SUMMARY,
  agencyRegistry: AGENCY_REGISTRY_PARTITION,
} as const;

/**
 * The operations a function can be granted on an item kind, each one IAM action (table-grants.ts).
 * Transactions have no action of their own: each item of a TransactWriteItems is authorised as its
 * PutItem, UpdateItem or ConditionCheckItem, with that item's key.
 */
export type TableOperation = 'get' | 'batchGet' | 'query' | 'check' | 'put' | 'update' | 'delete' | 'batchWrite';

export interface ItemKindDesign {
  /** The `dynamodb:LeadingKeys` patterns (IAM StringLike) of this kind's partition keys. */
  readonly leadingKeys: readonly string[];
  /** Set for a kind read through a secondary index: its grant names that index, not the table. */
  readonly index?: string;
  /** Every operation any function of the service may hold on this kind; nothing else can be granted. */
  readonly operations: readonly TableOperation[];
}

const agencyPattern = (kind: (typeof KIND)[keyof typeof KIND]) => `AGENCY#*#${kind}#*`;

/**
 * The item kinds, and what may ever be done to each. Audit entries may be read (Query, for history)
 * and appended (PutItem, always with `attribute_not_exists`), never updated, deleted or batch-written
 * (docs/storage.md, "Who may touch audit entries"). BatchWriteItem, which deletes as well as puts, is
 * allowed on the search index's kinds and the agency registry only (the comment indexer's items).
 */
export const ITEM_KINDS = {
  client: { leadingKeys: [agencyPattern(KIND.client)], operations: ['get', 'batchGet', 'check', 'put', 'update'] },
  /**
   * gsi1 (projects every attribute of client items). A Query on the index is evaluated against the
   * index's partition key; a next-page Query also carries the client's table key in ExclusiveStartKey,
   * and AWS does not document whether that key is evaluated too, so the clients' pattern is listed as
   * well. No index partition key has that form, so it lets nothing more be read.
   */
  registrations: {
    index: BY_REGISTRATION_DATE_INDEX.name,
    leadingKeys: [agencyPattern(KIND.registrations), agencyPattern(KIND.client)],
    operations: ['query'],
  },
  audit: { leadingKeys: [agencyPattern(KIND.audit)], operations: ['query', 'put'] },
  receipt: { leadingKeys: [agencyPattern(KIND.receipt)], operations: ['get', 'query', 'put'] },
  session: { leadingKeys: [agencyPattern(KIND.session)], operations: ['query', 'put'] },
  idempotency: { leadingKeys: [agencyPattern(KIND.idempotency)], operations: ['get', 'put'] },
  searchWord: { leadingKeys: [agencyPattern(KIND.searchWord)], operations: ['query', 'batchWrite'] },
  searchSite: { leadingKeys: [agencyPattern(KIND.searchSite)], operations: ['query', 'batchWrite'] },
  searchVocabulary: {
    leadingKeys: [agencyPattern(KIND.searchVocabulary)],
    operations: ['query', 'batchGet', 'batchWrite', 'update', 'delete'],
  },
  agencyRegistry: { leadingKeys: [AGENCY_REGISTRY_PARTITION], operations: ['query', 'batchWrite'] },
  /**
   * Report tallies, retired tallies and the asOf item: the counter ADDs (UpdateItem, in transactions);
   * reports Query a view and Get asOf; the rebuild (an operator's command) Puts and Deletes whole items.
   */
  reportTally: { leadingKeys: [agencyPattern(KIND.reportTally)], operations: ['get', 'query', 'put', 'update', 'delete'] },
  /** What each unit is counted as: read in batches and Put (conditionally) by the counter and the rebuild. */
  reportMarker: { leadingKeys: [agencyPattern(KIND.reportMarker)], operations: ['batchGet', 'put'] },
  /** Sites are written by the operators' import (`npm run sites:import`), never by a function. */
  site: { leadingKeys: [`${SITE_PREFIX}*`], operations: ['get'] },
  catalogSummary: { leadingKeys: [CATALOG_SUMMARY.pk], operations: ['get'] },
} as const satisfies Record<string, ItemKindDesign>;

export type ItemKind = keyof typeof ITEM_KINDS;
/** The operations the table design allows on kind `K`. */
export type OperationOn<K extends ItemKind> = (typeof ITEM_KINDS)[K]['operations'][number];
/** What a function may do to the table: per item kind, the operations it uses (a kind left out: none). */
export type TableAccess = { readonly [K in ItemKind]?: readonly OperationOn<K>[] };
