/**
 * What the pipeline's middlewares learn about one request: who calls, the parsed input, and when it
 * started. Kept beside the invocation's Lambda context (a new object per invocation, in Lambda as in
 * the local gateway), so the final handler, which middy gives only the event and the context, finds
 * it again. Only the route pipeline reads it back, to call the route's implementation.
 */
import type { Request } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { RouteDefinition } from '../../api/routes/route-definition';
import type { Caller } from '../../domain/caller';
import type { Language } from '../../domain/messages';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

export interface RequestScope {
  route: RouteDefinition;
  correlationId: string;
  /** performance.now() when the request entered the pipeline. */
  started: number;
  now: Date;
  /** The agency's calendar date at `now` (YYYY-MM-DD). */
  today: string;
  caller?: Caller;
  /** The body exactly as parsed from JSON, before defaults and normalisation (for idempotency hashes). */
  rawBody?: unknown;
  body?: unknown;
  params?: unknown;
  query?: unknown;
}

/** The Lambda context, where @middy/http-content-negotiation leaves the Accept-Language it chose. */
export type PipelineContext = Context & { preferredLanguage?: Language };

export type PipelineRequest = Request<HttpEvent, APIGatewayProxyResultV2, unknown, PipelineContext>;

const scopes = new WeakMap<Context, RequestScope>();

/** The scope `requestScope` started for this invocation; every later middleware runs after it. */
export function scopeOf(context: Context): RequestScope {
  const scope = scopes.get(context);
  if (!scope) throw new Error('The request scope middleware must run first');
  return scope;
}

/** The scope if the request got that far (an error handler may run for a request that did not). */
export function scopeIfStarted(context: Context): RequestScope | undefined {
  return scopes.get(context);
}

/** The caller's language for anything we write: English unless Accept-Language prefers French. */
export function languageOf(request: PipelineRequest): Language {
  return request.context.preferredLanguage ?? 'en';
}

/** Starts the request's scope: its correlation id (API Gateway's request id), clock and "today". */
export function requestScope(route: RouteDefinition, clock: { now: () => Date }, todayAt: (now: Date) => string) {
  return {
    before: (request: PipelineRequest) => {
      const now = clock.now();
      scopes.set(request.context, {
        route,
        correlationId: request.event.requestContext?.requestId ?? request.context.awsRequestId ?? crypto.randomUUID(),
        started: performance.now(),
        now,
        today: todayAt(now),
      });
    },
  };
}
