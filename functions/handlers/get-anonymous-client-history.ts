/** GET /v1/anonymous-clients/{clientId}/history: the audit trail, for agency admins only. */
import { clientRoutes } from '../api/routes/client-routes';
import { routeIn } from '../api/routes/route-definition';
import { CLIENT_NOT_FOUND } from '../domain/anonymous-client';
import { NotFoundError } from '../domain/errors';
import { httpRoute } from '../http/route-pipeline';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpRoute(routeIn(clientRoutes, 'getAnonymousClientHistory'), async ({ caller, params }) => {
  const items = await storageDependencies().clients.history(caller.agencyId, params.clientId);
  if (!items) throw new NotFoundError(CLIENT_NOT_FOUND);
  return { status: 200, body: { items } };
});
