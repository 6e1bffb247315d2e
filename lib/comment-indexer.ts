/**
 * The comment-search indexer (docs/comment-search.md): functions/handlers/index-client-comments.ts on
 * the service table's stream. It is the only function that may delete table items, and only items of
 * the search index: it replaces a client's word postings when the comment changes, removing those of
 * old words through BatchWriteItem (adapters/dynamodb/search-index.ts), which authorises DeleteRequests
 * as well as puts, so that action is limited by `dynamodb:LeadingKeys` to the index's item kinds.
 *
 * Delivery (lib/table-stream-consumer.ts, shared with the report counter): from the oldest record the
 * stream still holds (TRIM_HORIZON, so a first deploy or a re-created mapping indexes the last 24 h
 * too), invoked only for client items, failures reported per record. A record that keeps failing is
 * retried a bounded number of times (the batch halved each time), then its batch's description (shard,
 * sequence numbers; never item data) goes to an encrypted queue and an alarm fires;
 * `npm run comments:reindex` then repairs the index from the table.
 */
import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { TableAccess } from '../functions/adapters/dynamodb/table-design';
import { COMMENT_INDEXER_TIMEOUT_SECONDS } from '../functions/api/routes/route-definition';
import { type StreamConsumerStackProps, type StreamDelivery, TableStreamConsumer } from './table-stream-consumer';

/** The handler, relative to the repository root. */
export const COMMENT_INDEXER_ENTRY = 'functions/handlers/index-client-comments.ts';
/** The `entity` of the items the indexer works on (functions/handlers/index-client-comments.ts). */
export const CLIENT_ENTITY = 'ANONYMOUS_CLIENT';

/**
 * What the indexer does to the table, per item kind (functions/adapters/dynamodb/table-design.ts), and
 * nothing more (adapters/dynamodb/search-index.ts, agency-registry.ts): BatchWriteItem puts postings
 * and vocabulary entries and deletes the postings of words a comment no longer has; BatchGetItem reads
 * which vocabulary words exist; a word no client holds any more is retired by UpdateItem (a mark), a
 * consistent Query of its posting list and a conditional DeleteItem of its vocabulary entry; the
 * agency registry gets one BatchWriteItem per new agency. It reads no client, audit entry, receipt or
 * session, and no index (gsi1).
 */
export const COMMENT_INDEXER_TABLE_ACCESS = {
  searchWord: ['query', 'batchWrite'],
  searchSite: ['batchWrite'],
  searchVocabulary: ['batchGet', 'batchWrite', 'update', 'delete'],
  agencyRegistry: ['batchWrite'],
} as const satisfies TableAccess;

/** Stream delivery settings, exported for the tests. */
export const COMMENT_INDEXER_STREAM: StreamDelivery = {
  batchSize: 100,
  /** Each retry halves the batch (bisect), so 10 isolates one bad record of a 100-record batch. */
  retryAttempts: 10,
  /** The stream keeps records 24 h: older ones are gone anyway. */
  maxRecordAge: Duration.hours(24),
  /** Alarm when the oldest record waiting is older than this (normal: well under a second). */
  iteratorAgeAlarmMs: 5 * 60 * 1000,
};

/** Its props are what the stateless stack gives every stream consumer (lib/table-stream-consumer.ts). */
export type CommentIndexerProps = StreamConsumerStackProps;

export class CommentIndexer extends TableStreamConsumer {
  constructor(scope: Construct, id: string, props: CommentIndexerProps) {
    // The deletes this function needs (BatchWriteItem DeleteRequests for old words' postings, DeleteItem
    // of a retired vocabulary entry), on the search index's kinds alone; no API route gets BatchWriteItem
    // (a test holds that). Only client items invoke it: audit entries, sessions, receipts and the
    // index's own postings never do.
    super(scope, id, {
      ...props,
      functionId: 'Indexer',
      entry: COMMENT_INDEXER_ENTRY,
      description: 'Comment-search indexer: table stream -> word postings (index-client-comments)',
      timeout: Duration.seconds(COMMENT_INDEXER_TIMEOUT_SECONDS),
      tableAccess: COMMENT_INDEXER_TABLE_ACCESS,
      entities: [CLIENT_ENTITY],
      delivery: COMMENT_INDEXER_STREAM,
      alarmName: 'CommentIndexer',
      owner: 'the comment indexer',
      onFailure: 'the comment indexer gave up on stream records: run `npm run comments:reindex`',
    });
  }
}
