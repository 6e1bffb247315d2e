/** GET /v1/anonymous-clients/{clientId}: one client of the caller's agency; any other is a 404. */
import { clientRoutes } from '../api/routes/client-routes';
import { routeIn } from '../api/routes/route-definition';
import { NotFoundError } from '../domain/errors';
import { CLIENT_NOT_FOUND, clientIdFrom } from '../http/client-id';
import { clientETag } from '../http/etag';
import { httpHandler } from '../http/http-handler';
import { storageDependencies, type StorageDependencies } from '../runtime/dependencies';

export function createGetAnonymousClientHandler(deps: () => Pick<StorageDependencies, 'clients'> = storageDependencies) {
  return httpHandler(routeIn(clientRoutes, 'getAnonymousClient'), async ({ caller, pathParameters }) => {
    const client = await deps().clients.get(caller!.agencyId, clientIdFrom(pathParameters));
    if (!client) throw new NotFoundError(CLIENT_NOT_FOUND);
    return { status: 200, body: client, headers: { etag: clientETag(client) } };
  });
}

export const handler = createGetAnonymousClientHandler();
