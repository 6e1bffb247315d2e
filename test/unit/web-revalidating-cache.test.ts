/** The front end's in-memory cache of the compact site index (web/src/revalidating-cache.ts). */
import { describe, expect, it } from '@jest/globals';
import { freshSeconds, revalidatingCache } from '../../web/src/revalidating-cache';

describe('freshSeconds', () => {
  it.each([
    ['private, max-age=60', 60],
    ['max-age="30", must-revalidate', 30],
    ['public, s-maxage=600', 0],
    ['no-cache, max-age=60', 0],
    ['no-store', 0],
    [null, 0],
  ])('reads %j as %i', (header, seconds) => {
    expect(freshSeconds(header)).toBe(seconds);
  });
});

/** A fake server: each request is recorded with its If-None-Match, and answered from `script`. */
function fakeServer(script: ((etag: string | undefined) => Response)[]) {
  const seen: (string | undefined)[] = [];
  return {
    seen,
    request: async (etag: string | undefined) => {
      seen.push(etag);
      const answer = script[seen.length - 1];
      if (!answer) throw new Error('unexpected request');
      return answer(etag);
    },
  };
}
const ok =
  (body: string, etag: string, cacheControl = 'private, max-age=60') =>
  () =>
    new Response(body, { status: 200, headers: { etag, 'cache-control': cacheControl } });
const notModified =
  (cacheControl = 'private, max-age=60') =>
  () =>
    new Response(null, { status: 304, headers: { 'cache-control': cacheControl } });
const read = async (response: Response) => {
  if (!response.ok) throw new Error(`status ${response.status}`);
  return { text: await response.text() };
};

describe('revalidatingCache', () => {
  it('reuses the value while fresh, then revalidates with the ETag and keeps the same value on 304', async () => {
    let now = 1_000_000;
    const server = fakeServer([ok('v1', '"a"'), notModified()]);
    const cache = revalidatingCache(server.request, read, () => now);
    const first = await cache.get();
    now += 59_000;
    expect(await cache.get()).toBe(first);
    expect(server.seen).toEqual([undefined]);
    now += 2_000;
    expect(await cache.get()).toBe(first);
    expect(server.seen).toEqual([undefined, '"a"']);
    // The 304 made it fresh for another minute.
    now += 30_000;
    expect(await cache.get()).toBe(first);
    expect(server.seen).toHaveLength(2);
  });

  it('replaces the value when the resource changed, and remembers the new ETag', async () => {
    let now = 0;
    const server = fakeServer([ok('v1', '"a"'), ok('v2', '"b"'), notModified()]);
    const cache = revalidatingCache(server.request, read, () => now);
    expect((await cache.get()).text).toBe('v1');
    now += 61_000;
    expect((await cache.get()).text).toBe('v2');
    now += 61_000;
    expect((await cache.get()).text).toBe('v2');
    expect(server.seen).toEqual([undefined, '"a"', '"b"']);
  });

  it('asks every time when the answer may not be reused', async () => {
    const server = fakeServer([ok('v1', '"a"', 'no-cache'), notModified('no-cache')]);
    const cache = revalidatingCache(server.request, read, () => 0);
    await cache.get();
    await cache.get();
    expect(server.seen).toEqual([undefined, '"a"']);
  });

  it('shares one request between concurrent callers', async () => {
    const server = fakeServer([ok('v1', '"a"')]);
    const cache = revalidatingCache(server.request, read, () => 0);
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    expect(server.seen).toHaveLength(1);
  });

  it('does not remember a failure, and answers with what it held while a revalidation fails', async () => {
    let now = 0;
    const server = fakeServer([
      () => new Response('busy', { status: 503 }),
      ok('v1', '"a"'),
      () => new Response('busy', { status: 503 }),
      ok('v2', '"b"'),
    ]);
    const cache = revalidatingCache(server.request, read, () => now);
    await expect(cache.get()).rejects.toThrow('status 503');
    const value = await cache.get();
    now += 61_000;
    expect(await cache.get()).toBe(value);
    expect((await cache.get()).text).toBe('v2');
    expect(server.seen).toEqual([undefined, undefined, '"a"', '"a"']);
  });
});
