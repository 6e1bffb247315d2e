/** The register form's drafts on the device (web/src/drafts.ts) in IndexedDB (fake-indexeddb). */
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import 'fake-indexeddb/auto';
import { ConfigError, parseConfig } from '../../web/src/config';
import { type DeviceDb, deviceOwner, openDeviceDb } from '../../web/src/device-db';
import { createDraftStore, debounced } from '../../web/src/drafts';

const HOUR = 3_600_000;
let databases = 0;
const opened: Promise<DeviceDb>[] = [];
/** A database of its own per test (fake-indexeddb keeps them for the process). */
const freshDb = () => {
  const db = openDeviceDb(`drafts-test-${(databases += 1)}`);
  opened.push(db);
  return db;
};

afterAll(async () => {
  for (const db of opened) (await db).close();
  // fake-indexeddb starts its last transactions on setImmediate: let them run before jest tears down.
  await new Promise((resolve) => setImmediate(resolve));
});

/** A clock the test moves by hand. */
function clock(start = Date.UTC(2026, 11, 1, 15, 42)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const worker = deviceOwner({ 'custom:agency_id': 'agency-1', sub: 'front-desk-1' })!;
const otherWorker = deviceOwner({ 'custom:agency_id': 'agency-1', sub: 'front-desk-2' })!;
const otherAgency = deviceOwner({ 'custom:agency_id': 'agency-2', sub: 'front-desk-1' })!;
const values = { gender: 'FEMALE', postalCode: 'M5V', comments: 'first visit', siteId: 'site-42' };

describe('deviceOwner', () => {
  it('names the agency and the user of the token, Cognito username first, and nothing without both', () => {
    expect(deviceOwner({ 'custom:agency_id': 'a', 'cognito:username': 'maria', sub: 'uuid-1' })).toBe(JSON.stringify(['a', 'maria']));
    expect(deviceOwner({ 'custom:agency_id': 'a', sub: 'uuid-1' })).toBe(JSON.stringify(['a', 'uuid-1']));
    expect(deviceOwner({ sub: 'uuid-1' })).toBeUndefined();
    expect(deviceOwner({ 'custom:agency_id': 'a' })).toBeUndefined();
    expect(new Set([worker, otherWorker, otherAgency]).size).toBe(3);
  });
});

describe('the draft store', () => {
  it("gives back the worker's draft with its Idempotency-Key, after the database is opened again", async () => {
    const name = `drafts-reopen-${(databases += 1)}`;
    const time = clock();
    const first = await openDeviceDb(name);
    await createDraftStore(Promise.resolve(first), { now: time.now }).save(worker, 'key-1', values);
    first.close();
    const restored = await createDraftStore(openDeviceDb(name), { now: time.now }).load(worker);
    expect(restored).toEqual({ owner: worker, key: 'key-1', values, savedAt: time.now() });
  });

  it('keeps one draft per worker, the last saved', async () => {
    const time = clock();
    const store = createDraftStore(freshDb(), { now: time.now });
    await store.save(worker, 'key-1', { ...values, comments: 'f' });
    time.advance(1000);
    await store.save(worker, 'key-1', values);
    expect(await store.load(worker)).toMatchObject({ values, savedAt: time.now() });
  });

  it('shows another worker, or the same user of another agency, nothing', async () => {
    const store = createDraftStore(freshDb());
    await store.save(worker, 'key-1', values);
    expect(await store.load(otherWorker)).toBeUndefined();
    expect(await store.load(otherAgency)).toBeUndefined();
    expect(await store.load(worker)).toBeDefined();
  });

  it('deletes a draft 12 hours after its last save, not before', async () => {
    const time = clock();
    const store = createDraftStore(freshDb(), { now: time.now });
    await store.save(worker, 'key-1', values);
    time.advance(12 * HOUR - 1);
    expect(await store.load(worker)).toBeDefined();
    time.advance(1);
    expect(await store.load(worker)).toBeUndefined();
    // Gone for good, not only hidden: an earlier clock does not bring it back.
    time.advance(-HOUR);
    expect(await store.load(worker)).toBeUndefined();
  });

  it('expires after the configured hours', async () => {
    const time = clock();
    const store = createDraftStore(freshDb(), { now: time.now, hours: 0.5 });
    await store.save(worker, 'key-1', values);
    time.advance(HOUR / 2);
    expect(await store.load(worker)).toBeUndefined();
  });

  it("deletes every worker's expired drafts at start and keeps the fresh ones", async () => {
    const time = clock();
    const db = freshDb();
    const store = createDraftStore(db, { now: time.now });
    await store.save(worker, 'key-1', values);
    await store.save(otherWorker, 'key-2', values);
    time.advance(11 * HOUR);
    await store.save(otherAgency, 'key-3', values);
    time.advance(HOUR);
    expect(await store.removeExpired()).toBe(2);
    expect((await (await db).getAllKeys('drafts')).sort()).toEqual([otherAgency]);
  });

  it('deletes the draft once registered or discarded, and a save queued before the delete does not bring it back', async () => {
    const store = createDraftStore(freshDb());
    await store.save(worker, 'key-1', values);
    await store.remove(worker);
    expect(await store.load(worker)).toBeUndefined();
    const saving = store.save(worker, 'key-2', values);
    const removing = store.remove(worker);
    await Promise.all([saving, removing]);
    expect(await store.load(worker)).toBeUndefined();
  });
});

describe("config.json's draftHours", () => {
  it('is optional, and when given a number of hours above 0 and at most a week', () => {
    expect(parseConfig({ apiBaseUrl: '', auth: { mode: 'local' } }).draftHours).toBeUndefined();
    expect(parseConfig({ apiBaseUrl: '', auth: { mode: 'local' }, draftHours: 0.5 }).draftHours).toBe(0.5);
    for (const draftHours of [0, -1, 169, '12', null]) {
      expect(() => parseConfig({ apiBaseUrl: '', auth: { mode: 'local' }, draftHours })).toThrow(ConfigError);
    }
  });
});

describe('debounced', () => {
  it('runs once after the calls stop, at once on flush, and not at all once cancelled', () => {
    jest.useFakeTimers({ doNotFake: ['Date', 'setImmediate', 'nextTick', 'queueMicrotask'] });
    let runs = 0;
    const save = debounced(() => (runs += 1), 20);
    save();
    save();
    save.flush();
    expect(runs).toBe(1);
    save.flush();
    expect(runs).toBe(1);
    save();
    save.cancel();
    save();
    jest.advanceTimersByTime(19);
    expect(runs).toBe(1);
    jest.advanceTimersByTime(1);
    expect(runs).toBe(2);
    jest.useRealTimers();
  });
});
