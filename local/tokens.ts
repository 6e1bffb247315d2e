/**
 * Local identity: RS256 tokens shaped like Cognito ID tokens, signed with a key pair kept in
 * DATA_DIR, and verified the way the HTTP API JWT authorizer verifies Cognito's (signature, issuer,
 * audience, expiry). The private key never leaves DATA_DIR/keys (mode 0600).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile, link } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Role } from '../functions/domain/caller';

export const LOCAL_ISSUER = 'urn:newcomer-intake:local-identity';
export const LOCAL_AUDIENCE = 'newcomer-intake-local';
const ALGORITHM = 'RS256';
const DEFAULT_TTL_SECONDS = 8 * 3600;

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

function keyFile(dataDir: string): string {
  return join(dataDir, 'keys', 'token-signing-key.json');
}

/** The data directory's signing key, created on first use. Safe when two processes race to create it. */
async function signingKey(dataDir: string): Promise<StoredKey> {
  const file = keyFile(dataDir);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const kid = randomUUID();
  const stored: StoredKey = { kid, privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(stored), { mode: 0o600 });
  try {
    // link() fails if the file exists: whoever links first wins, the loser reads the winner's key.
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  return JSON.parse(await readFile(file, 'utf8')) as StoredKey;
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
