/**
 * The register form's drafts on the device: one per owner (agency and user), saved as the worker types,
 * restored after a reload, a closed tab or a new sign-in, and deleted once registered, discarded or
 * cleared. A draft older than the configured hours (12 by default) is deleted, never restored: it may
 * be on a shared computer. Pure storage: the clock is injected; no DOM.
 */
import type { DeviceDb, StoredDraft } from './device-db';

export const DEFAULT_DRAFT_HOURS = 12;

export interface DraftStore {
  save(owner: string, key: string, values: Record<string, string>): Promise<StoredDraft>;
  /** The owner's draft unless it has expired (an expired one is deleted). */
  load(owner: string): Promise<StoredDraft | undefined>;
  remove(owner: string): Promise<void>;
  /** Deletes every expired draft, of every owner (at start). */
  removeExpired(): Promise<number>;
}

export function createDraftStore(db: Promise<DeviceDb>, options: { hours?: number; now?: () => number } = {}): DraftStore {
  const maxAge = (options.hours ?? DEFAULT_DRAFT_HOURS) * 3_600_000;
  const now = options.now ?? Date.now;
  const expired = (draft: StoredDraft) => now() - draft.savedAt >= maxAge;
  // One operation after another, so a delete (Discard) is never overtaken by a save queued before it.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    save: (owner, key, values) =>
      inTurn(async () => {
        const draft: StoredDraft = { owner, key, values: { ...values }, savedAt: now() };
        await (await db).put('drafts', draft);
        return draft;
      }),
    load: (owner) =>
      inTurn(async () => {
        const draft = await (await db).get('drafts', owner);
        if (!draft) return undefined;
        if (!expired(draft)) return draft;
        await (await db).delete('drafts', owner);
        return undefined;
      }),
    remove: (owner) => inTurn(async () => (await db).delete('drafts', owner)),
    removeExpired: () =>
      inTurn(async () => {
        const transaction = (await db).transaction('drafts', 'readwrite');
        let removed = 0;
        for (let cursor = await transaction.store.openCursor(); cursor; cursor = await cursor.continue()) {
          if (!expired(cursor.value)) continue;
          await cursor.delete();
          removed += 1;
        }
        await transaction.done;
        return removed;
      }),
  };
}

/** Calls `work` once `ms` have passed without another call; `flush` runs a pending call now. */
export function debounced(work: () => void, ms: number): { (): void; flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      work();
    }, ms);
  };
  call.flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    work();
  };
  call.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return call;
}
