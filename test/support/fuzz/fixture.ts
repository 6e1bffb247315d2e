/**
 * What the route fuzzer runs against: an agency of its own with a few stored records to aim at (three
 * clients, a receipt and a session on the first, a real paging cursor), tokens with any claims signed
 * by the embedded stack's key, and the exact storage accounting of what 2xx answers may have written.
 */
import { importJWK, type JWTPayload, SignJWT } from 'jose';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { todayIn } from '../../../functions/domain/calendar';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../../local/tokens';
import { activeSite } from '../../../support/sample-sites';
import { call, server, tokenFor, uniqueAgency } from '../api';
import { agencyItemCounts } from '../storage';

export const agencyToday = () => todayIn('America/Toronto', new Date());

let signingKey: Promise<{ kid: string; key: Awaited<ReturnType<typeof importJWK>> }> | undefined;

function stackSigningKey() {
  signingKey ??= (async () => {
    const stored = JSON.parse(await readFile(join(server().dataDir, 'keys', 'token-signing-key.json'), 'utf8'));
    return { kid: stored.kid as string, key: await importJWK(stored.privateJwk, 'RS256') };
  })();
  return signingKey;
}

const tokens = new Map<string, Promise<string>>();

/** A token signed like the stack's own, with exactly these claims (plus iss, aud, iat and exp unless given). */
export function signedToken(claims: JWTPayload): Promise<string> {
  const cacheKey = JSON.stringify(claims);
  let token = tokens.get(cacheKey);
  if (!token) {
    token = (async () => {
      const { kid, key } = await stackSigningKey();
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, iat: now, exp: now + 3600, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .sign(key);
    })();
    tokens.set(cacheKey, token);
  }
  return token;
}

export interface Seeded {
  agencyId: string;
  /** Stored clients, in order; the first has a receipt and a session. */
  clientIds: string[];
  receiptId: string;
  /** A nextCursor of GET /v1/anonymous-clients?limit=1 (no other parameter) for this agency. */
  clientCursor: string;
}

function expectStatus(label: string, response: { status: number; text: string }, status: number) {
  if (response.status !== status)
    throw new Error(`seeding: ${label} answered ${response.status}, not ${status}: ${response.text.slice(0, 500)}`);
}

/**
 * A fresh agency with three clients, a receipt and a session on the first, and a paging cursor; or,
 * with `records: false`, a fresh agency and nothing stored (for routes that never name a record).
 */
export async function seedAgency(label: string, options: { records: boolean } = { records: true }): Promise<Seeded> {
  const agencyId = uniqueAgency(label);
  if (!options.records) return { agencyId, clientIds: [], receiptId: '', clientCursor: '' };
  const token = await tokenFor(agencyId, { role: 'staff', agencyName: `Fuzz ${agencyId}` });
  const today = agencyToday();
  const siteId = activeSite().siteId;
  const batch = await call('POST', '/v1/anonymous-clients/batch', {
    token,
    body: {
      clients: [
        {
          gender: 'FEMALE',
          registrationDate: today,
          siteId,
          postalCode: 'M5V 2T6',
          arrivalYear: 2023,
          comments: 'Needs an Arabic interpreter مترجم',
        },
        { gender: 'MALE', registrationDate: today, siteId, comments: 'Family of four 👨‍👩‍👧‍👦, École Sainte-Anne' },
        { gender: 'UNKNOWN', registrationDate: today, siteId },
      ],
    },
  });
  expectStatus('batch registration', batch, 201);
  const clientIds = (batch.body.items as { clientId: string }[]).map((client) => client.clientId);
  const first = clientIds[0] as string;
  const receipt = await call('POST', `/v1/anonymous-clients/${first}/receipts`, { token, body: { format: 'csv', language: 'fr' } });
  expectStatus('receipt', receipt, 201);
  const session = await call('POST', `/v1/anonymous-clients/${first}/sessions`, {
    token,
    body: { sessionType: 'DIRECT_SERVICE', serviceDate: today, siteId, deliveryMethod: 'IN_PERSON', durationMinutes: 30 },
  });
  expectStatus('session', session, 201);
  const page = await call('GET', '/v1/anonymous-clients?limit=1', { token });
  expectStatus('find', page, 200);
  if (typeof page.body.nextCursor !== 'string') throw new Error(`seeding: no nextCursor in ${page.text.slice(0, 300)}`);
  return { agencyId, clientIds, receiptId: receipt.body.receiptId, clientCursor: page.body.nextCursor };
}

/** The nextCursor of GET /v1/sites?limit=1 (no other parameter). */
export async function siteCursor(): Promise<string> {
  const token = await tokenFor(uniqueAgency('fuzz-sites'), { role: 'operator' });
  const page = await call('GET', '/v1/sites?limit=1', { token });
  expectStatus('site list', page, 200);
  return page.body.nextCursor as string;
}

export type ItemCounts = Record<string, number>;

export function countsOf(agencyId: string): Promise<ItemCounts> {
  return agencyItemCounts(server().dataDir, agencyId);
}

/** `counts` plus `delta`, entity by entity (zero counts left out, as agencyItemCounts does). */
export function plus(counts: ItemCounts, delta: ItemCounts): ItemCounts {
  const sum: ItemCounts = { ...counts };
  for (const [entity, n] of Object.entries(delta)) sum[entity] = (sum[entity] ?? 0) + n;
  return Object.fromEntries(Object.entries(sum).filter(([, n]) => n !== 0));
}
