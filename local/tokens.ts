/**
 * Local identity: RS256 tokens shaped like Cognito ID tokens, signed with a key pair kept in
 * DATA_DIR, and verified as API Gateway's HTTP API JWT authorizer verifies Cognito's, rule for rule
 * (docs/token-verification.md has the table: each rule, what AWS does, what this does, and its test),
 * plus the claim checks our API relies on. The private key never leaves DATA_DIR/keys (mode 0600).
 */
import {
  createLocalJWKSet,
  exportJWK,
  type FlattenedJWSInput,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTHeaderParameters,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import { randomUUID } from 'node:crypto';
import type { Role } from '../functions/domain/caller';
import { AGENCY_ID, USER_ID } from '../functions/http/caller-from-claims';
import { readOrCreateKeyFile } from './key-file';

export const LOCAL_ISSUER = 'urn:newcomer-intake:local-identity';
export const LOCAL_AUDIENCE = 'newcomer-intake-local';
const ALGORITHM = 'RS256';
const DEFAULT_TTL_SECONDS = 8 * 3600;

/**
 * The JWT authorizer takes RSA signatures only; Cognito signs with RS256. Any RSA algorithm with this
 * data directory's key proves the same thing, so all are taken, as AWS would.
 */
const RSA_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

/**
 * How far ahead of this machine's clock the issuer's may be: `nbf` and `iat` up to this many seconds in
 * the future are taken. AWS documents none; `exp` gets none either (an expired token is never taken).
 */
export const CLOCK_SKEW_SECONDS = 30;

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

/** The data directory's signing key, created on first use. */
async function signingKey(dataDir: string): Promise<StoredKey> {
  const text = await readOrCreateKeyFile(dataDir, 'token-signing-key.json', async () => {
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const stored: StoredKey = { kid: randomUUID(), privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
    return JSON.stringify(stored);
  });
  return JSON.parse(text) as StoredKey;
}

export interface TokenRequest {
  agencyId: string;
  agencyName?: string;
  userId?: string;
  role?: Role;
  ttlSeconds?: number;
}

/** Signs a token the local verifier accepts; it refuses to sign one it would refuse. */
export async function issueLocalToken(dataDir: string, request: TokenRequest): Promise<string> {
  if (!AGENCY_ID.test(request.agencyId))
    throw new Error('agencyId: letters, digits, "-" or "_", at most 64 characters, a letter or digit first');
  const userId = request.userId ?? `local-${request.agencyId}-staff`;
  if (!USER_ID.test(userId)) throw new Error('userId: 1 to 128 visible ASCII characters');
  const key = await signingKey(dataDir);
  return new SignJWT({
    'custom:agency_id': request.agencyId,
    ...(request.agencyName ? { 'custom:agency_name': request.agencyName } : {}),
    'cognito:groups': [request.role ?? 'staff'],
    'cognito:username': userId,
    token_use: 'id',
  })
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (request.ttlSeconds ?? DEFAULT_TTL_SECONDS))
    .sign(await importJWK(key.privateJwk, ALGORITHM));
}

export type TokenVerifier = (token: string) => Promise<JWTPayload>;

/** Why a token was refused (the gateway answers 401 whatever the reason; tests read it). */
export class TokenRefusedError extends Error {
  override readonly name = 'TokenRefusedError';
}

function refuse(reason: string): never {
  throw new TokenRefusedError(reason);
}

/** `aud` (a string or a list) or, for tokens without one, `client_id` must name the configured audience. */
function checkAudience(payload: JWTPayload) {
  if (payload.aud !== undefined) {
    const audiences: unknown[] = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(LOCAL_AUDIENCE)) refuse('aud does not name the audience');
    return;
  }
  if (payload.client_id !== LOCAL_AUDIENCE) refuse('neither aud nor client_id names the audience');
}

/** jose has checked that they are numbers and `nbf` (with the skew); these are the rest of the time rules. */
function checkTimes(payload: JWTPayload, nowSeconds: number) {
  if (payload.exp === undefined || payload.exp <= nowSeconds) refuse('exp is not after the current time');
  if (payload.iat !== undefined && payload.iat > nowSeconds + CLOCK_SKEW_SECONDS) refuse('iat is in the future');
}

/** What our API relies on: an ID token, a bounded subject, and claims of the types Cognito gives them. */
function checkOurClaims(payload: JWTPayload) {
  if (payload.token_use !== 'id') refuse('token_use is not "id"');
  if (typeof payload.sub !== 'string' || !USER_ID.test(payload.sub)) refuse('sub is not 1 to 128 visible ASCII characters');
  const agencyId = payload['custom:agency_id'];
  if (agencyId !== undefined && (typeof agencyId !== 'string' || !AGENCY_ID.test(agencyId))) refuse('custom:agency_id is not an agency id');
  const agencyName = payload['custom:agency_name'];
  if (agencyName !== undefined && typeof agencyName !== 'string') refuse('custom:agency_name is not a string');
  const groups = payload['cognito:groups'];
  if (groups !== undefined && !(Array.isArray(groups) && groups.every((group) => typeof group === 'string'))) {
    refuse('cognito:groups is not a list of strings');
  }
}

/** A verifier for tokens signed with this data directory's key; it rejects anything else. */
export async function createLocalTokenVerifier(dataDir: string): Promise<TokenVerifier> {
  const key = await signingKey(dataDir);
  // The issuer's key set, as the authorizer fetches it from the issuer's jwks_uri: one key, with its kid.
  const keySet = createLocalJWKSet({ keys: [{ ...key.publicJwk, kid: key.kid, use: 'sig' }] });
  // jose would pick a set's only key for a token without `kid`; the authorizer needs the token's kid to match.
  const keyOfToken = (header: JWTHeaderParameters, token: FlattenedJWSInput) => {
    if (typeof header.kid !== 'string') refuse('the header has no kid');
    return keySet(header, token);
  };
  return async (token) => {
    const { payload } = await jwtVerify(token, keyOfToken, {
      issuer: LOCAL_ISSUER,
      algorithms: RSA_ALGORITHMS,
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    checkAudience(payload);
    checkTimes(payload, Date.now() / 1000);
    checkOurClaims(payload);
    return payload;
  };
}
