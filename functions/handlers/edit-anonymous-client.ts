/** PATCH /v1/anonymous-clients/{clientId}: correct the editable fields, guarded by If-Match. */
import { clientRoutes } from '../api/routes/client-routes';
import { routeIn } from '../api/routes/route-definition';
import { editAnonymousClient } from '../domain/edit-anonymous-client';
import { clientETag, versionFromIfMatch } from '../http/etag';
import { httpRoute } from '../http/route-pipeline';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpRoute(routeIn(clientRoutes, 'editAnonymousClient'), async ({ caller, body, headers, params, metrics }) => {
  const expectedVersion = versionFromIfMatch(headers);
  const client = await editAnonymousClient(params.clientId, body, expectedVersion, caller, {
    ...storageDependencies(),
    now: () => new Date(),
  });
  metrics.count('AnonymousClientsEdited', 1);
  return { status: 200, body: client, headers: { etag: clientETag(client) } };
});
