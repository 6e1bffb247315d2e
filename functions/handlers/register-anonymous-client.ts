/** POST /v1/anonymous-clients: register one anonymous client (optionally with an Idempotency-Key). */
import { clientRoutes } from '../api/routes/client-routes';
import { routeIn } from '../api/routes/route-definition';
import { registerAnonymousClients } from '../domain/register-anonymous-client';
import { clientETag } from '../http/etag';
import { idempotencyKeyFrom } from '../http/idempotency-key';
import { httpRoute } from '../http/route-pipeline';
import { storageDependencies, type StorageDependencies } from '../runtime/dependencies';

export function createRegisterAnonymousClientHandler(
  deps: () => StorageDependencies = storageDependencies,
  now: () => Date = () => new Date(),
) {
  return httpRoute(
    routeIn(clientRoutes, 'registerAnonymousClient'),
    async ({ caller, body, rawBody, headers, metrics }) => {
      const key = idempotencyKeyFrom(headers);
      const { clients, replayed } = await registerAnonymousClients(
        [body],
        caller,
        { ...deps(), now },
        {
          idempotency: key === undefined ? undefined : { key, rawBody },
          pointerPrefix: () => '',
        },
      );
      const [client] = clients as [(typeof clients)[number]];
      metrics.count(replayed ? 'IdempotentReplays' : 'AnonymousClientsRegistered', 1);
      return {
        status: 201,
        body: client,
        headers: {
          location: `/v1/anonymous-clients/${client.clientId}`,
          etag: clientETag(client),
          ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
        },
      };
    },
    { now },
  );
}

export const handler = createRegisterAnonymousClientHandler();
