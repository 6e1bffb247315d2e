/** GET /v1/anonymous-clients/{clientId}: one client of the caller's agency; any other is a 404. */
import { clientRoutes } from '../api/routes/client-routes';
import { routeIn } from '../api/routes/route-definition';
import { CLIENT_NOT_FOUND } from '../domain/anonymous-client';
import { NotFoundError } from '../domain/errors';
import { clientETag } from '../http/etag';
import { httpRoute } from '../http/route-pipeline';
import { storageDependencies, type StorageDependencies } from '../runtime/dependencies';

export function createGetAnonymousClientHandler(deps: () => Pick<StorageDependencies, 'clients'> = storageDependencies) {
  return httpRoute(routeIn(clientRoutes, 'getAnonymousClient'), async ({ caller, params }) => {
    const client = await deps().clients.get(caller.agencyId, params.clientId);
    if (!client) throw new NotFoundError(CLIENT_NOT_FOUND);
    return { status: 200, body: client, headers: { etag: clientETag(client) } };
  });
}

export const handler = createGetAnonymousClientHandler();
