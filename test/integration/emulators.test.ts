/**
 * The embedded stack's emulators on their own: DynamoDB Local (a Java child process) and s3rver.
 * Checks what `npm start` relies on: loopback-only listeners, state that survives a restart, and no
 * Java process left behind however the Node process ends. Linux only (reads /proc).
 */
import { CreateTableCommand, DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_AWS_CREDENTIALS } from '../../local/credentials';
import { JavaNotFoundError, JavaTooOldError, startDynamoDbLocal } from '../../local/dynamodb-local';
import { startS3Emulator } from '../../local/s3-emulator';
import { ensureTable, OldKeyLayoutError } from '../../local/table-setup';
import { pollUntil } from '../../support/poll';
import { expectWithMessage } from '../support/expect-with-message';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dynamoModuleUrl = new URL('../../local/dynamodb-local.ts', import.meta.url).href;
const fixture = fileURLToPath(new URL('./fixtures/start-dynamodb-local.ts', import.meta.url));
const region = 'ca-central-1';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'newcomer-intake-emulators-'));
});
afterAll(async () => {
  if (root && !process.env.KEEP_TEST_DATA) await rm(root, { recursive: true, force: true });
});

describe('the service table in DynamoDB Local', () => {
  it('refuses a table of the old key layout with what to do, and accepts the current layout', async () => {
    const local = await startDynamoDbLocal({ dbPath: join(root, 'layout') });
    const client = dynamoClient(local.endpoint);
    try {
      expect(await ensureTable(client, 'current')).toBe('created');
      await client.send(new PutItemCommand({ TableName: 'current', Item: { pk: { S: 'AGENCY#a1#CLIENT#' }, sk: { S: 'CLIENT#C1' } } }));
      expect(await ensureTable(client, 'current')).toBe('existing');

      // A table written before the marker existed: checked item by item, then marked.
      expect(await ensureTable(client, 'unmarked')).toBe('created');
      await client.send(new DeleteItemCommand({ TableName: 'unmarked', Key: { pk: { S: 'TABLE' }, sk: { S: 'KEY_LAYOUT' } } }));
      await client.send(new PutItemCommand({ TableName: 'unmarked', Item: { pk: { S: 'SITE#S1' }, sk: { S: 'SITE' } } }));
      expect(await ensureTable(client, 'unmarked')).toBe('existing');
      expect(
        (await client.send(new GetItemCommand({ TableName: 'unmarked', Key: { pk: { S: 'TABLE' }, sk: { S: 'KEY_LAYOUT' } } }))).Item,
      ).toBeDefined();

      expect(await ensureTable(client, 'old')).toBe('created');
      await client.send(new DeleteItemCommand({ TableName: 'old', Key: { pk: { S: 'TABLE' }, sk: { S: 'KEY_LAYOUT' } } }));
      await client.send(new PutItemCommand({ TableName: 'old', Item: { pk: { S: 'AGENCY#a1' }, sk: { S: 'CLIENT#C1' } } }));
      const refusal = ensureTable(client, 'old');
      await expect(refusal).rejects.toThrow(OldKeyLayoutError);
      await expect(ensureTable(client, 'old')).rejects.toThrow(/move the data directory aside/);
    } finally {
      client.destroy();
      await local.stop();
    }
  });
});

describe('DynamoDB Local', () => {
  it('listens on 127.0.0.1 only and keeps tables and items across stop() and start()', async () => {
    const dbPath = join(root, 'persist');
    const first = await startDynamoDbLocal({ dbPath });
    try {
      expect(first.endpoint).toBe(`http://127.0.0.1:${first.port}`);
      const listeners = await listeningAddresses(first.port);
      expect(listeners.length).toBeGreaterThan(0);
      expect(listeners.filter((address) => !isLoopback(address))).toEqual([]);

      const client = dynamoClient(first.endpoint);
      await client.send(
        new CreateTableCommand({
          TableName: 'Registrations',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        }),
      );
      await client.send(new PutItemCommand({ TableName: 'Registrations', Item: { pk: { S: 'client#1' }, site: { S: 'Halifax' } } }));
      client.destroy();
    } finally {
      await first.stop();
    }

    const second = await startDynamoDbLocal({ dbPath, port: first.port });
    try {
      const client = dynamoClient(second.endpoint);
      const { Item } = await client.send(
        new GetItemCommand({ TableName: 'Registrations', Key: { pk: { S: 'client#1' } }, ConsistentRead: true }),
      );
      client.destroy();
      expect(Item).toEqual({ pk: { S: 'client#1' }, site: { S: 'Halifax' } });
    } finally {
      await second.stop();
    }
  });

  it('stop() leaves no Java process (nor its supervisor) behind', async () => {
    const dbPath = join(root, 'stop');
    const lines: string[] = [];
    const dynamo = await startDynamoDbLocal({ dbPath, onLog: (line) => lines.push(line) });
    expect(lines).toContain('DynamoDB Local listening on 127.0.0.1');
    expect(processExists(dynamo.pid)).toBe(true);
    expect(await processesMentioning(dbPath)).toContain(dynamo.pid);

    await dynamo.stop();
    await dynamo.exited; // already resolved
    expect(processExists(dynamo.pid)).toBe(false);
    expect(await processesMentioning(dbPath)).toEqual([]);
    await expect(listeningAddresses(dynamo.port)).resolves.toEqual([]);
    await dynamo.stop(); // idempotent
  });

  it('fails fast, naming the port, when the port is taken, and leaves no Java process behind', async () => {
    const dbPath = join(root, 'port-taken');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const startedAt = Date.now();
      await expect(startDynamoDbLocal({ dbPath, port })).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
      expect(Date.now() - startedAt).toBeLessThan(30_000);
      await pollUntil(() => processesMentioning(dbPath), {
        description: 'no Java left running on the dbPath',
        until: (pids) => pids.length === 0,
        timeoutMs: 5_000,
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('leaves no Java process behind, and keeps the data, when its Node process is killed with SIGKILL', async () => {
    const dbPath = join(root, 'sigkill');
    // process.execPath + --import tsx (not npx tsx) so that child.pid is the process running the fixture.
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, dbPath], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let javaPid: number;
    try {
      let port: number;
      ({ javaPid, port } = await waitForReadyLine(child));
      expect(processExists(javaPid)).toBe(true);
      const client = dynamoClient(`http://127.0.0.1:${port}`);
      await client.send(
        new CreateTableCommand({
          TableName: 'Sessions',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        }),
      );
      await client.send(new PutItemCommand({ TableName: 'Sessions', Item: { pk: { S: 'written-before-kill' } } }));
      client.destroy();
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }

    const childExited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid as number, 'SIGKILL');
    await childExited;

    await pollUntil(() => processExists(javaPid), {
      description: `Java (pid ${javaPid}) to end after SIGKILL`,
      until: (exists) => !exists,
      timeoutMs: 10_000,
    });
    await pollUntil(() => processesMentioning(dbPath), {
      description: 'no process mentioning the dbPath',
      until: (pids) => pids.length === 0,
      timeoutMs: 5_000,
    });

    const restarted = await startDynamoDbLocal({ dbPath });
    try {
      const client = dynamoClient(restarted.endpoint);
      const { Item } = await client.send(
        new GetItemCommand({ TableName: 'Sessions', Key: { pk: { S: 'written-before-kill' } }, ConsistentRead: true }),
      );
      client.destroy();
      expect(Item).toEqual({ pk: { S: 'written-before-kill' } });
    } finally {
      await restarted.stop();
    }
  });

  it('throws JavaNotFoundError, with a one-line install hint, when java is not on PATH', async () => {
    const emptyBin = join(root, 'empty-bin');
    await mkdir(emptyBin);
    const script = `
      const { startDynamoDbLocal, JavaNotFoundError } = await import(${JSON.stringify(dynamoModuleUrl)});
      try {
        const running = await startDynamoDbLocal({ dbPath: ${JSON.stringify(join(root, 'no-java'))} });
        await running.stop();
        console.log(JSON.stringify({ started: true }));
      } catch (error) {
        console.log(JSON.stringify({ name: error.name, isJavaNotFound: error instanceof JavaNotFoundError, message: error.message }));
      }
    `;
    const { code, stdout, stderr } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      cwd: repoRoot,
      env: { ...process.env, PATH: emptyBin },
    });
    expectWithMessage(code, stderr).toBe(0);
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    expect(result).toMatchObject({ name: 'JavaNotFoundError', isJavaNotFound: true });
    expect(result.message).not.toContain('\n');
    expect(result.message).toMatch(/Java 17/);
    expect(result.message).toContain('apt-get install openjdk-17-jre-headless');
  });

  it('throws JavaTooOldError (a JavaNotFoundError) for a Java older than 17', async () => {
    const fakeJava = join(root, 'java8');
    await writeFile(fakeJava, "#!/bin/sh\necho 'openjdk version \"1.8.0_422\"' >&2\necho 'OpenJDK Runtime Environment' >&2\nexit 0\n");
    await chmod(fakeJava, 0o755);
    const attempt = startDynamoDbLocal({ dbPath: join(root, 'old-java'), javaCommand: fakeJava });
    await expect(attempt).rejects.toBeInstanceOf(JavaTooOldError);
    await expect(attempt).rejects.toBeInstanceOf(JavaNotFoundError);
    await expect(attempt).rejects.toThrow(/needs Java 17 or newer.*Java 8/);
  });
});

describe('S3 emulator', () => {
  it('creates the buckets, binds 127.0.0.1 only, serves put/get and presigned GET, and keeps objects across restarts', async () => {
    const directory = join(root, 's3');
    const buckets = ['intake-uploads', 'intake-exports'];

    const first = await startS3Emulator({ directory, buckets });
    try {
      expect(first.endpoint).toBe(`http://127.0.0.1:${first.port}`);
      const listeners = await listeningAddresses(first.port);
      expect(listeners.length).toBeGreaterThan(0);
      expect(listeners.filter((address) => !isLoopback(address))).toEqual([]);

      const client = s3Client(first.endpoint);
      const listed = await client.send(new ListBucketsCommand({}));
      expect(listed.Buckets?.map((bucket) => bucket.Name).sort()).toEqual([...buckets].sort());

      await client.send(
        new PutObjectCommand({
          Bucket: 'intake-uploads',
          Key: 'forms/2024/client-1.json',
          Body: '{"site":"Halifax"}',
          ContentType: 'application/json',
        }),
      );
      const got = await client.send(new GetObjectCommand({ Bucket: 'intake-uploads', Key: 'forms/2024/client-1.json' }));
      expect(await got.Body?.transformToString()).toBe('{"site":"Halifax"}');
      expect(got.ContentType).toBe('application/json');

      const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: 'intake-uploads', Key: 'forms/2024/client-1.json' }), {
        expiresIn: 300,
      });
      expect(url.startsWith(`${first.endpoint}/intake-uploads/`)).toBe(true);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('{"site":"Halifax"}');

      // s3rver enforces a presigned URL's expiry. (It does not verify SigV4 signatures at all, nor
      // require any: it is only safe because it listens on loopback.)
      const expired = await getSignedUrl(client, new GetObjectCommand({ Bucket: 'intake-uploads', Key: 'forms/2024/client-1.json' }), {
        expiresIn: 60,
        signingDate: new Date(Date.now() - 120_000),
      });
      expect((await fetch(expired)).status).toBe(403);
      client.destroy();
    } finally {
      await first.stop();
    }
    await expect(listeningAddresses(first.port)).resolves.toEqual([]);

    const second = await startS3Emulator({ directory, buckets });
    try {
      const client = s3Client(second.endpoint);
      const listed = await client.send(new ListBucketsCommand({}));
      expect(listed.Buckets?.map((bucket) => bucket.Name).sort()).toEqual([...buckets].sort());
      const got = await client.send(new GetObjectCommand({ Bucket: 'intake-uploads', Key: 'forms/2024/client-1.json' }));
      expect(await got.Body?.transformToString()).toBe('{"site":"Halifax"}');
      client.destroy();
    } finally {
      await second.stop();
    }
  });
});

function dynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region, credentials: { ...LOCAL_AWS_CREDENTIALS } });
}

function s3Client(endpoint: string): S3Client {
  return new S3Client({ endpoint, region, forcePathStyle: true, credentials: { ...LOCAL_AWS_CREDENTIALS } });
}

/** Local addresses of the TCP sockets listening on `port`, from /proc/net/tcp and /proc/net/tcp6. */
async function listeningAddresses(port: number): Promise<string[]> {
  const addresses: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const table = await readFile(file, 'utf8').catch(() => '');
    for (const line of table.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      const state = fields[3];
      if (!local || state !== '0A') continue; // 0A = LISTEN
      const [hexAddress = '', hexPort = ''] = local.split(':');
      if (parseInt(hexPort, 16) === port) addresses.push(decodeProcAddress(hexAddress));
    }
  }
  return addresses;
}

/** /proc/net addresses are 32-bit words in host (little-endian) byte order. */
function decodeProcAddress(hex: string): string {
  const bytes: number[] = [];
  for (let word = 0; word < hex.length; word += 8) {
    const chunk = hex.slice(word, word + 8);
    for (let i = 6; i >= 0; i -= 2) bytes.push(parseInt(chunk.slice(i, i + 2), 16));
  }
  if (bytes.length === 4) return bytes.join('.');
  const isMappedV4 = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (isMappedV4) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  const full = groups.join(':');
  if (full === '0:0:0:0:0:0:0:0') return '::';
  if (full === '0:0:0:0:0:0:0:1') return '::1';
  return full;
}

function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address.startsWith('::ffff:127.') || address === '::1';
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** Pids of live processes whose command line contains `text`. */
async function processesMentioning(text: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.split('\0').some((arg) => arg.includes(text))) pids.push(Number(entry));
  }
  return pids;
}

/** Resolves with the Java pid and port from the fixture's `READY <javaPid> <port>` line. */
function waitForReadyLine(child: ChildProcess): Promise<{ javaPid: number; port: number }> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`fixture not ready after 60 s\n${stdout}\n${stderr}`)), 60_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^READY (\d+) (\d+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ javaPid: Number(match[1]), port: Number(match[2]) });
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`fixture exited (${signal ?? code}) before READY\n${stdout}\n${stderr}`));
    });
  });
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
