/**
 * The reliability suite (issue 14): property-based fuzzing of every route of the route table against
 * the shared embedded server, with requests generated from each route's own schemas, valid-looking
 * and hostile (test/support/fuzz/). For every answer: no 5xx (nor no answer); problem+json on every
 * 4xx; the status (and for a 400 the pointers) a request's faults call for. For every batch: the
 * agency's stored items are exactly what its 2xx answers wrote, so nothing is stored after a 4xx.
 *
 * Fixed seed and bounded runs, so `npm test` is deterministic: FUZZ_SEED and FUZZ_RUNS (runs per
 * route, about 5 requests each) change them for longer runs; FUZZ_PATH replays the path fast-check
 * prints (with `-t <operationId>`); FUZZ_SHRINK_RUNS bounds the shrinking of a failure (0: none);
 * FUZZ_COLLECT=1 lists every distinct failure with its shortest example instead of stopping at the first.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fc from 'fast-check';
import { type RouteDefinition, routes } from '../../functions/api/routes';
import { server } from '../support/api';
import { expectWithMessage } from '../support/expect-with-message';
import { type Answer, describeAnswer, describeRequest, inPool, send, versionSeen, violations, writesOf } from '../support/fuzz/check';
import { corpusFor } from '../support/fuzz/corpus';
import { agencyToday, countsOf, type ItemCounts, plus, seedAgency, type Seeded, siteCursor } from '../support/fuzz/fixture';
import { type FuzzFixture, prepare } from '../support/fuzz/prepare';
import { REFUSED_AGENCY_IDS, requestsFor } from '../support/fuzz/requests';

const SEED = Number(process.env.FUZZ_SEED ?? 14_2026);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const PATH = process.env.FUZZ_PATH;
const SHRINK_RUNS = Number(process.env.FUZZ_SHRINK_RUNS ?? 30);
/** Triage: record every distinct failure (route and what went wrong), the shortest example of each, and fail at the end. */
const COLLECT = process.env.FUZZ_COLLECT === '1';
/** Requests per run at most; a failing run shrinks towards one request. */
const BATCH = 16;
const IN_FLIGHT = 8;

const tally = {
  requests: 0,
  runs: 0,
  statuses: new Map<number | string, number>(),
  startedAt: 0,
  failedRoutes: 0,
  perRoute: new Map<string, number>(),
};
const distinct = new Map<string, string>();

let foreign: Seeded;
let foreignStored: ItemCounts;
let sitesCursor: string;

beforeAll(async () => {
  tally.startedAt = Date.now();
  foreign = await seedAgency('fuzz-foreign');
  foreignStored = await countsOf(foreign.agencyId);
  sitesCursor = await siteCursor();
});

afterAll(() => {
  const seconds = ((Date.now() - tally.startedAt) / 1000).toFixed(1);
  const statuses = [...tally.statuses.entries()].sort(([a], [b]) => String(a).localeCompare(String(b))).map(([s, n]) => `${s}:${n}`);
  const perRoute = [...tally.perRoute.entries()].map(([id, n]) => `${id}:${n}`).join(' ');
  process.stdout.write(
    `\nroute fuzzing: ${tally.requests} requests in ${tally.runs} runs, ${seconds} s (seed ${SEED}, ${RUNS} runs per route); statuses ${statuses.join(' ')}\nper route: ${perRoute}\n`,
  );
  if (COLLECT) process.stdout.write(`\n${distinct.size} distinct failure(s):\n\n${[...distinct.values()].join('\n\n')}\n`);
});

function countAnswer(operationId: string, answer: Answer | Error) {
  const key = answer instanceof Error ? 'none' : answer.status;
  tally.statuses.set(key, (tally.statuses.get(key) ?? 0) + 1);
  tally.perRoute.set(operationId, (tally.perRoute.get(operationId) ?? 0) + 1);
  tally.requests += 1;
}

/** FUZZ_COLLECT: keep the shortest example of each kind of failure. */
function collect(operationId: string, found: string[], example: string) {
  const kind = `${operationId}: ${found.map((f) => f.replace(/\d{3,}/g, 'N')).join('; ')}`;
  const known = distinct.get(kind);
  if (!known || example.length < known.length) distinct.set(kind, `${kind}\n${example}`);
}

/** fast-check's report with every long string literal cut (hostile values run to 70,000 characters). */
function shortened(report: string): string {
  return report.replace(/"((?:[^"\\]|\\.){160})(?:[^"\\]|\\.)+"/g, (_, start: string) => `"${start}…"`);
}

const equalCounts = (a: ItemCounts, b: ItemCounts) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

describe('every route, fuzzed from its schemas', () => {
  it.each((routes as readonly RouteDefinition[]).map((route) => [route.operationId, route] as const))(
    '%s: no 5xx, problem+json on every 4xx, the status its faults call for, nothing stored after a 4xx',
    async (_operationId, route) => {
      // Stored records to aim at, for the routes that name one (or page through them).
      const records = Boolean(route.params && 'clientId' in route.params.shape) || route.operationId === 'findAnonymousClients';
      const seeded = await seedAgency('fuzz', { records });
      const fixture: FuzzFixture = { seeded, foreign, siteCursor: sitesCursor, today: agencyToday() };
      let stored = await countsOf(seeded.agencyId);
      const versions = new Map(seeded.clientIds.map((id) => [id, 1]));
      let shrinkRuns: number | undefined;

      const property = fc.asyncProperty(
        fc.array(requestsFor(route, { today: fixture.today }), { minLength: 1, maxLength: BATCH }),
        async (specs) => {
          // Shrinking has had its runs: fast-check reports the smallest failing batch found so far.
          if (shrinkRuns !== undefined && ++shrinkRuns > SHRINK_RUNS) return true;
          tally.runs += 1;
          const prepared = await Promise.all(specs.map((spec) => prepare(spec, fixture)));
          const answers = await inPool(prepared, IN_FLIGHT, (request) => send(server().url, request));
          const problems: string[] = [];
          let written: ItemCounts = {};
          const newest = new Map(versions);
          prepared.forEach((request, i) => {
            const answer = answers[i] as Answer | Error;
            countAnswer(route.operationId, answer);
            const found = violations(request, answer);
            if (found.length > 0) {
              const example = `${describeRequest(request)}\n  answer: ${describeAnswer(answer)}`;
              if (COLLECT) collect(route.operationId, found, example);
              else problems.push(`${found.join('; ')}\n${example}`);
            }
            written = plus(written, writesOf(request, answer));
            const seen = route.operationId === 'editAnonymousClient' ? versionSeen(answer) : undefined;
            if (seen) newest.set(seen.clientId, Math.max(newest.get(seen.clientId) ?? 1, seen.version));
          });
          let edits = 0;
          for (const [clientId, version] of newest) edits += version - (versions.get(clientId) ?? 1);
          const expected = plus(stored, plus(written, { AUDIT_ENTRY: edits }));
          const actual = await countsOf(seeded.agencyId);
          if (!equalCounts(actual, expected)) {
            (COLLECT
              ? (text: string) => collect(route.operationId, ['stored items do not match the 2xx answers'], text)
              : (text: string) => problems.push(text))(
              `stored items ${JSON.stringify(actual)}, where the 2xx answers account for ${JSON.stringify(expected)} (before this batch: ${JSON.stringify(stored)}): ` +
                `something was written by a request that did not succeed, or more than its answer says. Statuses: ${answers.map((a) => (a instanceof Error ? 'none' : a.status)).join(' ')}\n` +
                prepared.map((request) => describeRequest(request)).join('\n'),
            );
          }
          stored = actual;
          for (const [clientId, version] of newest) versions.set(clientId, version);
          if (problems.length > 0) {
            shrinkRuns ??= 0;
            throw new Error(`${problems.length} problem(s):\n\n${problems.join('\n\n')}`);
          }
          return true;
        },
      );

      // The regression corpus first: requests that broke the service once (on top of RUNS generated runs).
      const corpus = corpusFor(route, fixture.today).map((batch) => [batch] as [typeof batch]);
      try {
        await fc.assert(property, {
          seed: SEED,
          numRuns: RUNS + corpus.length,
          endOnFailure: SHRINK_RUNS === 0,
          examples: corpus,
          ...(PATH ? { path: PATH } : {}),
          reporter: (details) => {
            if (!details.failed) return;
            const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
            const replay = `FUZZ_SEED=${details.seed} FUZZ_PATH='${details.counterexamplePath}' npm run test:integration -- test/integration/fuzz-routes.test.ts -t '${route.operationId}:'`;
            throw new Error(
              `${shortened(fc.defaultReportMessage(details) ?? '')}\n\nReplay it: ${replay}\n\nThe smallest failing batch found:\n${cause}`,
            );
          },
        });
      } catch (error) {
        tally.failedRoutes += 1;
        throw error;
      }
    },
    90_000,
  );

  it('left the other agency, and the agencies named by refused tokens, untouched', async () => {
    expect(await countsOf(foreign.agencyId)).toEqual(foreignStored);
    for (const agencyId of REFUSED_AGENCY_IDS) expectWithMessage(await countsOf(agencyId), agencyId).toEqual({});
  });

  it('found no failure (FUZZ_COLLECT=1 only)', () => {
    expect([...distinct.keys()]).toEqual([]);
  });

  it('sent at least 2,000 requests (default seed and runs)', () => {
    if (process.env.FUZZ_RUNS || tally.failedRoutes > 0) return;
    expect(tally.requests).toBeGreaterThanOrEqual(2000);
  });
});
