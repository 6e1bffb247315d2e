/**
 * Input the local gateway and the functions refuse before any store call (CONTRACT §2–3), through the
 * real `npm start` server: paths and query values that are not percent-encoded UTF-8, tokens the JWT
 * authorizer would refuse (docs/token-verification.md), bodies that are not UTF-8 text, and a body
 * over the gateway's limit, after which the connection is closed rather than left to hang.
 */
import { describe, expect, it } from '@jest/globals';
import { importJWK, SignJWT } from 'jose';
import { readFile } from 'node:fs/promises';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { todayIn } from '../../functions/domain/calendar';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens';
import { activeSite } from '../../support/sample-sites';
import { call, server, tokenFor, uniqueAgency } from '../support/api';
import { expectWithMessage } from '../support/expect-with-message';
import { agencyItemCounts } from '../support/storage';

const registration = (overrides: Record<string, unknown> = {}) => ({
  gender: 'FEMALE',
  registrationDate: todayIn('America/Toronto', new Date()),
  siteId: activeSite().siteId,
  comments: 'Wants French classes',
  ...overrides,
});

async function newAgency() {
  const agencyId = uniqueAgency('strict');
  return { agencyId, token: await tokenFor(agencyId) };
}

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: any;
}

/** A request whose path goes out exactly as written (fetch and URL would re-encode some of it). */
function raw(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Uint8Array; agent?: Agent } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(server().url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: hostname, port, method, path, headers: options.headers, agent: options.agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

describe('a path id that is not percent-encoded UTF-8', () => {
  const badIds = ['%ZZ', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF', 'ab%'];

  it.each(badIds)('answers GET /v1/anonymous-clients/%s with a 400 problem, closing the connection', async (id) => {
    const { token } = await newAgency();
    const answer = await raw('GET', `/v1/anonymous-clients/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.headers.connection).toBe('close');
    expect(answer.body).toMatchObject({ status: 400, detail: expect.stringContaining('{clientId}') });
  });

  it('answers 400 on every route with a path id, writes nothing, even with a body', async () => {
    const { agencyId, token } = await newAgency();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': '*' };
    const body = JSON.stringify({ sessionType: 'IN_PERSON', comments: 'x' });
    const attempts: [string, string][] = [
      ['PATCH', '/v1/anonymous-clients/%ZZ'],
      ['POST', '/v1/anonymous-clients/%C0%AF/sessions'],
      ['POST', '/v1/anonymous-clients/%E0%A4%A/receipts'],
      ['GET', '/v1/anonymous-clients/7M2K9Q4TZ8W3XH5RBN6CDFJPVA/receipts/%ZZ'],
      ['GET', '/v1/sites/%ZZ'],
    ];
    for (const [method, path] of attempts) {
      const answer = await raw(method, path, { headers, body: method === 'GET' ? undefined : body });
      expectWithMessage(answer.status, `${method} ${path}`).toBe(400);
    }
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
  });

  it("still decodes a well-encoded id (a valid escape of an impossible id is the route's 404)", async () => {
    const { token } = await newAgency();
    expect((await raw('GET', '/v1/anonymous-clients/not%2Dan%2Did', { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
    expect((await raw('GET', '/v1/anonymous-clients/caf%C3%A9', { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
  });
});

describe('a query value that is not percent-encoded UTF-8', () => {
  it.each([
    ['q=%ZZ', ['/q']],
    ['q=caf%E9', ['/q']],
    ['q=caf%C0%AF', ['/q']],
    ['q=ok%E0%A4%A', ['/q']],
    ['q=caf%FF&from=%ZZ', ['/from', '/q']],
  ])('answers ?%s with a 400 naming the parameter (URLSearchParams would have read it as a word)', async (query, pointers) => {
    const { token } = await newAgency();
    const answer = await raw('GET', `/v1/anonymous-clients?${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(pointers);
  });

  it('answers a query over the request-line limit (16 KiB) with a 400 problem, not a bare 431', async () => {
    const { token } = await newAgency();
    const answer = await raw('GET', `/v1/sites?group=${'x'.repeat(70_000)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.headers.connection).toBe('close');
    expect(answer.body).toMatchObject({ status: 400, detail: 'The request line and headers are over 16 KiB.' });
  });

  it('keeps "__proto__" as a parameter like any other, so an unknown one is named (it used to vanish)', async () => {
    const { token } = await newAgency();
    const answer = await raw('GET', '/v1/anonymous-clients?__proto__=x', { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/__proto__']);
  });

  it('takes well-encoded UTF-8 and "+" for a space', async () => {
    const { token } = await newAgency();
    expect(
      (await raw('GET', '/v1/anonymous-clients?q=caf%C3%A9+fran%C3%A7ais', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
  });
});

describe('tokens the JWT authorizer would refuse (docs/token-verification.md)', () => {
  async function signed(overrides: Record<string, unknown>, header: { kid?: string | null } = {}) {
    const stored = JSON.parse(await readFile(join(server().dataDir, 'keys', 'token-signing-key.json'), 'utf8'));
    const now = Math.floor(Date.now() / 1000);
    const payload = Object.fromEntries(
      Object.entries({
        sub: 'staff-1',
        'custom:agency_id': 'agency-x',
        'cognito:groups': ['staff'],
        token_use: 'id',
        iss: LOCAL_ISSUER,
        aud: LOCAL_AUDIENCE,
        iat: now,
        exp: now + 600,
        ...overrides,
      }).filter(([, value]) => value !== undefined),
    );
    const kid = header.kid === undefined ? stored.kid : header.kid;
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', ...(kid === null ? {} : { kid }) })
      .sign(await importJWK(stored.privateJwk, 'RS256'));
  }

  it('answers 401, never a 500, to a 3,000-character sub with an Idempotency-Key, and stores nothing', async () => {
    const agencyId = uniqueAgency('strict');
    for (const sub of ['u'.repeat(3000), 'u'.repeat(129)]) {
      const token = await signed({ sub, 'custom:agency_id': agencyId });
      const response = await call('POST', '/v1/anonymous-clients', {
        token,
        headers: { 'idempotency-key': 'long-sub' },
        body: registration(),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
    // The same token with a 128-character sub is fine.
    const token = await signed({ sub: 'u'.repeat(128), 'custom:agency_id': agencyId });
    expect(
      (await call('POST', '/v1/anonymous-clients', { token, headers: { 'idempotency-key': 'long-sub' }, body: registration() })).status,
    ).toBe(201);
  });

  it('answers 401 to an agency claim of null, true or 1, which would have become the agencies "null", "true" and "1"', async () => {
    for (const agency of [null, true, 1]) {
      const response = await call('POST', '/v1/anonymous-clients', {
        token: await signed({ 'custom:agency_id': agency }),
        body: registration(),
      });
      expectWithMessage(response.status, String(agency)).toBe(401);
      expect(await agencyItemCounts(server().dataDir, String(agency))).toEqual({});
    }
  });

  it('answers 401 to a token issued a year ahead, without kid, with an unknown kid, or an access token', async () => {
    const agencyId = uniqueAgency('strict');
    const yearAhead = Math.floor(Date.now() / 1000) + 365 * 24 * 3600;
    const tokens = {
      'iat a year ahead': await signed({ 'custom:agency_id': agencyId, iat: yearAhead, exp: yearAhead + 600 }),
      'no kid': await signed({ 'custom:agency_id': agencyId }, { kid: null }),
      'unknown kid': await signed({ 'custom:agency_id': agencyId }, { kid: 'another-key' }),
      'access token': await signed({ 'custom:agency_id': agencyId, token_use: 'access' }),
    };
    for (const [label, token] of Object.entries(tokens)) {
      expectWithMessage((await call('POST', '/v1/anonymous-clients', { token, body: registration() })).status, label).toBe(401);
    }
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
  });
});

describe('request text: UTF-8 only', () => {
  const post = (token: string, body: Uint8Array | string, contentType = 'application/json') =>
    fetch(`${server().url}/v1/anonymous-clients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });

  it('answers 400 naming the field to bytes that are not UTF-8, storing nothing (they used to be stored as U+FFFD)', async () => {
    const { agencyId, token } = await newAgency();
    const [before, after] = JSON.stringify(registration({ comments: 'caf@@ au lait' })).split('@@') as [string, string];
    const response = await post(token, Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(after)]));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: unknown }).errors).toEqual([
      { pointer: '/comments', detail: 'contains bytes that are not valid UTF-8' },
    ]);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
  });

  it('answers 400 naming the field to a lone surrogate escape, storing nothing (it used to be stored as is)', async () => {
    const { agencyId, token } = await newAgency();
    const body = JSON.stringify(registration({ comments: '@@' })).replace('@@', '\\ud800');
    const response = await post(token, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: unknown }).errors).toEqual([
      { pointer: '/comments', detail: expect.stringContaining('lone surrogate') },
    ]);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
  });

  it('answers 415 to a body declared in another charset, storing nothing (such bodies used to be read as UTF-8)', async () => {
    const { agencyId, token } = await newAgency();
    const text = JSON.stringify(registration({ comments: 'café' }));
    expect((await post(token, Buffer.from(text, 'utf16le'), 'application/json; charset=utf-16')).status).toBe(415);
    expect((await post(token, Buffer.from(text, 'latin1'), 'application/json; charset=latin1')).status).toBe(415);
    expect((await post(token, Buffer.from(text, 'latin1'), 'application/json; charset="ISO-8859-1"')).status).toBe(415);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({});
    expect((await post(token, Buffer.from(text), 'application/json; charset="UTF-8"')).status).toBe(201);
  });
});

describe('a body over the gateway limit (10 MiB)', () => {
  const ELEVEN_MIB = 11 * 1024 * 1024;

  it('is answered 413 with Connection: close, and the connection then ends instead of hanging', async () => {
    const { token } = await newAgency();
    const { hostname, port } = new URL(server().url);
    const socket = connect(Number(port), hostname);
    let received = '';
    let ended = false;
    let answeredAt = 0;
    socket.on('data', (chunk: Buffer) => {
      if (!answeredAt) answeredAt = Date.now();
      received += chunk.toString('latin1');
    });
    socket.on('end', () => (ended = true));
    socket.on('error', () => {}); // the rest of the body may meet a closed socket
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST /v1/anonymous-clients HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${ELEVEN_MIB}\r\n\r\n`,
    );
    socket.write(Buffer.alloc(ELEVEN_MIB, 0x20));
    // A second request on the same connection: it must be refused by a clean close, not reset 6 s later.
    socket.write(`GET /v1/health HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);
    const timeout = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 4000));
    expect(await Promise.race([closed.then(() => 'closed'), timeout])).toBe('closed');
    socket.destroy();
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received.toLowerCase()).toContain('\r\nconnection: close\r\n');
    expect(received).not.toContain('HTTP/1.1 200');
    expect(ended).toBe(true);
  });

  it('leaves a keep-alive client free to send its next request on a new connection', async () => {
    const { token } = await newAgency();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const tooLarge = await raw('POST', '/v1/anonymous-clients', {
        agent,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(ELEVEN_MIB) },
        body: Buffer.alloc(ELEVEN_MIB, 0x20),
      });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers.connection).toBe('close');
      const started = Date.now();
      const next = await raw('GET', '/v1/health', { agent });
      expect(next.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      agent.destroy();
    }
  });
});
