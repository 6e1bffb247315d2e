/** After registering: register another (batch), edit with immutable fields, history, begin a session. */
import { describe, expect, it } from '@jest/globals';
import { routes } from '../../functions/api/routes';
import { todayIn } from '../../functions/domain/calendar';
import { activeSite, inactiveSite, sampleSites } from '../../support/sample-sites';
import { call, server, tokenFor, uniqueAgency } from '../support/api';
import { expectWithMessage } from '../support/expect-with-message';
import { agencyItemCounts } from '../support/storage';

const today = () => todayIn('America/Toronto', new Date());
const registration = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  gender: 'FEMALE',
  registrationDate: today(),
  siteId: activeSite().siteId,
  ...overrides,
});

async function agency(role: 'staff' | 'agency-admin' = 'staff') {
  const agencyId = uniqueAgency();
  return { agencyId, token: await tokenFor(agencyId, { role, userId: `${role}-of-${agencyId}` }) };
}

async function registered(token: string, overrides: Record<string, unknown> = {}) {
  const response = await call('POST', '/v1/anonymous-clients', { token, body: registration(overrides) });
  expect(response.status).toBe(201);
  return response.body;
}

describe('POST /v1/anonymous-clients/batch', () => {
  it('registers 25 clients in one request, in order, each with its own id', async () => {
    const { agencyId, token } = await agency();
    const clients = Array.from({ length: 25 }, (_, i) => registration({ comments: `person ${i}` }));
    const response = await call('POST', '/v1/anonymous-clients/batch', { token, body: { clients } });
    expect(response.status).toBe(201);
    expect(response.body.items.map((c: { comments: string }) => c.comments)).toEqual(clients.map((c) => c.comments));
    expect(new Set(response.body.items.map((c: { clientId: string }) => c.clientId)).size).toBe(25);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 25 });
  });

  it('stores nothing when one client of 25 is invalid, and points at that client and field', async () => {
    const { agencyId, token } = await agency();
    const clients = Array.from({ length: 25 }, () => registration());
    clients[3] = registration({ postalCode: 'D0D 0D0' });
    const response = await call('POST', '/v1/anonymous-clients/batch', { token, body: { clients } });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ pointer: '/clients/3/postalCode', detail: expect.any(String) }]);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
  });

  it('stores nothing when one client of the batch names an inactive site (422 pointing at it)', async () => {
    const { agencyId, token } = await agency();
    const clients = Array.from({ length: 5 }, () => registration());
    clients[4] = registration({ siteId: inactiveSite().siteId });
    const response = await call('POST', '/v1/anonymous-clients/batch', { token, body: { clients } });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ pointer: '/clients/4/siteId', detail: expect.any(String) }]);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
  });

  it('refuses an empty batch and one of 26', async () => {
    const { token } = await agency();
    for (const clients of [[], Array.from({ length: 26 }, () => registration())]) {
      const response = await call('POST', '/v1/anonymous-clients/batch', { token, body: { clients } });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].pointer).toBe('/clients');
    }
  });

  it('replays a batch for the same Idempotency-Key and body, and refuses the key with another body', async () => {
    const { agencyId, token } = await agency();
    const headers = { 'idempotency-key': 'room-12-batch' };
    const body = { clients: [registration(), registration({ gender: 'MALE' })] };
    const first = await call('POST', '/v1/anonymous-clients/batch', { token, headers, body });
    const again = await call('POST', '/v1/anonymous-clients/batch', { token, headers, body });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await call('POST', '/v1/anonymous-clients/batch', { token, headers, body: { clients: [registration()] } });
    expect(other.status).toBe(422);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toMatchObject({ ANONYMOUS_CLIENT: 2 });
  });
});

describe('PATCH /v1/anonymous-clients/{clientId}', () => {
  it('changes editable fields and advances version, updatedAt and ETag', async () => {
    const { token } = await agency();
    const client = await registered(token, { comments: 'old words' });
    const otherSite = sampleSites().filter((s) => s.active)[10]!;
    const response = await call('PATCH', `/v1/anonymous-clients/${client.clientId}`, {
      token,
      headers: { 'if-match': '"1"' },
      body: { postalCode: 'k1p5j9', comments: 'new words', siteId: otherSite.siteId, arrivalYear: 2019 },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(response.body).toMatchObject({
      version: 2,
      postalCode: 'K1P 5J9',
      comments: 'new words',
      arrivalYear: 2019,
      site: { siteId: otherSite.siteId, name: otherSite.name },
      registrationDate: client.registrationDate,
      createdAt: client.createdAt,
    });
    expect(response.body.updatedAt > client.updatedAt).toBe(true);
    expect((await call('GET', `/v1/anonymous-clients/${client.clientId}`, { token })).body).toEqual(response.body);
  });

  it('clears the postal code and comments with null', async () => {
    const { token } = await agency();
    const client = await registered(token, { postalCode: 'M5V', comments: 'x' });
    const response = await call('PATCH', `/v1/anonymous-clients/${client.clientId}`, {
      token,
      headers: { 'if-match': '*' },
      body: { postalCode: null, comments: null },
    });
    expect(response.body).toMatchObject({ postalCode: null, comments: null, version: 2 });
  });

  it('answers 428 without If-Match and 412 with a stale or malformed one, changing nothing', async () => {
    const { token } = await agency();
    const client = await registered(token);
    const path = `/v1/anonymous-clients/${client.clientId}`;
    expect((await call('PATCH', path, { token, body: { gender: 'MALE' } })).status).toBe(428);
    await call('PATCH', path, { token, headers: { 'if-match': '"1"' }, body: { gender: 'MALE' } });
    for (const ifMatch of ['"1"', 'W/"2"', '2', '"abc"']) {
      const stale = await call('PATCH', path, { token, headers: { 'if-match': ifMatch }, body: { gender: 'UNKNOWN' } });
      expectWithMessage(stale.status, ifMatch).toBe(412);
    }
    expect((await call('GET', path, { token })).body).toMatchObject({ gender: 'MALE', version: 2 });
  });

  it.each([
    ['registrationDate', '2020-01-01'],
    ['clientType', 'NAMED'],
    ['clientName', 'Jane Doe'],
    ['agency', { agencyId: 'x', name: 'y' }],
  ])('refuses a change to the immutable %s with a 400 naming it', async (field, value) => {
    const { token } = await agency();
    const client = await registered(token);
    const response = await call('PATCH', `/v1/anonymous-clients/${client.clientId}`, {
      token,
      headers: { 'if-match': '"1"' },
      body: { gender: 'MALE', [field]: value },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ pointer: `/${field}`, detail: 'cannot be changed after registration' }]);
    expect((await call('GET', `/v1/anonymous-clients/${client.clientId}`, { token })).body.version).toBe(1);
  });

  it('refuses an empty edit and answers 422 for an inactive site', async () => {
    const { token } = await agency();
    const client = await registered(token);
    const path = `/v1/anonymous-clients/${client.clientId}`;
    expect((await call('PATCH', path, { token, headers: { 'if-match': '"1"' }, body: {} })).status).toBe(400);
    const inactive = await call('PATCH', path, { token, headers: { 'if-match': '"1"' }, body: { siteId: inactiveSite().siteId } });
    expect(inactive.status).toBe(422);
  });
});

describe('GET /v1/anonymous-clients/{clientId}/history', () => {
  it('lists registered, edited and session-begun entries with field names but never values, for agency admins only', async () => {
    const agencyId = uniqueAgency();
    const staff = await tokenFor(agencyId, { userId: 'staff-1' });
    const admin = await tokenFor(agencyId, { userId: 'admin-1', role: 'agency-admin' });
    const client = await registered(staff, { postalCode: 'H0H 0H0', comments: 'secret-comment-text' });
    await call('PATCH', `/v1/anonymous-clients/${client.clientId}`, {
      token: staff,
      headers: { 'if-match': '"1"' },
      body: { postalCode: 'M4C 1B5', comments: 'another-secret' },
    });
    await call('POST', `/v1/anonymous-clients/${client.clientId}/sessions`, {
      token: staff,
      body: { sessionType: 'DIRECT_SERVICE', serviceDate: today(), siteId: client.site.siteId, deliveryMethod: 'IN_PERSON' },
    });

    expect((await call('GET', `/v1/anonymous-clients/${client.clientId}/history`, { token: staff })).status).toBe(403);
    const history = await call('GET', `/v1/anonymous-clients/${client.clientId}/history`, { token: admin });
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['REGISTERED', 'EDITED', 'SESSION_BEGUN']);
    expect(history.body.items[0]).toMatchObject({ by: 'staff-1', fields: expect.arrayContaining(['gender', 'postalCode', 'comments']) });
    expect(history.body.items[1].fields.sort()).toEqual(['comments', 'postalCode']);
    for (const secret of ['H0H 0H0', 'M4C 1B5', 'secret-comment-text', 'another-secret']) expect(history.text).not.toContain(secret);
  });
});

describe('sessions', () => {
  it('pre-fills the session draft from the profile with today and in person', async () => {
    const { agencyId, token } = await agency();
    const client = await registered(token, { arrivalYear: 2022, immigrationStatus: 'REFUGEE_CLAIMANT', postalCode: 'L5B 1M2' });
    const draft = await call('GET', `/v1/anonymous-clients/${client.clientId}/session-draft`, { token });
    expect(draft.status).toBe(200);
    expect(draft.body).toEqual({
      clientId: client.clientId,
      agency: { agencyId, name: `Agency ${agencyId}` },
      site: client.site,
      serviceDate: today(),
      deliveryMethod: 'IN_PERSON',
      client: { gender: 'FEMALE', arrivalYear: 2022, immigrationStatus: 'REFUGEE_CLAIMANT', postalCode: 'L5B 1M2' },
    });
  });

  it('creates the one session and answers a second with 409 telling staff to register a new anonymous client', async () => {
    const { token } = await agency();
    const client = await registered(token);
    const body = {
      sessionType: 'LANGUAGE_TRAINING',
      serviceDate: today(),
      siteId: client.site.siteId,
      deliveryMethod: 'PHONE',
      durationMinutes: 45,
      notes: ' Booked CLB test ',
    };
    const first = await call('POST', `/v1/anonymous-clients/${client.clientId}/sessions`, { token, body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      clientId: client.clientId,
      sessionType: 'LANGUAGE_TRAINING',
      deliveryMethod: 'PHONE',
      durationMinutes: 45,
      notes: 'Booked CLB test',
      site: client.site,
    });
    const second = await call('POST', `/v1/anonymous-clients/${client.clientId}/sessions`, { token, body });
    expect(second.status).toBe(409);
    expect(second.body.detail).toMatch(/register a new anonymous client/);
    const listed = await call('GET', `/v1/anonymous-clients/${client.clientId}/sessions`, { token });
    expect(listed.body.items).toEqual([first.body]);
  });

  it('yields exactly one session from ten concurrent creations', async () => {
    const { agencyId, token } = await agency();
    const client = await registered(token);
    const body = { sessionType: 'DIRECT_SERVICE', serviceDate: today(), siteId: client.site.siteId, deliveryMethod: 'IN_PERSON' };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => call('POST', `/v1/anonymous-clients/${client.clientId}/sessions`, { token, body })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toMatchObject({ ANONYMOUS_SESSION: 1 });
  });

  it('refuses a service date before the registration date or in the future, and unknown codes', async () => {
    const { token } = await agency();
    const client = await registered(token, { registrationDate: '2024-05-01' });
    const base = { sessionType: 'DIRECT_SERVICE', serviceDate: '2024-04-30', siteId: client.site.siteId, deliveryMethod: 'IN_PERSON' };
    const early = await call('POST', `/v1/anonymous-clients/${client.clientId}/sessions`, { token, body: base });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].pointer).toBe('/serviceDate');
    const bad = await call('POST', `/v1/anonymous-clients/${client.clientId}/sessions`, {
      token,
      body: { ...base, serviceDate: '2999-01-01', sessionType: 'HAIRCUT', deliveryMethod: 'PIGEON', durationMinutes: 0 },
    });
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/deliveryMethod',
      '/durationMinutes',
      '/serviceDate',
      '/sessionType',
    ]);
  });
});

describe('agency isolation on the wizard routes', () => {
  it("answers 404 on every route of another agency's client", async () => {
    const owner = await agency();
    const stranger = await agency('agency-admin');
    const client = await registered(owner.token);
    const base = `/v1/anonymous-clients/${client.clientId}`;
    const attempts = [
      call('PATCH', base, { token: stranger.token, headers: { 'if-match': '*' }, body: { gender: 'MALE' } }),
      call('GET', `${base}/history`, { token: stranger.token }),
      call('GET', `${base}/session-draft`, { token: stranger.token }),
      call('GET', `${base}/sessions`, { token: stranger.token }),
      call('POST', `${base}/sessions`, {
        token: stranger.token,
        body: { sessionType: 'DIRECT_SERVICE', serviceDate: today(), siteId: client.site.siteId, deliveryMethod: 'IN_PERSON' },
      }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    expect((await call('GET', base, { token: owner.token })).body.version).toBe(1);
    expect(await agencyItemCounts(server().dataDir, stranger.agencyId)).toEqual({});
  });
});

describe('no way to name an anonymous client', () => {
  it('has no route that converts, names, transfers or merges a client', () => {
    for (const r of routes) {
      expect(r.path).not.toMatch(/convert|named|transfer|merge|promote|link/i);
      expect(r.operationId).not.toMatch(/convert|named|transfer|merge|promote/i);
    }
    // Only these routes write client data; none of them can accept a name.
    expect(
      routes
        .filter((r) => r.path.startsWith('/v1/anonymous-clients') && r.method !== 'GET')
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(
      expect.arrayContaining(['PATCH /v1/anonymous-clients/{clientId}', 'POST /v1/anonymous-clients', 'POST /v1/anonymous-clients/batch']),
    );
  });

  it('refuses a client name or type on every body that touches a client', async () => {
    const { token } = await agency();
    const client = await registered(token);
    const attempts = [
      call('POST', '/v1/anonymous-clients', { token, body: registration({ clientName: 'Jane Doe' }) }),
      call('POST', '/v1/anonymous-clients/batch', { token, body: { clients: [registration({ clientType: 'NAMED' })] } }),
      call('PATCH', `/v1/anonymous-clients/${client.clientId}`, { token, headers: { 'if-match': '*' }, body: { clientName: 'Jane Doe' } }),
      call('POST', `/v1/anonymous-clients/${client.clientId}/sessions`, {
        token,
        body: {
          sessionType: 'DIRECT_SERVICE',
          serviceDate: today(),
          siteId: client.site.siteId,
          deliveryMethod: 'IN_PERSON',
          clientName: 'Jane',
        },
      }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(400);
  });
});
