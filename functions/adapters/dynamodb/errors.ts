import { DependencyUnavailableError } from '../../domain/errors';
import { message } from '../../domain/messages';

// Errors that mean "DynamoDB or the network is not able to serve right now", not "your request is wrong".
const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'LimitExceededException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

export function isTransientAwsError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return TRANSIENT_NAMES.has(error.name) || (code !== undefined && NETWORK_CODES.has(code)) || error.name === 'AbortError';
}

/** Runs a storage call, turning unavailability into a 503-worthy domain error and leaving real bugs alone. */
export async function withStorageErrors<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isTransientAwsError(error)) {
      throw new DependencyUnavailableError(message('request.databaseUnavailable', { operation: what }), 2, { cause: error });
    }
    throw error;
  }
}
