import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type { Site } from '../../functions/domain/site';
import { pollUntil } from '../../support/poll';
import { sampleSites } from '../../support/sample-sites';
import { call, server, tokenFor, uniqueAgency } from '../support/api';
import { expectWithMessage } from '../support/expect-with-message';

const REPORT = '/v1/reports/anonymous-clients';

/** Two active sample sites, the first by name first, so the expected row order is known. */
function twoSites(): [Site, Site] {
  const active = sampleSites().filter((site) => site.active);
  const [a, b] = [active[0] as Site, active[1] as Site];
  return a.name.localeCompare(b.name) <= 0 ? [a, b] : [b, a];
}

async function report(token: string, params: Record<string, string>, headers: Record<string, string> = {}) {
  return call('GET', `${REPORT}?${new URLSearchParams(params).toString()}`, { token, headers });
}

/** Waits until the counts include everything registered so far (the stream trails by about a second). */
async function countedUpTo(token: string, clients: number, sessions: number) {
  await pollUntil(() => report(token, { from: '2026-04', to: '2026-05' }), {
    description: `the report to count ${clients} clients and ${sessions} sessions`,
    timeoutMs: 20_000,
    until: (response) => response.status === 200 && response.body.totals.clients === clients && response.body.totals.sessions === sessions,
  });
}

describe('GET /v1/reports/anonymous-clients', () => {
  const [first, second] = twoSites();
  const agencyId = uniqueAgency('report');
  let admin: string;
  let edited: { clientId: string; version: number };

  beforeAll(async () => {
    admin = await tokenFor(agencyId, { role: 'agency-admin', agencyName: 'Reporting Agency' });
    const staff = await tokenFor(agencyId, { role: 'staff' });
    const register = async (body: Record<string, unknown>) => {
      const response = await call('POST', '/v1/anonymous-clients', { token: staff, body });
      expect(response.status).toBe(201);
      return response.body as { clientId: string; version: number };
    };
    // April: three at the first site (two women, one man); May: a room of two at the second site.
    const woman = await register({ gender: 'FEMALE', registrationDate: '2026-04-03', siteId: first.siteId, arrivalYear: 2021 });
    await register({ gender: 'FEMALE', registrationDate: '2026-04-20', siteId: first.siteId });
    edited = await register({ gender: 'MALE', registrationDate: '2026-04-30', siteId: first.siteId });
    const room = await call('POST', '/v1/anonymous-clients/batch', {
      token: staff,
      body: {
        clients: [
          { gender: 'FEMALE', registrationDate: '2026-05-02', siteId: second.siteId, immigrationStatus: 'REFUGEE_CLAIMANT' },
          { gender: 'PREFER_NOT_TO_SAY', registrationDate: '2026-05-02', siteId: second.siteId },
        ],
      },
    });
    expect(room.status).toBe(201);
    // The April woman's one session, given in May at the second site.
    const session = await call('POST', `/v1/anonymous-clients/${woman.clientId}/sessions`, {
      token: staff,
      body: { sessionType: 'DIRECT_SERVICE', serviceDate: '2026-05-14', siteId: second.siteId, deliveryMethod: 'IN_PERSON' },
    });
    expect(session.status).toBe(201);
    await countedUpTo(admin, 5, 1);
  }, 60_000);

  it('counts clients by registration month and sessions by service month', async () => {
    const response = await report(admin, { from: '2026-03', to: '2026-06', by: 'month' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      agency: { agencyId, name: 'Reporting Agency' },
      from: '2026-03',
      to: '2026-06',
      by: ['month'],
      rows: [
        { month: '2026-04', clients: 3, sessions: 0 },
        { month: '2026-05', clients: 2, sessions: 1 },
      ],
      totals: { clients: 5, sessions: 1 },
      asOf: expect.any(String),
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers one row of totals without dimensions, and only the months asked for', async () => {
    const all = await report(admin, { from: '2026-04', to: '2026-05' });
    expect(all.body.rows).toEqual([{ clients: 5, sessions: 1 }]);
    const may = await report(admin, { from: '2026-05', to: '2026-05' });
    expect(may.body.totals).toEqual({ clients: 2, sessions: 1 });
    const before = await report(admin, { from: '2025-01', to: '2026-03', by: 'site' });
    expect(before.body).toMatchObject({ rows: [], totals: { clients: 0, sessions: 0 } });
  });

  it('orders rows by the first dimension, then the second: sites by name, codes in reference-data order', async () => {
    const response = await report(admin, { from: '2026-04', to: '2026-05', by: 'site,gender' });
    expect(response.body.rows).toEqual([
      { site: { siteId: first.siteId, name: first.name }, gender: 'FEMALE', clients: 2, sessions: 0 },
      { site: { siteId: first.siteId, name: first.name }, gender: 'MALE', clients: 1, sessions: 0 },
      // The session was given at the second site to a woman registered at the first.
      { site: { siteId: second.siteId, name: second.name }, gender: 'FEMALE', clients: 1, sessions: 1 },
      { site: { siteId: second.siteId, name: second.name }, gender: 'PREFER_NOT_TO_SAY', clients: 1, sessions: 0 },
    ]);
    const byGenderThenMonth = await report(admin, { from: '2026-04', to: '2026-05', by: 'gender,month' });
    expect(byGenderThenMonth.body.rows.map((row: { gender: string; month: string }) => `${row.gender} ${row.month}`)).toEqual([
      'FEMALE 2026-04',
      'FEMALE 2026-05',
      'MALE 2026-04',
      'PREFER_NOT_TO_SAY 2026-05',
    ]);
    const byYear = await report(admin, { from: '2026-04', to: '2026-05', by: 'arrivalYear' });
    expect(byYear.body.rows).toEqual([
      { arrivalYear: 2021, clients: 1, sessions: 1 },
      { arrivalYear: 'UNKNOWN', clients: 4, sessions: 0 },
    ]);
  });

  it('moves a count when an edit changes a dimension', async () => {
    const patched = await call('PATCH', `/v1/anonymous-clients/${edited.clientId}`, {
      token: admin,
      body: { gender: 'GENDER_DIVERSE', siteId: second.siteId },
      headers: { 'if-match': `"${edited.version}"` },
    });
    expect(patched.status).toBe(200);
    const genders = await pollUntil(() => report(admin, { from: '2026-04', to: '2026-05', by: 'gender' }), {
      description: 'the edit to move the client from MALE to GENDER_DIVERSE',
      timeoutMs: 20_000,
      until: (response) => response.body.rows.some((row: { gender: string }) => row.gender === 'GENDER_DIVERSE'),
    });
    expect(genders.body.rows).toEqual([
      { gender: 'FEMALE', clients: 3, sessions: 1 },
      { gender: 'GENDER_DIVERSE', clients: 1, sessions: 0 },
      { gender: 'PREFER_NOT_TO_SAY', clients: 1, sessions: 0 },
    ]);
    const sites = await report(admin, { from: '2026-04', to: '2026-04', by: 'site' });
    // The April man moved to the second site: April's count there is his.
    expect(sites.body.rows).toEqual([
      { site: { siteId: first.siteId, name: first.name }, clients: 2, sessions: 0 },
      { site: { siteId: second.siteId, name: second.name }, clients: 1, sessions: 0 },
    ]);
  });

  it('never counts another agency’s clients', async () => {
    const other = await tokenFor(uniqueAgency('other'), { role: 'agency-admin' });
    const response = await report(other, { from: '2026-04', to: '2026-05', by: 'site' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ rows: [], totals: { clients: 0, sessions: 0 } });
  });

  it('answers CSV with a BOM, labels in the Accept-Language language and a totals row', async () => {
    const response = await report(
      admin,
      { from: '2026-04', to: '2026-05', by: 'month' },
      { accept: 'text/csv', 'accept-language': 'fr-CA' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-language')).toBe('fr');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="anonymous-clients-2026-04-2026-05.csv"');
    // fetch's text() drops a leading BOM, so the bytes are read as they came.
    const bytes = await fetch(`${server().url}${REPORT}?from=2026-04&to=2026-05`, {
      headers: { authorization: `Bearer ${admin}`, accept: 'text/csv' },
    });
    expect([...new Uint8Array(await bytes.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(response.text.replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]).toEqual(['Mois', 'Clients', 'Séances']);
    expect(rows.at(-1)).toEqual(['Total', '5', '1']);
    const english = await report(admin, { from: '2026-04', to: '2026-05', by: 'gender' }, { accept: 'text/csv' });
    const englishRows = parse(english.text.replace(/^\uFEFF/, '')) as string[][];
    expect(englishRows[0]).toEqual(['Gender', 'Clients', 'Sessions']);
    expect(englishRows.map((row) => row[0])).toContain('Female');
  });

  it('withholds small counts, and the totals that would give them away, when asked to', async () => {
    const response = await report(admin, { from: '2026-04', to: '2026-05', by: 'month', suppressBelow: '3' });
    expect(response.status).toBe(200);
    expect(response.body.suppressBelow).toBe(3);
    const published = [
      ...response.body.rows.flatMap((row: { clients: number | null; sessions: number | null }) => [row.clients, row.sessions]),
    ];
    for (const count of published) expectWithMessage(count === null || count >= 3, JSON.stringify(response.body.rows)).toBe(true);
    expect(response.body.rows[0]).toEqual({ month: '2026-04', clients: 3, sessions: null });
    expect(response.body.rows[1]).toEqual({ month: '2026-05', clients: null, sessions: null });
    const csv = await report(admin, { from: '2026-04', to: '2026-05', by: 'month', suppressBelow: '3' }, { accept: 'text/csv' });
    expect(csv.text).toContain('<3');
  });

  it('is for agency admins only: staff and operators get 403, no token 401', async () => {
    for (const role of ['staff', 'operator'] as const) {
      const token = await tokenFor(agencyId, { role });
      expectWithMessage((await report(token, { from: '2026-04', to: '2026-05' })).status, role).toBe(403);
    }
    expect((await call('GET', `${REPORT}?from=2026-04&to=2026-05`)).status).toBe(401);
  });

  it('answers 400 naming each bad parameter', async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{}, ['/from', '/to']],
      [{ from: '2026-4', to: '2026-13' }, ['/from', '/to']],
      [{ from: '2026-05', to: '2026-04' }, ['/to']],
      [{ from: '2020-01', to: '2025-01' }, ['/to']],
      [{ from: '2026-04', to: '2026-05', by: 'postalCode' }, ['/by']],
      [{ from: '2026-04', to: '2026-05', by: 'month,site,gender' }, ['/by']],
      [{ from: '2026-04', to: '2026-05', by: 'site,site' }, ['/by']],
      [{ from: '2026-04', to: '2026-05', suppressBelow: '1' }, ['/suppressBelow']],
      [{ from: '2026-04', to: '2026-05', suppressBelow: '11' }, ['/suppressBelow']],
      [{ from: '2026-04', to: '2026-05', suppressBelow: 'five' }, ['/suppressBelow']],
    ];
    for (const [params, pointers] of cases) {
      const response = await report(admin, params);
      expectWithMessage(response.status, JSON.stringify(params)).toBe(400);
      expectWithMessage(response.headers.get('content-type'), JSON.stringify(params)).toMatch(/^application\/problem\+json/);
      expectWithMessage(response.body.errors.map((e: { pointer: string }) => e.pointer).sort(), JSON.stringify(params)).toEqual(pointers);
    }
  });

  it('is in the OpenAPI document with its CSV answer', async () => {
    const document = await call('GET', '/v1/openapi.json');
    const operation = document.body.paths[REPORT].get;
    expect(operation.operationId).toBe('getAnonymousClientReport');
    expect(Object.keys(operation.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
  });
});
