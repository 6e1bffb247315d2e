import { describe, expect, it } from '@jest/globals';
import { DependencyUnavailableError } from '../../functions/domain/errors';
import { importSiteCatalog, publishMissingSiteIndex } from '../../functions/domain/import-site-catalog';
import type { Site } from '../../functions/domain/site';
import { sitesToCsv } from '../../functions/domain/site-catalog-csv';
import { SiteIndexHolder } from '../../functions/domain/site-search/site-index-holder';
import { decodeSnapshot, encodeSnapshot, sitesOfSnapshot } from '../../functions/domain/site-search/snapshot';
import { acceptsGzip, ifNoneMatchMatches } from '../../functions/http/conditional';
import type { SiteCatalogWriter } from '../../functions/ports/site-catalog';
import type { SiteIndexObject, SiteIndexStore } from '../../functions/ports/site-index-store';
import { localLambdaContext } from '../../local/lambda-context';

class MemoryIndexStore implements SiteIndexStore {
  object: SiteIndexObject | undefined;
  heads = 0;
  reads = 0;
  fail = false;
  private version = 0;
  async currentETag() {
    this.heads += 1;
    if (this.fail) throw new DependencyUnavailableError('down');
    return this.object?.etag;
  }
  async read() {
    this.reads += 1;
    if (this.fail) throw new DependencyUnavailableError('down');
    return this.object;
  }
  async publish(bytes: Uint8Array) {
    this.version += 1;
    this.object = { bytes, etag: `"v${this.version}"` };
    return this.object.etag;
  }
}

class MemoryCatalog implements SiteCatalogWriter {
  sites = new Map<string, Site>();
  writes = 0;
  async putAll(sites: Site[], onProgress?: (written: number) => void) {
    for (const s of sites) {
      this.writes += 1;
      this.sites.set(s.siteId, s);
      onProgress?.(this.writes);
    }
  }
  async markLoaded() {}
  async loadedSiteCount() {
    return this.sites.size;
  }
  async allSites() {
    return [...this.sites.values()];
  }
}

const site = (siteId: string, name: string, active = true): Site => ({
  siteId,
  name,
  category: 'SCHOOL',
  group: 'Toronto District School Board',
  address: '1 Main Street',
  city: 'Toronto',
  postalCode: 'M5V 2T6',
  active,
});
const csv = (sites: Site[]) => new TextEncoder().encode(sitesToCsv(sites));
const HEADER = 'siteId,name,category,group,address,city,postalCode,active';
const GOOD_ROW = 'ON-1,Maple School,SCHOOL,Toronto District School Board,1 Main Street,Toronto,M5V 2T6,true';

describe('catalog import', () => {
  it.each([
    [
      'a missing column',
      'siteId,name,category,address,city,postalCode,active\nON-1,Maple School,SCHOOL,1 Main Street,Toronto,M5V 2T6,true\n',
      1,
    ],
    ['a bad category', `${HEADER}\n${GOOD_ROW.replace(',SCHOOL,', ',COLLEGE,')}\n`, 2],
    ['a duplicate id', `${HEADER}\n${GOOD_ROW}\n${GOOD_ROW.replace('Maple', 'Oak')}\n`, 3],
    ['an invalid postal code', `${HEADER}\n${GOOD_ROW}\n${GOOD_ROW.replace('ON-1', 'ON-2').replace('M5V 2T6', 'D5V 2T6')}\n`, 3],
  ])('rejects a file with %s by line number and writes nothing, neither sites nor index', async (_label, text, line) => {
    const catalog = new MemoryCatalog();
    const store = new MemoryIndexStore();
    const outcome = await importSiteCatalog(new TextEncoder().encode(text), { source: 'bad.csv', writer: catalog, index: store });
    expect(outcome).toMatchObject({ ok: false, errors: [expect.objectContaining({ line })] });
    expect(catalog.writes).toBe(0);
    expect(store.object).toBeUndefined();
  });

  it('rejects a file in the wrong encoding (Windows-1252) and writes nothing', async () => {
    const catalog = new MemoryCatalog();
    const store = new MemoryIndexStore();
    const latin1 = Buffer.from(`${HEADER}\n${GOOD_ROW.replace('Maple', 'École')}\n`, 'latin1');
    const outcome = await importSiteCatalog(latin1, { source: 'latin1.csv', writer: catalog, index: store });
    expect(outcome).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ line: 2, message: expect.stringContaining('not UTF-8') })],
    });
    expect(catalog.writes + (store.object ? 1 : 0)).toBe(0);
  });

  it('writes the sites, then publishes one snapshot of the merged catalog, reporting progress', async () => {
    const catalog = new MemoryCatalog();
    const store = new MemoryIndexStore();
    await importSiteCatalog(csv([site('A', 'Alpha School'), site('B', 'Beta School')]), {
      source: 'one.csv',
      writer: catalog,
      index: store,
    });
    const phases: string[] = [];
    const outcome = await importSiteCatalog(csv([site('B', 'Beta Renamed School', false), site('C', 'Gamma School')]), {
      source: 'two.csv',
      writer: catalog,
      index: store,
      onProgress: (p) => phases.push(p.phase),
    });
    expect(outcome).toMatchObject({ ok: true, siteCount: 2, catalogSize: 3 });
    expect(new Set(phases)).toEqual(new Set(['checking', 'indexing', 'writing', 'publishing']));
    expect(phases.at(-1)).toBe('publishing');
    const published = sitesOfSnapshot(decodeSnapshot(store.object!.bytes));
    expect(published.map((s) => [s.siteId, s.name, s.active]).sort()).toEqual([
      ['A', 'Alpha School', true],
      ['B', 'Beta Renamed School', false],
      ['C', 'Gamma School', true],
    ]);
  });

  it('builds the first index from the table when none is published yet, and only then', async () => {
    const catalog = new MemoryCatalog();
    await catalog.putAll([site('A', 'Alpha School')]);
    const store = new MemoryIndexStore();
    expect(await publishMissingSiteIndex(catalog, store)).toBe(1);
    expect(await publishMissingSiteIndex(catalog, store)).toBeUndefined();
  });
});

describe('the warm index of a search function', () => {
  const snapshot = (names: string[]) =>
    encodeSnapshot(
      names.map((n, i) => site(`S${i}`, n)),
      { builtAt: 'now', source: 't' },
    );

  it('loads on first use, checks the tag at most once per interval, and swaps in a newer snapshot', async () => {
    const store = new MemoryIndexStore();
    await store.publish(snapshot(['Alpha School']));
    let now = 0;
    const holder = new SiteIndexHolder(store, { refreshIntervalMs: 60_000, now: () => now });
    const first = await holder.current();
    expect(first.index.size).toBe(1);
    await store.publish(snapshot(['Alpha School', 'Beta School']));
    now = 59_999;
    expect(await holder.current()).toBe(first);
    expect(store.heads).toBe(0);
    now = 60_000;
    const second = await holder.current();
    expect(second.index.size).toBe(2);
    now = 120_000;
    expect(await holder.current()).toBe(second);
    expect(store.reads).toBe(2);
    expect(store.heads).toBe(2);
  });

  it('keeps serving the loaded index when a check fails, and answers 503 when it has none', async () => {
    const store = new MemoryIndexStore();
    await store.publish(snapshot(['Alpha School']));
    let now = 0;
    const events: string[] = [];
    const holder = new SiteIndexHolder(store, { refreshIntervalMs: 1_000, now: () => now, onEvent: (e) => events.push(e.event) });
    const loaded = await holder.current();
    store.fail = true;
    now = 5_000;
    expect(await holder.current()).toBe(loaded);
    expect(events).toEqual(['loaded', 'check-failed']);
    await expect(new SiteIndexHolder(store, { refreshIntervalMs: 1_000 }).current()).rejects.toBeInstanceOf(DependencyUnavailableError);
    await expect(new SiteIndexHolder(new MemoryIndexStore(), { refreshIntervalMs: 1_000 }).current()).rejects.toBeInstanceOf(
      DependencyUnavailableError,
    );
  });

  it('shares one load between concurrent first requests', async () => {
    const store = new MemoryIndexStore();
    await store.publish(snapshot(['Alpha School']));
    const holder = new SiteIndexHolder(store, { refreshIntervalMs: 60_000 });
    const [a, b, c] = await Promise.all([holder.current(), holder.current(), holder.current()]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(store.reads).toBe(1);
  });

  it('never answers a search from a mix of two catalogs while imports replace it', async () => {
    const catalog = new MemoryCatalog();
    const store = new MemoryIndexStore();
    const version = (tag: string) => Array.from({ length: 300 }, (_, i) => site(`S${i}`, `Atomic ${tag} School ${i}`));
    await importSiteCatalog(csv(version('Alpha')), { source: 'a.csv', writer: catalog, index: store });
    const holder = new SiteIndexHolder(store, { refreshIntervalMs: 0 });
    let importing = true;
    const imports = (async () => {
      for (let round = 0; round < 6; round += 1) {
        await importSiteCatalog(csv(version(round % 2 === 0 ? 'Beta' : 'Alpha')), { source: 'x.csv', writer: catalog, index: store });
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      importing = false;
    })();
    const seen = new Set<string>();
    while (importing) {
      const { index } = await holder.current();
      const result = index.search({ q: 'atomic', limit: 300 });
      const tags = new Set(result.items.map((s) => s.name.split(' ')[1]));
      expect(result.total).toBe(300);
      expect(tags.size).toBe(1);
      seen.add([...tags][0]!);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await imports;
    expect(seen).toEqual(new Set(['Alpha', 'Beta']));
  });
});

describe('content negotiation and conditional requests', () => {
  it.each([
    [undefined, false],
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['gzip;q=0', false],
    ['identity', false],
    ['*', true],
    ['*, gzip;q=0', false],
  ])('Accept-Encoding %j allows gzip: %j', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc-gzip"', true],
    ['*', true],
    ['"abd"', false],
    [undefined, false],
  ])('If-None-Match %j matches: %j', (header, expected) => {
    expect(ifNoneMatchMatches(header, ['"abc"', '"abc-gzip"'])).toBe(expected);
  });
});

describe('an already encoded body', () => {
  it('reaches API Gateway as is, base64 with isBase64Encoded for binary', async () => {
    process.env.SERVICE_VERSION ??= 'test';
    process.env.POWERTOOLS_METRICS_NAMESPACE ??= 'newcomer-intake-test';
    const { httpRoute } = await import('../../functions/http/route-pipeline');
    const { route } = await import('../../functions/api/routes');
    const handler = httpRoute(route('getHealth'), async () => ({
      status: 200,
      headers: { 'content-encoding': 'gzip' },
      encodedBody: { body: 'H4sI', isBase64Encoded: true },
    }));
    const result = await handler({ requestContext: { requestId: 'r' }, headers: {} } as never, localLambdaContext('getHealth', 10));
    expect(result).toEqual({
      statusCode: 200,
      // The pipeline's security headers stand beside the route's own.
      headers: expect.objectContaining({
        'content-encoding': 'gzip',
        'content-type': 'application/json',
        'X-Content-Type-Options': 'nosniff',
      }),
      body: 'H4sI',
      isBase64Encoded: true,
    });
  });
});
