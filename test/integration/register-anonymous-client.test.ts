import { describe, expect, it } from '@jest/globals';
import { importJWK, SignJWT } from 'jose';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { todayIn } from '../../functions/domain/calendar';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens';
import { activeSite, inactiveSite } from '../../support/sample-sites';
import { call, server, tokenFor, uniqueAgency } from '../support/api';
import { expectWithMessage } from '../support/expect-with-message';
import { agencyItemCounts } from '../support/storage';

const today = () => todayIn('America/Toronto', new Date());

function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { gender: 'FEMALE', registrationDate: today(), siteId: activeSite().siteId, ...overrides };
}

async function newAgency(role: 'staff' | 'agency-admin' | 'operator' = 'staff') {
  const agencyId = uniqueAgency();
  return { agencyId, token: await tokenFor(agencyId, { role, agencyName: `Settlement Services ${agencyId}` }) };
}

describe('POST /v1/anonymous-clients', () => {
  it('registers a client with the agency from the token and the site name from the catalog, and reads it back', async () => {
    const { agencyId, token } = await newAgency();
    const site = activeSite();
    const created = await call('POST', '/v1/anonymous-clients', {
      token,
      body: registration({ postalCode: 'm5v2t6', comments: '  Looking for ESL classes  ', arrivalYear: 2023 }),
    });
    expect(created.status).toBe(201);
    const client = created.body;
    expect(created.headers.get('location')).toBe(`/v1/anonymous-clients/${client.clientId}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(client).toMatchObject({
      clientType: 'ANONYMOUS',
      clientName: 'Anonymous Client',
      agency: { agencyId, name: `Settlement Services ${agencyId}` },
      gender: 'FEMALE',
      arrivalYear: 2023,
      immigrationStatus: 'UNKNOWN',
      postalCode: 'M5V 2T6',
      registrationDate: today(),
      site: { siteId: site.siteId, name: site.name },
      comments: 'Looking for ESL classes',
      version: 1,
    });
    expect(client.clientId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(client.createdAt).toBe(client.updatedAt);

    const read = await call('GET', created.headers.get('location')!, { token });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(client);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 1 });
  });

  it('defaults arrival year and immigration status to UNKNOWN and postal code and comments to null', async () => {
    const { token } = await newAgency();
    const created = await call('POST', '/v1/anonymous-clients', { token, body: registration({ postalCode: '' }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ arrivalYear: 'UNKNOWN', immigrationStatus: 'UNKNOWN', postalCode: null, comments: null });
  });

  const badBodies: [string, Record<string, unknown>, string[]][] = [
    ['an invalid postal code', registration({ postalCode: 'D1A 1A1' }), ['/postalCode']],
    ['an unknown gender', registration({ gender: 'F' }), ['/gender']],
    ['a missing gender and site', { registrationDate: today() }, ['/gender', '/siteId']],
    ['a future registration date', registration({ registrationDate: '2999-01-01' }), ['/registrationDate']],
    ['an impossible date', registration({ registrationDate: '2023-02-29' }), ['/registrationDate']],
    ['a date before 2000', registration({ registrationDate: '1999-12-31' }), ['/registrationDate']],
    ['an arrival year before 1900', registration({ arrivalYear: 1899 }), ['/arrivalYear']],
    ['an arrival year as text', registration({ arrivalYear: '2020' }), ['/arrivalYear']],
    ['an unknown field', registration({ favouriteColour: 'blue' }), ['/favouriteColour']],
    ['the agency in the body', registration({ agency: { agencyId: 'someone-else', name: 'x' } }), ['/agency']],
    ['a client name in the body', registration({ clientName: 'Jane Doe' }), ['/clientName']],
    ['a client type in the body', registration({ clientType: 'NAMED' }), ['/clientType']],
    ['comments over 4,000 characters', registration({ comments: 'a'.repeat(4001) }), ['/comments']],
    ['a control character in comments', registration({ comments: 'bell\u0007' }), ['/comments']],
    [
      'several bad fields at once',
      registration({ postalCode: 'Z1A', gender: 'X', arrivalYear: 3000 }),
      ['/arrivalYear', '/gender', '/postalCode'],
    ],
  ];

  it.each(badBodies)('answers 400 naming each bad field for %s, and writes nothing', async (_label, body, pointers) => {
    const { agencyId, token } = await newAgency();
    const response = await call('POST', '/v1/anonymous-clients', { token, body });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body).toMatchObject({ type: 'urn:newcomer-intake:problem:invalid-request', status: 400 });
    expect(response.body.instance).toMatch(/^urn:newcomer-intake:request:/);
    expect(response.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(pointers);
    for (const error of response.body.errors) expect(error.detail).toEqual(expect.any(String));
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
  });

  it('answers 400 for a body that is not JSON, or JSON that is not an object', async () => {
    const { agencyId, token } = await newAgency();
    const notJson = await call('POST', '/v1/anonymous-clients', {
      token,
      rawBody: '{"gender":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    const array = await call('POST', '/v1/anonymous-clients', { token, body: [registration()] });
    expect(array.status).toBe(400);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
  });

  it('answers 415 for a body that is not application/json and 413 for one over 64 KiB', async () => {
    const { agencyId, token } = await newAgency();
    const form = await call('POST', '/v1/anonymous-clients', {
      token,
      rawBody: 'gender=FEMALE',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const huge = await call('POST', '/v1/anonymous-clients', { token, body: registration({ comments: 'x'.repeat(70 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toBe('application/problem+json');
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
  });

  it('answers 422 naming siteId for an unknown or an inactive site', async () => {
    const { agencyId, token } = await newAgency();
    for (const siteId of ['ON-NO-SUCH-SITE', inactiveSite().siteId]) {
      const response = await call('POST', '/v1/anonymous-clients', { token, body: registration({ siteId }) });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([{ pointer: '/siteId', detail: expect.any(String) }]);
    }
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
  });

  it('answers 403 to a role without the right to register (operators run the service, not client files)', async () => {
    const { agencyId, token } = await newAgency('operator');
    const response = await call('POST', '/v1/anonymous-clients', { token, body: registration() });
    expect(response.status).toBe(403);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
  });
});

describe('authentication', () => {
  async function signedWith(overrides: { audience?: string; issuer?: string; expiresAt?: number }) {
    const stored = JSON.parse(await readFile(join(server().dataDir, 'keys', 'token-signing-key.json'), 'utf8'));
    // Valid in every other way (a control case below proves it), so each 401 has the reason its case names.
    return new SignJWT({ 'custom:agency_id': 'agency-x', 'cognito:groups': ['staff'], token_use: 'id' })
      .setProtectedHeader({ alg: 'RS256', kid: stored.kid })
      .setSubject('user-x')
      .setIssuedAt()
      .setIssuer(overrides.issuer ?? LOCAL_ISSUER)
      .setAudience(overrides.audience ?? LOCAL_AUDIENCE)
      .setExpirationTime(overrides.expiresAt ?? Math.floor(Date.now() / 1000) + 600)
      .sign(await importJWK(stored.privateJwk, 'RS256'));
  }

  it('answers 401 for a missing, malformed, expired, forged, wrong-audience or wrong-issuer token', async () => {
    const { issueLocalToken } = await import('../../local/tokens');
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const forged = await issueLocalToken(await mkdtemp(join(tmpdir(), 'other-key-')), { agencyId: 'agency-x' });
    const cases: [string, string | undefined][] = [
      ['missing', undefined],
      ['malformed', 'not-a-jwt'],
      ['expired', await signedWith({ expiresAt: Math.floor(Date.now() / 1000) - 60 })],
      ['forged', forged],
      ['wrong audience', await signedWith({ audience: 'another-app' })],
      ['wrong issuer', await signedWith({ issuer: 'https://evil.example' })],
    ];
    for (const [label, token] of cases) {
      const response = await call('POST', '/v1/anonymous-clients', { token, body: registration() });
      expectWithMessage(response.status, label).toBe(401);
      expectWithMessage(response.headers.get('content-type'), label).toBe('application/problem+json');
    }
    expect(await agencyItemCounts(server().dataDir, 'agency-x')).toEqual({});
    const valid = await call('GET', '/v1/reference-data', { token: await signedWith({}) });
    expect(valid.status).toBe(200);
  });

  it('lets health and the OpenAPI document through without a token', async () => {
    expect((await call('GET', '/v1/health')).status).toBe(200);
    expect((await call('GET', '/v1/openapi.json')).status).toBe(200);
  });
});

describe('GET /v1/anonymous-clients/{clientId}', () => {
  it("answers another agency's client exactly like a missing one", async () => {
    const a = await newAgency();
    const b = await newAgency();
    const created = await call('POST', '/v1/anonymous-clients', { token: a.token, body: registration() });
    const foreign = await call('GET', `/v1/anonymous-clients/${created.body.clientId}`, { token: b.token });
    const missing = await call('GET', '/v1/anonymous-clients/0000000000000000000000000Z', { token: b.token });
    const malformed = await call('GET', '/v1/anonymous-clients/not-an-id', { token: b.token });
    for (const response of [foreign, missing, malformed]) {
      expect(response.status).toBe(404);
      expect(response.body.detail).toBe(foreign.body.detail);
    }
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body, with Idempotent-Replayed, storing nothing new', async () => {
    const { agencyId, token } = await newAgency();
    const headers = { 'idempotency-key': 'form-submit-1' };
    const first = await call('POST', '/v1/anonymous-clients', { token, headers, body: registration({ comments: 'first' }) });
    // The same body with its keys in another order is the same request.
    const { comments, ...rest } = registration({ comments: 'first' });
    const again = await call('POST', '/v1/anonymous-clients', { token, headers, body: { comments, ...rest } });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(await agencyItemCounts(server().dataDir, agencyId)).toMatchObject({ ANONYMOUS_CLIENT: 1 });
  });

  it('answers 422 when a key is reused with another body', async () => {
    const { agencyId, token } = await newAgency();
    const headers = { 'idempotency-key': 'form-submit-2' };
    expect((await call('POST', '/v1/anonymous-clients', { token, headers, body: registration() })).status).toBe(201);
    const reused = await call('POST', '/v1/anonymous-clients', { token, headers, body: registration({ gender: 'MALE' }) });
    expect(reused.status).toBe(422);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toMatchObject({ ANONYMOUS_CLIENT: 1 });
  });

  it('scopes keys to the user: the same key from two staff members makes two clients', async () => {
    const agencyId = uniqueAgency();
    const headers = { 'idempotency-key': 'shared-key' };
    for (const userId of ['alice', 'bob']) {
      const token = await tokenFor(agencyId, { userId });
      const response = await call('POST', '/v1/anonymous-clients', { token, headers, body: registration() });
      expect(response.status).toBe(201);
      expect(response.headers.get('idempotent-replayed')).toBeNull();
    }
    expect(await agencyItemCounts(server().dataDir, agencyId)).toMatchObject({ ANONYMOUS_CLIENT: 2 });
  });

  it('stores exactly one client for 20 concurrent duplicates', async () => {
    const { agencyId, token } = await newAgency();
    const headers = { 'idempotency-key': 'double-click' };
    const body = registration({ comments: 'twenty clicks' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => call('POST', '/v1/anonymous-clients', { token, headers, body })));
    const statuses = responses.map((r) => r.status);
    // Whatever the interleaving, each answer is one of three kinds, and there is exactly one original.
    const originals = responses.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null);
    const replays = responses.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === 'true');
    const conflicts = responses.filter((r) => r.status === 409);
    expectWithMessage(originals.length + replays.length + conflicts.length, statuses.join(',')).toBe(20);
    expectWithMessage(originals, statuses.join(',')).toHaveLength(1);
    const original = originals[0]!;
    for (const replay of replays) {
      expect(replay.body).toEqual(original.body);
      expect(replay.headers.get('location')).toBe(original.headers.get('location'));
    }
    for (const conflict of conflicts) expect(conflict.headers.get('retry-after')).toBeTruthy();
    // Once settled, the key replays that one client (checked even when no request met a 409 or a replay).
    const after = await call('POST', '/v1/anonymous-clients', { token, headers, body });
    expect(after.status).toBe(201);
    expect(after.headers.get('idempotent-replayed')).toBe('true');
    expect(after.body).toEqual(original.body);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toMatchObject({ ANONYMOUS_CLIENT: 1, IDEMPOTENCY_RECORD: 1 });
  });

  it('refuses a key that is not 1 to 255 visible ASCII characters', async () => {
    const { agencyId, token } = await newAgency();
    const response = await call('POST', '/v1/anonymous-clients', {
      token,
      headers: { 'idempotency-key': 'x'.repeat(256) },
      body: registration(),
    });
    expect(response.status).toBe(400);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
  });
});

describe('problem+json in the language of Accept-Language', () => {
  const badRegistration = () => registration({ postalCode: 'DDD 1D1', nickname: 'Jo', registrationDate: undefined });

  it('answers a bad registration in French for fr-CA: title, detail and each field, with Content-Language: fr', async () => {
    const { agencyId, token } = await newAgency();
    const response = await call('POST', '/v1/anonymous-clients', {
      token,
      body: badRegistration(),
      headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('content-language')).toBe('fr');
    expect(response.headers.get('vary')).toMatch(/accept-language/i);
    expect(response.body).toMatchObject({
      type: 'urn:newcomer-intake:problem:invalid-request',
      title: 'La requête n’est pas valide',
      detail: 'Un ou plusieurs champs ne sont pas valides.',
    });
    const details = Object.fromEntries(response.body.errors.map((e: { pointer: string; detail: string }) => [e.pointer, e.detail]));
    expect(details).toEqual({
      '/postalCode': expect.stringMatching(/^doit être un code postal canadien \(A1A 1A1\) ou ses trois premiers caractères/),
      '/nickname': 'ne fait pas partie de cette requête',
      '/registrationDate': 'est obligatoire',
    });
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
  });

  it.each([undefined, 'en-CA', 'de-DE', '*'])('keeps the English answer unchanged for Accept-Language %j', async (acceptLanguage) => {
    const { token } = await newAgency();
    const response = await call('POST', '/v1/anonymous-clients', {
      token,
      body: badRegistration(),
      headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-language')).toBe('en');
    expect(response.body).toMatchObject({ title: 'The request is not valid', detail: 'One or more fields are not valid.' });
    const details = Object.fromEntries(response.body.errors.map((e: { pointer: string; detail: string }) => [e.pointer, e.detail]));
    expect(details).toEqual({
      '/postalCode':
        'must be a Canadian postal code (A1A 1A1) or its first three characters (A1A); letters D, F, I, O, Q, U are never used, W and Z never first',
      '/nickname': 'is not a field of this request',
      '/registrationDate': 'is required',
    });
  });

  it('answers domain errors in French too, and leaves successful answers without Content-Language', async () => {
    const { token } = await newAgency();
    const french = { 'accept-language': 'fr' };
    const inactive = await call('POST', '/v1/anonymous-clients', {
      token,
      body: registration({ siteId: inactiveSite().siteId }),
      headers: french,
    });
    expect(inactive.status).toBe(422);
    expect(inactive.body).toMatchObject({
      title: 'La requête ne peut pas être traitée',
      detail: 'Le lieu d’inscription est inconnu ou inactif.',
      errors: [{ pointer: '/siteId', detail: 'ce lieu n’est plus actif; choisissez-en un autre' }],
    });
    const missing = await call('GET', '/v1/anonymous-clients/7M2K9Q4TZ8W3XH5RBN6CDFJPVA', { token, headers: french });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ title: 'Introuvable', detail: 'Aucun client anonyme de votre organisme n’a cet identifiant.' });
    const created = await call('POST', '/v1/anonymous-clients', { token, body: registration(), headers: french });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-language')).toBeNull();
    expect(created.body.clientName).toBe('Anonymous Client');
  });
});
