/**
 * Retention of anonymous profiles (docs/storage.md#retention), only with `-c clientRetentionYears=N`:
 * functions/handlers/expire-anonymous-clients.ts, invoked once a day by an EventBridge schedule, removes
 * the profiles registered more than N years ago with their search postings, session, receipt records
 * and files and audit entries (domain/client-retention.ts), after settling the report counts that
 * include them (they stay counted: CONTRACT §11).
 *
 * Its grants are exactly what that removal does, per item kind and limited by `dynamodb:LeadingKeys`
 * like every table grant (functions/adapters/dynamodb/table-grants.ts): Query the agency registry, the
 * registrations index, the audit and receipt partitions; remove the client's postings and retire words
 * as the comment indexer does; settle the client's report counts (GetItem of the client, Query of its
 * session, then the report counter's marker and tally writes: REPORT_SETTLE_TABLE_ACCESS); and
 * DeleteItem on clients, audit entries, receipt records and sessions.
 * Those four deletes are outside the API's table design on purpose (ITEM_KINDS lets no route or the
 * indexer delete a profile or an audit entry): this function alone holds them, and it exists only when
 * retention is on. It never puts or updates a profile, an audit entry, a receipt or a session (its only
 * puts and updates are of report markers and tallies, and of search vocabulary entries). On the
 * receipts bucket: ListBucket on the `receipts/` prefix and DeleteObject under it; no GetObject.
 *
 * Failures: an invocation that fails (a client could not be removed, a timeout) is retried twice by
 * Lambda, then described (never item data: the event is empty) in an encrypted queue with its own
 * dead-letter queue, as the comment indexer's failures are; the function's errors and the queue raise
 * the alarms. The next day's run retries whatever is left anyway: every step is idempotent.
 */
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { REPORT_SETTLE_TABLE_ACCESS } from '../functions/adapters/dynamodb/report-tallies';
import { ITEM_KINDS, type ItemKind, type TableAccess } from '../functions/adapters/dynamodb/table-design';
import { leadingKeysCondition } from '../functions/adapters/dynamodb/table-grants';
import { RECEIPTS_PREFIX } from '../functions/adapters/s3/receipt-files';
import type { ServiceAlarms } from './alarms';
import { ApiFunction } from './api-function';
import { createFailureQueues, watchFailureQueues } from './failure-queues';
import { type ServiceKeyReference, useKey } from './key-use';
import type { ExportedValue } from './stateful-stack';

/** The handler, relative to the repository root. */
export const CLIENT_RETENTION_ENTRY = 'functions/handlers/expire-anonymous-clients.ts';

/** Once a day at 07:00 UTC: 02:00 or 03:00 in Toronto, 00:00 or 01:00 in Vancouver. */
export const CLIENT_RETENTION_SCHEDULE = { minute: '0', hour: '7' } as const;
/** Lambda's longest: the run stops taking clients a minute before and the next day goes on. */
export const CLIENT_RETENTION_TIMEOUT = Duration.minutes(15);

/**
 * What the function does to the table within the table design (table-design.ts ITEM_KINDS): find the
 * agencies and the due clients, read the keys of a client's audit entries and receipt records, and
 * remove its search postings and retire the words no one else holds (adapters/dynamodb/search-index.ts).
 */
export const CLIENT_RETENTION_TABLE_ACCESS = {
  agencyRegistry: ['query'],
  registrations: ['query'],
  audit: ['query'],
  receipt: ['query'],
  searchWord: ['query', 'batchWrite'],
  searchSite: ['batchWrite'],
  searchVocabulary: ['update', 'delete'],
} as const satisfies TableAccess;

/** The item kinds it deletes one by one (DeleteItem), beyond the table design's operations. */
export const CLIENT_RETENTION_DELETED_KINDS = ['client', 'audit', 'receipt', 'session'] as const satisfies readonly ItemKind[];

export interface ClientRetentionProps {
  table: { name: ExportedValue; arn: ExportedValue; indexNames: readonly string[] };
  receiptsBucket: { name: ExportedValue; arn: ExportedValue };
  /** The `service`, `table`, `receipts` and `retention` groups of the environment contract. */
  environment: Record<string, string>;
  removalPolicy: RemovalPolicy;
  alarms: ServiceAlarms;
  encryptionKey: ServiceKeyReference;
}

export class ClientRetention extends Construct {
  readonly function: ApiFunction;
  readonly schedule: Rule;
  /** Where Lambda describes the invocations it gave up on (on-failure destination). */
  readonly failures: Queue;
  readonly failuresDeadLetters: Queue;

  constructor(scope: Construct, id: string, props: ClientRetentionProps) {
    super(scope, id);
    this.function = new ApiFunction(this, 'Expirer', {
      entry: CLIENT_RETENTION_ENTRY,
      description: 'Retention: removes anonymous profiles past clientRetentionYears, daily (expire-anonymous-clients)',
      environment: props.environment,
      removalPolicy: props.removalPolicy,
      timeout: CLIENT_RETENTION_TIMEOUT,
    });
    const role = this.function.role;
    this.function.grantTable(props.table, CLIENT_RETENTION_TABLE_ACCESS);
    // Before it removes a client, the counts that include it are settled (ReportCounts.settle): it reads
    // the client and its session and counts them through the report counter's own writer (markers and
    // tallies), so a removed profile stays counted whatever the stream has delivered yet.
    this.function.grantTable(props.table, REPORT_SETTLE_TABLE_ACCESS);
    for (const kind of CLIENT_RETENTION_DELETED_KINDS) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['dynamodb:DeleteItem'],
          resources: [props.table.arn.value],
          conditions: leadingKeysCondition(ITEM_KINDS[kind].leadingKeys),
        }),
      );
    }
    const bucketArn = props.receiptsBucket.arn.value;
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${RECEIPTS_PREFIX}*`] } },
      }),
    );
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:DeleteObject'], resources: [`${bucketArn}/${RECEIPTS_PREFIX}*`] }));
    if (props.receiptsBucket.arn.exportName) {
      Validations.of(role.node.findChild('DefaultPolicy')).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${props.receiptsBucket.arn.exportName}/${RECEIPTS_PREFIX}*]`,
        reason:
          'Retention deletes the receipt files of the profiles it removes; their keys (receipts/<agency>/<client>/<receipt>) are found at run time by listing the client prefix, so the grant covers the receipts/ prefix of this one bucket, with s3:DeleteObject only.',
      });
    }
    // The key: table reads and deletes (DynamoDB), the failure queue Lambda sends to with this role (SQS).
    useKey(role, props.encryptionKey, { reads: [], writes: ['dynamodb', 'sqs'] });

    const queues = createFailureQueues(this, props);
    this.failures = queues.failures;
    this.failuresDeadLetters = queues.failuresDeadLetters;
    this.function.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.failures),
    });

    this.schedule = new Rule(this, 'Daily', {
      description: 'Runs the retention of anonymous profiles once a day',
      schedule: Schedule.cron(CLIENT_RETENTION_SCHEDULE),
      targets: [new LambdaFunction(this.function.function, { event: RuleTargetInput.fromObject({}), retryAttempts: 2 })],
    });

    props.alarms.watchFunction('ClientRetention', this.function.function);
    watchFailureQueues(
      props.alarms,
      'ClientRetention',
      queues,
      'the retention run',
      'the daily retention run failed three times: see its log, then run `npm run clients:expire` (or wait for the next day)',
    );
  }
}
