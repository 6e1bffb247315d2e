/**
 * One DynamoDB document client per process, created at first use and reused across invocations.
 * The endpoint comes from the SDK's own configuration (AWS_ENDPOINT_URL_DYNAMODB locally), so the
 * code path is the same in AWS and in the embedded stack.
 *
 * Every call is bounded twice: each attempt by the timeouts below (they throw: `throwOnRequestTimeout`),
 * and all attempts of a request's call together by the request's deadline (functions/adapters/request-deadline-binding.ts),
 * after which it fails with an error `withStorageErrors` answers as 503 with Retry-After.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type AttemptTimeouts, boundToRequestDeadline } from '../request-deadline-binding';

/**
 * One attempt: 1 s to connect, 5 s for the answer to begin, 5 s of silence on the socket. A DynamoDB
 * call answers in milliseconds; an attempt that takes this long is retried (maxAttempts) while the
 * request's deadline allows. Writes stay safe to retry: transactions carry the SDK's
 * ClientRequestToken, and a single conditional PutItem recognises its own earlier attempt (client-store.ts).
 */
export const DYNAMODB_ATTEMPT_TIMEOUTS: AttemptTimeouts = {
  connectionTimeout: 1_000,
  requestTimeout: 5_000,
  socketTimeout: 5_000,
  throwOnRequestTimeout: true,
};

/** A document client with the service's limits (`documentClient()`; tests give their own endpoint). */
export function createDocumentClient(config: DynamoDBClientConfig = {}): DynamoDBDocumentClient {
  const client = boundToRequestDeadline(new DynamoDBClient({ maxAttempts: 3, requestHandler: DYNAMODB_ATTEMPT_TIMEOUTS, ...config }));
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

let client: DynamoDBDocumentClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  client ??= createDocumentClient();
  return client;
}
