/** GET /v1/anonymous-clients/{clientId}: one client of the caller's agency; any other is a 404. */
import { route } from '../api/routes';
import { NotFoundError } from '../domain/errors';
import { ID_PATTERN } from '../domain/ids';
import { clientETag } from '../http/etag';
import { httpHandler } from '../http/http-handler';
import { storageDependencies, type StorageDependencies } from '../runtime/dependencies';

export function createGetAnonymousClientHandler(deps: () => Pick<StorageDependencies, 'clients'> = storageDependencies) {
  return httpHandler(route('getAnonymousClient'), async ({ caller, pathParameters }) => {
    const clientId = pathParameters.clientId ?? '';
    // A malformed id cannot exist: answer as for any unknown client, without a database read.
    const client = ID_PATTERN.test(clientId) ? await deps().clients.get(caller!.agencyId, clientId) : undefined;
    if (!client) throw new NotFoundError('No anonymous client with this id in your agency.');
    return { status: 200, body: client, headers: { etag: clientETag(client) } };
  });
}

export const handler = createGetAnonymousClientHandler();
