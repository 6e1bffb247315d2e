/** The outbox of registrations not yet stored (web/src/outbox.ts), in IndexedDB (fake-indexeddb). */
import { describe, expect, it } from '@jest/globals';
import 'fake-indexeddb/auto';
import { type DeviceDb, openDeviceDb, type OutboxItem } from '../../web/src/device-db';
import { createOutbox, RETRY_MAX_MS, retryDelayMs, type SendOutcome } from '../../web/src/outbox';

let databases = 0;
const freshName = () => `outbox-test-${(databases += 1)}`;
const WORKER = 'worker-1';

/**
 * An outbox whose sending answers from `answers` (then "stored"), whose timers are recorded instead of
 * run (`fire` runs the pending one), and whose clock is fixed; `sent` lists every try's key in order.
 */
function harness(db: Promise<DeviceDb>, answers: SendOutcome[] = [], random = () => 0.5) {
  const sent: { key: string; body: unknown }[] = [];
  const delays: number[] = [];
  let pending: (() => void) | undefined;
  let now = Date.UTC(2026, 11, 1, 12);
  const outbox = createOutbox(db, {
    now: () => (now += 1),
    random,
    send: (item: OutboxItem) => {
      sent.push({ key: item.key, body: item.body });
      return Promise.resolve(answers.shift() ?? { kind: 'stored', client: { clientId: `client-of-${item.key}` } });
    },
    schedule: (ms, run) => {
      delays.push(ms);
      pending = run;
      return () => (pending = undefined);
    },
  });
  const fire = async () => {
    const run = pending;
    pending = undefined;
    run?.();
    await outbox.flush();
  };
  return { outbox, sent, delays, fire, hasTimer: () => pending !== undefined };
}

const body = (comments: string) => ({ gender: 'FEMALE', registrationDate: '2026-12-01', siteId: 'site-1', comments });
const states = async (outbox: ReturnType<typeof createOutbox>) => (await outbox.list(WORKER)).map((item) => [item.key, item.state]);

describe('retryDelayMs', () => {
  it('doubles from 2 s to at most 5 minutes, with a random half on top of a fixed half', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 0))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 1))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(30, () => 1)).toBe(RETRY_MAX_MS);
    expect(retryDelayMs(30, () => 0)).toBe(RETRY_MAX_MS / 2);
  });
});

describe('the outbox', () => {
  it('sends the registrations in the order they were made, each once, and keeps the stored client instead of the body', async () => {
    const { outbox, sent } = harness(openDeviceDb(freshName()));
    await outbox.add(WORKER, 'k1', body('one'), 'Library');
    await outbox.add(WORKER, 'k2', body('two'));
    await outbox.add(WORKER, 'k3', body('three'));
    await outbox.start(WORKER);
    expect(sent.map((s) => s.key)).toEqual(['k1', 'k2', 'k3']);
    expect(sent[0]!.body).toEqual(body('one'));
    const items = await outbox.list(WORKER);
    expect(items.map((item) => item.state)).toEqual(['sent', 'sent', 'sent']);
    expect(items[0]).toMatchObject({ siteName: 'Library', client: { clientId: 'client-of-k1' }, attempts: 1 });
    expect(items.every((item) => item.body === undefined)).toBe(true);
  });

  it('waits with growing delays while the network fails, trying the same item with the same key, then goes on', async () => {
    const unreachable: SendOutcome = { kind: 'unreachable' };
    const { outbox, sent, delays, fire } = harness(openDeviceDb(freshName()), [unreachable, unreachable, unreachable], () => 0);
    await outbox.add(WORKER, 'k1', body('one'));
    await outbox.add(WORKER, 'k2', body('two'));
    await outbox.start(WORKER);
    expect(await states(outbox)).toEqual([
      ['k1', 'waiting'],
      ['k2', 'waiting'],
    ]);
    await fire();
    await fire();
    expect(delays).toEqual([1_000, 2_000, 4_000]);
    await fire();
    expect(sent.map((s) => s.key)).toEqual(['k1', 'k1', 'k1', 'k1', 'k2']);
    expect((await outbox.list(WORKER)).map((item) => [item.state, item.attempts])).toEqual([
      ['sent', 4],
      ['sent', 1],
    ]);
  });

  it('sends at once when the network is back, without waiting for the backoff, and starts the backoff over', async () => {
    const { outbox, sent, delays, hasTimer } = harness(
      openDeviceDb(freshName()),
      [{ kind: 'unreachable' }, { kind: 'unreachable' }],
      () => 0,
    );
    await outbox.add(WORKER, 'k1', body('one'));
    await outbox.start(WORKER);
    await outbox.retryNow();
    expect(delays).toEqual([1_000, 1_000]);
    await outbox.retryNow();
    expect(hasTimer()).toBe(false);
    expect(sent.map((s) => s.key)).toEqual(['k1', 'k1', 'k1']);
    expect(await states(outbox)).toEqual([['k1', 'sent']]);
  });

  it('stops at a 401 until the worker signs in again, then sends from where it stopped', async () => {
    const { outbox, sent } = harness(openDeviceDb(freshName()), [{ kind: 'stored', client: {} }, { kind: 'unauthorized' }]);
    for (const key of ['k1', 'k2', 'k3']) await outbox.add(WORKER, key, body(key));
    await outbox.start(WORKER);
    expect(await states(outbox)).toEqual([
      ['k1', 'sent'],
      ['k2', 'needs-sign-in'],
      ['k3', 'waiting'],
    ]);
    expect(outbox.status().paused).toBe(true);
    await outbox.flush();
    expect(sent).toHaveLength(2);
    outbox.stop();
    await outbox.start(WORKER);
    expect(sent.map((s) => s.key)).toEqual(['k1', 'k2', 'k2', 'k3']);
    expect(await states(outbox)).toEqual([
      ['k1', 'sent'],
      ['k2', 'sent'],
      ['k3', 'sent'],
    ]);
  });

  it("fails a registration the API refuses (4xx) with the server's words, keeps its body for the form, and sends the next", async () => {
    const { outbox, sent } = harness(openDeviceDb(freshName()), [{ kind: 'refused', message: 'The site is not active.' }]);
    await outbox.add(WORKER, 'k1', body('one'));
    await outbox.add(WORKER, 'k2', body('two'));
    await outbox.start(WORKER);
    const [failed, next] = await outbox.list(WORKER);
    expect(failed).toMatchObject({ key: 'k1', state: 'failed', failure: 'The site is not active.', body: body('one') });
    expect(next).toMatchObject({ key: 'k2', state: 'sent' });
    await outbox.flush();
    expect(sent.map((s) => s.key)).toEqual(['k1', 'k2']);
  });

  it("sends only the signed-in worker's registrations, and none after sign-out", async () => {
    const { outbox, sent } = harness(openDeviceDb(freshName()));
    await outbox.add('worker-2', 'theirs', body('theirs'));
    await outbox.add(WORKER, 'mine', body('mine'));
    await outbox.start(WORKER);
    expect(sent.map((s) => s.key)).toEqual(['mine']);
    outbox.stop();
    await outbox.add(WORKER, 'later', body('later'));
    await outbox.flush();
    expect(sent.map((s) => s.key)).toEqual(['mine']);
  });

  it('survives the database being closed and opened again: what waited, or was being sent, is sent with its key', async () => {
    const name = freshName();
    const first = await openDeviceDb(name);
    const before = harness(Promise.resolve(first), [{ kind: 'unreachable' }]);
    await before.outbox.add(WORKER, 'k1', body('one'));
    await before.outbox.add(WORKER, 'k2', body('two'));
    await before.outbox.start(WORKER);
    // A reload in the middle of a try leaves the item "sending".
    await first.put('outbox', { ...(await first.get('outbox', 'k2'))!, state: 'sending', attempts: 1 });
    before.outbox.stop();
    first.close();

    const after = harness(openDeviceDb(name));
    await after.outbox.start(WORKER);
    expect(after.sent.map((s) => s.key)).toEqual(['k1', 'k2']);
    expect(after.sent.map((s) => s.body)).toEqual([body('one'), body('two')]);
    expect(await states(after.outbox)).toEqual([
      ['k1', 'sent'],
      ['k2', 'sent'],
    ]);
  });

  it('deletes sent and refused items after the configured hours at start, never waiting ones', async () => {
    let now = Date.UTC(2026, 11, 1, 8);
    const db = openDeviceDb(freshName());
    const answers: SendOutcome[] = [{ kind: 'stored', client: {} }, { kind: 'refused', message: 'no' }, { kind: 'unauthorized' }];
    const outbox = createOutbox(db, { now: () => now, hours: 12, send: () => Promise.resolve(answers.shift()!) });
    for (const key of ['k1', 'k2', 'k3']) await outbox.add(WORKER, key, body(key));
    await outbox.start(WORKER);
    now += 12 * 3_600_000;
    outbox.stop();
    const later = createOutbox(db, {
      now: () => now,
      hours: 12,
      send: () => Promise.resolve({ kind: 'unreachable' }),
      schedule: () => () => {},
    });
    await later.start(WORKER);
    expect(await states(later)).toEqual([['k3', 'waiting']]);
  });
});
