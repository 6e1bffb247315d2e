/** GET /v1/anonymous-clients/{clientId}/session-draft: the session form pre-filled from the profile. */
import { sessionRoutes } from '../api/routes/session-routes';
import { routeIn } from '../api/routes/route-definition';
import { readClientOrThrow } from '../domain/begin-session';
import { sessionDraft } from '../domain/session';
import { clientIdFrom } from '../http/client-id';
import { httpHandler } from '../http/http-handler';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpHandler(routeIn(sessionRoutes, 'getSessionDraft'), async ({ caller, pathParameters, today }) => {
  const clientId = clientIdFrom(pathParameters);
  const client = await readClientOrThrow(storageDependencies().clients, caller!.agencyId, clientId);
  return { status: 200, body: sessionDraft(client, today) };
});
