import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from '@jest/globals';
import { LOCAL_TABLE_NAME } from '../../local/embedded-stack';
import { startStreamRunner } from '../../local/stream-runner';
import { pollUntil } from '../../support/poll';
import { server, uniqueAgency } from '../support/api';
import { stackClients } from '../support/search';

/**
 * The embedded stream runner gathers records for the batching window before it hands them over, as
 * Lambda's MaximumBatchingWindowInSeconds does for the report counter: fewer, larger deliveries.
 */
describe('the stream runner with a batching window', () => {
  it('hands over a window’s records together, each record once', async () => {
    const { db, streams } = await stackClients(server().dataDir);
    const partition = `BENCH#${uniqueAgency('batching')}`;
    const deliveries: number[] = [];
    const seen: string[] = [];
    let primed = false;
    const windowMs = 2_000;
    const runner = await startStreamRunner({
      tableName: LOCAL_TABLE_NAME,
      name: 'batching-probe',
      timeoutSeconds: 60,
      batchingWindowMs: windowMs,
      startAt: 'LATEST',
      db,
      streams,
      handler: async (event) => {
        const ours = event.Records.filter((record) => record.dynamodb?.Keys?.pk?.S === partition).map(
          (record) => record.dynamodb?.Keys?.sk?.S ?? '',
        );
        if (ours.some((sk) => sk.startsWith('primer-'))) primed = true;
        const measured = ours.filter((sk) => !sk.startsWith('primer-'));
        if (measured.length > 0) deliveries.push(measured.length);
        seen.push(...measured);
        return { batchItemFailures: [] };
      },
    });
    const put = (sk: string) => db.send(new PutItemCommand({ TableName: LOCAL_TABLE_NAME, Item: { pk: { S: partition }, sk: { S: sk } } }));
    try {
      // The runner takes its LATEST position on its first poll: a first record seen says it has one.
      let primers = 0;
      await pollUntil(
        async () => {
          await put(`primer-${(primers += 1)}`);
          return primed;
        },
        { description: 'the runner to be reading the stream', timeoutMs: 20_000, intervalMs: 500, until: (found) => found },
      );
      const started = Date.now();
      // One after another, so the writes span several of the runner's polls (one every 100 ms).
      for (let index = 0; index < 30; index += 1) await put(String(index));
      const writing = Date.now() - started;
      await pollUntil(() => seen.length, {
        description: 'the 30 records to be handed over',
        timeoutMs: 20_000,
        until: (count) => count >= 30,
      });
      expect([...seen].sort()).toEqual(Array.from({ length: 30 }, (_, index) => String(index)).sort());
      // Without a window the runner hands over whatever each poll (every 100 ms) finds; with one, at
      // most one delivery per window the writes spanned, and one more for the window they ended in.
      expect(deliveries.length).toBeLessThanOrEqual(Math.ceil(writing / windowMs) + 1);
    } finally {
      await runner.stop();
      db.destroy();
      streams.destroy();
    }
  });
});
