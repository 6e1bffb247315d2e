/**
 * Adapts an API Gateway HTTP API (payload 2.0) event to a plain route implementation and back.
 * Everything every route needs happens here once: the caller from the authorizer's claims, the role
 * check, content type and size limits, JSON parsing, schema validation, problem+json for errors, and
 * one access-log line per request. It never logs bodies, headers or claims' values.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { RouteDefinition } from '../api/routes';
import { todayIn } from '../domain/calendar';
import type { Caller } from '../domain/caller';
import {
  ForbiddenError,
  InvalidRequestError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../domain/errors';
import { message } from '../domain/messages';
import { serviceConfig } from '../runtime/config';
import { type Logger, logger as rootLogger } from '../runtime/logger';
import type { ApiResult } from './api-result';
import { callerFromClaims } from './caller-from-claims';
import { languageHeaders, negotiateLanguage } from './language';
import { problemFromError } from './problem';
import { parseOrThrow } from './validation';

export const MAX_BODY_BYTES = 64 * 1024;

export interface ApiRequest {
  /** The authenticated caller; routes with `auth: 'public'` get none. */
  caller: Caller | undefined;
  /** The body, parsed and validated with the route's schema (undefined for routes without one). */
  body: unknown;
  /** The body exactly as parsed from JSON, before defaults and normalisation (for idempotency hashes). */
  rawBody: unknown;
  pathParameters: Record<string, string>;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  correlationId: string;
  /** The agency's calendar date now (YYYY-MM-DD). */
  today: string;
  now: Date;
  log: Logger;
}

export type RouteImplementation = (request: ApiRequest) => Promise<ApiResult>;
export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

export interface HandlerClock {
  now: () => Date;
}

function lowerCaseHeaders(headers: HttpEvent['headers'] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) result[name.toLowerCase()] = value;
  return result;
}

function readJsonBody(event: HttpEvent, headers: Record<string, string>): unknown {
  const mediaType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new UnsupportedMediaTypeError(message('request.notJsonMediaType'));
  }
  const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError(message('request.tooLarge', { bytes: bytes.length, limit: MAX_BODY_BYTES }));
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new InvalidRequestError([{ pointer: '', detail: message('field.notJson') }], message('request.notJson'));
  }
}

function authorize(definition: RouteDefinition, event: HttpEvent): Caller | undefined {
  if (definition.auth === 'public') return undefined;
  const caller = callerFromClaims(event.requestContext.authorizer?.jwt?.claims);
  if (!caller.roles.some((role) => definition.roles.includes(role))) {
    throw new ForbiddenError(message('request.rolesRequired', { roles: definition.roles.join(', ') }));
  }
  return caller;
}

export function httpHandler(definition: RouteDefinition, implement: RouteImplementation, clock: HandlerClock = { now: () => new Date() }) {
  return async (event: HttpEvent, context?: Pick<Context, 'awsRequestId'>): Promise<APIGatewayProxyResultV2> => {
    const started = performance.now();
    const correlationId = event.requestContext?.requestId ?? context?.awsRequestId ?? crypto.randomUUID();
    const log = rootLogger.child({ correlationId, operation: definition.operationId });
    let result: ApiResult;
    let caller: Caller | undefined;
    const headers = lowerCaseHeaders(event.headers);
    try {
      caller = authorize(definition, event);
      const now = clock.now();
      const today = todayIn(serviceConfig().AGENCY_TIME_ZONE, now);
      let rawBody: unknown;
      let body: unknown;
      if (definition.requestBody) {
        rawBody = readJsonBody(event, headers);
        body = parseOrThrow(definition.requestBody(today), rawBody, {
          serverOwnedFields: definition.serverOwnedFields,
          immutableFields: definition.immutableFields,
        });
      }
      result = await implement({
        caller,
        body,
        rawBody,
        pathParameters: (event.pathParameters ?? {}) as Record<string, string>,
        query: (event.queryStringParameters ?? {}) as Record<string, string>,
        headers,
        correlationId,
        today,
        now,
        log,
      });
    } catch (error) {
      const language = negotiateLanguage(headers['accept-language']);
      result = problemFromError(error, correlationId, language);
      result.headers = { ...result.headers, ...languageHeaders(language) };
      if (result.status >= 500) {
        const err = error instanceof Error ? error : new Error(String(error));
        // Name, message and stack only: never the request, whose body may hold comments or postal codes.
        log.error({ err: { name: err.name, message: err.message, stack: err.stack } }, 'request failed');
      }
    }
    log.info(
      {
        method: definition.method,
        route: definition.path,
        status: result.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        agencyId: caller?.agencyId,
      },
      'request',
    );
    return toApiGatewayResult(result);
  };
}

function toApiGatewayResult(result: ApiResult): APIGatewayProxyResultV2 {
  const headers: Record<string, string> = { ...result.headers };
  if (result.encodedBody) {
    headers['content-type'] = result.contentType ?? 'application/json';
    return { statusCode: result.status, headers, ...result.encodedBody };
  }
  if (result.body === undefined) return { statusCode: result.status, headers };
  headers['content-type'] = result.contentType ?? 'application/json';
  return { statusCode: result.status, headers, body: JSON.stringify(result.body) };
}
