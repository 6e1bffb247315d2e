import { describe, expect, it } from '@jest/globals';
import {
  DependencyUnavailableError,
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
  UnauthenticatedError,
} from '../../functions/domain/errors';
import { callerFromClaims, parseGroups } from '../../functions/http/caller-from-claims';
import { problemFromError } from '../../functions/http/problem';
import { flattenClaims } from '../../local/gateway';

describe('problem+json mapping', () => {
  it('names every bad field of a 400', () => {
    const result = problemFromError(new InvalidRequestError([{ pointer: '/postalCode', detail: 'bad' }]), 'req-1');
    expect(result).toMatchObject({
      status: 400,
      contentType: 'application/problem+json',
      body: { status: 400, instance: 'urn:newcomer-intake:request:req-1', errors: [{ pointer: '/postalCode', detail: 'bad' }] },
    });
  });

  it('adds Retry-After to a 503', () => {
    expect(problemFromError(new DependencyUnavailableError('db down', 3), 'r').headers).toEqual({ 'retry-after': '3' });
  });

  it('hides everything about an unexpected error behind a generic 500 with the correlation id', () => {
    const result = problemFromError(new TypeError('Cannot read properties of undefined (reading "postalCode")'), 'req-9');
    expect(result.status).toBe(500);
    expect(JSON.stringify(result.body)).not.toContain('postalCode');
    expect(result.body).toMatchObject({ instance: 'urn:newcomer-intake:request:req-9' });
  });

  it('gives 404s no errors list', () => {
    expect(problemFromError(new NotFoundError('nope'), 'r').body).not.toHaveProperty('errors');
  });
});

describe('claims from the JWT authorizer', () => {
  it('reads groups whether flattened by the HTTP API, JSON-encoded or an array', () => {
    expect(parseGroups('[staff agency-admin]')).toEqual(['staff', 'agency-admin']);
    expect(parseGroups('["staff","operator"]')).toEqual(['staff', 'operator']);
    expect(parseGroups(['staff'])).toEqual(['staff']);
    expect(parseGroups(undefined)).toEqual([]);
  });

  it('round-trips the flattening the local gateway applies', () => {
    const claims = flattenClaims({ sub: 'u1', 'custom:agency_id': 'a1', 'cognito:groups': ['staff', 'agency-admin'], exp: 1700000000 });
    expect(claims).toEqual({ sub: 'u1', 'custom:agency_id': 'a1', 'cognito:groups': '[staff agency-admin]', exp: '1700000000' });
    expect(callerFromClaims(claims)).toEqual({ userId: 'u1', agencyId: 'a1', agencyName: 'a1', roles: ['staff', 'agency-admin'] });
  });

  it('refuses a token without an agency (403) and one without a subject (401)', () => {
    expect(() => callerFromClaims({ sub: 'u1' })).toThrow(ForbiddenError);
    expect(() => callerFromClaims({ 'custom:agency_id': 'a1' })).toThrow(UnauthenticatedError);
    expect(() => callerFromClaims({ sub: 'u1', 'custom:agency_id': 'AGENCY#evil' })).toThrow(ForbiddenError);
  });
});
