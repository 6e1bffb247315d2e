/**
 * Registering exactly once. Each registration draft carries its own Idempotency-Key (minted when the
 * form is opened fresh or reset, never per click); every sending of that draft (a second click, the
 * worker's retry after a network error, the automatic retries below) carries the same key, so the API
 * answers a repeat with the first answer (201, `Idempotent-Replayed: true`) instead of storing twice.
 * Pure: no DOM, no I/O of its own.
 */

/** A fresh key for a new draft. */
export function newDraftKey(): string {
  return crypto.randomUUID();
}

/**
 * The seconds to wait before sending the same request again, or undefined when it must not be resent
 * by itself: only a 409 (the first request with this key is still in flight) or a 5xx whose answer
 * says when (`Retry-After` in seconds, at most `maxSeconds`).
 */
export function retryDelaySeconds(status: number, retryAfter: string | null, maxSeconds = 5): number | undefined {
  if (status !== 409 && status < 500) return undefined;
  if (retryAfter === null || !/^\d{1,4}$/.test(retryAfter.trim())) return undefined;
  const seconds = Number(retryAfter.trim());
  return seconds <= maxSeconds ? seconds : undefined;
}

/**
 * Sends with `attempt` (the same request, same key, each time) and resends it while the answer says to
 * retry shortly, at most `attempts` times in all. The last answer is returned as it is; a network error
 * is thrown as it is (the caller keeps the key for the worker's retry).
 */
export async function sendWithRetries(
  attempt: () => Promise<Response>,
  options: { attempts?: number; maxSeconds?: number; wait?: (ms: number) => Promise<void> } = {},
): Promise<Response> {
  const attempts = options.attempts ?? 3;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let sent = 1; ; sent += 1) {
    const response = await attempt();
    const delay = retryDelaySeconds(response.status, response.headers.get('retry-after'), options.maxSeconds);
    if (delay === undefined || sent >= attempts) return response;
    await response.body?.cancel();
    await wait(delay * 1000);
  }
}
