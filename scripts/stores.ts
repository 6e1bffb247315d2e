/**
 * Where an operator command works: a deployed table and bucket (`--table`, `--bucket`, `--region`), or
 * the local stack of DATA_DIR, running (its emulators' endpoints) or not (started for the command under
 * the data directory's lock, then stopped). sites:import and clients:expire share it.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { join, resolve } from 'node:path';
import { LOCAL_AWS_CREDENTIALS } from '../local/credentials';
import { acquireDataDirLock, runningStack } from '../local/data-dir-lock';
import { startDynamoDbLocal } from '../local/dynamodb-local';
import { LOCAL_BUCKETS, LOCAL_REGION, LOCAL_TABLE_NAME } from '../local/embedded-stack';
import { startS3Emulator } from '../local/s3-emulator';
import { ensureTable } from '../local/table-setup';

export interface StoreOptions {
  table?: string | undefined;
  bucket?: string | undefined;
  region?: string | undefined;
  /** Which local bucket stands for `--bucket`. */
  localBucket: keyof typeof LOCAL_BUCKETS;
  /** What the command does, for its progress lines ("importing", "working"). */
  doing: string;
}

export async function withStores<S, T>(
  options: StoreOptions,
  build: (db: DynamoDBClient, tableName: string, s3: S3Client, bucket: string) => S,
  use: (stores: S) => Promise<T>,
): Promise<T> {
  if (options.table && options.bucket) {
    return use(
      build(new DynamoDBClient({ region: options.region }), options.table, new S3Client({ region: options.region }), options.bucket),
    );
  }
  const dataDir = resolve(process.env.DATA_DIR ?? './.data');
  const credentials = { ...LOCAL_AWS_CREDENTIALS };
  const local = (dynamodb: string, s3: string) =>
    build(
      new DynamoDBClient({ region: LOCAL_REGION, endpoint: dynamodb, credentials }),
      LOCAL_TABLE_NAME,
      new S3Client({ region: LOCAL_REGION, endpoint: s3, credentials, forcePathStyle: true }),
      LOCAL_BUCKETS[options.localBucket],
    );
  const running = await runningStack(dataDir);
  if (running?.dynamodb && running.s3) {
    console.error(`${options.doing} on the running local stack (pid ${running.pid})`);
    return use(local(running.dynamodb, running.s3));
  }
  console.error(`no local server is running on ${dataDir}: starting DynamoDB Local and the S3 emulator`);
  const lock = await acquireDataDirLock(dataDir);
  const dynamodb = await startDynamoDbLocal({ dbPath: join(dataDir, 'dynamodb') });
  const s3 = await startS3Emulator({ directory: join(dataDir, 's3'), buckets: Object.values(LOCAL_BUCKETS) });
  try {
    await ensureTable(new DynamoDBClient({ region: LOCAL_REGION, endpoint: dynamodb.endpoint, credentials }), LOCAL_TABLE_NAME);
    return await use(local(dynamodb.endpoint, s3.endpoint));
  } finally {
    await s3.stop();
    await dynamodb.stop();
    await lock.release();
  }
}
