/**
 * `npm run comments:reindex -- [--agency <id>] [--table <name> --region <region>]`
 * Rebuilds "Find a Client"'s comment index from the stored clients: of one agency, or of all. Use it
 * after a bulk load with STREAM_INDEXER=off, or when the indexer's failures outlived the stream's
 * 24-hour retention (its dead-letter queue in AWS says which). Without --table it works on the local
 * stack of DATA_DIR (through the running server's DynamoDB Local, or by starting one). Idempotent.
 * Prints counts only, never comments.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rebuildSearchIndex } from '../functions/adapters/dynamodb/search-index-rebuild';
import { LOCAL_AWS_CREDENTIALS } from '../local/credentials';
import { acquireDataDirLock, runningStack } from '../local/data-dir-lock';
import { startDynamoDbLocal } from '../local/dynamodb-local';
import { LOCAL_REGION, LOCAL_TABLE_NAME } from '../local/embedded-stack';
import { ensureTable } from '../local/table-setup';

const USAGE = 'usage: npm run comments:reindex -- [--agency <agency id>] [--table <deployed table name> --region <aws region>]';

const { values } = parseArgs({
  options: {
    agency: { type: 'string' },
    table: { type: 'string' },
    region: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

async function withTable<T>(use: (db: DynamoDBClient, tableName: string) => Promise<T>): Promise<T> {
  if (values.table) return use(new DynamoDBClient({ region: values.region }), values.table);
  const dataDir = resolve(process.env.DATA_DIR ?? './.data');
  const credentials = { ...LOCAL_AWS_CREDENTIALS };
  const running = await runningStack(dataDir);
  if (running?.dynamodb) {
    console.error(`rebuilding in the running local stack (pid ${running.pid})`);
    return use(new DynamoDBClient({ region: LOCAL_REGION, endpoint: running.dynamodb, credentials }), LOCAL_TABLE_NAME);
  }
  console.error(`no local server is running on ${dataDir}: starting DynamoDB Local for the rebuild`);
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

const count = await withTable((db, tableName) =>
  rebuildSearchIndex(DynamoDBDocumentClient.from(db, { marshallOptions: { removeUndefinedValues: true } }), tableName, {
    agencyId: values.agency,
    onProgress: (clients) => process.stderr.write(`\rre-indexed ${clients} clients`),
  }),
);
process.stderr.write('\n');
console.log(`re-indexed the comments of ${count} clients${values.agency ? ` of agency ${values.agency}` : ''}`);
