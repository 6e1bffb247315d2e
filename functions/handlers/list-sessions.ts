/** GET /v1/anonymous-clients/{clientId}/sessions: the client's session (at most one). */
import { routeIn } from '../api/routes/route-definition';
import { sessionRoutes } from '../api/routes/session-routes';
import { readClientOrThrow } from '../domain/begin-session';
import { httpRoute } from '../http/route-pipeline';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpRoute(routeIn(sessionRoutes, 'listSessions'), async ({ caller, params }) => {
  const { clients, sessions } = storageDependencies();
  await readClientOrThrow(clients, caller.agencyId, params.clientId);
  return { status: 200, body: { items: await sessions.list(caller.agencyId, params.clientId) } };
});
