/**
 * Retention's rule and use case (functions/domain/client-retention.ts) on in-memory ports: when a
 * profile becomes due (time zone, leap days), what a run removes and in which order, and that a run
 * repeated, interrupted or failed half-way leaves nothing behind once it is run again.
 */
import { describe, expect, it } from '@jest/globals';
import {
  anniversary,
  expireAnonymousClients,
  isDue,
  latestDueRegistrationDate,
  type RetentionPorts,
} from '../../functions/domain/client-retention';
import type { RetainedClient } from '../../functions/ports/client-retention';
import type { ClientPostings } from '../../functions/ports/client-search-index';

describe('when a profile is due', () => {
  it('is kept through the anniversary of its registration date and due the day after', () => {
    expect(anniversary('2019-03-10', 7)).toBe('2026-03-10');
    expect(isDue('2019-03-10', '2026-03-10', 7)).toBe(false);
    expect(isDue('2019-03-10', '2026-03-11', 7)).toBe(true);
    expect(isDue('2019-03-11', '2026-03-11', 7)).toBe(false);
    expect(latestDueRegistrationDate('2026-03-11', 7)).toBe('2019-03-10');
  });

  it('takes 28 February as the anniversary of 29 February in a common year', () => {
    expect(anniversary('2020-02-29', 1)).toBe('2021-02-28');
    expect(isDue('2020-02-29', '2021-02-28', 1)).toBe(false);
    expect(isDue('2020-02-29', '2021-03-01', 1)).toBe(true);
    expect(anniversary('2020-02-29', 4)).toBe('2024-02-29');
    expect(isDue('2020-02-29', '2024-02-29', 4)).toBe(false);
    expect(isDue('2020-02-29', '2024-03-01', 4)).toBe(true);
  });

  it('finds the latest due registration date around leap days', () => {
    // On 29 February 2024, with one year: 2023-02-28 (anniversary 2024-02-28) is due, 2023-03-01 is not.
    expect(latestDueRegistrationDate('2024-02-29', 1)).toBe('2023-02-28');
    // On 1 March 2021: 2020-02-29's anniversary is 2021-02-28, so it is due; 2020-03-01 is not.
    expect(latestDueRegistrationDate('2021-03-01', 1)).toBe('2020-02-29');
    expect(latestDueRegistrationDate('2021-02-28', 1)).toBe('2020-02-27');
    for (const today of ['2024-02-28', '2024-02-29', '2024-03-01', '2025-02-28', '2025-03-01', '2026-01-01', '2026-12-31']) {
      for (const years of [1, 4, 7, 10]) {
        const latest = latestDueRegistrationDate(today, years);
        expect(isDue(latest, today, years)).toBe(true);
        const next = new Date(Date.parse(`${latest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(isDue(next, today, years)).toBe(false);
      }
    }
  });
});

interface StoredClient {
  client: RetainedClient;
  session: boolean;
  receipts: number;
  files: number;
  audit: number;
  postings: boolean;
}

/** An in-memory table and bucket behind the retention ports, with a log of the calls and injectable faults. */
function memoryPorts(agencies: Record<string, { clientId: string; registrationDate: string; words?: string[] }[]>) {
  const stored = new Map<string, StoredClient>();
  const log: string[] = [];
  const faults = new Map<string, number>();
  const fault = (what: string) => {
    const left = faults.get(what) ?? 0;
    if (left > 0) {
      faults.set(what, left - 1);
      throw new Error(`injected failure: ${what}`);
    }
  };
  const id = (agencyId: string, clientId: string) => `${agencyId}/${clientId}`;
  for (const [agencyId, clients] of Object.entries(agencies)) {
    for (const c of clients) {
      const postings: ClientPostings = {
        agencyId,
        clientId: c.clientId,
        registrationDate: c.registrationDate,
        createdAt: `${c.registrationDate}T12:00:00.000Z`,
        siteId: 'S1',
        words: c.words ?? [],
      };
      stored.set(id(agencyId, c.clientId), {
        client: { agencyId, clientId: c.clientId, registrationDate: c.registrationDate, postings },
        session: true,
        receipts: 2,
        files: 2,
        audit: 3,
        postings: true,
      });
    }
  }
  const of = (agencyId: string, clientId: string) => stored.get(id(agencyId, clientId));
  const ports: RetentionPorts = {
    agencies: { remember: async () => {}, list: async () => Object.keys(agencies).sort() },
    index: {
      replace: async (previous, next) => {
        expect(next).toBeUndefined();
        for (const p of previous) {
          fault(`postings ${p.clientId}`);
          log.push(`postings ${p.clientId}`);
          const s = of(p.agencyId, p.clientId);
          if (s) s.postings = false;
        }
      },
    },
    files: {
      deleteClientFiles: async (agencyId, clientId) => {
        fault(`files ${clientId}`);
        log.push(`files ${clientId}`);
        const s = of(agencyId, clientId);
        const n = s?.files ?? 0;
        if (s) s.files = 0;
        return n;
      },
    },
    records: {
      registeredBefore: async (agencyId, beforeDate, { limit, after }) => {
        const all = [...stored.values()]
          .map((s) => s.client)
          .filter((c) => c.agencyId === agencyId && c.registrationDate < beforeDate && stored.has(id(c.agencyId, c.clientId)))
          .sort((a, b) => `${a.registrationDate}${a.clientId}`.localeCompare(`${b.registrationDate}${b.clientId}`));
        const start = after ? all.findIndex((c) => `${c.registrationDate}${c.clientId}` > after) : 0;
        const page = start < 0 ? [] : all.slice(start, start + limit);
        const last = page.at(-1);
        return { clients: page, next: page.length === limit && last ? `${last.registrationDate}${last.clientId}` : undefined };
      },
      deleteSession: async (agencyId, clientId) => {
        fault(`session ${clientId}`);
        log.push(`session ${clientId}`);
        const s = of(agencyId, clientId);
        const n = s?.session ? 1 : 0;
        if (s) s.session = false;
        return n;
      },
      deleteReceiptRecords: async (agencyId, clientId) => {
        log.push(`receipts ${clientId}`);
        const s = of(agencyId, clientId);
        const n = s?.receipts ?? 0;
        if (s) s.receipts = 0;
        return n;
      },
      deleteAuditEntries: async (agencyId, clientId) => {
        fault(`audit ${clientId}`);
        log.push(`audit ${clientId}`);
        const s = of(agencyId, clientId);
        const n = s?.audit ?? 0;
        if (s) s.audit = 0;
        return n;
      },
      deleteClient: async (agencyId, clientId) => {
        fault(`client ${clientId}`);
        log.push(`client ${clientId}`);
        return stored.delete(id(agencyId, clientId));
      },
    },
  };
  return {
    ports,
    stored,
    log,
    faults,
    remaining: (agencyId: string) => [...stored.values()].filter((s) => s.client.agencyId === agencyId),
  };
}

// 2026-03-11 at 15:00 UTC is 2026-03-11 in Toronto.
const NOW = new Date('2026-03-11T15:00:00Z');
const base = { now: NOW, retentionYears: 7, timeZone: 'America/Toronto' };

describe('expireAnonymousClients', () => {
  it('removes every due client with all of it, children first and the profile last, and keeps the younger ones', async () => {
    const memory = memoryPorts({
      a: [
        { clientId: 'old1', registrationDate: '2018-06-01', words: ['doctor'] },
        { clientId: 'old2', registrationDate: '2019-03-10' },
        { clientId: 'young', registrationDate: '2019-03-11' },
      ],
      b: [{ clientId: 'oldb', registrationDate: '2010-01-01' }],
    });
    const report = await expireAnonymousClients({ ...base, agencyId: 'a' }, memory.ports);
    expect(report).toMatchObject({
      today: '2026-03-11',
      latestDueRegistrationDate: '2019-03-10',
      agencies: 1,
      due: 2,
      expired: 2,
      failed: 0,
    });
    expect(report.removed).toEqual({ postings: 3, sessions: 2, receiptRecords: 4, receiptFiles: 4, auditEntries: 6 });
    expect(memory.remaining('a').map((s) => s.client.clientId)).toEqual(['young']);
    expect(memory.remaining('b')).toHaveLength(1);
    const old1 = memory.log.filter((line) => line.endsWith(' old1'));
    expect(old1).toEqual([
      'postings old1',
      'session old1',
      'receipts old1',
      'files old1',
      'audit old1',
      'client old1',
      // the sweep after the profile is gone
      'session old1',
      'receipts old1',
      'files old1',
      'audit old1',
    ]);
  });

  it('works on every agency of the registry when none is named', async () => {
    const memory = memoryPorts({
      a: [{ clientId: 'x', registrationDate: '2001-01-01' }],
      b: [{ clientId: 'y', registrationDate: '2001-01-01' }],
    });
    const report = await expireAnonymousClients(base, memory.ports);
    expect(report).toMatchObject({ agencies: 2, due: 2, expired: 2 });
    expect(memory.stored.size).toBe(0);
  });

  it('takes "today" in the agencies\' time zone', async () => {
    // 03:00 UTC on 11 March is still 10 March in Toronto: 2019-03-10 is kept through that day.
    const memory = memoryPorts({ a: [{ clientId: 'c', registrationDate: '2019-03-10' }] });
    const early = await expireAnonymousClients({ ...base, now: new Date('2026-03-11T03:00:00Z'), agencyId: 'a' }, memory.ports);
    expect(early).toMatchObject({ today: '2026-03-10', due: 0 });
    const later = await expireAnonymousClients({ ...base, now: new Date('2026-03-11T05:00:00Z'), agencyId: 'a' }, memory.ports);
    expect(later).toMatchObject({ today: '2026-03-11', due: 1, expired: 1 });
  });

  it('does nothing the second time', async () => {
    const memory = memoryPorts({ a: [{ clientId: 'c', registrationDate: '2001-01-01' }] });
    await expireAnonymousClients({ ...base, agencyId: 'a' }, memory.ports);
    memory.log.length = 0;
    const again = await expireAnonymousClients({ ...base, agencyId: 'a' }, memory.ports);
    expect(again).toMatchObject({ due: 0, expired: 0, failed: 0 });
    expect(memory.log).toEqual([]);
  });

  it('after a failure half-way keeps the profile (so the next run finds it) and goes on with the others; a retry finishes', async () => {
    const memory = memoryPorts({
      a: [
        { clientId: 'c1', registrationDate: '2001-01-01' },
        { clientId: 'c2', registrationDate: '2001-01-02' },
      ],
    });
    memory.faults.set('files c1', 1);
    const first = await expireAnonymousClients({ ...base, agencyId: 'a' }, memory.ports);
    expect(first).toMatchObject({ due: 2, expired: 1, failed: 1 });
    const c1 = memory.stored.get('a/c1');
    expect(c1).toMatchObject({ postings: false, session: false, receipts: 0, files: 2, audit: 3 });
    const retry = await expireAnonymousClients({ ...base, agencyId: 'a' }, memory.ports);
    expect(retry).toMatchObject({ due: 1, expired: 1, failed: 0 });
    expect(memory.stored.size).toBe(0);
  });

  it('a failure of the profile delete itself leaves it for the next run, with its children already gone', async () => {
    const memory = memoryPorts({ a: [{ clientId: 'c', registrationDate: '2001-01-01' }] });
    memory.faults.set('client c', 1);
    expect(await expireAnonymousClients({ ...base, agencyId: 'a' }, memory.ports)).toMatchObject({ failed: 1 });
    expect(memory.stored.get('a/c')).toMatchObject({ session: false, receipts: 0, files: 0, audit: 0 });
    expect(await expireAnonymousClients({ ...base, agencyId: 'a' }, memory.ports)).toMatchObject({ expired: 1, failed: 0 });
    expect(memory.stored.size).toBe(0);
  });

  it('in a dry run counts the due clients and removes nothing', async () => {
    const memory = memoryPorts({
      a: [
        { clientId: 'c', registrationDate: '2001-01-01' },
        { clientId: 'd', registrationDate: '2026-01-01' },
      ],
    });
    const seen: string[] = [];
    const report = await expireAnonymousClients(
      { ...base, agencyId: 'a', dryRun: true, onClient: (client, outcome) => seen.push(`${outcome} ${client.clientId}`) },
      memory.ports,
    );
    expect(report).toMatchObject({ dryRun: true, due: 1, expired: 0 });
    expect(seen).toEqual(['due c']);
    expect(memory.log).toEqual([]);
    expect(memory.stored.size).toBe(2);
  });

  it('stops between clients when asked (a Lambda running out of time) and the next run goes on', async () => {
    const memory = memoryPorts({ a: Array.from({ length: 5 }, (_, i) => ({ clientId: `c${i}`, registrationDate: `2001-01-0${i + 1}` })) });
    let budget = 2;
    const first = await expireAnonymousClients({ ...base, agencyId: 'a', shouldStop: () => budget-- <= 0 }, memory.ports);
    expect(first).toMatchObject({ stopped: true, expired: 2 });
    expect(await expireAnonymousClients({ ...base, agencyId: 'a' }, memory.ports)).toMatchObject({ expired: 3, stopped: false });
    expect(memory.stored.size).toBe(0);
  });

  it('pages through many due clients', async () => {
    const memory = memoryPorts({
      a: Array.from({ length: 230 }, (_, i) => ({ clientId: `c${String(i).padStart(3, '0')}`, registrationDate: '2001-05-05' })),
    });
    expect(await expireAnonymousClients({ ...base, agencyId: 'a' }, memory.ports)).toMatchObject({ due: 230, expired: 230 });
    expect(memory.stored.size).toBe(0);
  });

  it('refuses a retention that is not a whole number of years from 1 to 100', async () => {
    const memory = memoryPorts({});
    await expect(expireAnonymousClients({ ...base, retentionYears: 0 }, memory.ports)).rejects.toThrow(RangeError);
    await expect(expireAnonymousClients({ ...base, retentionYears: 1.5 }, memory.ports)).rejects.toThrow(RangeError);
  });
});
