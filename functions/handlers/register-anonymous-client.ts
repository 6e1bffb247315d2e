/** POST /v1/anonymous-clients: register one anonymous client (optionally with an Idempotency-Key). */
import { clientRoutes } from '../api/routes/client-routes';
import { routeIn } from '../api/routes/route-definition';
import type { AnonymousClientRegistration } from '../domain/anonymous-client';
import { registerAnonymousClients } from '../domain/register-anonymous-client';
import { clientETag } from '../http/etag';
import { httpHandler } from '../http/http-handler';
import { idempotencyKeyFrom } from '../http/idempotency-key';
import { storageDependencies, type StorageDependencies } from '../runtime/dependencies';

export function createRegisterAnonymousClientHandler(
  deps: () => StorageDependencies = storageDependencies,
  now: () => Date = () => new Date(),
) {
  return httpHandler(
    routeIn(clientRoutes, 'registerAnonymousClient'),
    async ({ caller, body, rawBody, headers }) => {
      const key = idempotencyKeyFrom(headers);
      const { clients, replayed } = await registerAnonymousClients([body as AnonymousClientRegistration], caller!, { ...deps(), now }, {
        idempotency: key === undefined ? undefined : { key, rawBody },
        pointerPrefix: () => '',
      });
      const client = clients[0]!;
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
