/**
 * `npm run sites:import -- <file.csv> [--table <name> --bucket <name> --region <region>]`
 * Loads a site catalog and publishes its search index. Without --table it loads the local stack of
 * DATA_DIR: through the running server's emulators if one is up, else by starting DynamoDB Local and
 * the S3 emulator on the data directory itself. With --table and --bucket it writes to that deployed
 * table and site-index bucket with the usual AWS credentials (both are needed: a catalog without its
 * index would be invisible to search).
 * The whole file is checked first; if any row is bad, the errors are listed with line numbers and
 * nothing is written. Progress goes to stderr.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDbSiteCatalog } from '../functions/adapters/dynamodb/site-catalog';
import { S3SiteIndexStore } from '../functions/adapters/s3/site-index-store';
import { type ImportProgress, type ImportTargets, importSiteCatalog } from '../functions/domain/import-site-catalog';
import { withStores } from './stores';

const USAGE =
  'usage: npm run sites:import -- <file.csv> [--table <deployed table name> --bucket <deployed site-index bucket name> --region <aws region>]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    table: { type: 'string' },
    bucket: { type: 'string' },
    region: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help || positionals.length !== 1 || (values.table === undefined) !== (values.bucket === undefined)) {
  if (!values.help && positionals.length === 1)
    console.error('sites:import: --table and --bucket go together (the catalog and its search index).');
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
const file = resolve(positionals[0] as string);

function reportProgress(progress: ImportProgress) {
  switch (progress.phase) {
    case 'checking':
      process.stderr.write(`\rchecked ${progress.rowsRead} rows`);
      break;
    case 'indexing':
      process.stderr.write(`\nbuilding the search index of ${progress.catalogSize} sites\n`);
      break;
    case 'writing':
      process.stderr.write(`\rwrote ${progress.written} of ${progress.total} sites`);
      break;
    case 'publishing':
      process.stderr.write(`\npublishing the search index (${progress.indexBytes} bytes, one object)`);
      break;
  }
}

type Targets = Pick<ImportTargets, 'writer' | 'index'>;

function targetsOf(db: DynamoDBClient, tableName: string, s3: S3Client, bucket: string): Targets {
  const documents = DynamoDBDocumentClient.from(db, { marshallOptions: { removeUndefinedValues: true } });
  return { writer: new DynamoDbSiteCatalog(documents, tableName), index: new S3SiteIndexStore(s3, bucket) };
}

function withTargets<T>(use: (stores: Targets) => Promise<T>): Promise<T> {
  return withStores(
    { table: values.table, bucket: values.bucket, region: values.region, localBucket: 'siteIndex', doing: 'importing' },
    targetsOf,
    use,
  );
}

const csv = await readFile(file).catch((error: NodeJS.ErrnoException) => {
  console.error(`sites:import: cannot read ${file}: ${error.code ?? error.message}`);
  process.exit(2);
});

const outcome = await withTargets((targets) => importSiteCatalog(csv, { ...targets, source: basename(file), onProgress: reportProgress }));
process.stderr.write('\n');
if (!outcome.ok) {
  console.error(`sites:import: ${file} was not imported; nothing was written. Fix these rows:`);
  for (const error of outcome.errors) {
    console.error(`  line ${error.line}${error.field ? ` (${error.field})` : ''}: ${error.message}`);
  }
  process.exit(1);
}
console.log(
  `imported ${outcome.siteCount} sites from ${basename(file)}; the search index now holds ${outcome.catalogSize} sites (searches pick it up within a minute)`,
);
