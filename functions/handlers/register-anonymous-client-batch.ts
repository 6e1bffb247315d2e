/**
 * POST /v1/anonymous-clients/batch: "Register Another Client" for a room of people, 1 to 25 clients,
 * all or nothing in one DynamoDB transaction.
 */
import { clientRoutes } from '../api/routes/client-routes';
import { routeIn } from '../api/routes/route-definition';
import type { AnonymousClientBatchRegistration } from '../domain/anonymous-client';
import { registerAnonymousClients } from '../domain/register-anonymous-client';
import { httpHandler } from '../http/http-handler';
import { idempotencyKeyFrom } from '../http/idempotency-key';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpHandler(routeIn(clientRoutes, 'registerAnonymousClientBatch'), async ({ caller, body, rawBody, headers: requestHeaders }) => {
  const key = idempotencyKeyFrom(requestHeaders);
  const { clients, replayed } = await registerAnonymousClients(
    (body as AnonymousClientBatchRegistration).clients,
    caller!,
    { ...storageDependencies(), now: () => new Date() },
    { idempotency: key === undefined ? undefined : { key, rawBody }, pointerPrefix: (index) => `/clients/${index}` },
  );
  const headers: Record<string, string> = replayed ? { 'idempotent-replayed': 'true' } : {};
  return { status: 201, body: { items: clients }, headers };
});
