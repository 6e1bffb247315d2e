/**
 * One real embedded server (DynamoDB Local + S3 emulator + gateway) for the integration project,
 * started through the same entry point as `npm start`, on a fresh data directory.
 *
 * Jest runs this before it starts its workers, so what it puts in `process.env` reaches every test
 * file (`server()` in test/support/api.ts reads it); the server itself is handed to global-teardown.ts
 * through `globalThis`, which jest shares between the two.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../../support/server-process';
import { INTEGRATION_SERVER, type IntegrationServer } from './integration-server';

export default async function startIntegrationServer() {
  const dataDir = await mkdtemp(join(tmpdir(), 'newcomer-intake-it-'));
  const logFile = join(dataDir, 'server-output.log');
  // Search functions look for a newer site index every second instead of every minute, so a test
  // that imports a catalog sees it promptly (the server inherits this environment).
  process.env.SITE_INDEX_REFRESH_SECONDS ??= '1';
  // The server writes its business metrics (EMF) into its log, where business-metrics.test.ts reads them.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'false';
  const server = await startServerProcess({ dataDir, logFile });
  process.env.IT_SERVER_URL = server.url;
  process.env.IT_DATA_DIR = dataDir;
  process.env.IT_SERVER_LOG_FILE = logFile;
  (globalThis as { [INTEGRATION_SERVER]?: IntegrationServer })[INTEGRATION_SERVER] = { server, dataDir };
}
