/**
 * THE route table. The local gateway serves exactly these routes and the CDK stack deploys exactly
 * these (one function each, granted exactly `access`); the OpenAPI document lists exactly these.
 * Routes are written in one file per area under routes/ (a handler imports only its area's file, so
 * its bundle carries only those schemas); add a route there and nowhere else.
 */
import { clientRoutes } from './routes/client-routes';
import { receiptRoutes } from './routes/receipt-routes';
import { reportRoutes } from './routes/report-routes';
import { type RouteDefinition, routeIn } from './routes/route-definition';
import { serviceRoutes } from './routes/service-routes';
import { sessionRoutes } from './routes/session-routes';
import { siteRoutes } from './routes/site-routes';

export type { BucketAccess, RouteAccess, RouteDefinition } from './routes/route-definition';

export const routes = [
  ...serviceRoutes,
  ...clientRoutes,
  ...sessionRoutes,
  ...siteRoutes,
  ...receiptRoutes,
  ...reportRoutes,
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof routes)[number]['operationId'];

export function route<const Id extends RouteId>(operationId: Id) {
  return routeIn(routes, operationId);
}
