/** GET /v1/health: liveness and version, no authentication. */
import { routeIn } from '../api/routes/route-definition';
import { serviceRoutes } from '../api/routes/service-routes';
import { httpRoute } from '../http/route-pipeline';
import { readEnv } from '../runtime/env';

export const handler = httpRoute(routeIn(serviceRoutes, 'getHealth'), async () => ({
  status: 200,
  body: { status: 'ok', version: readEnv('service').SERVICE_VERSION },
}));
