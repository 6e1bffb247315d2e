/** GET /v1/anonymous-clients/{clientId}/sessions: the client's session (at most one). */
import { sessionRoutes } from '../api/routes/session-routes';
import { routeIn } from '../api/routes/route-definition';
import { readClientOrThrow } from '../domain/begin-session';
import { clientIdFrom } from '../http/client-id';
import { httpHandler } from '../http/http-handler';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpHandler(routeIn(sessionRoutes, 'listSessions'), async ({ caller, pathParameters }) => {
  const { clients, sessions } = storageDependencies();
  const clientId = clientIdFrom(pathParameters);
  await readClientOrThrow(clients, caller!.agencyId, clientId);
  return { status: 200, body: { items: await sessions.list(caller!.agencyId, clientId) } };
});
