/*
 * support/: helpers shared by the tests (test/) and the benchmarks (bench/). Anything here is used by
 * both, so a change must keep both working; helpers only tests use live in test/support/.
 */
/**
 * API Gateway HTTP API (payload 2.0) events for in-process handler tests, shaped as the JWT
 * authorizer hands them to Lambda (claims flattened to strings, groups as "[a b]").
 */
import type { HttpEvent } from '../functions/http/route-pipeline';

export interface EventParts {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  /** Serialised as JSON unless already a string. */
  body?: unknown;
  /** `null`: no authorizer context at all (a public route). */
  claims?: Record<string, string> | null;
}

export const STAFF_CLAIMS = {
  sub: 'staff-7',
  'custom:agency_id': 'agency-a',
  'custom:agency_name': 'Agency A',
  'cognito:groups': '[staff]',
};

export function httpEvent(parts: EventParts = {}): HttpEvent {
  const claims = parts.claims === undefined ? STAFF_CLAIMS : parts.claims;
  const body = parts.body === undefined ? undefined : typeof parts.body === 'string' ? parts.body : JSON.stringify(parts.body);
  return {
    version: '2.0',
    routeKey: `${parts.method ?? 'GET'} ${parts.path ?? '/'}`,
    rawPath: parts.path ?? '/',
    rawQueryString: new URLSearchParams(parts.query ?? {}).toString(),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...parts.headers },
    queryStringParameters: parts.query,
    pathParameters: parts.pathParameters,
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: parts.method ?? 'GET',
        path: parts.path ?? '/',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'newcomer-intake-tests',
      },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: `${parts.method ?? 'GET'} ${parts.path ?? '/'}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      authorizer: claims === null ? undefined : { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } },
    },
  } as HttpEvent;
}
