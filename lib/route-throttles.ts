/**
 * Per-route throttles of the HTTP API's stage. The stage's default (`-c throttleRate`/`throttleBurst`)
 * stays on every authenticated route; each public route (auth 'public' in the route table: the health
 * check and the OpenAPI document) gets a small budget of its own (`-c publicThrottleRate`/
 * `publicThrottleBurst`), so that a script flooding them is answered 429 there and never spends the
 * budget staff requests draw on.
 *
 * What this cannot do: API Gateway throttles before the JWT authorizer runs, so requests with bad
 * tokens on an authenticated route share that route's budget with good ones; and every API of the
 * account in the region shares the account-level limit (10,000 requests per second by default). The
 * 429 and 401 alarms (lib/alarms.ts) show either case; the operators' guide says when a REST API with
 * a WAF rate-based rule would be worth its cost.
 */
import { type CfnStage, type HttpRoute, type HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ThrottleSettings } from './settings';

export interface ThrottledRoute {
  /** `GET /v1/health`. */
  routeKey: string;
  route: HttpRoute;
  auth: 'public' | 'jwt';
}

/** Route settings of the stage: the public routes' own throttles, keyed by route key. */
export function throttlePublicRoutes(
  stage: HttpStage,
  routes: readonly ThrottledRoute[],
  limits: ThrottleSettings,
): Record<string, unknown> {
  const cfnStage = stage.node.defaultChild as CfnStage;
  const routeSettings: Record<string, unknown> = {};
  for (const { routeKey, route, auth } of routes) {
    if (auth !== 'public') continue;
    routeSettings[routeKey] = { ThrottlingRateLimit: limits.rateLimit, ThrottlingBurstLimit: limits.burstLimit };
    // A stage's route settings may only name routes that exist.
    cfnStage.node.addDependency(route);
  }
  cfnStage.addPropertyOverride('RouteSettings', routeSettings);
  return routeSettings;
}
