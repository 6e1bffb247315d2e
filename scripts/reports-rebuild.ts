/**
 * `npm run reports:rebuild -- [--agency <id>] [--retention-years <n>] [--table <name> --region <region>]`
 * Recounts the report tallies from the stored clients and sessions (docs/reports.md, "How counts are
 * kept"): of one agency, or of every agency of the registry. With a retention (--retention-years, or
 * CLIENT_RETENTION_YEARS as `npm start` reads it) the months up to the one holding the retention
 * cutoff are left as they are: their profiles are gone and only the kept tallies still count them.
 * Run it when the counter has caught up and nothing is being written (after a restore, before the
 * service opens). Without --table it works on the local stack of DATA_DIR. Prints counts only.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseArgs } from 'node:util';
import { DynamoDbAgencyRegistry } from '../functions/adapters/dynamodb/agency-registry';
import { rebuildReportTallies } from '../functions/adapters/dynamodb/report-tallies-rebuild';
import { DEFAULT_AGENCY_TIME_ZONE, isValidTimeZone, todayIn } from '../functions/domain/calendar';
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from '../functions/domain/client-retention';
import { firstRebuiltMonth } from '../functions/domain/reports/counted-units';
import { withStores } from './stores';

const USAGE =
  'usage: npm run reports:rebuild -- [--agency <agency id>] [--retention-years <n>] [--table <deployed table name> --region <aws region>]';

const { values } = parseArgs({
  options: {
    agency: { type: 'string' },
    'retention-years': { type: 'string' },
    table: { type: 'string' },
    region: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const yearsText = values['retention-years'] ?? process.env.CLIENT_RETENTION_YEARS;
let firstMonth: string | undefined;
if (yearsText !== undefined && yearsText !== '') {
  const years = Number(yearsText);
  if (!Number.isInteger(years) || years < MIN_RETENTION_YEARS || years > MAX_RETENTION_YEARS) {
    fail(`the retention must be a whole number of years from ${MIN_RETENTION_YEARS} to ${MAX_RETENTION_YEARS}, got "${yearsText}"`);
  }
  const timeZone = process.env.AGENCY_TIME_ZONE || DEFAULT_AGENCY_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) fail(`AGENCY_TIME_ZONE "${timeZone}" is not an IANA time zone`);
  firstMonth = firstRebuiltMonth(todayIn(timeZone, new Date()), years);
  console.error(`retention of ${years} years: months before ${firstMonth} are left as they are`);
}

const totals = await withStores(
  // The rebuild needs the table only; the local bucket stands in for the unused --bucket.
  { table: values.table, bucket: values.table ? 'unused' : undefined, region: values.region, localBucket: 'receipts', doing: 'rebuilding' },
  (db, tableName) => ({ db: DynamoDBDocumentClient.from(db, { marshallOptions: { removeUndefinedValues: true } }), tableName }),
  async ({ db, tableName }) => {
    const agencies = values.agency ? [values.agency] : await new DynamoDbAgencyRegistry(db, tableName).list();
    const sum = { agencies: 0, clients: 0, sessions: 0, tallyItems: 0, removedTallyItems: 0 };
    for (const agencyId of agencies) {
      const report = await rebuildReportTallies(db, tableName, { agencyId, ...(firstMonth ? { firstMonth } : {}) });
      sum.agencies += 1;
      sum.clients += report.clients;
      sum.sessions += report.sessions;
      sum.tallyItems += report.tallyItems;
      sum.removedTallyItems += report.removedTallyItems;
      process.stderr.write(`\rrebuilt ${sum.agencies} of ${agencies.length} agencies`);
    }
    return sum;
  },
);
process.stderr.write('\n');
console.log(
  `recounted ${totals.clients} clients and ${totals.sessions} sessions of ${totals.agencies} agencies: ` +
    `${totals.tallyItems} tally items written, ${totals.removedTallyItems} removed`,
);
