/** POST /v1/anonymous-clients/{clientId}/sessions: the one session an anonymous profile takes. */
import { route } from '../api/routes';
import { beginSession, type NewSession } from '../domain/session';
import { clientIdFrom } from '../http/client-id';
import { httpHandler } from '../http/http-handler';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpHandler(route('beginSession'), async ({ caller, body, pathParameters }) => {
  const clientId = clientIdFrom(pathParameters);
  const session = await beginSession(clientId, body as NewSession, caller!, { ...storageDependencies(), now: () => new Date() });
  return {
    status: 201,
    body: session,
    headers: { location: `/v1/anonymous-clients/${clientId}/sessions` },
  };
});
