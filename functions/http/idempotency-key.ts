import { clientMessage } from '../domain/client-messages';
import { InvalidRequestError } from '../domain/errors';

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,255}$/;

/** The optional Idempotency-Key header, checked: 1 to 255 visible ASCII characters. */
export function idempotencyKeyFrom(headers: Record<string, string>): string | undefined {
  const key = headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new InvalidRequestError([], clientMessage('request.idempotencyKeyInvalid'));
  }
  return key;
}
