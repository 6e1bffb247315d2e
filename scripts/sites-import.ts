/**
 * `npm run sites:import -- <file.csv> [--table <name> --region <region>]`
 * Loads a site catalog. Without --table it loads the local stack of DATA_DIR: through the running
 * server's DynamoDB Local if one is up, else by starting DynamoDB Local on the data directory itself.
 * With --table it writes to that deployed table with the usual AWS credentials.
 * The whole file is checked first; if any row is bad, the errors are listed with line numbers and
 * nothing is written.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbSiteCatalog } from '../functions/adapters/dynamodb/site-catalog';
import { type ImportProgress, importSiteCatalog } from '../functions/domain/import-site-catalog';
import { LOCAL_AWS_CREDENTIALS } from '../local/credentials';
import { acquireDataDirLock, runningStack } from '../local/data-dir-lock';
import { startDynamoDbLocal } from '../local/dynamodb-local';
import { LOCAL_REGION, LOCAL_TABLE_NAME } from '../local/embedded-stack';
import { ensureTable } from '../local/table-setup';

const USAGE = 'usage: npm run sites:import -- <file.csv> [--table <deployed table name> --region <aws region>]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { table: { type: 'string' }, region: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help || positionals.length !== 1) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
const file = resolve(positionals[0] as string);

function reportProgress(progress: ImportProgress) {
  if (progress.phase === 'checking') process.stderr.write(`\rchecked ${progress.rowsRead} rows`);
  else process.stderr.write(`\rwrote ${progress.written} of ${progress.total} sites`);
}

async function withTable<T>(use: (db: DynamoDBClient, tableName: string) => Promise<T>): Promise<T> {
  if (values.table) {
    return use(new DynamoDBClient({ region: values.region }), values.table);
  }
  const dataDir = resolve(process.env.DATA_DIR ?? './.data');
  const credentials = { ...LOCAL_AWS_CREDENTIALS };
  const running = await runningStack(dataDir);
  if (running?.dynamodb) {
    console.error(`importing into the running local stack (pid ${running.pid})`);
    return use(new DynamoDBClient({ region: LOCAL_REGION, endpoint: running.dynamodb, credentials }), LOCAL_TABLE_NAME);
  }
  console.error(`no local server is running on ${dataDir}: starting DynamoDB Local for the import`);
  const lock = await acquireDataDirLock(dataDir);
  const dynamodb = await startDynamoDbLocal({ dbPath: join(dataDir, 'dynamodb') });
  try {
    const db = new DynamoDBClient({ region: LOCAL_REGION, endpoint: dynamodb.endpoint, credentials });
    await ensureTable(db, LOCAL_TABLE_NAME);
    return await use(db, LOCAL_TABLE_NAME);
  } finally {
    await dynamodb.stop();
    await lock.release();
  }
}

const csv = await readFile(file).catch((error: NodeJS.ErrnoException) => {
  console.error(`sites:import: cannot read ${file}: ${error.code ?? error.message}`);
  process.exit(2);
});

const outcome = await withTable((db, tableName) =>
  importSiteCatalog(
    csv,
    basename(file),
    new DynamoDbSiteCatalog(DynamoDBDocumentClient.from(db, { marshallOptions: { removeUndefinedValues: true } }), tableName),
    reportProgress,
  ),
);
process.stderr.write('\n');
if (!outcome.ok) {
  console.error(`sites:import: ${file} was not imported; nothing was written. Fix these rows:`);
  for (const error of outcome.errors) {
    console.error(`  line ${error.line}${error.field ? ` (${error.field})` : ''}: ${error.message}`);
  }
  process.exit(1);
}
console.log(`imported ${outcome.siteCount} sites from ${basename(file)}`);
