/**
 * `npm run clients:expire -- [--agency <id>] [--dry-run] [--years <n>] [--as-of <YYYY-MM-DD>]
 *   [--table <name> --bucket <receipts bucket> --region <region>]`
 * Removes the anonymous profiles past retention (domain/client-retention.ts) with their postings,
 * session, receipt records and files and audit entries: of one agency, or of every agency in the
 * registry. The years come from --years or CLIENT_RETENTION_YEARS (one of them is required); "today"
 * is the agencies' date (AGENCY_TIME_ZONE, default America/Toronto), or --as-of to see what a later
 * day would remove (with --dry-run). Without --table it works on the local stack of DATA_DIR (the
 * running server's emulators, or its own). Idempotent. Prints counts and ids, never client data.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseArgs } from 'node:util';
import { DEFAULT_AGENCY_TIME_ZONE, isIsoCalendarDate, isValidTimeZone } from '../functions/domain/calendar';
import {
  expireAnonymousClients,
  MAX_RETENTION_YEARS,
  MIN_RETENTION_YEARS,
  type RetentionPorts,
} from '../functions/domain/client-retention';
import { retentionPortsFor } from '../functions/runtime/retention-dependencies';
import { withStores } from './stores';

const USAGE =
  'usage: npm run clients:expire -- [--agency <agency id>] [--dry-run] [--years <n>] [--as-of <YYYY-MM-DD>] [--table <deployed table name> --bucket <deployed receipts bucket> --region <aws region>]';

const { values } = parseArgs({
  options: {
    agency: { type: 'string' },
    'dry-run': { type: 'boolean' },
    years: { type: 'string' },
    'as-of': { type: 'string' },
    table: { type: 'string' },
    bucket: { type: 'string' },
    region: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
function fail(problem: string): never {
  console.error(`clients:expire: ${problem}\n${USAGE}`);
  process.exit(2);
}

const yearsText = values.years ?? process.env.CLIENT_RETENTION_YEARS;
if (yearsText === undefined || yearsText === '') fail('give the retention in years (--years or CLIENT_RETENTION_YEARS)');
const years = Number(yearsText);
if (!Number.isInteger(years) || years < MIN_RETENTION_YEARS || years > MAX_RETENTION_YEARS) {
  fail(`the retention must be a whole number of years from ${MIN_RETENTION_YEARS} to ${MAX_RETENTION_YEARS}, got "${yearsText}"`);
}
const timeZone = process.env.AGENCY_TIME_ZONE || DEFAULT_AGENCY_TIME_ZONE;
if (!isValidTimeZone(timeZone)) fail(`AGENCY_TIME_ZONE "${timeZone}" is not an IANA time zone`);
const asOf = values['as-of'];
if (asOf !== undefined && !isIsoCalendarDate(asOf)) fail(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
if ((values.table === undefined) !== (values.bucket === undefined)) fail('--table and --bucket go together (records and receipt files)');

function portsOf(db: DynamoDBClient, tableName: string, s3: S3Client, bucket: string): RetentionPorts {
  const documents = DynamoDBDocumentClient.from(db, { marshallOptions: { removeUndefinedValues: true } });
  return retentionPortsFor(documents, tableName, s3, bucket);
}

function withPorts<T>(use: (stores: RetentionPorts) => Promise<T>): Promise<T> {
  return withStores(
    { table: values.table, bucket: values.bucket, region: values.region, localBucket: 'receipts', doing: 'working' },
    portsOf,
    use,
  );
}

const dryRun = values['dry-run'] === true;
// --as-of: noon UTC of that date is that date in every Canadian time zone.
const now = asOf ? new Date(`${asOf}T12:00:00Z`) : new Date();
const report = await withPorts((ports) =>
  expireAnonymousClients(
    {
      now,
      retentionYears: years,
      timeZone,
      agencyId: values.agency,
      dryRun,
      onClient: (client, outcome, error) => {
        const what = outcome === 'due' ? 'due' : outcome === 'expired' ? 'removed' : 'FAILED';
        const why = error instanceof Error ? `: ${error.name}: ${error.message}` : '';
        console.error(`${what} ${client.agencyId} ${client.clientId} (registered ${client.registrationDate})${why}`);
      },
    },
    ports,
  ),
);
const scope = values.agency ? `agency ${values.agency}` : `${report.agencies} agencies`;
console.log(
  dryRun
    ? `dry run on ${report.today}: ${report.due} clients of ${scope} registered on or before ${report.latestDueRegistrationDate} would be removed; nothing was removed`
    : `${report.today}: removed ${report.expired} of ${report.due} due clients of ${scope} (registered on or before ${report.latestDueRegistrationDate}), ` +
        `with ${report.removed.sessions} sessions, ${report.removed.receiptRecords} receipt records, ${report.removed.receiptFiles} receipt files and ${report.removed.auditEntries} audit entries` +
        (report.failed > 0 ? `; ${report.failed} failed (run again)` : ''),
);
if (report.failed > 0) process.exit(1);
