/**
 * Every API Lambda handler is this middy pipeline around a plain route implementation. In order:
 *   request scope and deadline (the implementation runs inside the deadline: every AWS SDK call it
 *   makes is aborted when it passes, and the request answers 503) → access log (outermost: it sees the
 *   final status) → Powertools metrics (flushed after each request, cold starts counted) → outcome
 *   metrics (4xx by kind, 503s) → security headers (on every answer, problems included) → problem+json
 *   for any error → header and event normalisers → Accept-Language negotiation → the caller and its
 *   role → the JSON body → the route's schemas (params, query, body).
 * The implementation then receives only checked values, typed by the route's own declaration: no
 * casts, no parsing of its own, and a caller on every authenticated route.
 * Nothing here logs bodies, headers, query strings or claims' values.
 */
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import httpContentNegotiation from '@middy/http-content-negotiation';
import httpEventNormalizer from '@middy/http-event-normalizer';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import type { RouteDefinition } from '../api/routes/route-definition';
import { todayIn } from '../domain/calendar';
import type { Caller } from '../domain/caller';
import { type Language, LANGUAGES } from '../domain/messages';
import { readEnv } from '../runtime/env';
import { metrics, type MetricsRecorder, metricsRecorder } from '../runtime/metrics';
import { type ApiResult, toApiGatewayResult } from './api-result';
import { accessLog } from './middleware/access-log';
import { authorizedCaller } from './middleware/caller';
import { requestDeadline, withinRequestDeadline } from './middleware/deadline';
import { jsonBody } from './middleware/json-body';
import { outcomeMetrics } from './middleware/outcome-metrics';
import { problemAnswers } from './middleware/problem-answers';
import { type HttpEvent, type PipelineContext, requestScope, scopeOf } from './middleware/request-scope';
import { validatedInput } from './middleware/request-validation';

export type { HttpEvent };

type OutputOf<S> = S extends z.ZodType ? z.output<S> : never;
type NoInput = Record<string, never>;

/** What a route's implementation receives: its route's declared inputs, parsed and typed. */
export interface RouteRequest<R extends RouteDefinition> {
  caller: R['auth'] extends 'jwt' ? Caller : undefined;
  body: R extends { requestBody: (today: string) => infer S } ? OutputOf<S> : undefined;
  /** The body exactly as parsed from JSON, before defaults and normalisation (for idempotency hashes). */
  rawBody: unknown;
  params: R extends { params: infer S } ? OutputOf<S> : NoInput;
  query: R extends { query: infer S } ? OutputOf<S> : NoInput;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  correlationId: string;
  /** The agency's calendar date now (YYYY-MM-DD). */
  today: string;
  /** The answer's language, negotiated from Accept-Language (English by default). */
  language: Language;
  now: Date;
  metrics: MetricsRecorder;
}

export type RouteImplementation<R extends RouteDefinition> = (request: RouteRequest<R>) => Promise<ApiResult>;

export interface RouteClock {
  now: () => Date;
}

const systemClock: RouteClock = { now: () => new Date() };

/** What Lambda (and the local gateway) calls: an HTTP API payload 2.0 event in, a proxy result out. */
export type HttpApiHandler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyResultV2>;

/** A Lambda handler for `route`: the pipeline above, then `implement`. */
export function httpRoute<const R extends RouteDefinition>(
  route: R,
  implement: RouteImplementation<R>,
  clock: RouteClock = systemClock,
): HttpApiHandler {
  const todayAt = (now: Date) => todayIn(readEnv('service').AGENCY_TIME_ZONE, now);
  const pipeline = middy<HttpEvent, APIGatewayProxyResultV2, unknown, PipelineContext>()
    .use(requestScope(route, clock, todayAt))
    .use(requestDeadline())
    .use(accessLog())
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(outcomeMetrics())
    .use(httpSecurityHeaders())
    .use(problemAnswers())
    .use(httpHeaderNormalizer())
    .use(httpEventNormalizer())
    .use(
      httpContentNegotiation({
        parseLanguages: true,
        availableLanguages: [...LANGUAGES],
        failOnMismatch: false,
        parseCharsets: false,
        parseEncodings: false,
        parseMediaTypes: false,
      }),
    )
    .use(authorizedCaller(route))
    .use(jsonBody(route))
    .use(validatedInput(route))
    .handler(async (event, context) => {
      const scope = scopeOf(context);
      const language = context.preferredLanguage ?? 'en';
      const result = await withinRequestDeadline(context, () =>
        implement({
          caller: scope.caller,
          body: scope.body,
          rawBody: scope.rawBody,
          params: scope.params ?? {},
          query: scope.query ?? {},
          headers: event.headers as Record<string, string>,
          correlationId: scope.correlationId,
          today: scope.today,
          language,
          now: scope.now,
          metrics: metricsRecorder,
        } as RouteRequest<R>),
      );
      return toApiGatewayResult(result);
    });
  // @middy/http-event-normalizer declares a REST API (payload 1.0) event, which `use` intersects into
  // the handler's event type; it normalises payload 2.0 events as well (it reads `version`).
  return pipeline as unknown as HttpApiHandler;
}
