/**
 * Issue 6's figure: one 25-client batch registration beside 25 single registrations made one after
 * another, through the same local server in the same run (median and p90 over repeated rounds).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayIn } from '../functions/domain/calendar';
import { SAMPLE_CATALOG } from '../local/embedded-stack';
import { issueLocalToken } from '../local/tokens';
import { startServerProcess } from '../support/server-process';
import { markdownTable, percentile, recordSection } from './report';

const ROUNDS = 30;
const CLIENTS = 25;

export async function runBatchRegistrationBenchmark() {
  const dataDir = await mkdtemp(join(tmpdir(), 'newcomer-intake-batch-bench-'));
  const server = await startServerProcess({ dataDir, logFile: join(dataDir, 'server.log') });
  try {
    const token = await issueLocalToken(dataDir, { agencyId: 'bench-batch' });
    const siteId = (await readFile(SAMPLE_CATALOG, 'utf8')).split('\n')[1]!.split(',')[0]!;
    const client = {
      gender: 'UNKNOWN',
      registrationDate: todayIn('America/Toronto', new Date()),
      siteId,
      comments: 'Group information session, room 12.',
    };
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status !== 201) throw new Error(`${path} answered ${response.status}`);
      await response.arrayBuffer();
    };
    const timed = async (work: () => Promise<void>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    const batch = () => post('/v1/anonymous-clients/batch', { clients: Array.from({ length: CLIENTS }, () => client) });
    const singles = async () => {
      for (let i = 0; i < CLIENTS; i += 1) await post('/v1/anonymous-clients', client);
    };
    await batch();
    await singles();
    const batchMs: number[] = [];
    const singlesMs: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      batchMs.push(await timed(batch));
      singlesMs.push(await timed(singles));
    }
    const table = markdownTable(
      ['figure', 'p50', 'p90'],
      [
        [`one batch of ${CLIENTS} clients`, `${percentile(batchMs, 50).toFixed(1)} ms`, `${percentile(batchMs, 90).toFixed(1)} ms`],
        [
          `${CLIENTS} single registrations, one after another`,
          `${percentile(singlesMs, 50).toFixed(1)} ms`,
          `${percentile(singlesMs, 90).toFixed(1)} ms`,
        ],
        ['batch / singles (p50)', (percentile(batchMs, 50) / percentile(singlesMs, 50)).toFixed(2), ''],
      ],
    );
    console.log(table);
    await recordSection('batch-registration', 'Batch registration versus singles (issue 6)', `${ROUNDS} rounds, interleaved.\n\n${table}`);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
