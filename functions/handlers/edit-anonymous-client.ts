/** PATCH /v1/anonymous-clients/{clientId}: correct the editable fields, guarded by If-Match. */
import { clientRoutes } from '../api/routes/client-routes';
import { routeIn } from '../api/routes/route-definition';
import type { AnonymousClientEdit } from '../domain/anonymous-client';
import { editAnonymousClient } from '../domain/edit-anonymous-client';
import { clientETag, versionFromIfMatch } from '../http/etag';
import { clientIdFrom } from '../http/client-id';
import { httpHandler } from '../http/http-handler';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpHandler(routeIn(clientRoutes, 'editAnonymousClient'), async ({ caller, body, headers, pathParameters }) => {
  const clientId = clientIdFrom(pathParameters);
  const expectedVersion = versionFromIfMatch(headers);
  const client = await editAnonymousClient(clientId, body as AnonymousClientEdit, expectedVersion, caller!, {
    ...storageDependencies(),
    now: () => new Date(),
  });
  return { status: 200, body: client, headers: { etag: clientETag(client) } };
});
