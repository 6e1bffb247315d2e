/**
 * Issue 14, part 5: load and soak against a fresh embedded server (`npm start`'s entry point, its own
 * temporary DATA_DIR), through the local gateway on 127.0.0.1.
 *
 * `load`: after preparing four agencies (100 clients each, registered in batches, waited for until the
 * comment index finds them all) and a short warm-up, 60 s of mixed traffic with 8 concurrent clients,
 * then 60 s with 32: per phase, throughput, per-operation count, p50/p99/max latency and non-2xx
 * answers by status.
 *
 * `soak`: the same mix at 8 concurrent clients for a 1-minute warm-up and then 10 minutes, sampling the
 * server process's resident memory (VmRSS, /proc/<pid>/status) every few seconds, and the DynamoDB
 * Local JVM's as information. The server does not expose its heap, and attaching an inspector would
 * change what is measured, so growth is judged on RSS.
 *
 * Every request loop stops by itself: at its deadline, after a bounded number of requests, or when too
 * many requests could not reach the server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayIn } from '../functions/domain/calendar';
import { newId } from '../functions/domain/ids';
import { issueLocalToken } from '../local/tokens';
import { mulberry32 } from '../scripts/sample-sites/generate';
import { sampleSites } from '../support/sample-sites';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { markdownTable, percentile, recordSection } from './report';
import { realisticQueries } from './site-search';
import { STAFF_NOTE_PHRASES } from './staff-notes';

type Operation = 'register' | 'read' | 'site search' | 'comment search' | 'receipt';

/** The mix, in percent of requests. */
const MIX: readonly (readonly [Operation, number])[] = [
  ['register', 30],
  ['read', 25],
  ['site search', 20],
  ['comment search', 15],
  ['receipt', 10],
];
const OPERATIONS = MIX.map(([operation]) => operation);
/** Of registrations: replays of an earlier keyed registration (same key, same body), and new keyed ones. */
const REPLAY_SHARE = 0.1;
const KEYED_SHARE = 0.3;
/** Of receipts: PDF (the rest CSV). */
const PDF_SHARE = 0.15;

const AGENCIES = [
  { agencyId: 'load-north', name: 'North York Newcomer Centre' },
  { agencyId: 'load-east', name: 'Centre d’accueil de l’Est' },
  { agencyId: 'load-west', name: 'West End Settlement Services' },
  { agencyId: 'load-south', name: 'Lakeshore Welcome Hub' },
] as const;
const SITES_PER_AGENCY = 8;
const PREPARED_PER_AGENCY = 100;
const BATCH_SIZE = 25;
/** In every prepared client's comment, so the wait can count them through comment search. */
const PREPARED_MARKER = 'loadprep';
const SEARCHABLE_WITHIN_MS = 180_000;

const LOAD_WARM_UP_SECONDS = 10;
const LOAD_PHASES = [
  { concurrency: 8, seconds: 60 },
  { concurrency: 32, seconds: 60 },
] as const;
const SOAK_CONCURRENCY = 8;
const SOAK_WARM_UP_SECONDS = 60;
const SOAK_SECONDS = 600;
const SOAK_SAMPLE_EVERY_MS = 5_000;
const SOAK_GROWTH_TARGET = 0.1;

/** Bounds on every loop, whatever the clock says. */
const REQUEST_TIMEOUT_MS = 30_000;
const MAX_REQUESTS_PER_WORKER = 200_000;
const MAX_UNREACHABLE = 200;

const LANGUAGES = ['arabic', 'dari', 'spanish', 'ukrainian', 'punjabi', 'mandarin', 'somali', 'tigrinya', 'tagalog'];
const FOLLOW_UPS = ['follow up next week', 'will call back', 'walk-in', 'came with spouse', 'first visit', 'by phone'];
/** What staff type into Find a Client: a word or two, the last often cut short, sometimes without accents. */
const COMMENT_QUERIES = [
  'esl',
  'family doc',
  'housing',
  'interpreter',
  'logement',
  'medecin fam',
  'food bank',
  'citizen',
  'resume',
  'bus pass',
  'child benefit',
  'arabic',
  'ukrain',
  'tigrinya',
  'tax clinic',
  'follow up',
  'walk',
  'nursing',
  'winter cloth',
  'cours de franc',
];
const POSTAL_CODES = ['M5V 2T6', 'm4c1b5', 'K1A', 'H2X 1Y4', 'L5B 3C2', 'N2L', 'M6H 4A9', 'K2P 1L4', '', 'M1P'];
const GENDERS = ['FEMALE', 'MALE', 'GENDER_DIVERSE', 'PREFER_NOT_TO_SAY', 'UNKNOWN'];
const STATUSES = ['PERMANENT_RESIDENT', 'PROTECTED_PERSON', 'REFUGEE_CLAIMANT', 'INTERNATIONAL_STUDENT', 'CUAET', 'UNKNOWN'];

type Random = () => number;
const pick = <T>(next: Random, list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;

interface Agency {
  agencyId: string;
  token: string;
  sites: string[];
  clients: string[];
  keyed: { key: string; body: string }[];
}

interface Sample {
  operation: Operation;
  /** performance.now() when the answer had been read. */
  at: number;
  ms: number;
  status: number | string;
  /** The comment-search query, to find the expensive ones. */
  query?: string;
}

interface Context {
  url: string;
  agencies: Agency[];
  siteQueries: string[];
  today: string;
  counts: {
    plainRegistrations: number;
    keyedRegistrations: number;
    replays: number;
    replaysWithoutHeader: number;
    commentSearches: number;
    commentSearchesWithMatches: number;
    siteSearches: number;
    siteSearchesWithMatches: number;
    pdfReceipts: number;
    csvReceipts: number;
  };
  unreachable: number;
  serverPid: number;
  javaPid: number | undefined;
}

function comment(next: Random, marker?: string): string {
  const parts = [pick(next, STAFF_NOTE_PHRASES), pick(next, STAFF_NOTE_PHRASES)];
  if (next() < 0.4) parts.push(pick(next, STAFF_NOTE_PHRASES));
  if (next() < 0.3) parts.push(`speaks ${pick(next, LANGUAGES)}`);
  if (next() < 0.5) parts.push(pick(next, FOLLOW_UPS));
  if (marker) parts.push(marker);
  return `${parts.join('; ')}.`;
}

/** A registration date from today back about two years, as a calendar date. */
function registrationDate(next: Random, today: string): string {
  const day = new Date(`${today}T00:00:00Z`).getTime() - Math.floor(next() * 730) * 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

function registrationBody(next: Random, agency: Agency, today: string, marker?: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    gender: pick(next, GENDERS),
    registrationDate: registrationDate(next, today),
    siteId: pick(next, agency.sites),
    comments: comment(next, marker),
  };
  if (next() < 0.6) body.arrivalYear = 2005 + Math.floor(next() * 20);
  if (next() < 0.7) body.immigrationStatus = pick(next, STATUSES);
  const postalCode = pick(next, POSTAL_CODES);
  if (postalCode !== '') body.postalCode = postalCode;
  return body;
}

interface Answer {
  status: number | string;
  ms: number;
  json?: unknown;
  headers?: Headers;
  query?: string;
}

async function call(
  context: Context,
  agency: Agency,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${context.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${agency.token}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
      ...(init.body ? { body: init.body } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let json: unknown;
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { status: response.status, ms, json, headers: response.headers };
  } catch (error) {
    context.unreachable += 1;
    const cause = error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.name) : String(error);
    return { status: cause === 'TimeoutError' ? 'timeout' : `network (${cause})`, ms: performance.now() - started };
  }
}

const ok = (status: number | string) => typeof status === 'number' && status >= 200 && status < 300;

async function operate(context: Context, operation: Operation, next: Random): Promise<Answer> {
  const agency = pick(next, context.agencies);
  switch (operation) {
    case 'register': {
      const roll = next();
      if (roll < REPLAY_SHARE && agency.keyed.length > 0) {
        const earlier = pick(next, agency.keyed);
        const answer = await call(context, agency, '/v1/anonymous-clients', {
          method: 'POST',
          body: earlier.body,
          headers: { 'idempotency-key': earlier.key },
        });
        context.counts.replays += 1;
        if (ok(answer.status) && answer.headers?.get('idempotent-replayed') !== 'true') context.counts.replaysWithoutHeader += 1;
        return answer;
      }
      const body = JSON.stringify(registrationBody(next, agency, context.today));
      const key = roll < REPLAY_SHARE + KEYED_SHARE ? `load-${newId()}` : undefined;
      const answer = await call(context, agency, '/v1/anonymous-clients', {
        method: 'POST',
        body,
        ...(key ? { headers: { 'idempotency-key': key } } : {}),
      });
      if (key) context.counts.keyedRegistrations += 1;
      else context.counts.plainRegistrations += 1;
      const clientId = (answer.json as { clientId?: string } | undefined)?.clientId;
      if (ok(answer.status) && clientId) {
        agency.clients.push(clientId);
        if (key) {
          agency.keyed.push({ key, body });
          if (agency.keyed.length > 500) agency.keyed.shift();
        }
      }
      return answer;
    }
    case 'read':
      return call(context, agency, `/v1/anonymous-clients/${pick(next, agency.clients)}`);
    case 'site search': {
      const answer = await call(context, agency, `/v1/sites?${new URLSearchParams({ q: pick(next, context.siteQueries) })}`);
      context.counts.siteSearches += 1;
      if (((answer.json as { items?: unknown[] } | undefined)?.items?.length ?? 0) > 0) context.counts.siteSearchesWithMatches += 1;
      return answer;
    }
    case 'comment search': {
      const q = pick(next, COMMENT_QUERIES);
      const answer = await call(context, agency, `/v1/anonymous-clients?${new URLSearchParams({ q })}`);
      context.counts.commentSearches += 1;
      if (((answer.json as { items?: unknown[] } | undefined)?.items?.length ?? 0) > 0) context.counts.commentSearchesWithMatches += 1;
      return { ...answer, query: q };
    }
    case 'receipt': {
      const format = next() < PDF_SHARE ? 'pdf' : 'csv';
      if (format === 'pdf') context.counts.pdfReceipts += 1;
      else context.counts.csvReceipts += 1;
      return call(context, agency, `/v1/anonymous-clients/${pick(next, agency.clients)}/receipts`, {
        method: 'POST',
        body: JSON.stringify({ format, language: next() < 0.5 ? 'en' : 'fr' }),
      });
    }
  }
}

function chooseOperation(next: Random): Operation {
  let roll = next() * 100;
  for (const [operation, weight] of MIX) {
    roll -= weight;
    if (roll < 0) return operation;
  }
  return MIX[MIX.length - 1]![0];
}

interface Phase {
  concurrency: number;
  seconds: number;
  samples: Sample[];
  loadBefore: number[];
  loadAfter: number[];
  /** CPU used during the phase, in percent of one core: the server, its JVM, and this load generator. */
  cpu: { server: number | undefined; java: number | undefined; generator: number };
}

/** `concurrency` clients, each sending one request after another, until the deadline. */
async function drive(context: Context, concurrency: number, seconds: number, seed: number): Promise<Phase> {
  const loadBefore = loadavg();
  const cpuBefore = { server: cpuSeconds(context.serverPid), java: cpuSeconds(context.javaPid), generator: process.cpuUsage() };
  const samples: Sample[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      const next = mulberry32(seed * 1000 + worker);
      for (let i = 0; i < MAX_REQUESTS_PER_WORKER && performance.now() < deadline && context.unreachable < MAX_UNREACHABLE; i += 1) {
        const operation = chooseOperation(next);
        const answer = await operate(context, operation, next);
        samples.push({
          operation,
          at: performance.now(),
          ms: answer.ms,
          status: answer.status,
          ...(answer.query ? { query: answer.query } : {}),
        });
      }
    }),
  );
  if (context.unreachable >= MAX_UNREACHABLE) throw new Error(`stopped: ${context.unreachable} requests could not reach the server`);
  const elapsed = (performance.now() - started) / 1000;
  const percent = (before: number | undefined, after: number | undefined) =>
    before === undefined || after === undefined ? undefined : ((after - before) / elapsed) * 100;
  const generator = process.cpuUsage(cpuBefore.generator);
  const cpu = {
    server: percent(cpuBefore.server, cpuSeconds(context.serverPid)),
    java: percent(cpuBefore.java, cpuSeconds(context.javaPid)),
    generator: ((generator.user + generator.system) / 1e6 / elapsed) * 100,
  };
  return { concurrency, seconds: elapsed, samples, loadBefore, loadAfter: loadavg(), cpu };
}

async function prepare(server: ServerProcess, dataDir: string): Promise<Context> {
  const active = sampleSites().filter((site) => site.active);
  const agencies: Agency[] = await Promise.all(
    AGENCIES.map(async (agency, i) => ({
      agencyId: agency.agencyId,
      token: await issueLocalToken(dataDir, { agencyId: agency.agencyId, agencyName: agency.name }),
      sites: active.slice(i * 97, i * 97 + SITES_PER_AGENCY).map((site) => site.siteId),
      clients: [],
      keyed: [],
    })),
  );
  const context: Context = {
    url: server.url,
    agencies,
    siteQueries: realisticQueries(sampleSites()).map((query) => query.q),
    today: todayIn('America/Toronto', new Date()),
    counts: {
      plainRegistrations: 0,
      keyedRegistrations: 0,
      replays: 0,
      replaysWithoutHeader: 0,
      commentSearches: 0,
      commentSearchesWithMatches: 0,
      siteSearches: 0,
      siteSearchesWithMatches: 0,
      pdfReceipts: 0,
      csvReceipts: 0,
    },
    unreachable: 0,
    serverPid: server.child.pid!,
    javaPid: javaDescendant(server.child.pid!),
  };
  const next = mulberry32(14);
  for (const agency of agencies) {
    for (let done = 0; done < PREPARED_PER_AGENCY; done += BATCH_SIZE) {
      const clients = Array.from({ length: Math.min(BATCH_SIZE, PREPARED_PER_AGENCY - done) }, () =>
        registrationBody(next, agency, context.today, PREPARED_MARKER),
      );
      const answer = await call(context, agency, '/v1/anonymous-clients/batch', { method: 'POST', body: JSON.stringify({ clients }) });
      if (answer.status !== 201) throw new Error(`preparing: batch registration answered ${answer.status}: ${JSON.stringify(answer.json)}`);
      agency.clients.push(...(answer.json as { items: { clientId: string }[] }).items.map((item) => item.clientId));
    }
  }
  // Wait until comment search finds every prepared client of every agency.
  const deadline = performance.now() + SEARCHABLE_WITHIN_MS;
  for (const agency of agencies) {
    for (;;) {
      let found = 0;
      let cursor: string | undefined;
      for (let page = 0; page < 10; page += 1) {
        const query = new URLSearchParams({ q: PREPARED_MARKER, limit: '100', ...(cursor ? { cursor } : {}) });
        const answer = await call(context, agency, `/v1/anonymous-clients?${query}`);
        if (answer.status !== 200) throw new Error(`preparing: comment search answered ${answer.status}`);
        const body = answer.json as { items: unknown[]; nextCursor?: string | null };
        found += body.items.length;
        cursor = body.nextCursor ?? undefined;
        if (!cursor) break;
      }
      if (found >= PREPARED_PER_AGENCY) break;
      if (performance.now() > deadline)
        throw new Error(
          `preparing: only ${found} of ${PREPARED_PER_AGENCY} clients of ${agency.agencyId} searchable after ${SEARCHABLE_WITHIN_MS / 1000} s`,
        );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return context;
}

async function withFreshServer<T>(run: (server: ServerProcess, dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'newcomer-intake-bench-load-'));
  const server = await startServerProcess({ dataDir, logFile: join(dataDir, 'server.log') });
  try {
    return await run(server, dataDir);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

// --- /proc ---------------------------------------------------------------------------------------

/** Resident memory of a process in KiB (VmRSS), or undefined when it is gone. */
function rssKiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** User + system CPU time of a process in seconds (/proc/<pid>/stat, 100 ticks a second), or undefined when it is gone. */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime); fields[0] here is field 3.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = 100;

/** The first descendant of `root` whose command is `java` (the server starts it through /bin/sh). */
function javaDescendant(root: number): number | undefined {
  const parents = new Map<number, { ppid: number; comm: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      parents.set(Number(entry), { ppid, comm });
    } catch {
      // gone meanwhile
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops += 1) {
      const parent = parents.get(p)?.ppid;
      if (parent === root) return true;
      if (parent === undefined) return false;
      p = parent;
    }
    return false;
  };
  for (const [pid, { comm }] of parents) if (comm === 'java' && descends(pid)) return pid;
  return undefined;
}

// --- reporting -----------------------------------------------------------------------------------

const mib = (kib: number | undefined) => (kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(1)} MiB`);
const fmtMs = (ms: number) => (Number.isNaN(ms) ? '–' : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
const fmtLoad = (load: number[]) => load.map((value) => value.toFixed(2)).join(' / ');

function errorsByStatus(samples: Sample[]): string {
  const counts = new Map<string, number>();
  for (const sample of samples) if (!ok(sample.status)) counts.set(String(sample.status), (counts.get(String(sample.status)) ?? 0) + 1);
  return counts.size === 0 ? '0' : [...counts].map(([status, count]) => `${count} × ${status}`).join(', ');
}

function errorsByOperationAndStatus(samples: Sample[]): string {
  const counts = new Map<string, number>();
  for (const sample of samples) {
    if (ok(sample.status)) continue;
    const key = `${sample.operation} ${sample.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts.size === 0 ? 'none' : [...counts].map(([key, count]) => `${count} × ${key}`).join(', ');
}

function operationTable(samples: Sample[], seconds: number): string {
  const row = (label: string, subset: Sample[]) => {
    const times = subset.map((sample) => sample.ms);
    return [
      label,
      subset.length,
      (subset.length / seconds).toFixed(1),
      fmtMs(percentile(times, 50)),
      fmtMs(percentile(times, 99)),
      fmtMs(times.length ? Math.max(...times) : Number.NaN),
      errorsByStatus(subset),
    ];
  };
  return markdownTable(
    ['operation', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx'],
    [
      ...OPERATIONS.map((operation) =>
        row(
          operation,
          samples.filter((sample) => sample.operation === operation),
        ),
      ),
      row('**all**', samples),
    ],
  );
}

function cpuNote(phase: Phase): string {
  const pct = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(0)}%`);
  return `CPU (percent of one core): server ${pct(phase.cpu.server)}, DynamoDB Local JVM ${pct(phase.cpu.java)}, load generator ${pct(phase.cpu.generator)}.`;
}

/** Comment-search queries by p50, slowest first, to show whether a few are expensive. */
function commentQueryNote(samples: Sample[]): string {
  const byQuery = new Map<string, number[]>();
  for (const sample of samples) if (sample.query) byQuery.set(sample.query, [...(byQuery.get(sample.query) ?? []), sample.ms]);
  const rows = [...byQuery].map(([q, times]) => ({ q, p50: percentile(times, 50) })).sort((a, b) => b.p50 - a.p50);
  if (rows.length === 0) return '';
  const show = (r: { q: string; p50: number }) => `\`${r.q}\` ${fmtMs(r.p50)} ms`;
  return `Comment search p50 by query, slowest: ${rows.slice(0, 3).map(show).join(', ')}; fastest: ${rows.slice(-3).map(show).join(', ')}.`;
}

function mixNote(): string {
  return (
    `Mix: ${MIX.map(([operation, weight]) => `${weight}% ${operation}`).join(', ')}. ` +
    `Registrations are single \`POST /v1/anonymous-clients\`: ${KEYED_SHARE * 100}% with a new \`Idempotency-Key\`, ${REPLAY_SHARE * 100}% replaying an earlier keyed one (same key and body, expect 201 \`Idempotent-Replayed: true\`), the rest without a key. ` +
    `Reads are \`GET /v1/anonymous-clients/{id}\` of a known client; site search \`GET /v1/sites?q=\` with the site-search benchmark's realistic queries over the sample catalog; comment search \`GET /v1/anonymous-clients?q=\` with ${COMMENT_QUERIES.length} staff-style queries; receipts \`POST .../receipts\`, ${100 - PDF_SHARE * 100}% CSV and ${PDF_SHARE * 100}% PDF, English or French. ` +
    `${AGENCIES.length} agencies (one staff token each, ${SITES_PER_AGENCY} sites each), every request for a random one. ` +
    `Prepared first: ${PREPARED_PER_AGENCY} clients per agency (${(PREPARED_PER_AGENCY * AGENCIES.length).toLocaleString('en')} in all, varied comments, registered in batches of ${BATCH_SIZE}), and waited for until comment search finds all of them. ` +
    `A fresh server (\`local/main.ts\`, own temporary DATA_DIR on disk), every request to 127.0.0.1; clients, server and DynamoDB Local share this machine's CPUs.`
  );
}

function countsNote(context: Context): string {
  const c = context.counts;
  const share = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((part / whole) * 100).toFixed(0)}%`);
  return (
    `Registrations: ${c.plainRegistrations} without a key, ${c.keyedRegistrations} with a new key, ${c.replays} replays (${c.replaysWithoutHeader} successful replays lacked \`Idempotent-Replayed: true\`). ` +
    `Comment searches with at least one match: ${share(c.commentSearchesWithMatches, c.commentSearches)}; site searches: ${share(c.siteSearchesWithMatches, c.siteSearches)}. ` +
    `Receipts: ${c.csvReceipts} CSV, ${c.pdfReceipts} PDF. Clients at the end: ${context.agencies.reduce((sum, agency) => sum + agency.clients.length, 0).toLocaleString('en')}.`
  );
}

// --- load ----------------------------------------------------------------------------------------

export async function runLoadBenchmark(): Promise<void> {
  const loadAtStart = loadavg();
  const started = performance.now();
  const { context, phases, memory, javaPid } = await withFreshServer(async (server, dataDir) => {
    const context = await prepare(server, dataDir);
    const javaPid = context.javaPid;
    await drive(context, LOAD_PHASES[0].concurrency, LOAD_WARM_UP_SECONDS, 1);
    const memory: { node: (number | undefined)[]; java: (number | undefined)[] } = {
      node: [rssKiB(server.child.pid)],
      java: [rssKiB(javaPid)],
    };
    const phases: Phase[] = [];
    for (const [i, phase] of LOAD_PHASES.entries()) {
      process.stderr.write(`load: ${phase.concurrency} concurrent clients for ${phase.seconds} s\n`);
      phases.push(await drive(context, phase.concurrency, phase.seconds, 10 + i));
      memory.node.push(rssKiB(server.child.pid));
      memory.java.push(rssKiB(javaPid));
    }
    return { context, phases, memory, javaPid };
  });
  const loadAtEnd = loadavg();

  const summary = markdownTable(
    [
      'phase',
      'concurrent clients',
      'duration',
      'throughput',
      'non-2xx',
      'p50 ms (all)',
      'p99 ms (all)',
      'load average before → after (1 min)',
    ],
    phases.map((phase, i) => [
      i + 1,
      phase.concurrency,
      `${phase.seconds.toFixed(1)} s`,
      `**${(phase.samples.length / phase.seconds).toFixed(1)} req/s**`,
      errorsByStatus(phase.samples),
      fmtMs(
        percentile(
          phase.samples.map((s) => s.ms),
          50,
        ),
      ),
      fmtMs(
        percentile(
          phase.samples.map((s) => s.ms),
          99,
        ),
      ),
      `${phase.loadBefore[0]!.toFixed(2)} → ${phase.loadAfter[0]!.toFixed(2)}`,
    ]),
  );
  const perPhase = phases
    .map(
      (phase, i) =>
        `Phase ${i + 1}: ${phase.concurrency} concurrent clients, ${phase.seconds.toFixed(1)} s (goal: 0 non-2xx; here: ${errorsByOperationAndStatus(phase.samples)}).\n\n${operationTable(phase.samples, phase.seconds)}\n\n${cpuNote(phase)} ${commentQueryNote(phase.samples)}`,
    )
    .join('\n\n');
  const notes =
    `${mixNote()} Warm-up: ${LOAD_WARM_UP_SECONDS} s at ${LOAD_PHASES[0].concurrency} clients, not counted. Phase 2 runs on the data phase 1 left. ` +
    `${countsNote(context)} ` +
    `Server RSS: ${memory.node.map(mib).join(' → ')} (after warm-up, after each phase); DynamoDB Local JVM (pid ${javaPid ?? 'not found'}): ${memory.java.map(mib).join(' → ')}. ` +
    `Load average (1 / 5 / 15 min): ${fmtLoad(loadAtStart)} at start, ${fmtLoad(loadAtEnd)} at end, on a shared machine. Total run ${((performance.now() - started) / 1000).toFixed(0)} s with set-up.`;
  const body = `${summary}\n\n${perPhase}\n\n${notes}\n`;
  console.log(body);
  await recordSection('load', 'Load: mixed traffic at 8 and 32 concurrent clients (issue 14)', body);
}

// --- soak ----------------------------------------------------------------------------------------

interface MemorySample {
  at: number;
  node: number | undefined;
  java: number | undefined;
}

export async function runSoakBenchmark(): Promise<void> {
  const loadAtStart = loadavg();
  const started = performance.now();
  const { context, phase, memory, javaPid, measuredFrom } = await withFreshServer(async (server, dataDir) => {
    const context = await prepare(server, dataDir);
    const pid = context.serverPid;
    const javaPid = context.javaPid;
    const memory: MemorySample[] = [];
    const sample = () => memory.push({ at: performance.now(), node: rssKiB(pid), java: rssKiB(javaPid) });
    sample();
    const sampler = setInterval(sample, SOAK_SAMPLE_EVERY_MS);
    try {
      process.stderr.write(`soak: warm-up, ${SOAK_CONCURRENCY} concurrent clients for ${SOAK_WARM_UP_SECONDS} s\n`);
      await drive(context, SOAK_CONCURRENCY, SOAK_WARM_UP_SECONDS, 20);
      const measuredFrom = performance.now();
      sample();
      process.stderr.write(`soak: ${SOAK_CONCURRENCY} concurrent clients for ${SOAK_SECONDS} s\n`);
      const phase = await drive(context, SOAK_CONCURRENCY, SOAK_SECONDS, 21);
      sample();
      return { context, phase, memory, javaPid, measuredFrom };
    } finally {
      clearInterval(sampler);
    }
  });
  const loadAtEnd = loadavg();

  const measured = memory.filter((m) => m.at >= measuredFrom && m.node !== undefined);
  const first = measured[0]!;
  const last = measured[measured.length - 1]!;
  const minutes = Math.max(1, Math.round(phase.seconds / 60));
  // Minute k holds what finished in [k, k + 1) minutes after the warm-up; the last also holds the
  // requests still in flight at the deadline.
  const minuteOf = (at: number) => Math.min(minutes - 1, Math.floor((at - measuredFrom) / 60_000));
  const memoryIn = (minute: number) => measured.filter((m) => minuteOf(m.at) === minute);
  const median = (values: number[]) => percentile(values, 50);
  // RSS saws up and down by tens of MiB with garbage collection, so one sample is a poor start or
  // end: growth is judged on the median of the first minute's samples against the last minute's.
  const startMedian = median(memoryIn(0).map((m) => m.node!));
  const endMedian = median(memoryIn(minutes - 1).map((m) => m.node!));
  const growth = (endMedian - startMedian) / startMedian;
  const sampleGrowth = (last.node! - first.node!) / first.node!;
  const highest = measured.reduce((max, m) => (m.node! > max.node! ? m : max), first);
  const lowest = measured.reduce((min, m) => (m.node! < min.node! ? m : min), first);
  const minutesAt = (at: number) => ((at - measuredFrom) / 60_000).toFixed(1);
  // Least-squares slope of RSS over the measured window, in MiB per minute.
  const xs = measured.map((m) => (m.at - measuredFrom) / 60_000);
  const ys = measured.map((m) => m.node! / 1024);
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  const slope = xs.reduce((sum, x, i) => sum + (x - meanX) * (ys[i]! - meanY), 0) / xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  const met = growth < SOAK_GROWTH_TARGET;
  const percent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;

  const summary = markdownTable(
    ['figure', 'value'],
    [
      ['server RSS at start: median of the first minute after the 1-minute warm-up', mib(startMedian)],
      [`server RSS at end: median of minute ${minutes}`, mib(endMedian)],
      [`growth, end against start (goal < ${SOAK_GROWTH_TARGET * 100}%)`, `**${percent(growth)}** ${met ? '(met)' : '(NOT met)'}`],
      ['the same from single samples: first after warm-up → last', `${mib(first.node)} → ${mib(last.node)} (${percent(sampleGrowth)})`],
      [
        'server RSS max / min over the 10 minutes',
        `${mib(highest.node)} at minute ${minutesAt(highest.at)} / ${mib(lowest.node)} at minute ${minutesAt(lowest.at)}`,
      ],
      ['server RSS trend (least squares over all samples)', `${slope >= 0 ? '+' : ''}${slope.toFixed(2)} MiB/min`],
      [
        `DynamoDB Local JVM RSS, first → last sample (information; pid ${javaPid ?? 'not found'})`,
        `${mib(first.java)} → ${mib(last.java)}`,
      ],
      [
        'requests / throughput',
        `${phase.samples.length.toLocaleString('en')} in ${phase.seconds.toFixed(0)} s, ${(phase.samples.length / phase.seconds).toFixed(1)} req/s`,
      ],
      ['non-2xx (goal 0)', errorsByOperationAndStatus(phase.samples)],
    ],
  );
  const timeline: (string | number)[][] = [];
  for (let minute = 0; minute < minutes; minute += 1) {
    const inMinute = phase.samples.filter((s) => minuteOf(s.at) === minute);
    const rss = memoryIn(minute).map((m) => m.node!);
    const java = memoryIn(minute)
      .map((m) => m.java)
      .filter((kib) => kib !== undefined);
    timeline.push([
      minute + 1,
      inMinute.length,
      fmtMs(
        percentile(
          inMinute.map((s) => s.ms),
          50,
        ),
      ),
      fmtMs(
        percentile(
          inMinute.map((s) => s.ms),
          99,
        ),
      ),
      inMinute.filter((s) => !ok(s.status)).length,
      rss.length ? `${mib(median(rss))} (${mib(Math.min(...rss))}–${mib(Math.max(...rss))})` : 'n/a',
      java.length ? mib(java[java.length - 1]) : 'n/a',
    ]);
  }
  const notes =
    `${mixNote()} ${SOAK_CONCURRENCY} concurrent clients: a ${SOAK_WARM_UP_SECONDS} s warm-up, then ${SOAK_SECONDS / 60} minutes measured. ` +
    `${cpuNote(phase)} ${commentQueryNote(phase.samples)} ` +
    `RSS is VmRSS from /proc/<pid>/status of the server process (\`local/main.ts\`; its gateway, handlers, S3 emulator and comment indexer run in it) and of the JVM it starts, sampled every ${SOAK_SAMPLE_EVERY_MS / 1000} s (${measured.length} samples in the measured window); the heap is not exposed. ` +
    `${countsNote(context)} ` +
    `Load average (1 / 5 / 15 min): ${fmtLoad(loadAtStart)} at start, ${fmtLoad(loadAtEnd)} at end, on a shared machine. Total run ${((performance.now() - started) / 1000).toFixed(0)} s with set-up.`;
  const body =
    `${summary}\n\nPer operation over the 10 minutes:\n\n${operationTable(phase.samples, phase.seconds)}\n\nMinute by minute:\n\n` +
    `${markdownTable(['minute', 'requests', 'p50 ms', 'p99 ms', 'non-2xx', 'server RSS, median (min–max)', 'JVM RSS, last sample'], timeline)}\n\n${notes}\n`;
  console.log(body);
  await recordSection('soak', 'Soak: 10 minutes at 8 concurrent clients, server memory (issue 14)', body);
}
