/**
 * The report counter (docs/reports.md, docs/operators-guide.md "Reports"): functions/handlers/
 * count-for-reports.ts on the service table's stream, keeping the report tallies equal to a recount of
 * the anonymous clients and their sessions. It is delivered the stream as the comment indexer is
 * (lib/table-stream-consumer.ts): from the oldest record held, only client and session items (new
 * image, or the old image of a removed item), failures per record, bounded retries, then the batch's
 * description (never item data) in an encrypted queue whose alarm says to run `npm run reports:rebuild`.
 *
 * Its grants are exactly what its writer does (REPORT_COUNTER_TABLE_ACCESS, adapters/dynamodb/
 * report-tallies.ts), per item kind under `dynamodb:LeadingKeys`: BatchGetItem and PutItem of the
 * markers (what each unit is counted as), UpdateItem (ADD) of the tallies and the agency's asOf item,
 * the two together in TransactWriteItems (authorised item by item as PutItem and UpdateItem). It reads
 * no client, session or audit entry from the table (the stream's images carry what it counts), and
 * deletes nothing: a tally is never removed by the counter, only moved by ADDs.
 */
import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { REPORT_COUNTER_TABLE_ACCESS } from '../functions/adapters/dynamodb/report-tallies';
import { REPORT_COUNTER_BATCHING_WINDOW_SECONDS, REPORT_COUNTER_TIMEOUT_SECONDS } from '../functions/api/routes/route-definition';
import { CLIENT_ENTITY } from './comment-indexer';
import { type StreamConsumerStackProps, type StreamDelivery, TableStreamConsumer } from './table-stream-consumer';

/** The handler, relative to the repository root. */
export const REPORT_COUNTER_ENTRY = 'functions/handlers/count-for-reports.ts';
/** The `entity` of session items (adapters/dynamodb/session-store.ts): a session counts as one service. */
export const SESSION_ENTITY = 'ANONYMOUS_SESSION';

/** Shared with the embedded mode's stream runner (functions/api/routes/route-definition.ts says why). */
export const REPORT_COUNTER_TIMEOUT = Duration.seconds(REPORT_COUNTER_TIMEOUT_SECONDS);

/** Stream delivery settings, exported for the tests. */
export const REPORT_COUNTER_STREAM: StreamDelivery = {
  batchSize: 100,
  /** Each retry halves the batch (bisect): 10 isolate one bad record of 100. */
  retryAttempts: 10,
  /** The stream keeps records 24 h. */
  maxRecordAge: Duration.hours(24),
  /** `asOf` stops moving while the counter is behind: a report then says its counts are older. */
  iteratorAgeAlarmMs: 5 * 60 * 1000,
  /** A second's records per invocation: most of the tally writes saved under load, for a second of delay. */
  maxBatchingWindow: Duration.seconds(REPORT_COUNTER_BATCHING_WINDOW_SECONDS),
};

export class ReportCounter extends TableStreamConsumer {
  constructor(scope: Construct, id: string, props: StreamConsumerStackProps) {
    super(scope, id, {
      ...props,
      functionId: 'Counter',
      entry: REPORT_COUNTER_ENTRY,
      description: 'Report counter: table stream -> report tallies (count-for-reports)',
      timeout: REPORT_COUNTER_TIMEOUT,
      tableAccess: REPORT_COUNTER_TABLE_ACCESS,
      entities: [CLIENT_ENTITY, SESSION_ENTITY],
      delivery: REPORT_COUNTER_STREAM,
      alarmName: 'ReportCounter',
      owner: 'the report counter',
      onFailure:
        'the report counter gave up on stream records, so report counts may be wrong: run `npm run reports:rebuild` (docs/operators-guide.md, Reports)',
    });
  }
}
