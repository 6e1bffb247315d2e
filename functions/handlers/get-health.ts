/** GET /v1/health: liveness and version, no authentication. */
import { serviceRoutes } from '../api/routes/service-routes';
import { routeIn } from '../api/routes/route-definition';
import { httpHandler } from '../http/http-handler';
import { serviceConfig } from '../runtime/config';

export const handler = httpHandler(routeIn(serviceRoutes, 'getHealth'), async () => ({
  status: 200,
  body: { status: 'ok', version: serviceConfig().SERVICE_VERSION },
}));
