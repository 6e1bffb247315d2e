/**
 * The embedded mode's stand-in for Lambda's DynamoDB stream event source: polls DynamoDB Local's
 * stream of the table (DescribeStream, GetShardIterator, GetRecords) and calls a stream handler
 * (the comment indexer) with the very event shape Lambda delivers, honouring ReportBatchItemFailures.
 *
 * Semantics, as Lambda's: per shard, in order, at least once. A batch whose handler throws or reports
 * a failed record is delivered again from that record, after a growing pause (0.2 s to 10 s), for as
 * long as it fails; nothing after it on the shard is delivered meanwhile. The position after the
 * last record handled is kept per shard in a checkpoint file (DATA_DIR/stream-indexer.json), so a
 * restart resumes there; without a checkpoint it starts from the oldest record kept (TRIM_HORIZON,
 * 24 h) and the handler's idempotence makes re-delivery harmless. Never logs record contents.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  type _Record as StreamRecord,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { localLambdaContext } from './lambda-context';

export type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | void>;

export interface StreamRunnerOptions {
  tableName: string;
  handler: StreamHandler;
  /** The consumer, as its Lambda function would be named (the context's function name). */
  name: string;
  /** Its Lambda timeout: the context's deadline. */
  timeoutSeconds: number;
  /**
   * Lambda's MaximumBatchingWindowInSeconds: records are gathered for up to this long (or until a
   * full batch) before they are handed over. None: handed over as soon as they are read.
   */
  batchingWindowMs?: number;
  /** Where the per-shard positions are kept; none: positions live in memory only. */
  checkpointFile?: string;
  /** Where to begin on a shard with no checkpoint. */
  startAt?: 'TRIM_HORIZON' | 'LATEST';
  /** Pause between polls of an idle shard. */
  pollIntervalMs?: number;
  /** Records per GetRecords (Lambda's batch size; DynamoDB allows up to 1,000). */
  batchSize?: number;
  /** Clients for tests; by default built from the SDK's environment (AWS_ENDPOINT_URL_DYNAMODB). */
  db?: DynamoDBClient;
  streams?: DynamoDBStreamsClient;
  /** Problems for people (stderr); never record contents. */
  onProblem?: (line: string) => void;
}

export interface StreamRunner {
  /** Stops polling and waits for the batch in hand to finish. */
  stop(): Promise<void>;
}

interface Checkpoint {
  streamArn: string;
  /** Per shard: the last sequence number handled, or `done` once a closed shard is exhausted. */
  shards: Record<string, { sequenceNumber?: string; done?: boolean }>;
}

interface ShardState {
  iterator: string | undefined;
  pending: StreamRecord[];
  /** Records read but held until the batching window closes (not yet checkpointed). */
  gathered: StreamRecord[];
  gatheringSince: number;
  failures: number;
  retryAt: number;
}

const MIN_RETRY_MS = 200;
const MAX_RETRY_MS = 10_000;
const DESCRIBE_EVERY_MS = 5_000;

/** A stream record from the SDK as Lambda's event delivers it (epoch-second timestamps, the stream ARN). */
export function toLambdaRecord(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const data = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource ?? 'aws:dynamodb',
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ApproximateCreationDateTime:
        data.ApproximateCreationDateTime instanceof Date ? Math.floor(data.ApproximateCreationDateTime.getTime() / 1000) : undefined,
      Keys: data.Keys as never,
      NewImage: data.NewImage as never,
      OldImage: data.OldImage as never,
      SequenceNumber: data.SequenceNumber,
      SizeBytes: data.SizeBytes,
      StreamViewType: data.StreamViewType,
    },
  } as DynamoDBRecord;
}

export async function startStreamRunner(options: StreamRunnerOptions): Promise<StreamRunner> {
  // Bounded requests, so a stuck emulator can never hold up the stack's stop.
  // throwOnRequestTimeout: without it @smithy/node-http-handler 4.x only warns when the time is up.
  const requestHandler = { connectionTimeout: 1_000, requestTimeout: 10_000, throwOnRequestTimeout: true };
  const db = options.db ?? new DynamoDBClient({ requestHandler });
  const streams = options.streams ?? new DynamoDBStreamsClient({ requestHandler });
  const ownClients = !options.db;
  const problem = options.onProblem ?? (() => {});
  const pollInterval = options.pollIntervalMs ?? 100;
  const batchSize = options.batchSize ?? 500;

  const table = await db.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`The table ${options.tableName} has no stream; the comment indexer needs one.`);

  let checkpoint: Checkpoint = { streamArn, shards: {} };
  if (options.checkpointFile) {
    try {
      const stored = JSON.parse(await readFile(options.checkpointFile, 'utf8')) as Checkpoint;
      // A checkpoint of another stream (the table was recreated) says nothing about this one.
      if (stored.streamArn === streamArn) checkpoint = stored;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        problem('the stream checkpoint could not be read; starting from the oldest record kept');
    }
  }
  const saveCheckpoint = async () => {
    if (!options.checkpointFile) return;
    const temporary = `${options.checkpointFile}.${randomUUID()}.tmp`;
    await writeFile(temporary, JSON.stringify(checkpoint));
    await rename(temporary, options.checkpointFile);
  };

  const states = new Map<string, ShardState>();
  let shards: Shard[] = [];
  let describedAt = 0;
  let stopped = false;
  let wake: (() => void) | undefined;

  const describe = async () => {
    const found: Shard[] = [];
    let exclusiveStart: string | undefined;
    do {
      const page = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStart }));
      found.push(...(page.StreamDescription?.Shards ?? []));
      exclusiveStart = page.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStart);
    shards = found;
    describedAt = Date.now();
    // Shards trimmed from the stream need no position any more.
    const live = new Set(found.map((shard) => shard.ShardId));
    for (const id of Object.keys(checkpoint.shards)) if (!live.has(id)) delete checkpoint.shards[id];
  };

  const iteratorFor = async (shardId: string): Promise<string | undefined> => {
    const sequenceNumber = checkpoint.shards[shardId]?.sequenceNumber;
    const response = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(sequenceNumber
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: sequenceNumber }
          : { ShardIteratorType: options.startAt ?? 'TRIM_HORIZON' }),
      }),
    );
    return response.ShardIterator;
  };

  /** Delivers the shard's pending records; true when they were all handled. */
  const deliver = async (shardId: string, state: ShardState): Promise<boolean> => {
    const records = state.pending;
    let failedAt = -1;
    try {
      const result = await options.handler(
        { Records: records.map((record) => toLambdaRecord(record, streamArn)) },
        localLambdaContext(options.name, options.timeoutSeconds),
      );
      const failedIds = new Set((result?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
      if (failedIds.size > 0) {
        failedAt = records.findIndex((record) => failedIds.has(record.dynamodb?.SequenceNumber ?? ''));
        // An identifier that names no record of the batch fails the whole batch, as in Lambda.
        if (failedAt < 0) failedAt = 0;
      }
    } catch {
      failedAt = 0;
      problem('a batch failed; it will be retried');
    }
    const handled = failedAt < 0 ? records : records.slice(0, failedAt);
    const last = handled.at(-1)?.dynamodb?.SequenceNumber;
    if (last) {
      checkpoint.shards[shardId] = { ...checkpoint.shards[shardId], sequenceNumber: last };
      await saveCheckpoint();
    }
    if (failedAt < 0) {
      state.pending = [];
      state.failures = 0;
      return true;
    }
    state.pending = records.slice(failedAt);
    state.failures += 1;
    state.retryAt = Date.now() + Math.min(MIN_RETRY_MS * 2 ** (state.failures - 1), MAX_RETRY_MS);
    return false;
  };

  /** One step on one shard; true when it did work (so the loop polls again at once). */
  const step = async (shard: Shard): Promise<boolean> => {
    const shardId = shard.ShardId as string;
    if (checkpoint.shards[shardId]?.done) return false;
    // A child shard waits until its parent is drained, so a client's records stay in order.
    const parent = shard.ParentShardId;
    if (parent && shards.some((s) => s.ShardId === parent) && !checkpoint.shards[parent]?.done) return false;
    let state = states.get(shardId);
    if (!state) {
      state = { iterator: undefined, pending: [], gathered: [], gatheringSince: 0, failures: 0, retryAt: 0 };
      states.set(shardId, state);
    }
    if (state.pending.length > 0) {
      if (Date.now() < state.retryAt) return false;
      await deliver(shardId, state);
      return true;
    }
    state.iterator ??= await iteratorFor(shardId);
    if (!state.iterator) return false;
    let response;
    try {
      response = await streams.send(new GetRecordsCommand({ ShardIterator: state.iterator, Limit: batchSize - state.gathered.length }));
    } catch (error) {
      if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) {
        // Gathered records are not checkpointed: a new iterator reads them again.
        state.iterator = undefined;
        state.gathered = [];
        return true;
      }
      throw error;
    }
    state.iterator = response.NextShardIterator;
    const records = response.Records ?? [];
    if (records.length > 0 && state.gathered.length === 0) state.gatheringSince = Date.now();
    state.gathered.push(...records);
    const windowOpen = Date.now() - state.gatheringSince < (options.batchingWindowMs ?? 0);
    if (state.gathered.length > 0 && (state.gathered.length >= batchSize || !windowOpen || !state.iterator)) {
      state.pending = state.gathered;
      state.gathered = [];
      await deliver(shardId, state);
    }
    if (!state.iterator && state.pending.length === 0) {
      // A closed shard, read to its end.
      checkpoint.shards[shardId] = { ...checkpoint.shards[shardId], done: true };
      await saveCheckpoint();
      states.delete(shardId);
    }
    return records.length > 0;
  };

  const loop = (async () => {
    while (!stopped) {
      let busy = false;
      let failed = false;
      try {
        if (Date.now() - describedAt > DESCRIBE_EVERY_MS) await describe();
        for (const shard of shards) if (await step(shard)) busy = true;
      } catch (error) {
        if (stopped) break;
        problem(`reading the table's stream failed (${(error as Error).name}: ${(error as Error).message}); retrying`);
        for (const state of states.values()) state.iterator = undefined;
        failed = true;
      }
      if (!busy && !stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, failed ? MAX_RETRY_MS / 10 : pollInterval);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      if (ownClients) {
        db.destroy();
        streams.destroy();
      }
    },
  };
}
