/**
 * One DynamoDB document client per process, created at first use and reused across invocations.
 * The endpoint comes from the SDK's own configuration (AWS_ENDPOINT_URL_DYNAMODB locally), so the
 * code path is the same in AWS and in the embedded stack.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let client: DynamoDBDocumentClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  client ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({
      maxAttempts: 3,
      // Fail fast enough that the caller gets a 503 with Retry-After well before API Gateway's 30 s limit.
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return client;
}
