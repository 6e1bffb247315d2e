import { DependencyUnavailableError } from '../../domain/errors';
import { message } from '../../domain/messages';

// Errors that mean "DynamoDB, S3 or the network is not able to serve right now", not "your request is wrong".
const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'LimitExceededException',
  // @smithy/node-http-handler: an attempt's connection, request or socket timeout.
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  // The request's deadline passed (functions/adapters/request-deadline-binding.ts): the SDK reports the
  // abort of the attempt in flight, or of its retry wait, as an AbortError caused by RequestDeadlineExceeded.
  'AbortError',
  'RequestDeadlineExceeded',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

export function isTransientAwsError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return TRANSIENT_NAMES.has(error.name) || (code !== undefined && NETWORK_CODES.has(code));
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
