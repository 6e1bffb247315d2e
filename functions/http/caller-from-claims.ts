/**
 * The caller as the API Gateway JWT authorizer vouches for them. The authorizer has already checked
 * signature, issuer, audience and expiry; here we only read the claims we rely on.
 */
import { type Caller, type Role, ROLES } from '../domain/caller';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors';
import { message } from '../domain/messages';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

const AGENCY_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

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
  if (!claims || typeof claims.sub !== 'string' || claims.sub === '') {
    throw new UnauthenticatedError(message('request.tokenRequired'));
  }
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
