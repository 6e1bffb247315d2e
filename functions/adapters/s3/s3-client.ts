/**
 * One S3 client per process, created at first use. The endpoint comes from the SDK's own
 * configuration (AWS_ENDPOINT_URL_S3 locally); path-style addressing is needed by the local emulator
 * only, so it is switched on by S3_FORCE_PATH_STYLE=true, which the embedded stack sets.
 *
 * Bounded like the DynamoDB client: each attempt by the timeouts below, and a request's calls by its
 * deadline (functions/adapters/request-deadline-binding.ts).
 */
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { type AttemptTimeouts, boundToRequestDeadline } from '../request-deadline-binding';

/** One attempt: 1 s to connect, 10 s to send the object and get the answer's headers, 10 s of socket silence. */
export const S3_ATTEMPT_TIMEOUTS: AttemptTimeouts = {
  connectionTimeout: 1_000,
  requestTimeout: 10_000,
  socketTimeout: 10_000,
  throwOnRequestTimeout: true,
};

/** An S3 client with the service's limits (`s3Client()`; tests give their own endpoint). */
export function createS3Client(config: S3ClientConfig = {}): S3Client {
  return boundToRequestDeadline(new S3Client({ maxAttempts: 3, requestHandler: S3_ATTEMPT_TIMEOUTS, ...config }));
}

let client: S3Client | undefined;

export function s3Client(): S3Client {
  client ??= createS3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true' });
  return client;
}
