/**
 * Local identity: RS256 tokens shaped like Cognito ID tokens, signed with a key pair kept in
 * DATA_DIR, and verified the way the HTTP API JWT authorizer verifies Cognito's (signature, issuer,
 * audience, expiry). The private key never leaves DATA_DIR/keys (mode 0600).
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Role } from '../functions/domain/caller';
import { readOrCreateKeyFile } from './key-file';

export const LOCAL_ISSUER = 'urn:newcomer-intake:local-identity';
export const LOCAL_AUDIENCE = 'newcomer-intake-local';
const ALGORITHM = 'RS256';
const DEFAULT_TTL_SECONDS = 8 * 3600;

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

export async function issueLocalToken(dataDir: string, request: TokenRequest): Promise<string> {
  const key = await signingKey(dataDir);
  const userId = request.userId ?? `local-${request.agencyId}-staff`;
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

/** A verifier for tokens signed with this data directory's key; it rejects anything else. */
export async function createLocalTokenVerifier(dataDir: string): Promise<TokenVerifier> {
  const key = await signingKey(dataDir);
  const publicKey = await importJWK(key.publicJwk, ALGORITHM);
  return async (token) => {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      algorithms: [ALGORITHM],
      requiredClaims: ['sub', 'exp'],
    });
    return payload;
  };
}
