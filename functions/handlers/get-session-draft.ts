/** GET /v1/anonymous-clients/{clientId}/session-draft: the session form pre-filled from the profile. */
import { routeIn } from '../api/routes/route-definition';
import { sessionRoutes } from '../api/routes/session-routes';
import { readClientOrThrow } from '../domain/begin-session';
import { sessionDraft } from '../domain/session';
import { httpRoute } from '../http/route-pipeline';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpRoute(routeIn(sessionRoutes, 'getSessionDraft'), async ({ caller, params, today }) => {
  const client = await readClientOrThrow(storageDependencies().clients, caller.agencyId, params.clientId);
  return { status: 200, body: sessionDraft(client, today) };
});
