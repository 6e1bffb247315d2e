/*
 * support/: helpers shared by the tests (test/) and the benchmarks (bench/). Anything here is used by
 * both, so a change must keep both working; helpers only tests use live in test/support/.
 */

/** How long and how often to ask, and what is being waited for (it names the wait in the timeout error). */
export interface PollOptions<T> {
  /** What is awaited, in words: "the presigned link to be refused". */
  description: string;
  /** Give up after this long (default 5 s). */
  timeoutMs?: number;
  /** Pause between two attempts (default 100 ms). */
  intervalMs?: number;
  /**
   * Whether the probe's value is the one awaited. Without it the probe is an assertion: it passes when
   * it returns (or resolves) without throwing, and it must then return nothing.
   */
  until?: (value: T) => boolean;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_INTERVAL_MS = 100;

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    const json = JSON.stringify(value, (_key, v: unknown) => (v instanceof Set ? [...v] : typeof v === 'bigint' ? String(v) : v));
    if (json !== undefined) return json.length > 500 ? `${json.slice(0, 500)}…` : json;
  } catch {
    // circular: fall through
  }
  return String(value);
}

/**
 * Calls `probe` until its value satisfies `until` (or, without `until`, until it stops throwing), at most
 * every `intervalMs`, and returns that value. At the deadline it throws an Error naming `description`
 * and what it last saw: the last value, or the last error the probe threw (also kept as `cause`).
 * A probe that throws is simply asked again: a server not yet up, an assertion not yet true.
 */
export async function pollUntil<T>(probe: () => T | Promise<T>, options: PollOptions<T>): Promise<T> {
  const { description, timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = DEFAULT_INTERVAL_MS, until } = options;
  const deadline = Date.now() + timeoutMs;
  let attempts = 0;
  let last: { value: T } | { error: unknown } | undefined;
  for (;;) {
    attempts += 1;
    try {
      const value = await probe();
      if (until) {
        if (until(value)) return value;
      } else if (value === undefined) {
        return value;
      } else {
        // A boolean or other value with no check would pass on `false`: a misuse, not a wait.
        throw new TypeError(`pollUntil(${description}): the probe returned ${describeValue(value)} but no \`until\` check was given`);
      }
      last = { value };
    } catch (error) {
      if (error instanceof TypeError && error.message.startsWith('pollUntil(')) throw error;
      last = { error };
    }
    const left = deadline - Date.now();
    if (left <= 0) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, left)));
  }
  const seen =
    last === undefined
      ? 'nothing'
      : 'value' in last
        ? describeValue(last.value)
        : last.error instanceof Error
          ? `${last.error.name}: ${last.error.message}`
          : describeValue(last.error);
  throw new Error(`timed out after ${timeoutMs} ms (${attempts} attempts) waiting for ${description}; last saw: ${seen}`, {
    cause: last && 'error' in last ? last.error : undefined,
  });
}
