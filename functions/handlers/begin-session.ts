/** POST /v1/anonymous-clients/{clientId}/sessions: the one session an anonymous profile takes. */
import { routeIn } from '../api/routes/route-definition';
import { sessionRoutes } from '../api/routes/session-routes';
import { beginSession } from '../domain/begin-session';
import { httpRoute } from '../http/route-pipeline';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpRoute(routeIn(sessionRoutes, 'beginSession'), async ({ caller, body, params, metrics }) => {
  const session = await beginSession(params.clientId, body, caller, { ...storageDependencies(), now: () => new Date() });
  metrics.count('SessionsBegun', 1);
  return {
    status: 201,
    body: session,
    headers: { location: `/v1/anonymous-clients/${params.clientId}/sessions` },
  };
});
