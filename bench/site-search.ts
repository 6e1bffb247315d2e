/**
 * Issue 3's figures, on a generated catalog of 50,000 sites: index build time, index size (raw and
 * gzip) of the S3 snapshot and of the compact GET /v1/sites/index document, cold load time through
 * the real S3 adapter (against the S3 emulator), and p50/p99 per query over 1,200 realistic queries
 * beside a naive linear scan over the normalised names answering the same queries in the same run.
 * Every query's answer (total and first page) is checked against the scan.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { S3SiteIndexStore } from '../functions/adapters/s3/site-index-store';
import type { Site } from '../functions/domain/site';
import { NaiveSiteScan } from '../functions/domain/site-search/naive-scan';
import { SiteIndexHolder } from '../functions/domain/site-search/site-index-holder';
import { compactIndexOf } from '../functions/domain/site-search/site-listing';
import { CACHED_MATCH_THRESHOLD, type SiteSearchIndex } from '../functions/domain/site-search/site-search-index';
import { encodeSnapshot } from '../functions/domain/site-search/snapshot';
import { LOCAL_AWS_CREDENTIALS } from '../local/credentials';
import { startS3Emulator } from '../local/s3-emulator';
import { generateSampleSites, mulberry32 } from '../scripts/sample-sites/generate';
import { markdownTable, percentile, recordSection } from './report';

export const CATALOG_SIZE = 50_000;
const SEED = 3;
const PAGE = 25;
const TARGETS = { p99Ms: 2, speedup: 20, coldLoadMs: 200, gzipBytes: 1.5 * 1024 * 1024 };

type QueryKind = 'prefix (1-4 letters)' | 'multi-word' | 'typo' | 'French, typed without accents' | 'punctuation';

/** Queries people type: deterministic, drawn from the catalog's own names. */
export function realisticQueries(sites: readonly Site[], seed = SEED): { q: string; kind: QueryKind }[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const words = (name: string) => name.split(/[\s–—/,.()]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const active = sites.filter((s) => s.active);
  const french = active.filter((s) => /[À-ÿ]/.test(s.name));
  const punctuated = active.filter((s) => /['’-]/.test(s.name) || /\bSt\./.test(s.name));
  const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const typo = (word: string) => {
    const at = int(1, word.length - 2);
    const letter = 'abcdefghijklmnopqrstuvwxyz'[int(0, 25)] as string;
    switch (int(0, 3)) {
      case 0:
        return word.slice(0, at) + letter + word.slice(at + 1);
      case 1:
        return word.slice(0, at) + word.slice(at + 1);
      case 2:
        return word.slice(0, at) + letter + word.slice(at);
      default:
        return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    }
  };
  const queries: { q: string; kind: QueryKind }[] = [];
  for (let i = 0; i < 300; i += 1)
    queries.push({
      q: pick(words(pick(active).name))
        .slice(0, int(1, 4))
        .toLowerCase(),
      kind: 'prefix (1-4 letters)',
    });
  for (let i = 0; i < 300; i += 1) {
    const w = words(pick(active).name);
    const chosen = w.slice(0, Math.min(w.length, int(2, 3)));
    if (random() < 0.3) chosen.reverse();
    chosen[chosen.length - 1] = (chosen[chosen.length - 1] as string).slice(0, int(2, 6));
    queries.push({ q: chosen.join(' '), kind: 'multi-word' });
  }
  for (let i = 0; queries.length < 900 && i < 10_000; i += 1) {
    const long = words(pick(active).name).filter((w) => w.length >= 6);
    if (long.length === 0) continue;
    queries.push({ q: typo(pick(long).toLowerCase()), kind: 'typo' });
  }
  for (let i = 0; i < 200; i += 1) {
    const w = words(pick(french).name);
    queries.push({
      q: plain(w.slice(0, int(1, 3)).join(' '))
        .slice(0, int(4, 24))
        .trim(),
      kind: 'French, typed without accents',
    });
  }
  for (let i = 0; i < 100; i += 1) {
    const w = words(pick(punctuated).name).slice(0, 2);
    queries.push({
      q: plain(w.join(' '))
        .replace(/['’.]/g, '')
        .replace(/-/g, random() < 0.5 ? ' ' : ''),
      kind: 'punctuation',
    });
  }
  return queries.filter((query) => query.q.trim() !== '');
}

function time<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

const ms = (value: number) => `${value < 10 ? value.toFixed(3) : value.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const met = (ok: boolean) => (ok ? 'met' : '**NOT met**');

export async function runSiteSearchBenchmark(): Promise<void> {
  const sites = generateSampleSites({ count: CATALOG_SIZE, seed: SEED });
  const [snapshot, buildMs] = time(() => encodeSnapshot(sites, { builtAt: new Date().toISOString(), source: 'bench' }));
  const snapshotRaw = gunzipSync(snapshot).length;

  // Cold load through the real adapter and holder: GET from the S3 emulator, gunzip, parse, build.
  const directory = await mkdtemp(join(tmpdir(), 'newcomer-intake-bench-s3-'));
  const s3 = await startS3Emulator({ directory, buckets: ['bench-site-index'] });
  const client = new S3Client({
    region: 'ca-central-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { ...LOCAL_AWS_CREDENTIALS },
  });
  const loads: number[] = [];
  let index: SiteSearchIndex;
  try {
    const store = new S3SiteIndexStore(client, 'bench-site-index');
    await store.publish(snapshot);
    for (let i = 0; i < 6; i += 1) {
      const started = performance.now();
      index = (await new SiteIndexHolder(store, { refreshIntervalMs: 60_000 }).current()).index;
      loads.push(performance.now() - started);
    }
  } finally {
    client.destroy();
    await s3.stop();
    await rm(directory, { recursive: true, force: true });
  }
  const coldLoad = loads[0] as number;
  const warmLoad = percentile(loads.slice(1), 50);

  const [compact, compactMs] = time(() => compactIndexOf(index));
  const compactGzip = Buffer.from(compact.gzipBase64, 'base64').length;

  const queries = realisticQueries(sites);
  const naive = new NaiveSiteScan(sites);
  // Warm both up (JIT), then time every query once each, alternating so noise hits both alike.
  for (const { q } of queries.slice(0, 200)) {
    index!.search({ q, limit: PAGE });
    naive.search(q);
  }
  const indexTimes: number[] = [];
  const uncachedTimes: number[] = [];
  const scanTimes: number[] = [];
  const byKind = new Map<QueryKind, number[]>();
  let mismatches = 0;
  const uncachedSearch = (q: string) => {
    index!.cacheLargeMatches = false;
    try {
      return time(() => index!.search({ q, limit: PAGE }));
    } finally {
      index!.cacheLargeMatches = true;
    }
  };
  for (const [i, { q, kind }] of queries.entries()) {
    // Alternate which of the two index runs goes first, so neither always finds the other's warm caches.
    const first = i % 2 === 0 ? uncachedSearch(q) : undefined;
    const [result, indexMs] = time(() => index!.search({ q, limit: PAGE }));
    const [uncached, uncachedMs] = first ?? uncachedSearch(q);
    const [expected, scanMs] = time(() => naive.search(q));
    indexTimes.push(indexMs);
    uncachedTimes.push(uncachedMs);
    if (uncached.total !== result.total) mismatches += 1;
    scanTimes.push(scanMs);
    byKind.set(kind, [...(byKind.get(kind) ?? []), indexMs]);
    const same = result.total === expected.length && result.items.every((item, i) => item.siteId === expected[i]?.site.siteId);
    if (!same) mismatches += 1;
  }
  const p50 = percentile(indexTimes, 50);
  const p99 = percentile(indexTimes, 99);
  const scanP50 = percentile(scanTimes, 50);
  const scanP99 = percentile(scanTimes, 99);
  const speedup = scanP50 / p50;
  const uncachedSpeedup = scanP50 / percentile(uncachedTimes, 50);

  const rows: (string | number)[][] = [
    [
      'catalog',
      `${CATALOG_SIZE.toLocaleString('en-CA')} generated sites (${index!.size.toLocaleString('en-CA')} active), seed ${SEED}`,
      '',
      '',
    ],
    ['index build (normalise, sort, encode, gzip)', ms(buildMs), '', ''],
    [
      'S3 snapshot size, raw / gzip',
      `${mib(snapshotRaw)} / ${mib(snapshot.length)}`,
      `gzip ≤ ${mib(TARGETS.gzipBytes)}`,
      met(snapshot.length <= TARGETS.gzipBytes),
    ],
    [
      'GET /v1/sites/index document, raw / gzip',
      `${mib(compact.json.length)} / ${mib(compactGzip)} (built in ${ms(compactMs)}, once per index)`,
      `gzip ≤ ${mib(TARGETS.gzipBytes)}`,
      met(compactGzip <= TARGETS.gzipBytes),
    ],
    [
      'cold load (S3 GET + gunzip + parse + build), first / median of 5 more',
      `${ms(coldLoad)} / ${ms(warmLoad)}`,
      `≤ ${TARGETS.coldLoadMs} ms`,
      met(coldLoad <= TARGETS.coldLoadMs),
    ],
    [
      `queries`,
      `${queries.length} (answers equal to the scan's: ${queries.length - mismatches}/${queries.length})`,
      'all equal',
      met(mismatches === 0),
    ],
    ['index p50 / p99 per query, as served', `${ms(p50)} / ${ms(p99)}`, `p99 ≤ ${TARGETS.p99Ms} ms`, met(p99 <= TARGETS.p99Ms)],
    [
      `index p50 / p99 without the cache of large matches (every query computed)`,
      `${ms(percentile(uncachedTimes, 50))} / ${ms(percentile(uncachedTimes, 99))}`,
      `p99 ≤ ${TARGETS.p99Ms} ms`,
      met(percentile(uncachedTimes, 99) <= TARGETS.p99Ms),
    ],
    ['naive linear scan p50 / p99 (baseline, same run)', `${ms(scanP50)} / ${ms(scanP99)}`, '', ''],
    [
      'p50 speed-up over the scan, as served / without the cache',
      `${speedup.toFixed(0)}× / ${uncachedSpeedup.toFixed(0)}×`,
      `≥ ${TARGETS.speedup}×`,
      met(Math.min(speedup, uncachedSpeedup) >= TARGETS.speedup),
    ],
    ...[...byKind].map(([kind, times]) => [
      `index p50 / p99, ${kind} (${times.length})`,
      `${ms(percentile(times, 50))} / ${ms(percentile(times, 99))}`,
      '',
      '',
    ]),
  ];
  const table = markdownTable(['figure', 'value', 'target', ''], rows);
  console.log(table);
  await recordSection(
    'site-search',
    'Site search (issue 3)',
    `${table}\n\nQueries: 1 to 4 letters, multi-word (some in another order, the last word cut short), one typo in a word of 6+ letters, French names typed without accents, names with apostrophes, hyphens or "St." typed without them. Each is timed once with \`limit=${PAGE}\` (the time includes counting every match for \`total\`), after a warm-up of 200. The scan applies the same rules to every site's pre-normalised words. "As served" keeps the matches of queries with ${CACHED_MATCH_THRESHOLD.toLocaleString('en-CA')}+ matches (short prefixes) per index, as the search functions do; the uncached line computes every query from scratch.`,
  );
}
