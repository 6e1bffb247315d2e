/** GET /v1/health: liveness and version, no authentication. */
import { route } from '../api/routes';
import { httpHandler } from '../http/http-handler';
import { serviceConfig } from '../runtime/config';

export const handler = httpHandler(route('getHealth'), async () => ({
  status: 200,
  body: { status: 'ok', version: serviceConfig().SERVICE_VERSION },
}));
