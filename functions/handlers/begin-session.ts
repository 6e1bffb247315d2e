/** POST /v1/anonymous-clients/{clientId}/sessions: the one session an anonymous profile takes. */
import { sessionRoutes } from '../api/routes/session-routes';
import { routeIn } from '../api/routes/route-definition';
import { beginSession } from '../domain/begin-session';
import type { NewSession } from '../domain/session';
import { clientIdFrom } from '../http/client-id';
import { httpHandler } from '../http/http-handler';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpHandler(routeIn(sessionRoutes, 'beginSession'), async ({ caller, body, pathParameters }) => {
  const clientId = clientIdFrom(pathParameters);
  const session = await beginSession(clientId, body as NewSession, caller!, { ...storageDependencies(), now: () => new Date() });
  return {
    status: 201,
    body: session,
    headers: { location: `/v1/anonymous-clients/${clientId}/sessions` },
  };
});
