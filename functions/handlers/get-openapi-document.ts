/** GET /v1/openapi.json: the OpenAPI 3.1 document generated from the route table's schemas. */
import { buildOpenApiDocument } from '../api/openapi';
import { serviceRoutes } from '../api/routes/service-routes';
import { routeIn } from '../api/routes/route-definition';
import { httpHandler } from '../http/http-handler';
import { serviceConfig } from '../runtime/config';

// Generated once per day per process: "today" appears in the date and arrival-year bounds.
let cached: { today: string; document: unknown } | undefined;

export const handler = httpHandler(routeIn(serviceRoutes, 'getOpenApiDocument'), async ({ today }) => {
  if (cached?.today !== today) cached = { today, document: buildOpenApiDocument({ version: serviceConfig().SERVICE_VERSION, today }) };
  return { status: 200, body: cached.document, headers: { 'cache-control': 'public, max-age=300' } };
});
