/**
 * What each browser test file runs against: a real `npm start` server on a fresh data directory,
 * serving the web/dist that the e2e layer's global setup built once (test/e2e/global-setup.ts), and
 * Debian's chromium. Files build nothing themselves: two files building at once emptied web/dist
 * under each other's pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SERVER_START_BUDGET_MS, type ServerProcess, startServerProcess } from '../../support/server-process';
import { launchChromium } from './browser';

export interface WebStack {
  work: string;
  server: ServerProcess;
  browser: Browser;
}

/** A `beforeAll` budget for startWebStack: the server's own start budget fails first, with its output. */
export const WEB_STACK_BUDGET_MS = SERVER_START_BUDGET_MS + 60_000;

export async function startWebStack(name: string): Promise<WebStack> {
  const work = mkdtempSync(join(tmpdir(), `${name}-`));
  const server = await startServerProcess({ dataDir: join(work, 'data'), logFile: join(work, 'server.log') });
  const browser = await launchChromium();
  return { work, server, browser };
}

export async function stopWebStack(stack: Partial<WebStack>): Promise<void> {
  await stack.browser?.close();
  await stack.server?.stop();
  if (stack.work) rmSync(stack.work, { recursive: true, force: true });
}
