/** GET /v1/anonymous-clients/{clientId}/history: the audit trail, for agency admins only. */
import { route } from '../api/routes';
import { readClientOrThrow } from '../domain/session';
import { clientIdFrom } from '../http/client-id';
import { httpHandler } from '../http/http-handler';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpHandler(route('getAnonymousClientHistory'), async ({ caller, pathParameters }) => {
  const { clients } = storageDependencies();
  const clientId = clientIdFrom(pathParameters);
  await readClientOrThrow(clients, caller!.agencyId, clientId);
  return { status: 200, body: { items: await clients.history(caller!.agencyId, clientId) } };
});
