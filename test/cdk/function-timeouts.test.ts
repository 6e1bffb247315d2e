/**
 * The route functions' Lambda timeout against the request deadline (functions/runtime/request-deadline.ts):
 * above the deadline, so a request that waits on a stalled dependency answers its 503 itself instead
 * of being cut off by Lambda, and below API Gateway's 30 s integration limit, so the gateway never gives
 * up on a function that is still running (and may still write). The deadline the functions get, if the
 * stack sets one, is below their timeout too.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RouteDefinition, routes as routeTable } from '../../functions/api/routes';
import { ROUTE_FUNCTION_TIMEOUT_SECONDS } from '../../functions/api/routes/route-definition';
import { readEnv } from '../../functions/runtime/env';
import { ANSWER_MARGIN_MS, DEFAULT_REQUEST_DEADLINE_SECONDS } from '../../functions/runtime/request-deadline';
import { expectWithMessage } from '../support/expect-with-message';
import { type Json, logicalId, SYNTH_TIMEOUT_MS, synthesise, type SynthesisedApp } from './support/app-fixture';

const routes = routeTable as readonly RouteDefinition[];
/** API Gateway HTTP API's integration timeout (not configurable above it). */
const API_GATEWAY_TIMEOUT_SECONDS = 30;

let synth: SynthesisedApp;
beforeAll(() => {
  synth = synthesise({ stage: 'prod' });
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth?.dispose());

function routeFunctions(): { operationId: string; properties: Json }[] {
  const resources = synth.templates().stateless.toJSON().Resources as Record<string, Json>;
  return routes.map((route) => {
    const fn = synth.stacks().stateless.functions.get(route.operationId)!;
    return { operationId: route.operationId, properties: resources[logicalId(fn.function)]!.Properties as Json };
  });
}

describe('route function timeouts', () => {
  it('covers every route of the table', () => {
    expect(routeFunctions().map((fn) => fn.operationId)).toEqual(routes.map((route) => route.operationId));
  });

  it("are above the request deadline's default (with room for the answer) and below API Gateway's 30 s", () => {
    expect(DEFAULT_REQUEST_DEADLINE_SECONDS).toBe(
      readEnv('service', { SERVICE_VERSION: 'x', POWERTOOLS_METRICS_NAMESPACE: 'x' }).REQUEST_DEADLINE_SECONDS,
    );
    for (const { operationId, properties } of routeFunctions()) {
      const timeout = properties.Timeout as number;
      expectWithMessage(timeout, operationId).toBe(ROUTE_FUNCTION_TIMEOUT_SECONDS);
      expectWithMessage(timeout * 1000, operationId).toBeGreaterThanOrEqual(DEFAULT_REQUEST_DEADLINE_SECONDS * 1000 + ANSWER_MARGIN_MS);
      expectWithMessage(timeout, operationId).toBeLessThan(API_GATEWAY_TIMEOUT_SECONDS);
    }
  });

  it('give each function a REQUEST_DEADLINE_SECONDS below its timeout, less the margin for the answer', () => {
    for (const { operationId, properties } of routeFunctions()) {
      const variables = properties.Environment.Variables as Json;
      const deadline = readEnv('service', {
        SERVICE_VERSION: 'x',
        POWERTOOLS_METRICS_NAMESPACE: 'x',
        ...variables,
      }).REQUEST_DEADLINE_SECONDS;
      expectWithMessage(variables.REQUEST_DEADLINE_SECONDS, operationId).toBe(String(DEFAULT_REQUEST_DEADLINE_SECONDS));
      expectWithMessage(deadline * 1000 + ANSWER_MARGIN_MS, operationId).toBeLessThanOrEqual((properties.Timeout as number) * 1000);
    }
  });
});
