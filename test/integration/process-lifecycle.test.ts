/**
 * The embedded stack as an operating-system process: data survives kill -9, and no Java process is
 * ever left behind, however the server ends.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayIn } from '../../functions/domain/calendar';
import { issueLocalToken } from '../../local/tokens';
import { pollUntil } from '../../support/poll';
import { activeSite } from '../../support/sample-sites';
import { processesUsing, SERVER_START_BUDGET_MS, startServerProcess } from '../../support/server-process';
import { call } from '../support/api';

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const PROCESSES_END_BUDGET_MS = 15_000;
/**
 * Each test's budget: the server starts it makes, each allowed its own start budget (which fails
 * first, with the server's output), plus the work between. The integration layer's 60 s default was
 * less than one start's budget, so on a busy machine jest's bare "Exceeded timeout" hid the cause.
 */
const budget = (serverStarts: number, otherWorkMs: number) => serverStarts * SERVER_START_BUDGET_MS + otherWorkMs;
const dataDirs: string[] = [];

async function freshDataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'newcomer-intake-proc-'));
  dataDirs.push(dir);
  return dir;
}

/** Fails the test (throws, naming the pids still there) unless every process using the data directory ends. */
async function noProcessesUsing(dataDir: string, description: string) {
  await pollUntil(() => processesUsing(dataDir), {
    description,
    until: (pids) => pids.length === 0,
    timeoutMs: PROCESSES_END_BUDGET_MS,
    intervalMs: 200,
  });
}

afterAll(async () => {
  for (const dir of dataDirs) {
    for (const pid of processesUsing(dir)) process.kill(pid, 'SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
});

describe('the embedded server process', () => {
  it(
    'keeps every answered registration through kill -9 and a restart, leaving no Java process behind',
    async () => {
      const dataDir = await freshDataDir();
      const first = await startServerProcess({ dataDir, logFile: join(dataDir, 'first.log') });
      expect(processesUsing(dataDir).length).toBeGreaterThan(0);
      const token = await issueLocalToken(dataDir, { agencyId: 'durable-agency' });
      const body = { gender: 'UNKNOWN', registrationDate: todayIn('America/Toronto', new Date()), siteId: activeSite().siteId };
      const ids: string[] = [];
      for (let batch = 0; batch < 200; batch += 20) {
        const responses = await Promise.all(
          Array.from({ length: 20 }, () => call('POST', '/v1/anonymous-clients', { token, body, baseUrl: first.url })),
        );
        for (const response of responses) {
          expect(response.status).toBe(201);
          ids.push(response.body.clientId);
        }
      }

      first.child.kill('SIGKILL');
      await first.exited;
      await noProcessesUsing(dataDir, 'Java to end after its server was SIGKILLed');

      const second = await startServerProcess({ dataDir, logFile: join(dataDir, 'second.log') });
      try {
        const missing: string[] = [];
        for (const id of ids) {
          const read = await call('GET', `/v1/anonymous-clients/${id}`, { token, baseUrl: second.url });
          if (read.status !== 200) missing.push(id);
        }
        expect(missing).toEqual([]);
      } finally {
        expect(await second.stop('SIGTERM')).toBe(0);
      }
      expect(processesUsing(dataDir)).toEqual([]);
    },
    budget(2, 60_000 + PROCESSES_END_BUDGET_MS),
  ); // 400 requests and the SIGKILL between the starts

  it(
    'stops everything when npm, which does not forward SIGTERM, is terminated',
    async () => {
      const dataDir = await freshDataDir();
      const npm = spawn('npm', ['start', '--silent'], {
        cwd: REPOSITORY,
        env: { ...process.env, DATA_DIR: dataDir, PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      await new Promise<void>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`no ready line:\n${output}`)), SERVER_START_BUDGET_MS);
        npm.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (/newcomer-intake listening on http:\/\/127\.0\.0\.1:\d+/.test(output)) {
            clearTimeout(timer);
            resolve();
          }
        });
        npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      });
      expect(processesUsing(dataDir).length).toBeGreaterThan(0);
      npm.kill('SIGTERM');
      await noProcessesUsing(dataDir, 'the server and Java to end after SIGTERM');
    },
    budget(1, 10_000 + PROCESSES_END_BUDGET_MS),
  ); // npm's own start

  it(
    'refuses a second server on the same data directory while the first runs',
    async () => {
      const dataDir = await freshDataDir();
      const first = await startServerProcess({ dataDir, logFile: join(dataDir, 'first.log') });
      try {
        await expect(startServerProcess({ dataDir, logFile: join(dataDir, 'second.log') })).rejects.toThrow(/Another newcomer-intake/);
      } finally {
        await first.stop();
      }
    },
    budget(2, 10_000),
  );
});
