/**
 * The caller as the API Gateway JWT authorizer vouches for them. The authorizer has already checked
 * signature, key id, issuer, audience and expiry (docs/token-verification.md); here we read the claims
 * we rely on and bound them, since they become parts of stored keys: a subject that is not a short
 * run of visible ASCII (Cognito's are UUIDs), or a token that says it is not an ID token, is a bad token
 * (401), never a 500 from a key DynamoDB refuses.
 */
import { AGENCY_ID } from '../domain/agency-id';
import { type Caller, type Role, ROLES } from '../domain/caller';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors';
import { message } from '../domain/messages';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

export { AGENCY_ID };

/** A user id (`sub`): 1 to 128 visible ASCII characters. Cognito's are UUIDs (36). */
export const USER_ID = /^[\x21-\x7E]{1,128}$/;

/**
 * HTTP APIs flatten array claims to a string such as "[staff agency-admin]"; tokens verified elsewhere
 * keep them as arrays. Accept both, and a JSON-encoded array too.
 */
export function parseGroups(value: Claims[string]): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [];
  const text = value.trim();
  if (text.startsWith('[') && text.includes('"')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.filter((g): g is string => typeof g === 'string');
    } catch {
      // fall through to the flattened form
    }
  }
  return text
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

export function callerFromClaims(claims: Claims | undefined): Caller {
  if (!claims || typeof claims.sub !== 'string' || !USER_ID.test(claims.sub)) {
    throw new UnauthenticatedError(message('request.tokenRequired'));
  }
  // The API takes Cognito ID tokens; an access token (token_use "access") carries no agency.
  if (claims.token_use !== undefined && claims.token_use !== 'id') {
    throw new UnauthenticatedError(message('request.tokenRequired'));
  }
  // A genuine token whose account has no usable agency: the user must ask an administrator (403), not
  // sign in again (a 401 would send the web front end back to sign-in, with the same token to come).
  const agencyId = claims['custom:agency_id'];
  if (typeof agencyId !== 'string' || !AGENCY_ID.test(agencyId)) {
    throw new ForbiddenError(message('request.noAgency'));
  }
  const agencyName = claims['custom:agency_name'];
  const roles = parseGroups(claims['cognito:groups']).filter((g): g is Role => (ROLES as readonly string[]).includes(g));
  return {
    userId: claims.sub,
    agencyId,
    agencyName: typeof agencyName === 'string' && agencyName.trim() !== '' ? agencyName : agencyId,
    roles,
  };
}
