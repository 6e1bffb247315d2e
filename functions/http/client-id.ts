import { CLIENT_NOT_FOUND } from '../domain/anonymous-client';
import { NotFoundError } from '../domain/errors';

export { CLIENT_NOT_FOUND };
import { ID_PATTERN } from '../domain/ids';


/** The `{clientId}` path parameter; a malformed id cannot exist, so it is a 404 without a database read. */
export function clientIdFrom(pathParameters: Record<string, string>): string {
  const clientId = pathParameters.clientId ?? '';
  if (!ID_PATTERN.test(clientId)) throw new NotFoundError(CLIENT_NOT_FOUND);
  return clientId;
}
