/**
 * CONTRACT §3 under faults, against a real embedded stack of this file's own (its own data directory
 * and DynamoDB Local: the shared integration server is never paused), with a 2 s request deadline:
 *   - DynamoDB Local paused (SIGSTOP): requests answer 503 with Retry-After, as problem+json, within
 *     the deadline and a small margin, then everything works again once it resumes;
 *   - a write that DynamoDB applied but whose answer never came back: 503, and the keyed retry is
 *     stored exactly once; a single PutItem retried by the SDK recognises its own item;
 *   - S3 that accepts connections and never answers: a receipt answers 503 and nothing is recorded;
 *   - the server and its Java killed (kill -9) with registrations in flight: after a restart on the
 *     same data directory, every registration that was answered 201 is there.
 * (process-lifecycle.test.ts kills the server only after every answer has arrived, and lets Java
 * exit by itself; the last test here kills both with requests still in flight.)
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDbClientStore } from '../../functions/adapters/dynamodb/client-store';
import { createDocumentClient } from '../../functions/adapters/dynamodb/document-client';
import { DynamoDbReceiptStore } from '../../functions/adapters/dynamodb/receipt-store';
import { DynamoDbSessionStore } from '../../functions/adapters/dynamodb/session-store';
import { DynamoDbSiteCatalog } from '../../functions/adapters/dynamodb/site-catalog';
import { LazyPdfReceiptRenderer } from '../../functions/adapters/pdf/receipt-renderer';
import { S3ReceiptFiles } from '../../functions/adapters/s3/receipt-files';
import { createS3Client } from '../../functions/adapters/s3/s3-client';
import { todayIn } from '../../functions/domain/calendar';
import { createCreateReceiptHandler } from '../../functions/handlers/create-receipt';
import { createRegisterAnonymousClientHandler } from '../../functions/handlers/register-anonymous-client';
import type { StorageDependencies } from '../../functions/runtime/dependencies';
import { LOCAL_AWS_CREDENTIALS } from '../../local/credentials';
import { runningStack } from '../../local/data-dir-lock';
import { LOCAL_BUCKETS, LOCAL_REGION, LOCAL_TABLE_NAME } from '../../local/embedded-stack';
import { localLambdaContext } from '../../local/lambda-context';
import { issueLocalToken } from '../../local/tokens';
import { httpEvent } from '../../support/http-events';
import { pollUntil } from '../../support/poll';
import { activeSite } from '../../support/sample-sites';
import { processesUsing, SERVER_START_BUDGET_MS, type ServerProcess, startServerProcess } from '../../support/server-process';
import { type ApiResponse, call, uniqueAgency } from '../support/api';
import { expectWithMessage } from '../support/expect-with-message';
import { agencyItemCounts } from '../support/storage';

/** The request deadline of this file's server, and what a 503 may take beyond it (event loop, answer, a busy machine). */
const DEADLINE_MS = 2_000;
const MARGIN_MS = 1_500;
/** In-process handlers get a Lambda context with 3 s left: their deadline is then 3 s less the 1 s answer margin, 2 s. */
const IN_PROCESS_CONTEXT_SECONDS = 3;
const STAFF = 'staff-7';

let dataDir: string;
let server: ServerProcess;
let endpoints: { dynamodb: string; s3: string };

/** The JVM among them. */
function javaProcesses(): number[] {
  return processesUsing(dataDir).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'java';
    } catch {
      return false;
    }
  });
}

function signal(pids: number[], name: NodeJS.Signals) {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

async function startServer(log: string) {
  server = await startServerProcess({
    dataDir,
    logFile: join(dataDir, log),
    env: { REQUEST_DEADLINE_SECONDS: String(DEADLINE_MS / 1000) },
  });
  const stack = await runningStack(dataDir);
  if (!stack?.dynamodb || !stack.s3) throw new Error(`the server on ${dataDir} did not describe its emulators`);
  endpoints = { dynamodb: stack.dynamodb, s3: stack.s3 };
}

beforeAll(async () => {
  process.env.SERVICE_VERSION ??= 'test';
  process.env.POWERTOOLS_METRICS_NAMESPACE ??= 'newcomer-intake-test';
  dataDir = await mkdtemp(join(tmpdir(), 'newcomer-intake-faults-'));
  await startServer('server.log');
}, SERVER_START_BUDGET_MS + 10_000); // a start's own budget fails first, with the server's output

afterAll(async () => {
  if (!dataDir) return;
  signal(javaProcesses(), 'SIGCONT');
  await server?.stop().catch(() => undefined);
  signal(processesUsing(dataDir), 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

const registration = () => ({ gender: 'UNKNOWN', registrationDate: todayIn('America/Toronto', new Date()), siteId: activeSite().siteId });

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

function expectUnavailable(answer: { status: number; headers: Headers | Record<string, string | undefined> }, ms: number, label: string) {
  const header = (name: string) => (answer.headers instanceof Headers ? answer.headers.get(name) : answer.headers[name]);
  expect({ label, status: answer.status, retryAfter: header('retry-after'), type: header('content-type') }).toEqual({
    label,
    status: 503,
    retryAfter: '2',
    type: 'application/problem+json',
  });
  // It was the deadline that answered (nothing refused the connection), and not much after it.
  expectWithMessage(ms, label).toBeGreaterThanOrEqual(DEADLINE_MS - 150);
  expectWithMessage(ms, label).toBeLessThan(DEADLINE_MS + MARGIN_MS);
}

/** Asks again while the answer is 409 (a first request still committing: Retry-After 1). */
function untilSettled(request: () => Promise<ApiResponse>): Promise<ApiResponse> {
  return pollUntil(request, {
    description: 'an answer other than 409 (in progress)',
    until: (answer) => answer.status !== 409,
    timeoutMs: 3_300,
    intervalMs: 300,
  });
}

describe('DynamoDB Local paused (SIGSTOP)', () => {
  let agencyId: string;
  let token: string;
  let existing: string;

  it('answers 503 with Retry-After within the deadline, and a keyed registration retried afterwards is stored exactly once', async () => {
    agencyId = uniqueAgency('paused');
    token = await issueLocalToken(dataDir, { agencyId, agencyName: 'Paused agency' });
    const first = await call('POST', '/v1/anonymous-clients', { token, body: registration(), baseUrl: server.url });
    expect(first.status).toBe(201);
    existing = first.headers.get('location')!;
    const keyed = { token, body: registration(), baseUrl: server.url, headers: { 'idempotency-key': `paused-${agencyId}` } };

    const java = javaProcesses();
    expect(java).toHaveLength(1);
    signal(java, 'SIGSTOP');
    try {
      const answers = await Promise.all([
        timed(() => call('POST', '/v1/anonymous-clients', keyed)),
        timed(() => call('GET', existing, { token, baseUrl: server.url })),
        timed(() => call('GET', `${existing}/receipts`, { token, baseUrl: server.url })),
      ]);
      answers.forEach(({ value, ms }, i) => expectUnavailable(value, ms, ['keyed registration', 'read', 'receipts'][i]!));
      expect(answers[0]!.value.body.type).toMatch(/service-unavailable$/);
    } finally {
      signal(java, 'SIGCONT');
    }

    const retried = await untilSettled(() => call('POST', '/v1/anonymous-clients', keyed));
    expect(retried.status).toBe(201);
    expect(await agencyItemCounts(dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 2, IDEMPOTENCY_RECORD: 1 });
    const again = await call('POST', '/v1/anonymous-clients', keyed);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.clientId).toBe(retried.body.clientId);
    expect(await agencyItemCounts(dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 2, IDEMPOTENCY_RECORD: 1 });
  });

  it('serves ordinary requests again once it resumes', async () => {
    const read = await timed(() => call('GET', existing, { token, baseUrl: server.url }));
    expect(read.value.status).toBe(200);
    expect(read.ms).toBeLessThan(DEADLINE_MS);
    const registered = await call('POST', '/v1/anonymous-clients', { token, body: registration(), baseUrl: server.url });
    expect(registered.status).toBe(201);
    expect((await call('GET', registered.headers.get('location')!, { token, baseUrl: server.url })).status).toBe(200);
  });
});

type Fault = 'hold-answer' | 'lose-answer';

/**
 * A document client (the service's own: createDocumentClient) whose HTTP handler sends every call to
 * DynamoDB Local, but for the calls `faultOf` names, lets DynamoDB apply it and then never hands the
 * answer back: `hold-answer` waits until the request's deadline aborts the attempt, `lose-answer`
 * fails the attempt as a timeout (which the SDK retries).
 */
function answerLosingClient(faultOf: (operation: string, call: number) => Fault | undefined) {
  const real = new DynamoDBClient({ region: LOCAL_REGION, endpoint: endpoints.dynamodb, credentials: { ...LOCAL_AWS_CREDENTIALS } }).config
    .requestHandler as unknown as {
    handle(
      request: { headers: Record<string, string> },
      options?: { abortSignal?: AbortSignal },
    ): Promise<{ response: { body: NodeJS.ReadableStream } }>;
  };
  const calls = new Map<string, number>();
  const handler = {
    async handle(request: { headers: Record<string, string> }, options: { abortSignal?: AbortSignal } = {}) {
      const operation = (request.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      const count = (calls.get(operation) ?? 0) + 1;
      calls.set(operation, count);
      const fault = faultOf(operation, count);
      if (!fault) return real.handle(request, options);
      const { response } = await real.handle(request);
      for await (const _chunk of response.body) {
        // DynamoDB has answered: the answer is dropped.
      }
      if (fault === 'lose-answer') throw Object.assign(new Error('the answer was lost'), { name: 'TimeoutError', code: 'ETIMEDOUT' });
      return new Promise<never>((_resolve, reject) => {
        const abort = () => reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' }));
        if (options.abortSignal?.aborted) abort();
        options.abortSignal?.addEventListener('abort', abort, { once: true });
      });
    },
  };
  return {
    calls,
    db: createDocumentClient({
      region: LOCAL_REGION,
      endpoint: endpoints.dynamodb,
      credentials: { ...LOCAL_AWS_CREDENTIALS },
      requestHandler: handler,
    }),
  };
}

function storage(db: ReturnType<typeof createDocumentClient>): StorageDependencies {
  return {
    clients: new DynamoDbClientStore(db, LOCAL_TABLE_NAME),
    sessions: new DynamoDbSessionStore(db, LOCAL_TABLE_NAME),
    sites: new DynamoDbSiteCatalog(db, LOCAL_TABLE_NAME),
  };
}

function claimsOf(agencyId: string) {
  return { sub: STAFF, 'custom:agency_id': agencyId, 'custom:agency_name': 'Faults agency', 'cognito:groups': '[staff]' };
}

async function registerInProcess(db: ReturnType<typeof createDocumentClient>, agencyId: string, headers: Record<string, string> = {}) {
  const handler = createRegisterAnonymousClientHandler(() => storage(db));
  const event = httpEvent({ method: 'POST', path: '/v1/anonymous-clients', body: registration(), headers, claims: claimsOf(agencyId) });
  return timed(
    async () =>
      (await handler(
        event,
        localLambdaContext('registerAnonymousClient', IN_PROCESS_CONTEXT_SECONDS),
      )) as APIGatewayProxyStructuredResultV2,
  );
}

describe('a write DynamoDB applied but whose answer never came back', () => {
  it('answers 503 within the deadline, and the keyed retry replays it: stored exactly once', async () => {
    const agencyId = uniqueAgency('lost-answer');
    const { db, calls } = answerLosingClient((operation, n) => (operation === 'TransactWriteItems' && n === 1 ? 'hold-answer' : undefined));
    const key = `lost-${agencyId}`;
    const { value: answer, ms } = await registerInProcess(db, agencyId, { 'idempotency-key': key });
    expectUnavailable({ status: answer.statusCode!, headers: answer.headers as Record<string, string> }, ms, 'held registration');
    // Aborted, not retried: the write was sent once.
    expect(calls.get('TransactWriteItems')).toBe(1);
    // The tester's case: the caller was told 503, yet the registration is stored.
    expect(await agencyItemCounts(dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 1, IDEMPOTENCY_RECORD: 1 });

    const token = await issueLocalToken(dataDir, { agencyId, userId: STAFF, agencyName: 'Faults agency' });
    const retried = await call('POST', '/v1/anonymous-clients', {
      token,
      body: registration(),
      baseUrl: server.url,
      headers: { 'idempotency-key': key },
    });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await agencyItemCounts(dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 1, IDEMPOTENCY_RECORD: 1 });
  });

  it('registers once when the SDK retries a PutItem whose first answer was lost', async () => {
    const agencyId = uniqueAgency('retried-put');
    const { db, calls } = answerLosingClient((operation, n) => (operation === 'PutItem' && n === 1 ? 'lose-answer' : undefined));
    const { value: answer } = await registerInProcess(db, agencyId);
    expect(calls.get('PutItem')).toBe(2);
    expect(answer.statusCode).toBe(201);
    expect(await agencyItemCounts(dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 1 });
  });
});

describe('S3 that accepts connections and never answers', () => {
  let stalled: Server;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    stalled = createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => stalled?.close(resolve));
  });

  it('answers a receipt with 503 and Retry-After within the deadline, and records nothing', async () => {
    const agencyId = uniqueAgency('stalled-s3');
    const token = await issueLocalToken(dataDir, { agencyId, userId: STAFF, agencyName: 'Faults agency' });
    const registered = await call('POST', '/v1/anonymous-clients', { token, body: registration(), baseUrl: server.url });
    expect(registered.status).toBe(201);
    const clientId = registered.body.clientId as string;

    const port = (stalled.address() as { port: number }).port;
    const s3 = createS3Client({
      region: LOCAL_REGION,
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { ...LOCAL_AWS_CREDENTIALS },
    });
    const db = createDocumentClient({ region: LOCAL_REGION, endpoint: endpoints.dynamodb, credentials: { ...LOCAL_AWS_CREDENTIALS } });
    const handler = createCreateReceiptHandler(() => ({
      clients: new DynamoDbClientStore(db, LOCAL_TABLE_NAME),
      receipts: new DynamoDbReceiptStore(db, LOCAL_TABLE_NAME),
      files: new S3ReceiptFiles(s3, LOCAL_BUCKETS.receipts),
      renderer: new LazyPdfReceiptRenderer(),
      settings: { linkSeconds: 900, retentionDays: 30, timeZone: 'America/Toronto' },
      now: () => new Date(),
    }));
    const event = httpEvent({
      method: 'POST',
      path: `/v1/anonymous-clients/${clientId}/receipts`,
      pathParameters: { clientId },
      body: { format: 'csv', language: 'en' },
      claims: claimsOf(agencyId),
    });
    const { value: answer, ms } = await timed(
      async () =>
        (await handler(event, localLambdaContext('createReceipt', IN_PROCESS_CONTEXT_SECONDS))) as APIGatewayProxyStructuredResultV2,
    );
    expectUnavailable({ status: answer.statusCode!, headers: answer.headers as Record<string, string> }, ms, 'receipt');
    // The upload reached the stalled server (a connection, not a refusal) and was cut off there.
    expect(sockets.length).toBeGreaterThanOrEqual(1);
    expect(await agencyItemCounts(dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 1 });
    expect((await call('GET', `/v1/anonymous-clients/${clientId}/receipts`, { token, baseUrl: server.url })).body).toEqual({ items: [] });
  });
});

describe('kill -9 of the server and its Java with registrations in flight', () => {
  it(
    'keeps every registration that was answered 201, through a restart on the same data directory',
    async () => {
      const agencyId = uniqueAgency('crash');
      const token = await issueLocalToken(dataDir, { agencyId, agencyName: 'Crash agency' });
      const answered: string[] = [];
      let failed = 0;
      let crashed!: () => void;
      const crash = new Promise<void>((resolve) => (crashed = resolve));
      const crashAfter = 40;
      let next = 0;
      const worker = async () => {
        while (next < 100) {
          next += 1;
          try {
            const answer = await call('POST', '/v1/anonymous-clients', { token, body: registration(), baseUrl: server.url });
            if (answer.status === 201) answered.push(answer.headers.get('location')!);
            else failed += 1;
          } catch {
            failed += 1; // the connection died with the server
          }
          if (answered.length === crashAfter) crashed();
        }
      };
      const load = Promise.all(Array.from({ length: 10 }, worker));
      await crash;
      // Both at once, as a machine losing power would leave them (but with the OS's buffers written).
      signal([server.child.pid!, ...processesUsing(dataDir)], 'SIGKILL');
      await server.exited;
      await load;
      expect(failed).toBeGreaterThan(0);
      expect(answered.length).toBeGreaterThanOrEqual(crashAfter);

      await startServer('restarted.log');
      const missing: string[] = [];
      for (const location of answered) {
        if ((await call('GET', location, { token, baseUrl: server.url })).status !== 200) missing.push(location);
      }
      expect(missing).toEqual([]);
    },
    SERVER_START_BUDGET_MS + 60_000,
  ); // the restart's own budget, and the load before the crash
});
