/**
 * The embedded mode's daily retention run (local/client-retention-runner.ts): it runs the use case
 * after its first delay and then at every interval, keeps going after a failed run, and waits for a
 * run in progress when stopped.
 */
import { describe, expect, it } from '@jest/globals';
import type { RetentionPorts } from '../../functions/domain/client-retention';
import { startClientRetentionRunner } from '../../local/client-retention-runner';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function ports(listAgencies: () => Promise<string[]>): RetentionPorts {
  const unused = () => Promise.reject(new Error('not expected'));
  return {
    agencies: { remember: unused, list: listAgencies },
    index: { replace: unused },
    files: { deleteClientFiles: unused },
    records: {
      registeredBefore: async () => ({ clients: [], next: undefined }),
      deleteSession: unused,
      deleteReceiptRecords: unused,
      deleteAuditEntries: unused,
      deleteClient: unused,
    },
  };
}

describe('the embedded daily retention run', () => {
  it('runs after the first delay, then every interval, and survives a failed run', async () => {
    let runs = 0;
    const lines: string[] = [];
    const runner = startClientRetentionRunner({
      retentionYears: 7,
      timeZone: 'America/Toronto',
      ports: () =>
        ports(async () => {
          runs += 1;
          if (runs === 1) throw new Error('table unavailable');
          return ['a'];
        }),
      onStatus: (line) => lines.push(line),
      firstRunDelayMs: 10,
      intervalMs: 30,
    });
    await sleep(200);
    await runner.stop();
    const seen = runs;
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(lines[0]).toMatch(/retention: the run failed \(table unavailable\); the next run retries/);
    await sleep(80);
    expect(runs).toBe(seen);
  });

  it('waits for the run in progress when stopped', async () => {
    let finished = false;
    const runner = startClientRetentionRunner({
      retentionYears: 7,
      timeZone: 'America/Toronto',
      ports: () =>
        ports(async () => {
          await sleep(100);
          finished = true;
          return [];
        }),
      onStatus: () => {},
      firstRunDelayMs: 0,
    });
    await sleep(20);
    await runner.stop();
    expect(finished).toBe(true);
  });
});
