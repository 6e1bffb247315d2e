/**
 * The deadline of the request being served, for the adapters: when it has passed, every AWS SDK call
 * the request still makes is aborted (functions/adapters/request-deadline-binding.ts), so a stalled dependency
 * becomes a 503 with Retry-After instead of a caller left waiting until API Gateway gives up at 30 s.
 *
 * Held in an AsyncLocalStorage, not in a module variable: the embedded mode serves many requests at
 * once in one process, and each must see its own deadline. The route pipeline computes it
 * (functions/http/middleware/deadline.ts) and runs the route's implementation inside it. Outside a
 * request (scripts, the stream indexer, the embedded mode's start-up) there is none: only the SDK
 * clients' own per-attempt timeouts apply.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';

/** REQUEST_DEADLINE_SECONDS when not set (functions/runtime/env.ts); the route functions' timeout is above it. */
export const DEFAULT_REQUEST_DEADLINE_SECONDS = 10;

/** Kept back from the function's remaining time, to write the answer (and its log line) before Lambda's timeout. */
export const ANSWER_MARGIN_MS = 1_000;

/** The reason an SDK call of a request is aborted: its deadline passed. */
export class RequestDeadlineExceeded extends Error {
  override readonly name = 'RequestDeadlineExceeded';
}

export class RequestDeadline {
  private controller: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `at`: epoch milliseconds. */
  constructor(readonly at: number) {}

  remainingMs(now: number = Date.now()): number {
    return Math.max(0, this.at - now);
  }

  /**
   * A signal that aborts when the deadline passes: one per request, made at the first SDK call (a
   * request that calls nothing pays nothing), shared by every call and retry of the request.
   */
  signal(): AbortSignal {
    if (!this.controller) {
      const controller = new AbortController();
      // Every SDK call in flight listens to it (the handler and the retry loop: two listeners per call).
      setMaxListeners(1_000, controller.signal);
      this.controller = controller;
      const remaining = this.remainingMs();
      if (remaining === 0) this.abort();
      else {
        this.timer = setTimeout(() => this.abort(), remaining);
        // Never keeps a process alive by itself (scripts, tests).
        this.timer.unref?.();
      }
    }
    return this.controller.signal;
  }

  /** The request has its answer: its timer is no longer needed. */
  release(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private abort(): void {
    this.timer = undefined;
    this.controller?.abort(new RequestDeadlineExceeded(`The request's deadline passed (${new Date(this.at).toISOString()})`));
  }
}

const storage = new AsyncLocalStorage<RequestDeadline>();

/**
 * When a request started at `now` must have its answer: `limitSeconds` after it (REQUEST_DEADLINE_SECONDS),
 * or earlier if the function has less time left than that plus ANSWER_MARGIN_MS.
 */
export function deadlineAt(limitSeconds: number, remainingMs: number | undefined, now: number = Date.now()): number {
  const byLimit = limitSeconds * 1000;
  const byFunction = remainingMs === undefined || !Number.isFinite(remainingMs) ? byLimit : Math.max(0, remainingMs - ANSWER_MARGIN_MS);
  return now + Math.min(byLimit, byFunction);
}

/** Runs `work` (and everything it starts) with `deadline` as the request's deadline. */
export async function runWithDeadline<T>(deadline: RequestDeadline, work: () => Promise<T>): Promise<T> {
  try {
    return await storage.run(deadline, work);
  } finally {
    deadline.release();
  }
}

/** The deadline of the request this code runs for; undefined outside a request. */
export function currentDeadline(): RequestDeadline | undefined {
  return storage.getStore();
}
