/**
 * The comment-search indexer (docs/comment-search.md): functions/handlers/index-client-comments.ts on
 * the service table's stream. It is the only function that may delete table items: it replaces a
 * client's word postings when the comment changes, removing those of old words through BatchWriteItem
 * (adapters/dynamodb/search-index.ts), and that IAM action authorises DeleteRequests as well as puts.
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
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { COMMENT_INDEXER_TIMEOUT_SECONDS } from '../functions/api/routes/route-definition';
import type { ServiceAlarms } from './alarms';
import { ApiFunction } from './api-function';
import type { ExportedValue } from './stateful-stack';

/** The handler, relative to the repository root. */
export const COMMENT_INDEXER_ENTRY = 'functions/handlers/index-client-comments.ts';
/** The `entity` of the items the indexer works on (functions/handlers/index-client-comments.ts). */
export const CLIENT_ENTITY = 'ANONYMOUS_CLIENT';

/**
 * What the indexer does to the table, and nothing more: BatchGetItem reads which vocabulary words exist,
 * BatchWriteItem puts postings and vocabulary entries and deletes the postings of words a comment no
 * longer has. It reads no index (gsi1) and never calls PutItem, UpdateItem or DeleteItem one by one.
 */
export const COMMENT_INDEXER_TABLE_ACTIONS = ['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem'] as const;

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
    // The delete this function needs (BatchWriteItem DeleteRequest for old words' postings), on the
    // table alone; no other function of the service gets BatchWriteItem (a test holds that).
    this.function.grantTable(props.table, COMMENT_INDEXER_TABLE_ACTIONS);

    const queueDefaults = {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.removalPolicy,
    };
    this.failuresDeadLetters = new Queue(this, 'FailuresDeadLetters', queueDefaults);
    this.failures = new Queue(this, 'Failures', {
      ...queueDefaults,
      deadLetterQueue: { queue: this.failuresDeadLetters, maxReceiveCount: 5 },
    });

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
