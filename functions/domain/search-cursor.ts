/**
 * Opaque, tamper-proof paging cursors for "Find a Client": the position after which the next page
 * starts, bound to the agency and to the exact query (normalised words and filters) with an
 * HMAC-SHA256. A cursor edited by hand, from another agency or from another query is refused, so a
 * cursor can never move a search into another agency's items or another query's positions.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson, sha256Hex } from './canonical-json';

const VERSION = 1;

export interface CursorScope {
  agencyId: string;
  /** Everything that decides which clients match, normalised (not `limit`, which may change per page). */
  query: unknown;
}

interface CursorPayload {
  v: number;
  a: string;
  f: string;
  p: string;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not one this search handed out.');
    this.name = 'InvalidCursorError';
  }
}

function fingerprint(query: unknown): string {
  return sha256Hex(canonicalJson(query)).slice(0, 32);
}

export interface CursorCodec {
  encode(scope: CursorScope, position: string): string;
  /** The position in the cursor; throws InvalidCursorError unless it was made by `encode` for this scope. */
  decode(scope: CursorScope, cursor: string): string;
}

/** A codec keyed by `key` (at least 32 random bytes, kept secret by the deployment). */
export function hmacCursorCodec(key: Buffer): CursorCodec {
  if (key.length < 32) throw new Error('The search cursor key must be at least 32 bytes.');
  const mac = (data: string) => createHmac('sha256', key).update(data).digest();
  return {
    encode(scope, position) {
      const payload: CursorPayload = { v: VERSION, a: scope.agencyId, f: fingerprint(scope.query), p: position };
      const data = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${data}.${mac(data).toString('base64url')}`;
    },
    decode(scope, cursor) {
      const [data, signature, ...rest] = cursor.split('.');
      if (!data || !signature || rest.length > 0) throw new InvalidCursorError();
      const expected = mac(data);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidCursorError();
      let payload: Partial<CursorPayload>;
      try {
        payload = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as Partial<CursorPayload>;
      } catch {
        throw new InvalidCursorError();
      }
      // Signed by us, but for another agency or another query: just as unusable.
      if (payload.v !== VERSION || payload.a !== scope.agencyId || payload.f !== fingerprint(scope.query)) throw new InvalidCursorError();
      if (typeof payload.p !== 'string' || payload.p === '') throw new InvalidCursorError();
      return payload.p;
    },
  };
}
