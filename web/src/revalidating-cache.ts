/**
 * One resource kept in memory for the page's lifetime and reused while its Cache-Control max-age says it
 * is fresh; after that the next use asks again with If-None-Match, and a 304 keeps what is held (no
 * download, no re-parse). Used for the compact site index, which is large and changes rarely. Pure: the
 * request is injected, so the unit tests drive it with plain Response objects.
 */

/** Seconds a response may be reused without asking: its max-age, or 0 when it must be revalidated. */
export function freshSeconds(cacheControl: string | null): number {
  if (!cacheControl || /(?:^|,)\s*no-(?:cache|store)\b/i.test(cacheControl)) return 0;
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl);
  return match ? Number(match[1]) : 0;
}

export interface RevalidatingCache<T> {
  /** The held value while fresh, else the server's answer; concurrent calls share one request. */
  get(): Promise<T>;
}

/**
 * `request(etag)` performs the GET (with If-None-Match when `etag` is given); `read` turns a non-304
 * response into the value and throws on an error status. A failure is not remembered: the next `get`
 * asks again. When a revalidation fails, the value held from before answers meanwhile (a site list a
 * few minutes old is better than none).
 */
export function revalidatingCache<T>(
  request: (etag: string | undefined) => Promise<Response>,
  read: (response: Response) => Promise<T>,
  now: () => number = Date.now,
): RevalidatingCache<T> {
  let held: { value: T; etag: string | undefined; freshUntil: number } | undefined;
  let inFlight: Promise<T> | undefined;

  async function load(): Promise<T> {
    const response = await request(held?.etag);
    const freshUntil = now() + freshSeconds(response.headers.get('cache-control')) * 1000;
    if (response.status === 304 && held) {
      held.freshUntil = freshUntil;
      return held.value;
    }
    const value = await read(response);
    held = { value, etag: response.headers.get('etag') ?? undefined, freshUntil };
    return value;
  }

  return {
    get() {
      if (held && now() < held.freshUntil) return Promise.resolve(held.value);
      inFlight ??= load()
        .catch((error: unknown) => {
          if (held) return held.value;
          throw error;
        })
        .finally(() => (inFlight = undefined));
      return inFlight;
    },
  };
}
