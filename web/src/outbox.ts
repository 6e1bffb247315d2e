/**
 * The outbox: registrations the API has not stored yet (made offline, or whose sending failed on the
 * network), kept in IndexedDB with their body and Idempotency-Key and sent in the order they were made.
 * Every try of an item carries its own key, so the API stores it once however often it is sent (a reply
 * lost on the way, two tabs, a reload mid-send). A network failure or a busy server waits with
 * exponential backoff and jitter; a 401 pauses the whole outbox until the worker signs in again; a
 * refusal (4xx) fails that item with the server's words and goes on with the next. Pure logic: sending,
 * the clock, randomness and timers are injected (the page wires them in outbox-panel.ts).
 */
import type { DeviceDb, OutboxItem, RegistrationBody } from './device-db';

export type SendOutcome =
  | { kind: 'stored'; client: unknown }
  | { kind: 'unauthorized' }
  | { kind: 'refused'; message: string }
  /** No answer, or one that says to try again later (409 in flight, 429, 5xx). */
  | { kind: 'unreachable' };

/** The first wait after a failure; each further failure doubles it, up to RETRY_MAX_MS. */
export const RETRY_BASE_MS = 2_000;
export const RETRY_MAX_MS = 5 * 60_000;

/**
 * How long to wait after the `failures`-th failure in a row: half the doubled delay plus a random part
 * of the other half ("equal jitter"), so tabs and devices that lost the network together do not all
 * come back in the same second, and the wait never drops below half its step.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const step = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

export interface OutboxOptions {
  send: (item: OutboxItem) => Promise<SendOutcome>;
  now?: () => number;
  random?: () => number;
  /** Runs `run` after `ms`; returns a cancel function (setTimeout in the page, a fake in tests). */
  schedule?: (ms: number, run: () => void) => () => void;
  /** Sent and failed items older than this are deleted at start (waiting ones never). */
  hours?: number;
  /** After every change of an item's state (the header count and the panel re-read the list). */
  onChange?: () => void;
}

export interface Outbox {
  add(owner: string, key: string, body: RegistrationBody, siteName?: string): Promise<OutboxItem>;
  /** The owner's items, oldest first. */
  list(owner: string): Promise<OutboxItem[]>;
  get(key: string): Promise<OutboxItem | undefined>;
  remove(key: string): Promise<void>;
  /** Sends for this owner from now on: items left "sending" or "needs sign-in" wait again; then a flush. */
  start(owner: string): Promise<void>;
  /** Signed out: nothing is sent until the next start. */
  stop(): void;
  /** Sends the waiting items in order, one at a time, until one cannot be sent now. */
  flush(): Promise<void>;
  /** The network is back: forget the backoff and send now. */
  retryNow(): Promise<void>;
  /** Consecutive failures (the backoff step) and when the next try is due, for display. */
  status(): { failures: number; nextTryAt: number | undefined; paused: boolean };
}

const byAge = (a: OutboxItem, b: OutboxItem) => a.createdAt - b.createdAt || a.key.localeCompare(b.key);

export function createOutbox(db: Promise<DeviceDb>, options: OutboxOptions): Outbox {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const schedule =
    options.schedule ??
    ((ms: number, run: () => void) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    });
  const maxAge = (options.hours ?? 12) * 3_600_000;
  const changed = () => options.onChange?.();
  let owner: string | undefined;
  let failures = 0;
  let paused = false;
  let nextTryAt: number | undefined;
  let cancelTimer: (() => void) | undefined;
  let flushing: Promise<void> | undefined;

  const list = async (who: string) => (await (await db).getAllFromIndex('outbox', 'owner', who)).sort(byAge);
  const put = async (item: OutboxItem) => {
    await (await db).put('outbox', item);
    changed();
  };
  const clearTimer = () => {
    cancelTimer?.();
    cancelTimer = undefined;
    nextTryAt = undefined;
  };

  async function sendWaiting(who: string) {
    for (;;) {
      if (owner !== who || paused) return;
      const next = (await list(who)).find((item) => item.state === 'waiting');
      if (!next) {
        failures = 0;
        return;
      }
      const sending: OutboxItem = { ...next, state: 'sending', attempts: next.attempts + 1 };
      await put(sending);
      let outcome: SendOutcome;
      try {
        outcome = await options.send(sending);
      } catch {
        outcome = { kind: 'unreachable' };
      }
      if (outcome.kind === 'stored') {
        failures = 0;
        // The body is personal information the API now holds: the device keeps only what "Open" shows.
        const { body: _sent, ...rest } = sending;
        await put({ ...rest, state: 'sent', client: outcome.client });
      } else if (outcome.kind === 'refused') {
        await put({ ...sending, state: 'failed', failure: outcome.message });
      } else if (outcome.kind === 'unauthorized') {
        paused = true;
        await put({ ...sending, state: 'needs-sign-in' });
        return;
      } else {
        failures += 1;
        await put({ ...sending, state: 'waiting' });
        const delay = retryDelayMs(failures, random);
        nextTryAt = now() + delay;
        cancelTimer = schedule(delay, () => {
          cancelTimer = undefined;
          nextTryAt = undefined;
          void outbox.flush();
        });
        changed();
        return;
      }
    }
  }

  const outbox: Outbox = {
    async add(who, key, body, siteName) {
      const item: OutboxItem = {
        key,
        owner: who,
        body,
        state: 'waiting',
        createdAt: now(),
        attempts: 0,
        ...(siteName ? { siteName } : {}),
      };
      await put(item);
      return item;
    },
    list,
    get: async (key) => (await db).get('outbox', key),
    async remove(key) {
      await (await db).delete('outbox', key);
      changed();
    },
    async start(who) {
      owner = who;
      paused = false;
      failures = 0;
      clearTimer();
      for (const item of await list(who)) {
        if (item.state === 'sending' || item.state === 'needs-sign-in') await put({ ...item, state: 'waiting' });
        else if ((item.state === 'sent' || item.state === 'failed') && now() - item.createdAt >= maxAge) await outbox.remove(item.key);
      }
      await outbox.flush();
    },
    stop() {
      owner = undefined;
      clearTimer();
    },
    flush() {
      const who = owner;
      if (!who) return Promise.resolve();
      // One flush at a time: a second caller (the online event during a retry) shares the running one.
      flushing ??= (async () => {
        clearTimer();
        try {
          await sendWaiting(who);
        } finally {
          flushing = undefined;
        }
      })();
      return flushing;
    },
    async retryNow() {
      failures = 0;
      await outbox.flush();
    },
    status: () => ({ failures, nextTryAt, paused }),
  };
  return outbox;
}
