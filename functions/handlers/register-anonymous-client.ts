/** POST /v1/anonymous-clients: register one anonymous client (optionally with an Idempotency-Key). */
import { z } from 'zod';
import { route } from '../api/routes';
import type { AnonymousClientRegistration } from '../domain/anonymous-client';
import { InvalidRequestError } from '../domain/errors';
import { registerAnonymousClients } from '../domain/register-anonymous-client';
import { clientETag } from '../http/etag';
import { httpHandler } from '../http/http-handler';
import { storageDependencies, type StorageDependencies } from '../runtime/dependencies';

const IdempotencyKeySchema = z.string().regex(/^[\x21-\x7E]{1,255}$/);

/** The optional Idempotency-Key header, checked: 1 to 255 visible ASCII characters. */
export function idempotencyKeyFrom(headers: Record<string, string>): string | undefined {
  const key = headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (!IdempotencyKeySchema.safeParse(key).success) {
    throw new InvalidRequestError([], 'The Idempotency-Key header must be 1 to 255 visible ASCII characters.');
  }
  return key;
}

export function createRegisterAnonymousClientHandler(
  deps: () => StorageDependencies = storageDependencies,
  now: () => Date = () => new Date(),
) {
  return httpHandler(
    route('registerAnonymousClient'),
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
