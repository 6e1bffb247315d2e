/**
 * The embedded default: DynamoDB Local, the S3 emulator and the local gateway on 127.0.0.1, all state
 * under one data directory. The AWS SDK in the handlers is pointed at the emulators through its own
 * environment variables, so the code that runs here is the code that runs in Lambda.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentClient } from '../functions/adapters/dynamodb/document-client';
import { DynamoDbSiteCatalog } from '../functions/adapters/dynamodb/site-catalog';
import { s3Client } from '../functions/adapters/s3/s3-client';
import { S3SiteIndexStore } from '../functions/adapters/s3/site-index-store';
import { type RouteDefinition, routes } from '../functions/api/routes';
import {
  COMMENT_INDEXER_TIMEOUT_SECONDS,
  REPORT_COUNTER_BATCHING_WINDOW_SECONDS,
  REPORT_COUNTER_TIMEOUT_SECONDS,
} from '../functions/api/routes/route-definition';
import { importSiteCatalog, publishMissingSiteIndex } from '../functions/domain/import-site-catalog';
import { ENVIRONMENT_GROUPS_ALL, environmentFor, type EnvironmentValues, readEnv } from '../functions/runtime/env';
import { serviceVersion } from '../lib/service-version';
import { startClientRetentionRunner } from './client-retention-runner';
import { LOCAL_AWS_CREDENTIALS } from './credentials';
import { acquireDataDirLock } from './data-dir-lock';
import { type RunningDynamoDbLocal, startDynamoDbLocal } from './dynamodb-local';
import { createGateway, type LambdaHandler } from './gateway';
import { startS3Emulator } from './s3-emulator';
import { localSearchCursorKey } from './search-cursor-key';
import { startStreamRunner } from './stream-runner';
import { ensureTable } from './table-setup';
import { createLocalTokenVerifier } from './tokens';
import { createWebHost } from './web-host';

export const LOCAL_REGION = 'ca-central-1';
export const LOCAL_TABLE_NAME = 'newcomer-intake';
export const LOCAL_BUCKETS = { receipts: 'newcomer-intake-receipts', siteIndex: 'newcomer-intake-site-index' } as const;
export const SAMPLE_CATALOG = fileURLToPath(new URL('../data/sites/sample-ontario-sites.csv', import.meta.url));
const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB_ROOT = join(REPOSITORY_ROOT, 'web', 'dist');

export interface EmbeddedStackOptions {
  port: number;
  dataDir: string;
  /** Progress lines for people (stderr in `npm start`); never request data. */
  onStatus?: (line: string) => void;
}

export interface EmbeddedStack {
  url: string;
  port: number;
  dynamoDbEndpoint: string;
  s3Endpoint: string;
  stop(): Promise<void>;
  /** Resolves if an emulator dies while the stack runs. */
  failed: Promise<string>;
}

/**
 * Points every AWS SDK client in this process at the emulators, as Lambda's environment would at
 * AWS, and sets every variable of the environment contract (functions/runtime/env.ts): one process
 * runs every handler here. Variables already set win where the contract has a default to tune
 * (link lifetime, refresh interval: tests shorten them). Business metrics (EMF) are off unless
 * POWERTOOLS_METRICS_DISABLED=false: nothing here reads them, and they would fill the log.
 */
function configureProcessEnvironment(endpoints: { dynamodb: string; s3: string }, searchCursorKey: string) {
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_AWS_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_AWS_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    S3_FORCE_PATH_STYLE: 'true',
  });
  const values: EnvironmentValues = {
    service: {
      SERVICE_VERSION: serviceVersion(),
      POWERTOOLS_METRICS_NAMESPACE: 'newcomer-intake-local',
      POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    },
    table: { TABLE_NAME: LOCAL_TABLE_NAME },
    receipts: { RECEIPTS_BUCKET: LOCAL_BUCKETS.receipts },
    siteIndex: { SITE_INDEX_BUCKET: LOCAL_BUCKETS.siteIndex },
    // Off unless CLIENT_RETENTION_YEARS is set for `npm start` (then it is already in process.env).
    retention: {},
    searchCursorKey: { SEARCH_CURSOR_KEY: searchCursorKey },
  };
  Object.assign(process.env, environmentFor(ENVIRONMENT_GROUPS_ALL, values));
  delete process.env.AWS_PROFILE;
}

export async function startEmbeddedStack(options: EmbeddedStackOptions): Promise<EmbeddedStack> {
  const status = options.onStatus ?? (() => {});
  await mkdir(join(options.dataDir, 'logs'), { recursive: true });
  const lock = await acquireDataDirLock(options.dataDir);
  const cleanups: (() => Promise<void>)[] = [() => lock.release()];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  };
  try {
    const emulatorLog = createWriteStream(join(options.dataDir, 'logs', 'dynamodb-local.log'), { flags: 'a' });
    cleanups.push(() => new Promise((resolve) => emulatorLog.end(resolve)));
    const dynamodb: RunningDynamoDbLocal = await startDynamoDbLocal({
      dbPath: join(options.dataDir, 'dynamodb'),
      onLog: (line) => emulatorLog.write(`${line}\n`),
    });
    cleanups.push(() => dynamodb.stop());
    const s3 = await startS3Emulator({ directory: join(options.dataDir, 's3'), buckets: Object.values(LOCAL_BUCKETS) });
    cleanups.push(() => s3.stop());
    configureProcessEnvironment({ dynamodb: dynamodb.endpoint, s3: s3.endpoint }, await localSearchCursorKey(options.dataDir));

    const admin = new DynamoDBClient({});
    cleanups.push(async () => admin.destroy());
    if ((await ensureTable(admin, LOCAL_TABLE_NAME)) === 'created') status('created table ' + LOCAL_TABLE_NAME);
    await loadSampleCatalogOnFirstStart(status);
    await startStreamConsumers(options.dataDir, status, cleanups);
    await startClientRetention(status, cleanups);

    const gateway = createGateway({
      routes,
      loadHandler: handlerLoader(),
      verifyToken: await createLocalTokenVerifier(options.dataDir),
      // The reference front end and its local sign-in (POST /local/token): embedded mode only.
      fallback: createWebHost({ dataDir: options.dataDir, webRoot: WEB_ROOT }),
    });
    await new Promise<void>((resolve, reject) => {
      gateway.once('error', reject);
      gateway.listen(options.port, '127.0.0.1', resolve);
    });
    cleanups.push(
      () =>
        new Promise((resolve) => {
          gateway.close(() => resolve());
          gateway.closeAllConnections();
        }),
    );
    const port = (gateway.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}`;
    await lock.describe({ url, dynamodb: dynamodb.endpoint, s3: s3.endpoint });
    return {
      url,
      port,
      dynamoDbEndpoint: dynamodb.endpoint,
      s3Endpoint: s3.endpoint,
      stop: stopAll,
      failed: dynamodb.exited.then(() => 'DynamoDB Local exited unexpectedly'),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function handlerLoader(): (definition: RouteDefinition) => Promise<LambdaHandler> {
  const loaded = new Map<string, Promise<LambdaHandler>>();
  return (definition) => {
    let handler = loaded.get(definition.handler);
    if (!handler) {
      const modulePath = join(REPOSITORY_ROOT, definition.handler);
      handler = import(modulePath).then((module: { handler: LambdaHandler }) => module.handler);
      loaded.set(definition.handler, handler);
    }
    return handler;
  };
}

async function loadSampleCatalogOnFirstStart(status: (line: string) => void) {
  const catalog = new DynamoDbSiteCatalog(documentClient(), LOCAL_TABLE_NAME);
  const index = new S3SiteIndexStore(s3Client(), LOCAL_BUCKETS.siteIndex);
  if ((await catalog.loadedSiteCount()) > 0) {
    // A data directory from before the search index existed: build its index once from the table.
    const rebuilt = await publishMissingSiteIndex(catalog, index);
    if (rebuilt !== undefined) status(`built the site-search index of ${rebuilt} sites`);
    return;
  }
  status('first start: loading the sample site catalog');
  const outcome = await importSiteCatalog(await readFile(SAMPLE_CATALOG), { source: 'sample-ontario-sites.csv', writer: catalog, index });
  if (!outcome.ok) throw new Error(`The shipped sample catalog is invalid: ${outcome.errors[0]?.message}`);
  status(`loaded ${outcome.siteCount} sample sites`);
}

/**
 * The table's two stream consumers, as in AWS, each fed from DynamoDB Local's stream as Lambda would
 * (local/stream-runner.ts) with its own checkpoint in DATA_DIR:
 * - "Find a Client"'s comment indexer (docs/comment-search.md). STREAM_INDEXER=off leaves it out (bulk
 *   loads; rebuild afterwards with `npm run comments:reindex`).
 * - the report counter (docs/reports.md). REPORT_COUNTER=off leaves it out (the benchmark compares
 *   registration with and without it; recount afterwards with `npm run reports:rebuild`).
 */
const STREAM_CONSUMERS = [
  {
    name: 'comment indexer',
    functionName: 'index-client-comments',
    timeoutSeconds: COMMENT_INDEXER_TIMEOUT_SECONDS,
    batchingWindowMs: 0,
    off: 'STREAM_INDEXER',
    checkpoint: 'stream-indexer.json',
    load: async () => (await import('../functions/handlers/index-client-comments')).handler,
  },
  {
    name: 'report counter',
    functionName: 'count-for-reports',
    timeoutSeconds: REPORT_COUNTER_TIMEOUT_SECONDS,
    batchingWindowMs: REPORT_COUNTER_BATCHING_WINDOW_SECONDS * 1000,
    off: 'REPORT_COUNTER',
    checkpoint: 'report-counter.json',
    load: async () => (await import('../functions/handlers/count-for-reports')).handler,
  },
] as const;

async function startStreamConsumers(dataDir: string, status: (line: string) => void, cleanups: (() => Promise<void>)[]) {
  // The streams client has its own endpoint variable; DynamoDB Local serves both APIs.
  process.env.AWS_ENDPOINT_URL_DYNAMODB_STREAMS = process.env.AWS_ENDPOINT_URL_DYNAMODB;
  for (const consumer of STREAM_CONSUMERS) {
    if (process.env[consumer.off] === 'off') continue;
    // Imported only now, like every handler (handlerLoader): module-level code such as the metrics
    // instance reads the environment configureProcessEnvironment has just set, as in Lambda.
    const runner = await startStreamRunner({
      tableName: LOCAL_TABLE_NAME,
      handler: await consumer.load(),
      name: consumer.functionName,
      timeoutSeconds: consumer.timeoutSeconds,
      batchingWindowMs: consumer.batchingWindowMs,
      checkpointFile: join(dataDir, consumer.checkpoint),
      onProblem: (line) => status(`${consumer.name}: ${line}`),
    });
    cleanups.push(() => runner.stop());
  }
}

/**
 * Retention (docs/storage.md#retention): off unless CLIENT_RETENTION_YEARS is set for `npm start`;
 * then the daily run of local/client-retention-runner.ts, on the adapters the handlers use.
 */
async function startClientRetention(status: (line: string) => void, cleanups: (() => Promise<void>)[]) {
  const years = readEnv('retention').CLIENT_RETENTION_YEARS;
  if (years === undefined) return;
  const { retentionDependencies } = await import('../functions/runtime/retention-dependencies');
  const runner = startClientRetentionRunner({
    retentionYears: years,
    timeZone: readEnv('service').AGENCY_TIME_ZONE,
    ports: retentionDependencies,
    onStatus: status,
  });
  status(`retention: profiles are removed ${years} years after their registration date (a run a minute from now, then daily)`);
  cleanups.push(() => runner.stop());
}
