/**
 * One S3 client per process, created at first use. The endpoint comes from the SDK's own
 * configuration (AWS_ENDPOINT_URL_S3 locally); path-style addressing is needed by the local emulator
 * only, so it is switched on by S3_FORCE_PATH_STYLE=true, which the embedded stack sets.
 */
import { S3Client } from '@aws-sdk/client-s3';

let client: S3Client | undefined;

export function s3Client(): S3Client {
  client ??= new S3Client({
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 10_000 },
  });
  return client;
}
