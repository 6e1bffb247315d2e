/** GET /v1/openapi.json: the OpenAPI 3.1 document generated from the route table's schemas. */
import { buildOpenApiDocument } from '../api/openapi';
import { routeIn } from '../api/routes/route-definition';
import { serviceRoutes } from '../api/routes/service-routes';
import { httpRoute } from '../http/route-pipeline';
import { readEnv } from '../runtime/env';

// Generated once per day per process: "today" appears in the date and arrival-year bounds.
let cached: { today: string; document: unknown } | undefined;

export const handler = httpRoute(routeIn(serviceRoutes, 'getOpenApiDocument'), async ({ today }) => {
  if (cached?.today !== today) cached = { today, document: buildOpenApiDocument({ version: readEnv('service').SERVICE_VERSION, today }) };
  return { status: 200, body: cached.document, headers: { 'cache-control': 'public, max-age=300' } };
});
