/** GET /v1/anonymous-clients/{clientId}/history: the audit trail, for agency admins only. */
import { clientRoutes } from '../api/routes/client-routes';
import { routeIn } from '../api/routes/route-definition';
import { NotFoundError } from '../domain/errors';
import { CLIENT_NOT_FOUND, clientIdFrom } from '../http/client-id';
import { httpHandler } from '../http/http-handler';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpHandler(routeIn(clientRoutes, 'getAnonymousClientHistory'), async ({ caller, pathParameters }) => {
  const items = await storageDependencies().clients.history(caller!.agencyId, clientIdFrom(pathParameters));
  if (!items) throw new NotFoundError(CLIENT_NOT_FOUND);
  return { status: 200, body: { items } };
});
