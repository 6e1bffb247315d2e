/**
 * Issue 15's figures (`npm run bench -- reports`):
 * 1. A report over 24 months by month and site for an agency of 50,000 clients ÷ the same report for an
 *    agency of 1,000 clients, p50, same server, requests interleaved (target ≤ 1.5): reading cost must
 *    follow months × values, not clients.
 * 2. Registration throughput with the report counter on ÷ off (REPORT_COUNTER=off), two servers side
 *    by side, otherwise as `npm start` runs (the comment indexer on), registrations as staff make them
 *    (a postal code, a note), rounds interleaved (target ≥ 0.8). A round with the counter on ends when its registrations
 *    are answered; the next round waits until they are counted, so no round inherits another's backlog.
 * 3. The time from a registration's 201 to its count in a report (embedded), p50 and p99.
 * Agencies are seeded through the API (batches of 25), so the counter counts them as it would in use.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayIn } from '../functions/domain/calendar';
import { GENDERS, IMMIGRATION_STATUSES } from '../functions/domain/reference-data';
import { issueLocalToken } from '../local/tokens';
import { pollUntil } from '../support/poll';
import { sampleSites } from '../support/sample-sites';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { inParallel, markdownTable, percentile, recordSection } from './report';
import { STAFF_NOTE_PHRASES } from './staff-notes';

const SITES = sampleSites()
  .filter((site) => site.active)
  .slice(0, 20)
  .map((site) => site.siteId);
const MONTHS = 24;
const BATCH = 25;
const SEED_CONCURRENCY = 6;
const REPORT_SAMPLES = 200;
const THROUGHPUT_OPERATIONS = 600;
const THROUGHPUT_ROUNDS = 5;
const THROUGHPUT_CONCURRENCY = 16;
const LATENCY_SAMPLES = 100;

/** The 24 months ending with the current one, as YYYY-MM, oldest first. */
function lastMonths(count: number): string[] {
  const today = todayIn('America/Toronto', new Date());
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return Array.from({ length: count }, (_, index) => {
    const serial = year * 12 + (month - 1) - (count - 1 - index);
    return `${Math.floor(serial / 12)}-${String((serial % 12) + 1).padStart(2, '0')}`;
  });
}

/** A realistic client: spread over the months and sites; most arrival years and statuses unknown. */
function benchClient(index: number, months: string[]) {
  const month = months[index % months.length] as string;
  const day = String((index % 28) + 1).padStart(2, '0');
  const today = todayIn('America/Toronto', new Date());
  const date = `${month}-${day}` > today ? today : `${month}-${day}`;
  return {
    gender: GENDERS[index % GENDERS.length]!.code,
    registrationDate: date,
    siteId: SITES[(index * 7) % SITES.length],
    immigrationStatus: index % 3 === 0 ? IMMIGRATION_STATUSES[index % IMMIGRATION_STATUSES.length]!.code : 'UNKNOWN',
    arrivalYear: index % 4 === 0 ? 2015 + (index % 10) : 'UNKNOWN',
  };
}

/** The few answer fields the benchmark reads. */
interface Answer {
  status: number;
  body?: { rows: unknown[]; totals: { clients: number } };
}

async function send(server: ServerProcess, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : undefined };
}

async function totalCounted(server: ServerProcess, token: string, from: string, to: string): Promise<number> {
  const response = await send(server, token, 'GET', `/v1/reports/anonymous-clients?from=${from}&to=${to}`);
  if (response.status !== 200) throw new Error(`the report answered ${response.status}`);
  return response.body!.totals.clients;
}

async function seedAgency(server: ServerProcess, dataDir: string, agencyId: string, clients: number, months: string[]): Promise<string> {
  const staff = await issueLocalToken(dataDir, { agencyId, role: 'staff' });
  const admin = await issueLocalToken(dataDir, { agencyId, role: 'agency-admin' });
  await inParallel(Math.ceil(clients / BATCH), SEED_CONCURRENCY, async (batch) => {
    const size = Math.min(BATCH, clients - batch * BATCH);
    const body = { clients: Array.from({ length: size }, (_, i) => benchClient(batch * BATCH + i, months)) };
    const answer = await send(server, staff, 'POST', '/v1/anonymous-clients/batch', body);
    if (answer.status !== 201) throw new Error(`seeding answered ${answer.status}`);
  });
  await pollUntil(() => totalCounted(server, admin, months[0]!, months.at(-1)!), {
    description: `the counter to count the ${clients} clients of ${agencyId}`,
    timeoutMs: 30 * 60_000,
    intervalMs: 1000,
    until: (counted) => counted === clients,
  });
  return admin;
}

/**
 * A server of its own. Seeding and the delay run without the comment indexer (their registrations have
 * no comments and only the counter is measured); the throughput servers run as `npm start` does, the
 * indexer on, so that only the counter differs between them.
 */
async function startBenchServer(label: string, env: Record<string, string> = { STREAM_INDEXER: 'off' }) {
  const dataDir = await mkdtemp(join(tmpdir(), `newcomer-intake-bench-${label}-`));
  const server = await startServerProcess({ dataDir, logFile: join(dataDir, 'server.log'), env });
  return { server, dataDir };
}

async function benchReportBySize() {
  const { server, dataDir } = await startBenchServer('report-size');
  try {
    const months = lastMonths(MONTHS);
    const small = await seedAgency(server, dataDir, 'bench-small', 1_000, months);
    const seeded = performance.now();
    const large = await seedAgency(server, dataDir, 'bench-large', 50_000, months);
    const seedSeconds = (performance.now() - seeded) / 1000;
    const path = `/v1/reports/anonymous-clients?from=${months[0]}&to=${months.at(-1)}&by=month,site`;
    const time = async (token: string) => {
      const started = performance.now();
      const answer = await send(server, token, 'GET', path);
      if (answer.status !== 200) throw new Error(`the report answered ${answer.status}`);
      return { ms: performance.now() - started, rows: answer.body!.rows.length };
    };
    for (let i = 0; i < 20; i += 1) await Promise.all([time(small), time(large)]);
    const smallMs: number[] = [];
    const largeMs: number[] = [];
    let rows = { small: 0, large: 0 };
    for (let i = 0; i < REPORT_SAMPLES; i += 1) {
      // Alternate which goes first, so neither always meets a warmer cache.
      const smallFirst = i % 2 === 0;
      const a = await time(smallFirst ? small : large);
      const b = await time(smallFirst ? large : small);
      const [s, l] = smallFirst ? [a, b] : [b, a];
      smallMs.push(s.ms);
      largeMs.push(l.ms);
      rows = { small: s.rows, large: l.rows };
    }
    return { small: percentile(smallMs, 50), large: percentile(largeMs, 50), rows, seedSeconds };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function benchThroughput() {
  const on = await startBenchServer('counter-on', {});
  const off = await startBenchServer('counter-off', { REPORT_COUNTER: 'off' });
  try {
    const month = lastMonths(1)[0]!;
    const today = todayIn('America/Toronto', new Date());
    const tokens = {
      on: await issueLocalToken(on.dataDir, { agencyId: 'bench-throughput', role: 'agency-admin' }),
      off: await issueLocalToken(off.dataDir, { agencyId: 'bench-throughput', role: 'agency-admin' }),
    };
    let registeredOn = 0;
    const round = async (which: 'on' | 'off', operations: number) => {
      const { server } = which === 'on' ? on : off;
      const ms = await inParallel(operations, THROUGHPUT_CONCURRENCY, async (index) => {
        // A registration as staff make them, with a postal code and a note (as the registration benchmark's).
        const answer = await send(server, tokens[which], 'POST', '/v1/anonymous-clients', {
          ...benchClient(index, [month]),
          registrationDate: today,
          postalCode: 'M5V 2T6',
          comments: `${STAFF_NOTE_PHRASES[index % STAFF_NOTE_PHRASES.length]}; ${STAFF_NOTE_PHRASES[(index * 7 + 3) % STAFF_NOTE_PHRASES.length]}`,
        });
        if (answer.status !== 201) throw new Error(`registration answered ${answer.status}`);
      });
      if (which === 'on') {
        registeredOn += operations;
        await pollUntil(() => totalCounted(on.server, tokens.on, month, month), {
          description: 'the counter to catch up after a round',
          timeoutMs: 5 * 60_000,
          intervalMs: 200,
          until: (counted) => counted === registeredOn,
        });
      }
      return operations / (ms / 1000);
    };
    await round('on', 100);
    await round('off', 100);
    const rounds: { on: number; off: number; ratio: number }[] = [];
    for (let i = 0; i < THROUGHPUT_ROUNDS; i += 1) {
      const first = i % 2 === 0 ? 'on' : 'off';
      const a = await round(first, THROUGHPUT_OPERATIONS);
      const b = await round(first === 'on' ? 'off' : 'on', THROUGHPUT_OPERATIONS);
      const [onRate, offRate] = first === 'on' ? [a, b] : [b, a];
      rounds.push({ on: onRate, off: offRate, ratio: onRate / offRate });
    }
    const sorted = [...rounds].sort((x, y) => x.ratio - y.ratio);
    return { ...sorted[Math.floor(sorted.length / 2)]!, lowest: sorted[0]!.ratio, highest: sorted.at(-1)!.ratio };
  } finally {
    await on.server.stop();
    await off.server.stop();
    await rm(on.dataDir, { recursive: true, force: true });
    await rm(off.dataDir, { recursive: true, force: true });
  }
}

async function benchLatency() {
  const { server, dataDir } = await startBenchServer('latency');
  try {
    const month = lastMonths(1)[0]!;
    const today = todayIn('America/Toronto', new Date());
    const staff = await issueLocalToken(dataDir, { agencyId: 'bench-latency', role: 'staff' });
    const admin = await issueLocalToken(dataDir, { agencyId: 'bench-latency', role: 'agency-admin' });
    const samples: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
      const answer = await send(server, staff, 'POST', '/v1/anonymous-clients', { ...benchClient(i, [month]), registrationDate: today });
      if (answer.status !== 201) throw new Error(`registration answered ${answer.status}`);
      const stored = performance.now();
      await pollUntil(() => totalCounted(server, admin, month, month), {
        description: 'a registration to be counted',
        timeoutMs: 60_000,
        intervalMs: 10,
        until: (counted) => counted === i + 1,
      });
      samples.push(performance.now() - stored);
    }
    return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function runReportsBenchmark() {
  const size = await benchReportBySize();
  const throughput = await benchThroughput();
  const latency = await benchLatency();
  const sizeRatio = size.large / size.small;
  const table = markdownTable(
    ['figure', 'value'],
    [
      [`report p50, ${MONTHS} months by month and site, 50,000 clients (${size.rows.large} rows)`, `${size.large.toFixed(1)} ms`],
      [`report p50, same, 1,000 clients (${size.rows.small} rows)`, `${size.small.toFixed(1)} ms`],
      [
        `ratio 50,000 ÷ 1,000, ${REPORT_SAMPLES} interleaved requests each (target ≤ 1.5)`,
        `${sizeRatio.toFixed(2)} ${sizeRatio <= 1.5 ? '(met)' : '(NOT met)'}`,
      ],
      [
        `registrations/s with a postal code and a note, counter on (${THROUGHPUT_CONCURRENCY} concurrent, comment indexer on as in \`npm start\`, median round)`,
        throughput.on.toFixed(0),
      ],
      [`registrations/s, same, counter off (REPORT_COUNTER=off), same rounds`, throughput.off.toFixed(0)],
      [
        `ratio on ÷ off, median of ${THROUGHPUT_ROUNDS} interleaved rounds (target ≥ 0.8)`,
        `${throughput.ratio.toFixed(2)} ${throughput.ratio >= 0.8 ? '(met)' : '(NOT met)'}; rounds ranged ${throughput.lowest.toFixed(2)} to ${throughput.highest.toFixed(2)}`,
      ],
      [`registration's 201 → counted in a report, p50 (${LATENCY_SAMPLES} registrations, one at a time)`, `${latency.p50.toFixed(0)} ms`],
      ['same, p99', `${latency.p99.toFixed(0)} ms`],
      ['seeding 50,000 clients through the API and counting them', `${size.seedSeconds.toFixed(0)} s`],
    ],
  );
  console.log(table);
  await recordSection('reports', 'Reports: reading cost, counting cost, counting delay (issue 15)', table);
}
