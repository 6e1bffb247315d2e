/**
 * The local token check, rule by rule, against API Gateway's HTTP API JWT authorizer and our own claim
 * rules (docs/token-verification.md names each test here). Every refused token differs from an
 * accepted one by the rule under test only: tokens are signed in the test with the data directory's
 * own key (read from its key file), so nothing else is wrong with them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPair, importJWK, type JWK, SignJWT, UnsecuredJWT } from 'jose';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routes } from '../../functions/api/routes';
import { ForbiddenError, UnauthenticatedError } from '../../functions/domain/errors';
import { callerFromClaims } from '../../functions/http/caller-from-claims';
import { createGateway, flattenClaims } from '../../local/gateway';
import {
  CLOCK_SKEW_SECONDS,
  createLocalTokenVerifier,
  issueLocalToken,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  type TokenVerifier,
} from '../../local/tokens';
import { expectWithMessage } from '../support/expect-with-message';

let dataDir: string;
let stored: { kid: string; privateJwk: JWK };
let verify: TokenVerifier;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'token-verification-'));
  await issueLocalToken(dataDir, { agencyId: 'agency-a' }); // creates the key
  stored = JSON.parse(await readFile(join(dataDir, 'keys', 'token-signing-key.json'), 'utf8'));
  verify = await createLocalTokenVerifier(dataDir);
});

afterAll(() => rm(dataDir, { recursive: true, force: true }));

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The claims of a good token; an override of `undefined` leaves the claim out. */
function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    sub: '3f1c2a9e-7b4d-4e8a-9c6f-2d5b8a1e0c47',
    'custom:agency_id': 'agency-a',
    'custom:agency_name': 'Agency A',
    'cognito:groups': ['staff'],
    token_use: 'id',
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    iat: nowSeconds(),
    exp: nowSeconds() + 600,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter(([, value]) => value !== undefined));
}

/** Signed with the data directory's key unless told otherwise; `kid: null` leaves the kid out. */
async function signed(overrides: Record<string, unknown> = {}, header: { alg?: string; kid?: string | null } = {}) {
  const alg = header.alg ?? 'RS256';
  const kid = header.kid === undefined ? stored.kid : header.kid;
  return new SignJWT(claims(overrides))
    .setProtectedHeader({ alg, typ: 'JWT', ...(kid === null ? {} : { kid }) })
    .sign(await importJWK(stored.privateJwk, alg));
}

const accepts = async (token: string | Promise<string>) => expect(verify(await token)).resolves.toMatchObject({});
const refuses = async (token: string | Promise<string>, reason?: RegExp) => {
  const verdict = expect(verify(await token)).rejects;
  await (reason ? verdict.toThrow(reason) : verdict.toThrow());
};

describe('a token as `npm run token` and the local sign-in sign it', () => {
  it('is accepted, and its claims make a caller', async () => {
    const payload = await verify(
      await issueLocalToken(dataDir, { agencyId: 'agency-a', agencyName: 'Agency A', userId: 'desk-1', role: 'agency-admin' }),
    );
    expect(callerFromClaims(flattenClaims(payload))).toEqual({
      userId: 'desk-1',
      agencyId: 'agency-a',
      agencyName: 'Agency A',
      roles: ['agency-admin'],
    });
  });

  it('is never signed with claims the verifier would refuse', async () => {
    await expect(issueLocalToken(dataDir, { agencyId: '-agency' })).rejects.toThrow(/agencyId/);
    await expect(issueLocalToken(dataDir, { agencyId: 'a'.repeat(65) })).rejects.toThrow(/agencyId/);
    await expect(issueLocalToken(dataDir, { agencyId: 'agency-a', userId: 'u'.repeat(129) })).rejects.toThrow(/userId/);
    await expect(issueLocalToken(dataDir, { agencyId: 'agency-a', userId: 'two words' })).rejects.toThrow(/userId/);
  });
});

describe('rule: identity source (Authorization header, through the local gateway)', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    // The real route table, its handlers replaced by one that echoes the claims the gateway passed on.
    server = createGateway({
      routes,
      verifyToken: verify,
      loadHandler: async () => async (event) => ({
        statusCode: 200,
        body: JSON.stringify(event.requestContext.authorizer?.jwt?.claims ?? null),
      }),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const get = (authorization?: string) =>
    fetch(`${base}/v1/reference-data`, { headers: authorization === undefined ? {} : { authorization } });

  it('accepts the token prefixed with "Bearer", or alone, and passes the claims on flattened', async () => {
    const token = await signed();
    for (const authorization of [`Bearer ${token}`, `bearer ${token}`, token]) {
      const response = await get(authorization);
      expectWithMessage(response.status, authorization.slice(0, 7)).toBe(200);
      expect(await response.json()).toMatchObject({ sub: claims().sub, 'cognito:groups': '[staff]', token_use: 'id' });
    }
  });

  it('answers 401 problem+json with WWW-Authenticate to a missing, empty or malformed header, or a refused token', async () => {
    const token = await signed();
    for (const authorization of [
      undefined,
      '',
      'Bearer',
      `Basic ${token}`,
      `Bearer ${token} extra`,
      'Bearer not-a-jwt',
      `Bearer ${await signed({ exp: nowSeconds() - 1 })}`,
    ]) {
      const response = await get(authorization);
      expectWithMessage(response.status, String(authorization).slice(0, 12)).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });
});

describe('rule: decoding and signature', () => {
  it('refuses what is not a signed JWT', async () => {
    await refuses('not-a-jwt');
    await refuses(new UnsecuredJWT(claims()).encode());
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await signed()).split('.');
    const payload = Buffer.from(JSON.stringify(claims({ 'custom:agency_id': 'agency-b' }))).toString('base64url');
    await refuses(`${header}.${payload}.${signature}`, /signature/);
  });

  it('refuses a token signed with another key under our kid', async () => {
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid: stored.kid }).sign(other.privateKey);
    await refuses(forged, /signature/);
  });
});

describe('rule: algorithm (RSA only)', () => {
  it.each(['RS256', 'RS384', 'RS512', 'PS256'])('accepts %s with the issuer key', async (alg) => {
    await accepts(signed({}, { alg }));
  });

  it('refuses HS256 (a shared secret) and ES256, even under our kid', async () => {
    const hmac = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: stored.kid })
      .sign(new TextEncoder().encode('s'.repeat(32)));
    await refuses(hmac);
    const ec = await generateKeyPair('ES256');
    await refuses(new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid: stored.kid }).sign(ec.privateKey));
  });
});

describe('rule: kid', () => {
  it('accepts the kid of a key in the issuer key set', async () => {
    await accepts(signed({}, { kid: stored.kid }));
  });

  it('refuses a token without kid, even though the set has one key', async () => {
    await refuses(signed({}, { kid: null }), /kid/);
  });

  it('refuses an unknown kid', async () => {
    await refuses(signed({}, { kid: 'another-key' }));
  });
});

describe('rule: iss', () => {
  it('accepts the configured issuer', async () => {
    await accepts(signed({ iss: LOCAL_ISSUER }));
  });

  it('refuses another issuer, or none', async () => {
    await refuses(signed({ iss: 'https://cognito-idp.ca-central-1.amazonaws.com/ca-central-1_other' }), /iss/);
    await refuses(signed({ iss: `${LOCAL_ISSUER}/` }), /iss/);
    await refuses(signed({ iss: undefined }), /iss/);
  });
});

describe('rule: aud or client_id', () => {
  it('accepts aud as the audience, or a list holding it', async () => {
    await accepts(signed({ aud: LOCAL_AUDIENCE }));
    await accepts(signed({ aud: ['another-app', LOCAL_AUDIENCE] }));
  });

  it('accepts client_id as the audience when there is no aud', async () => {
    await accepts(signed({ aud: undefined, client_id: LOCAL_AUDIENCE }));
  });

  it('refuses another audience, a list without ours, or neither claim', async () => {
    await refuses(signed({ aud: 'another-app' }), /aud/);
    await refuses(signed({ aud: ['another-app'] }), /aud/);
    await refuses(signed({ aud: undefined, client_id: 'another-app' }), /client_id/);
    await refuses(signed({ aud: undefined }), /client_id/);
  });
});

describe('rule: exp', () => {
  it('accepts a token that expires later', async () => {
    await accepts(signed({ exp: nowSeconds() + 5 }));
  });

  it('refuses an expired token with no tolerance, and a token without exp', async () => {
    await refuses(signed({ exp: nowSeconds() - 1 }), /exp/);
    await refuses(signed({ exp: nowSeconds() - CLOCK_SKEW_SECONDS - 1 }), /exp/);
    await refuses(signed({ exp: undefined }), /exp/);
    await refuses(signed({ exp: String(nowSeconds() + 600) }), /exp/);
  });
});

describe('rule: nbf', () => {
  it('accepts a token without nbf, one valid since before now, and one valid within the clock skew', async () => {
    await accepts(signed({ nbf: undefined }));
    await accepts(signed({ nbf: nowSeconds() - 60 }));
    await accepts(signed({ nbf: nowSeconds() + CLOCK_SKEW_SECONDS - 5 }));
  });

  it('refuses a token not valid yet', async () => {
    await refuses(signed({ nbf: nowSeconds() + CLOCK_SKEW_SECONDS + 5 }), /nbf/);
    await refuses(signed({ nbf: nowSeconds() + 365 * 24 * 3600 }), /nbf/);
  });
});

describe('rule: iat', () => {
  it('accepts a token without iat, one issued before now, and one issued within the clock skew', async () => {
    await accepts(signed({ iat: undefined }));
    await accepts(signed({ iat: nowSeconds() - 3600 }));
    await accepts(signed({ iat: nowSeconds() + CLOCK_SKEW_SECONDS - 5 }));
  });

  it('refuses a token issued in the future, a year ahead or just past the skew, and a non-numeric iat', async () => {
    await refuses(signed({ iat: nowSeconds() + 365 * 24 * 3600, exp: nowSeconds() + 366 * 24 * 3600 }), /iat/);
    await refuses(signed({ iat: nowSeconds() + CLOCK_SKEW_SECONDS + 5 }), /iat/);
    await refuses(signed({ iat: 'yesterday' }), /iat/);
  });
});

describe('rule: token_use (ours: the API takes Cognito ID tokens)', () => {
  it('accepts an ID token', async () => {
    await accepts(signed({ token_use: 'id' }));
  });

  it('refuses an access token, or a token that does not say', async () => {
    await refuses(signed({ token_use: 'access' }), /token_use/);
    await refuses(signed({ token_use: undefined }), /token_use/);
  });

  it('is refused by the functions too, in AWS, where the authorizer lets access tokens through', () => {
    expect(() => callerFromClaims({ ...flattenClaims(claims()), token_use: 'access' })).toThrow(UnauthenticatedError);
    expect(() => callerFromClaims({ ...flattenClaims(claims()), token_use: 'id' })).not.toThrow();
  });
});

describe('rule: sub (ours: 1 to 128 visible ASCII characters)', () => {
  it('accepts a Cognito UUID and 128 characters', async () => {
    await accepts(signed());
    await accepts(signed({ sub: 'u'.repeat(128) }));
  });

  it.each([
    ['129 characters', 'u'.repeat(129)],
    ['3,000 characters', 'u'.repeat(3000)],
    ['empty', ''],
    ['a space', 'desk 1'],
    ['non-ASCII', 'désk-1'],
    ['a number', 42],
    ['absent', undefined],
  ])('refuses a sub that is %s', async (_what, sub) => {
    await refuses(signed({ sub }), /sub/);
  });

  it('is refused by the functions too (401, never a key DynamoDB refuses)', () => {
    expect(() => callerFromClaims({ ...flattenClaims(claims()), sub: 'u'.repeat(3000) })).toThrow(UnauthenticatedError);
    expect(() => callerFromClaims({ ...flattenClaims(claims()), sub: 'desk 1' })).toThrow(UnauthenticatedError);
    expect(callerFromClaims({ ...flattenClaims(claims()), sub: 'u'.repeat(128) }).userId).toHaveLength(128);
  });
});

describe('rule: custom:agency_id (ours: the agency-id alphabet, as the functions check it)', () => {
  it('accepts an agency id, and a token without one (the function then answers 403)', async () => {
    await accepts(signed({ 'custom:agency_id': 'Agency_7-b' }));
    const payload = await verify(await signed({ 'custom:agency_id': undefined }));
    expect(() => callerFromClaims(flattenClaims(payload))).toThrow(ForbiddenError);
  });

  // The HTTP API flattens every claim to a string: null, true and 1 would have become agencies "null", "true" and "1".
  it.each([
    ['null', null],
    ['true', true],
    ['1', 1],
    ['a list', ['agency-a']],
    ['outside the alphabet', 'AGENCY#evil'],
    ['65 characters', 'a'.repeat(65)],
    ['starting with "-"', '-agency'],
  ])('refuses an agency id that is %s', async (_what, agencyId) => {
    await refuses(signed({ 'custom:agency_id': agencyId }), /agency_id/);
  });
});

describe('rule: cognito:groups (ours: a list of strings)', () => {
  it('accepts a list of groups, and a token without any (no role: the function answers 403)', async () => {
    await accepts(signed({ 'cognito:groups': ['staff', 'agency-admin'] }));
    const payload = await verify(await signed({ 'cognito:groups': undefined }));
    expect(callerFromClaims(flattenClaims(payload)).roles).toEqual([]);
  });

  it.each([
    ['a string', 'staff'],
    ['a list with a number', ['staff', 1]],
    ['null', null],
  ])('refuses groups that are %s', async (_what, groups) => {
    await refuses(signed({ 'cognito:groups': groups }), /groups/);
  });
});

describe('rule: custom:agency_name (ours: a string when present)', () => {
  it('accepts a name, or none', async () => {
    await accepts(signed({ 'custom:agency_name': 'Centre francophone' }));
    await accepts(signed({ 'custom:agency_name': undefined }));
  });

  it('refuses a name that is not a string', async () => {
    await refuses(signed({ 'custom:agency_name': 5 }), /agency_name/);
    await refuses(signed({ 'custom:agency_name': null }), /agency_name/);
  });
});
