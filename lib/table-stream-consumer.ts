/**
 * A function fed by the service table's stream, as Lambda runs the comment indexer and the report
 * counter (lib/comment-indexer.ts, lib/report-counter.ts): one construct so both get the same delivery,
 * grants, failure queues and alarms, and differ only in what they declare.
 *
 * Delivery: from the oldest record the stream still holds (TRIM_HORIZON, so a first deploy or a
 * re-created mapping handles the last 24 h too), invoked only for items of the declared `entity`
 * values (inserted or edited: NewImage; removed: OldImage only), failures reported per record
 * (ReportBatchItemFailures). A record that keeps failing is retried a bounded number of times (the batch
 * halved each time), then its batch's description (shard, sequence numbers; never item data) goes to an
 * encrypted queue (lib/failure-queues.ts) and an alarm fires.
 *
 * Grants: exactly the declared table access, per item kind under `dynamodb:LeadingKeys`
 * (ApiFunction.grantTable); the stream of this one table (DynamoEventSource); the failure queue; the
 * region's key through DynamoDB (the stream and the items) and SQS (the queue) only.
 */
import { type Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { type ITable, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TableAccess } from '../functions/adapters/dynamodb/table-design';
import type { ServiceAlarms } from './alarms';
import { ApiFunction } from './api-function';
import { createFailureQueues, watchFailureQueues } from './failure-queues';
import { type ServiceKeyReference, tableKeyNeeds, useKey } from './key-use';
import type { ExportedValue } from './stateful-stack';

/** How Lambda hands the stream to the function. */
export interface StreamDelivery {
  batchSize: number;
  /** Each retry halves the batch (bisect), so 10 isolates one bad record of a 100-record batch. */
  retryAttempts: number;
  /** The stream keeps records 24 h: older ones are gone anyway. */
  maxRecordAge: Duration;
  /** Alarm when the oldest record waiting is older than this (normal: well under a second). */
  iteratorAgeAlarmMs: number;
  /** How long Lambda gathers records before it invokes (none: at once). */
  maxBatchingWindow?: Duration;
}

/** What the stateless stack gives every consumer. */
export interface StreamConsumerStackProps {
  table: { name: ExportedValue; arn: ExportedValue; streamArn: ExportedValue };
  /** The `service` and `table` groups of the environment contract (functions/runtime/env.ts). */
  environment: Record<string, string>;
  removalPolicy: RemovalPolicy;
  alarms: ServiceAlarms;
  /** The region's key: it encrypts the queues; the function decrypts the stream and table with it. */
  encryptionKey: ServiceKeyReference;
}

/** What one consumer declares. */
export interface StreamConsumerDesign {
  /** The id of its function under the construct (keeps the function's logical id stable). */
  functionId: string;
  /** The handler, relative to the repository root. */
  entry: string;
  description: string;
  timeout: Duration;
  /** Exactly what its adapters do to the table, per item kind. */
  tableAccess: TableAccess;
  /** The `entity` values of the items it is invoked for. */
  entities: readonly string[];
  delivery: StreamDelivery;
  /** The prefix of its alarms' names (`<name>Errors`, `<name>IteratorAge`, `<name>FailuresVisible`, ...). */
  alarmName: string;
  /** Who it is, in the dead-letter alarm's words ("the comment indexer"). */
  owner: string;
  /** The failure queue alarm's text: what happened and what to run. */
  onFailure: string;
}

export class TableStreamConsumer extends Construct {
  readonly function: ApiFunction;
  /** Where Lambda describes the batches it gave up on (on-failure destination). */
  readonly failures: Queue;
  /** Where failure messages go after being received 5 times without being deleted. */
  readonly failuresDeadLetters: Queue;

  constructor(scope: Construct, id: string, props: StreamConsumerStackProps & StreamConsumerDesign) {
    super(scope, id);
    this.function = new ApiFunction(this, props.functionId, {
      entry: props.entry,
      description: props.description,
      environment: props.environment,
      removalPolicy: props.removalPolicy,
      timeout: props.timeout,
    });
    this.function.grantTable(props.table, props.tableAccess);
    // The key: the stream's records and the table's items (DynamoDB), and the failure queue Lambda
    // writes to with this function's role (SQS); nothing through S3 (lib/key-use.ts).
    const tableNeeds = tableKeyNeeds(props.tableAccess);
    useKey(this.function.role, props.encryptionKey, { reads: ['dynamodb', ...tableNeeds.reads], writes: [...tableNeeds.writes, 'sqs'] });

    const queues = createFailureQueues(this, props);
    this.failures = queues.failures;
    this.failuresDeadLetters = queues.failuresDeadLetters;

    // TableV2's import: its stream grant names the stream for ListStreams too (Table's uses "*").
    const table: ITable = TableV2.fromTableAttributes(this, 'ServiceTable', {
      tableArn: props.table.arn.value,
      tableStreamArn: props.table.streamArn.value,
    });
    const entity = { entity: { S: [...props.entities] } };
    this.function.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: props.delivery.batchSize,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: props.delivery.retryAttempts,
        maxRecordAge: props.delivery.maxRecordAge,
        ...(props.delivery.maxBatchingWindow ? { maxBatchingWindow: props.delivery.maxBatchingWindow } : {}),
        onFailure: new SqsDlq(this.failures),
        // Inserted and edited items carry a NewImage; items removed (by TTL or retention) only an OldImage.
        filters: [FilterCriteria.filter({ dynamodb: { NewImage: entity } }), FilterCriteria.filter({ dynamodb: { OldImage: entity } })],
      }),
    );

    props.alarms.watchFunction(props.alarmName, this.function.function);
    props.alarms.watchStream(props.alarmName, this.function.function, props.delivery.iteratorAgeAlarmMs);
    watchFailureQueues(props.alarms, props.alarmName, queues, props.owner, props.onFailure);
  }
}
