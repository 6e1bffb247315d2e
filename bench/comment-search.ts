/**
 * Issue 5's figures: "Find a Client" latency through the local gateway in an agency of 1,000 and one
 * of 50,000 anonymous clients, in the same run, for a selective query (about 20 matches) and a broad
 * query's first page; the 50,000/1,000 ratio (target ≤ 2); and how long the embedded indexer takes to
 * make a new comment searchable.
 *
 * The agencies are seeded directly into DynamoDB Local (client items and the very index items the
 * indexer writes, from its own builders), with the server's indexer off so it does not redo them.
 * The data directory is on /dev/shm when there is one: DynamoDB Local's writes are fsync-bound
 * (about 600 items/s on disk here, 4,000+ on tmpfs) and seeding 50,000 clients must stay in minutes.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchWrite, postingItems, vocabularyItems } from '../functions/adapters/dynamodb/search-index';
import { BY_REGISTRATION_DATE_INDEX, keys } from '../functions/adapters/dynamodb/table-design';
import { ANONYMOUS_CLIENT_NAME } from '../functions/domain/anonymous-client';
import { clientPostings } from '../functions/domain/comment-words';
import { newId } from '../functions/domain/ids';
import { LOCAL_AWS_CREDENTIALS } from '../local/credentials';
import { runningStack } from '../local/data-dir-lock';
import { LOCAL_REGION, LOCAL_TABLE_NAME } from '../local/embedded-stack';
import { issueLocalToken } from '../local/tokens';
import { sampleSites } from '../support/sample-sites';
import { startServerProcess } from '../support/server-process';
import { markdownTable, percentile, recordSection } from './report';
import { STAFF_NOTE_PHRASES } from './staff-notes';

const AGENCIES = [
  { agencyId: 'bench-small', clients: 1_000 },
  { agencyId: 'bench-large', clients: 50_000 },
] as const;
const SELECTIVE_MATCHES = 20;
const SELECTIVE_QUERY = 'tigrinya interp';
const BROAD_QUERY = 'family doc';
const RUNS = 200;
const WARM_UP_ROUNDS = 20;
const INDEXER_SAMPLES = 40;

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same agencies. */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGUAGES = [
  'arabic',
  'dari',
  'farsi',
  'spanish',
  'ukrainian',
  'punjabi',
  'mandarin',
  'somali',
  'urdu',
  'tagalog',
  'amharic',
  'swahili',
];
const FOLLOW_UPS = ['follow up next week', 'will call back', 'walk-in', 'came with spouse', 'first visit', 'returning client', 'by phone'];

function comment(next: () => number, selective: boolean): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const parts = [pick(STAFF_NOTE_PHRASES), pick(STAFF_NOTE_PHRASES)];
  if (next() < 0.5) parts.push(pick(STAFF_NOTE_PHRASES));
  if (next() < 0.3) parts.push(`speaks ${pick(LANGUAGES)}`);
  if (next() < 0.5) parts.push(pick(FOLLOW_UPS));
  if (selective) parts.push('speaks Tigrinya, needs an interpreter');
  return `${parts.join('; ')}.`;
}

interface SeedResult {
  items: number;
  seconds: number;
}

async function seedAgency(db: DynamoDBDocumentClient, agencyId: string, count: number, seed: number): Promise<SeedResult> {
  const next = random(seed);
  const sites = sampleSites()
    .filter((site) => site.active)
    .slice(0, 40);
  const selectiveEvery = Math.floor(count / SELECTIVE_MATCHES);
  const started = performance.now();
  let items = 0;
  const vocabulary = new Set<string>();
  const chunk = 500;
  for (let start = 0; start < count; start += chunk) {
    const batch: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(count, start + chunk); i += 1) {
      // Registrations spread over five years, newest last.
      const day = new Date(Date.UTC(2021, 0, 1) + Math.floor((i / count) * 5 * 365) * 86_400_000);
      const registrationDate = day.toISOString().slice(0, 10);
      const createdAt = new Date(day.getTime() + 36_000_000 + i).toISOString();
      const site = sites[Math.floor(next() * sites.length)]!;
      const client = {
        clientId: newId(),
        clientType: 'ANONYMOUS',
        clientName: ANONYMOUS_CLIENT_NAME.en,
        agency: { agencyId, name: agencyId },
        gender: next() < 0.5 ? 'FEMALE' : 'MALE',
        arrivalYear: 2015 + Math.floor(next() * 10),
        immigrationStatus: 'UNKNOWN',
        postalCode: null,
        registrationDate,
        site: { siteId: site.siteId, name: site.name },
        comments: comment(next, i % selectiveEvery === selectiveEvery - 1),
        createdAt,
        createdBy: 'bench',
        updatedAt: createdAt,
        version: 1,
      };
      batch.push({
        ...keys.clientItem(agencyId, client.clientId),
        entity: 'ANONYMOUS_CLIENT',
        [BY_REGISTRATION_DATE_INDEX.partitionKey]: keys.agencyRegistrations(agencyId),
        [BY_REGISTRATION_DATE_INDEX.sortKey]: keys.registrationOrder(registrationDate, createdAt, client.clientId),
        ...client,
      });
      const postings = clientPostings(client);
      postings.words.forEach((word) => vocabulary.add(word));
      batch.push(...postingItems(postings));
    }
    await batchWrite(db, LOCAL_TABLE_NAME, batch as never);
    items += batch.length;
    process.stderr.write(`\r${agencyId}: ${Math.min(count, start + chunk)} of ${count} clients (${items} items)`);
  }
  const words = vocabularyItems(agencyId, vocabulary);
  await batchWrite(db, LOCAL_TABLE_NAME, words);
  process.stderr.write('\n');
  return { items: items + words.length, seconds: (performance.now() - started) / 1000 };
}

async function timedSearch(url: string, token: string, q: string): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/v1/anonymous-clients?${new URLSearchParams({ q })}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { items: unknown[] };
  if (response.status !== 200) throw new Error(`search answered ${response.status}`);
  return { ms: performance.now() - started, count: body.items.length };
}

function benchDirectory(): Promise<string> {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  return mkdtemp(join(base, 'newcomer-intake-bench-search-'));
}

async function measureSearch() {
  const dataDir = await benchDirectory();
  const previous = process.env.STREAM_INDEXER;
  process.env.STREAM_INDEXER = 'off';
  const server = await startServerProcess({ dataDir, logFile: join(dataDir, 'server.log') });
  if (previous === undefined) delete process.env.STREAM_INDEXER;
  else process.env.STREAM_INDEXER = previous;
  try {
    const stack = await runningStack(dataDir);
    const raw = new DynamoDBClient({ region: LOCAL_REGION, endpoint: stack!.dynamodb, credentials: { ...LOCAL_AWS_CREDENTIALS } });
    const db = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
    const seeding: Record<string, SeedResult> = {};
    for (const [i, agency] of AGENCIES.entries()) seeding[agency.agencyId] = await seedAgency(db, agency.agencyId, agency.clients, 42 + i);
    raw.destroy();

    const tokens = Object.fromEntries(
      await Promise.all(AGENCIES.map(async (a) => [a.agencyId, await issueLocalToken(dataDir, { agencyId: a.agencyId })] as const)),
    );
    const queries = { selective: SELECTIVE_QUERY, broad: BROAD_QUERY } as const;
    const samples: Record<string, number[]> = {};
    const counts: Record<string, number> = {};
    // Warm up, then interleave agencies and queries so drift on a shared machine hits all alike.
    for (let run = -WARM_UP_ROUNDS; run < RUNS; run += 1) {
      for (const agency of AGENCIES) {
        for (const [kind, q] of Object.entries(queries)) {
          const { ms, count } = await timedSearch(server.url, tokens[agency.agencyId]!, q);
          const key = `${agency.agencyId}/${kind}`;
          counts[key] = count;
          if (run >= 0) (samples[key] ??= []).push(ms);
        }
      }
    }
    return { seeding, samples, counts };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** New comment → searchable, through the gateway, with the embedded stack's own stream indexer. */
async function measureIndexer(): Promise<number[]> {
  const dataDir = await benchDirectory();
  const server = await startServerProcess({ dataDir, logFile: join(dataDir, 'server.log') });
  try {
    const token = await issueLocalToken(dataDir, { agencyId: 'bench-indexer' });
    const siteId = sampleSites().find((site) => site.active)!.siteId;
    const latencies: number[] = [];
    for (let i = -5; i < INDEXER_SAMPLES; i += 1) {
      const word = `zq${newId()
        .toLowerCase()
        .replace(/[^a-z]/g, '')}`;
      const created = await fetch(`${server.url}/v1/anonymous-clients`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ gender: 'MALE', registrationDate: '2024-06-01', siteId, comments: `Asked about ${word} today` }),
      });
      if (created.status !== 201) throw new Error(`registration answered ${created.status}`);
      const committed = performance.now();
      const deadline = committed + 30_000;
      for (;;) {
        const { count } = await timedSearch(server.url, token, word);
        if (count === 1) break;
        if (performance.now() > deadline) throw new Error('a new comment did not become searchable within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // The first few include the first start's backlog (the sample catalog's stream records).
      if (i >= 0) latencies.push(performance.now() - committed);
    }
    return latencies;
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function runCommentSearchBenchmark() {
  const started = performance.now();
  const { seeding, samples, counts } = await measureSearch();
  const indexer = await measureIndexer();
  const [small, large] = AGENCIES.map((a) => a.agencyId) as [string, string];
  const p = (key: string, q: number) => percentile(samples[key]!, q);
  const rows: (string | number)[][] = [];
  const verdicts: boolean[] = [];
  for (const kind of ['selective', 'broad'] as const) {
    const query = kind === 'selective' ? SELECTIVE_QUERY : BROAD_QUERY;
    for (const agency of AGENCIES) {
      const key = `${agency.agencyId}/${kind}`;
      rows.push([
        `${kind} \`q=${query}\`, ${agency.clients.toLocaleString('en')} clients (${counts[key]} returned)`,
        `${p(key, 50).toFixed(1)} ms`,
        `${p(key, 99).toFixed(1)} ms`,
      ]);
    }
    const ratio50 = p(`${large}/${kind}`, 50) / p(`${small}/${kind}`, 50);
    const ratio99 = p(`${large}/${kind}`, 99) / p(`${small}/${kind}`, 99);
    verdicts.push(ratio50 <= 2, ratio99 <= 2);
    const verdict = (ratio: number) => `${ratio.toFixed(2)} ${ratio <= 2 ? '(met)' : '(NOT met)'}`;
    rows.push([`${kind}: 50,000 / 1,000 ratio (target ≤ 2)`, verdict(ratio50), verdict(ratio99)]);
  }
  rows.push([
    'indexer: new comment → searchable (embedded, through the gateway)',
    `${percentile(indexer, 50).toFixed(0)} ms`,
    `${percentile(indexer, 99).toFixed(0)} ms`,
  ]);
  const table = markdownTable(['figure', 'p50', 'p99'], rows);
  const seeded = AGENCIES.map(
    (a) =>
      `${a.clients.toLocaleString('en')} clients: ${seeding[a.agencyId]!.items.toLocaleString('en')} items in ${seeding[a.agencyId]!.seconds.toFixed(0)} s`,
  ).join('; ');
  const notes =
    `${RUNS} searches per figure, interleaved, after ${WARM_UP_ROUNDS} warm-up rounds; ${INDEXER_SAMPLES} indexer samples. ` +
    `Seeded directly (${seeded}; items = client + postings + vocabulary). Total run ${((performance.now() - started) / 1000).toFixed(0)} s.`;
  console.log(table);
  console.log(`\n${notes}`);
  if (verdicts.some((met) => !met)) console.log('\nTARGET NOT MET');
  await recordSection('comment-search', 'Find a Client: comment search at 1,000 and 50,000 clients (issue 5)', `${table}\n\n${notes}\n`);
}
