/**
 * POST /v1/anonymous-clients/batch: "Register Another Client" for a room of people, 1 to 25 clients,
 * all or nothing in one DynamoDB transaction.
 */
import { clientRoutes } from '../api/routes/client-routes';
import { routeIn } from '../api/routes/route-definition';
import { registerAnonymousClients } from '../domain/register-anonymous-client';
import { idempotencyKeyFrom } from '../http/idempotency-key';
import { httpRoute } from '../http/route-pipeline';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpRoute(
  routeIn(clientRoutes, 'registerAnonymousClientBatch'),
  async ({ caller, body, rawBody, headers, metrics }) => {
    const key = idempotencyKeyFrom(headers);
    const { clients, replayed } = await registerAnonymousClients(
      body.clients,
      caller,
      { ...storageDependencies(), now: () => new Date() },
      { idempotency: key === undefined ? undefined : { key, rawBody }, pointerPrefix: (index) => `/clients/${index}` },
    );
    if (replayed) metrics.count('IdempotentReplays', 1);
    else {
      metrics.count('AnonymousClientsRegistered', clients.length);
      metrics.count('RegistrationBatchSize', clients.length);
    }
    const answerHeaders: Record<string, string> = replayed ? { 'idempotent-replayed': 'true' } : {};
    return { status: 201, body: { items: clients }, headers: answerHeaders };
  },
);
