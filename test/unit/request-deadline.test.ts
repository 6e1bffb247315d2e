/**
 * The request's deadline (functions/http/middleware/deadline.ts, functions/runtime/request-deadline.ts)
 * and what binds the AWS SDK clients to it (functions/adapters/request-deadline-binding.ts): computed
 * from REQUEST_DEADLINE_SECONDS or the function's remaining time, seen by the implementation and by
 * nothing outside it, one per request under concurrency, and an SDK call in flight is aborted when it
 * passes (answered 503 with Retry-After) without being retried. No network: the SDK client's HTTP
 * handler is a stand-in that never answers.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Context } from 'aws-lambda';
import { isTransientAwsError, withStorageErrors } from '../../functions/adapters/dynamodb/errors';
import { boundToRequestDeadline } from '../../functions/adapters/request-deadline-binding';
import { route } from '../../functions/api/routes';
import { httpRoute, type RouteImplementation } from '../../functions/http/route-pipeline';
import { readEnv } from '../../functions/runtime/env';
import {
  ANSWER_MARGIN_MS,
  currentDeadline,
  deadlineAt,
  DEFAULT_REQUEST_DEADLINE_SECONDS,
  RequestDeadline,
  runWithDeadline,
} from '../../functions/runtime/request-deadline';
import { localLambdaContext } from '../../local/lambda-context';
import { httpEvent } from '../../support/http-events';
import { expectWithMessage } from '../support/expect-with-message';

const CONFIGURED_SECONDS = 4;
const previous = process.env.REQUEST_DEADLINE_SECONDS;

beforeAll(() => {
  process.env.SERVICE_VERSION ??= 'test';
  process.env.POWERTOOLS_METRICS_NAMESPACE ??= 'newcomer-intake-test';
  // Read once per process (readEnv): set before the first request of this file.
  process.env.REQUEST_DEADLINE_SECONDS = String(CONFIGURED_SECONDS);
});
afterAll(() => {
  if (previous === undefined) delete process.env.REQUEST_DEADLINE_SECONDS;
  else process.env.REQUEST_DEADLINE_SECONDS = previous;
});

interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: any;
}

async function invoke(implement: RouteImplementation<any>, context: Context = localLambdaContext('getHealth', 13)): Promise<Answer> {
  const handler = httpRoute(route('getHealth'), implement);
  const result = (await handler(httpEvent({ claims: null }), context)) as {
    statusCode: number;
    headers: Record<string, string>;
    body?: string;
  };
  return { statusCode: result.statusCode, headers: result.headers, body: result.body === undefined ? undefined : JSON.parse(result.body) };
}

/** The deadline the implementation sees, as milliseconds from when the request was sent in. */
async function deadlineSeen(context?: Context): Promise<number | undefined> {
  let seen: number | undefined;
  const sent = Date.now();
  await invoke(async () => {
    seen = currentDeadline()?.at;
    return { status: 200, body: {} };
  }, context);
  return seen === undefined ? undefined : seen - sent;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the environment contract', () => {
  it('defaults REQUEST_DEADLINE_SECONDS to 10 and holds it between 1 and 25 whole seconds', () => {
    expect(DEFAULT_REQUEST_DEADLINE_SECONDS).toBe(10);
    const base = { SERVICE_VERSION: 'x', POWERTOOLS_METRICS_NAMESPACE: 'newcomer-intake-test' };
    expect(readEnv('service', base).REQUEST_DEADLINE_SECONDS).toBe(10);
    expect(readEnv('service', { ...base, REQUEST_DEADLINE_SECONDS: '2' }).REQUEST_DEADLINE_SECONDS).toBe(2);
    for (const bad of ['0', '26', '1.5', 'soon']) {
      expectWithMessage(() => readEnv('service', { ...base, REQUEST_DEADLINE_SECONDS: bad }), bad).toThrow(/REQUEST_DEADLINE_SECONDS/);
    }
  });
});

describe('the deadline of a request', () => {
  it('is REQUEST_DEADLINE_SECONDS after the request when the function has time enough', async () => {
    const offset = await deadlineSeen(localLambdaContext('getHealth', 13));
    expect(offset).toBeGreaterThan(CONFIGURED_SECONDS * 1000 - 100);
    expect(offset).toBeLessThanOrEqual(CONFIGURED_SECONDS * 1000 + 50);
  });

  it("is the function's remaining time less the margin for the answer when that comes first", async () => {
    const offset = await deadlineSeen(localLambdaContext('getHealth', 3));
    expect(offset).toBeGreaterThan(3000 - ANSWER_MARGIN_MS - 100);
    expect(offset).toBeLessThanOrEqual(3000 - ANSWER_MARGIN_MS + 50);
  });

  it('is the configured limit for a context that cannot tell its remaining time', async () => {
    const bare = { awsRequestId: 'bare' } as Context;
    const offset = await deadlineSeen(bare);
    expect(offset).toBeGreaterThan(CONFIGURED_SECONDS * 1000 - 100);
    expect(offset).toBeLessThanOrEqual(CONFIGURED_SECONDS * 1000 + 50);
  });

  it('is computed by deadlineAt as min(limit, remaining - margin), never before now', () => {
    expect(deadlineAt(10, 60_000, 1_000)).toBe(11_000);
    expect(deadlineAt(10, 5_000, 1_000)).toBe(1_000 + 5_000 - ANSWER_MARGIN_MS);
    expect(deadlineAt(10, undefined, 1_000)).toBe(11_000);
    expect(deadlineAt(10, 200, 1_000)).toBe(1_000);
  });

  it('is its own in each of many concurrent requests, across every await', async () => {
    const seen = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const samples: (number | undefined)[] = [];
        // Each request gets a different remaining time, so a different deadline.
        const context = localLambdaContext('getHealth', 2 + i * 0.1);
        const expected = Date.now() + (2 + i * 0.1) * 1000 - ANSWER_MARGIN_MS;
        await invoke(async () => {
          for (let step = 0; step < 4; step += 1) {
            samples.push(currentDeadline()?.at);
            await pause(Math.random() * 15);
            await Promise.resolve();
          }
          return { status: 200, body: {} };
        }, context);
        return { samples, expected };
      }),
    );
    for (const { samples, expected } of seen) {
      expect(new Set(samples).size).toBe(1);
      expect(Math.abs((samples[0] as number) - expected)).toBeLessThan(60);
    }
    expect(new Set(seen.map(({ samples }) => samples[0])).size).toBe(seen.length);
  });

  it('does not exist outside a request: before, beside and after one', async () => {
    expect(currentDeadline()).toBeUndefined();
    let beside: RequestDeadline | undefined | 'unset' = 'unset';
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const request = invoke(async () => {
      await held;
      return { status: 200, body: {} };
    });
    // Work of the same process that is not the request (a timer, as the stream indexer's polling is).
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        beside = currentDeadline();
        resolve();
      }, 5),
    );
    release();
    await request;
    expect(beside).toBeUndefined();
    expect(currentDeadline()).toBeUndefined();
  });
});

/** An HTTP handler that never answers, as a stalled DynamoDB: it rejects only when its signal aborts. */
function stalledHandler() {
  const calls: { abortSignal?: AbortSignal }[] = [];
  return {
    calls,
    handler: {
      handle(_request: unknown, options: { abortSignal?: AbortSignal } = {}) {
        calls.push(options);
        return new Promise((_resolve, reject) => {
          const signal = options.abortSignal;
          const abort = () => reject(Object.assign(new Error('Request aborted', { cause: signal?.reason }), { name: 'AbortError' }));
          if (signal?.aborted) abort();
          else signal?.addEventListener('abort', abort, { once: true });
        });
      },
    },
  };
}

function stalledDocumentClient() {
  const stalled = stalledHandler();
  const client = boundToRequestDeadline(
    new DynamoDBClient({
      region: 'ca-central-1',
      endpoint: 'http://127.0.0.1:9',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 3,
      requestHandler: stalled.handler,
    }),
  );
  return { db: DynamoDBDocumentClient.from(client), calls: stalled.calls };
}

const read = (db: DynamoDBDocumentClient) =>
  withStorageErrors('read client', () => db.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } })));

describe('an AWS SDK call bound to the deadline', () => {
  it('is aborted when the deadline passes, once (no retry), and the request answers 503 with Retry-After', async () => {
    const { db, calls } = stalledDocumentClient();
    const started = Date.now();
    const answer = await invoke(
      async () => {
        await read(db);
        return { status: 200, body: {} };
      },
      localLambdaContext('getHealth', 1.5),
    );
    const elapsed = Date.now() - started;
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['retry-after']).toBe('2');
    expect(answer.headers['content-type']).toBe('application/problem+json');
    // Deadline: 1.5 s less the 1 s margin.
    expect(elapsed).toBeGreaterThanOrEqual(1500 - ANSWER_MARGIN_MS - 20);
    expect(elapsed).toBeLessThan(1500 - ANSWER_MARGIN_MS + 400);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.abortSignal?.aborted).toBe(true);
  });

  it('fails at once, without sending, when the deadline has already passed', async () => {
    const { db, calls } = stalledDocumentClient();
    const started = Date.now();
    const error = await runWithDeadline(new RequestDeadline(Date.now() - 1), () => read(db)).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(200);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).constructor.name).toBe('DependencyUnavailableError');
    expect(((error as Error).cause as Error).name).toBe('AbortError');
    expect(calls.length).toBeLessThanOrEqual(1);
  });

  it('shares one signal between the calls of a request, and none with another request', async () => {
    const { db, calls } = stalledDocumentClient();
    const first = new RequestDeadline(Date.now() + 150);
    const second = new RequestDeadline(Date.now() + 150);
    await Promise.allSettled([
      runWithDeadline(first, () => Promise.allSettled([read(db), read(db)])),
      runWithDeadline(second, () => read(db)),
    ]);
    expect(calls).toHaveLength(3);
    const signals = new Set(calls.map((call) => call.abortSignal));
    expect(signals.size).toBe(2);
  });

  it('gets no signal outside a request: only its own per-attempt timeouts apply there', async () => {
    const { db, calls } = stalledDocumentClient();
    void read(db).catch(() => undefined);
    await pause(50);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.abortSignal).toBeUndefined();
  });

  it('is mapped to 503 whatever the SDK calls the failure (timeouts, aborts, resets)', () => {
    const named = (name: string, code?: string) => Object.assign(new Error(name), { name, ...(code ? { code } : {}) });
    for (const error of [
      named('TimeoutError', 'ETIMEDOUT'),
      named('AbortError'),
      named('TimeoutError'),
      named('Error', 'ECONNRESET'),
      named('Error', 'ECONNREFUSED'),
    ]) {
      expectWithMessage(isTransientAwsError(error), `${error.name} ${(error as { code?: string }).code}`).toBe(true);
    }
    expect(isTransientAwsError(named('ValidationException'))).toBe(false);
    expect(isTransientAwsError(named('ConditionalCheckFailedException'))).toBe(false);
  });
});
