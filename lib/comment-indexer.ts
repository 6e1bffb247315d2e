/**
 * The comment-search indexer (docs/comment-search.md): functions/handlers/index-client-comments.ts on
 * the service table's stream. It is the only function that may delete table items, and only items of
 * the search index: it replaces a client's word postings when the comment changes, removing those of
 * old words through BatchWriteItem (adapters/dynamodb/search-index.ts), which authorises DeleteRequests
 * as well as puts, so that action is limited by `dynamodb:LeadingKeys` to the index's item kinds.
 *
 * Delivery: from the oldest record the stream still holds (TRIM_HORIZON, so a first deploy or a
 * re-created mapping indexes the last 24 h too), invoked only for client items, failures reported per
 * record. A record that keeps failing is retried a bounded number of times (the batch halved each time),
 * then its batch's description (shard, sequence numbers; never item data) goes to an encrypted queue and
 * an alarm fires; `npm run comments:reindex` then repairs the index from the table.
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { type ITable, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TableAccess } from '../functions/adapters/dynamodb/table-design';
import { COMMENT_INDEXER_TIMEOUT_SECONDS } from '../functions/api/routes/route-definition';
import type { ServiceAlarms } from './alarms';
import { ApiFunction } from './api-function';
import { encryptQueue, type ServiceKeyReference, tableKeyNeeds, useKey } from './key-use';
import type { ExportedValue } from './stateful-stack';

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
export const COMMENT_INDEXER_STREAM = {
  batchSize: 100,
  /** Each retry halves the batch (bisect), so 10 isolates one bad record of a 100-record batch. */
  retryAttempts: 10,
  /** The stream keeps records 24 h: older ones are gone anyway. */
  maxRecordAge: Duration.hours(24),
  /** Alarm when the oldest record waiting is older than this (normal: well under a second). */
  iteratorAgeAlarmMs: 5 * 60 * 1000,
} as const;

export interface CommentIndexerProps {
  table: { name: ExportedValue; arn: ExportedValue; streamArn: ExportedValue };
  /** The `service` and `table` groups of the environment contract (functions/runtime/env.ts). */
  environment: Record<string, string>;
  removalPolicy: RemovalPolicy;
  alarms: ServiceAlarms;
  /** The region's key: it encrypts the queues; the function decrypts the stream and table with it. */
  encryptionKey: ServiceKeyReference;
}

export class CommentIndexer extends Construct {
  readonly function: ApiFunction;
  /** Where Lambda describes the batches it gave up on (on-failure destination). */
  readonly failures: Queue;
  /** Where failure messages go after being received 5 times without being deleted. */
  readonly failuresDeadLetters: Queue;

  constructor(scope: Construct, id: string, props: CommentIndexerProps) {
    super(scope, id);
    this.function = new ApiFunction(this, 'Indexer', {
      entry: COMMENT_INDEXER_ENTRY,
      description: 'Comment-search indexer: table stream -> word postings (index-client-comments)',
      environment: props.environment,
      removalPolicy: props.removalPolicy,
      timeout: Duration.seconds(COMMENT_INDEXER_TIMEOUT_SECONDS),
    });
    // The deletes this function needs (BatchWriteItem DeleteRequests for old words' postings, DeleteItem
    // of a retired vocabulary entry), on the search index's kinds alone; no other function of the
    // service gets BatchWriteItem (a test holds that).
    this.function.grantTable(props.table, COMMENT_INDEXER_TABLE_ACCESS);
    // The key: the stream's records and the table's items (DynamoDB), and the failure queue Lambda
    // writes to with this function's role (SQS); nothing through S3 (lib/key-use.ts).
    const tableNeeds = tableKeyNeeds(COMMENT_INDEXER_TABLE_ACCESS);
    useKey(this.function.role, props.encryptionKey, { reads: ['dynamodb', ...tableNeeds.reads], writes: [...tableNeeds.writes, 'sqs'] });

    // SSE-KMS with the region's key, set by encryptQueue below (lib/key-use.ts says why not CDK's).
    const queueDefaults = {
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.removalPolicy,
    };
    this.failuresDeadLetters = new Queue(this, 'FailuresDeadLetters', queueDefaults);
    this.failures = new Queue(this, 'Failures', {
      ...queueDefaults,
      deadLetterQueue: { queue: this.failuresDeadLetters, maxReceiveCount: 5 },
    });
    for (const queue of [this.failures, this.failuresDeadLetters]) encryptQueue(queue, props.encryptionKey);

    // TableV2's import: its stream grant names the stream for ListStreams too (Table's uses "*").
    const table: ITable = TableV2.fromTableAttributes(this, 'ServiceTable', {
      tableArn: props.table.arn.value,
      tableStreamArn: props.table.streamArn.value,
    });
    const isClient = FilterRule.isEqual(CLIENT_ENTITY);
    this.function.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: COMMENT_INDEXER_STREAM.batchSize,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: COMMENT_INDEXER_STREAM.retryAttempts,
        maxRecordAge: COMMENT_INDEXER_STREAM.maxRecordAge,
        onFailure: new SqsDlq(this.failures),
        // Only client items (inserted, edited: NewImage; removed by TTL: OldImage only). Audit entries,
        // sessions, receipts and the index's own postings never invoke the function.
        filters: [
          FilterCriteria.filter({ dynamodb: { NewImage: { entity: { S: isClient } } } }),
          FilterCriteria.filter({ dynamodb: { OldImage: { entity: { S: isClient } } } }),
        ],
      }),
    );

    props.alarms.watchFunction('CommentIndexer', this.function.function);
    props.alarms.watchStream('CommentIndexer', this.function.function, COMMENT_INDEXER_STREAM.iteratorAgeAlarmMs);
    props.alarms.watchQueue(
      'CommentIndexerFailures',
      this.failures,
      'the comment indexer gave up on stream records: run `npm run comments:reindex`',
    );
    props.alarms.watchQueue(
      'CommentIndexerFailuresDeadLetters',
      this.failuresDeadLetters,
      'failure messages of the comment indexer were received 5 times without being deleted',
    );
  }
}
