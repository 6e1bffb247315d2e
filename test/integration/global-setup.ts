/**
 * One real embedded server (DynamoDB Local + S3 emulator + gateway) for the integration project,
 * started through the same entry point as `npm start`, on a fresh data directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type ServerProcess, startServerProcess } from '../../support/server-process';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    dataDir: string;
    serverLogFile: string;
  }
}

let server: ServerProcess | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject) {
  dataDir = await mkdtemp(join(tmpdir(), 'newcomer-intake-it-'));
  const logFile = join(dataDir, 'server-output.log');
  // Search functions look for a newer site index every second instead of every minute, so a test
  // that imports a catalog sees it promptly (the server inherits this environment).
  process.env.SITE_INDEX_REFRESH_SECONDS ??= '1';
  // The server writes its business metrics (EMF) into its log, where business-metrics.test.ts reads them.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'false';
  server = await startServerProcess({ dataDir, logFile });
  project.provide('serverUrl', server.url);
  project.provide('dataDir', dataDir);
  project.provide('serverLogFile', logFile);
}

export async function teardown() {
  await server?.stop();
  if (dataDir && !process.env.KEEP_TEST_DATA) await rm(dataDir, { recursive: true, force: true });
}
