/**
 * The Lambda bundles exactly as the CDK stack builds them (lib/bundling.ts: one minified ES module,
 * the SDK's credential chain swapped for environment credentials), each run in a fresh Node process
 * that has only what Lambda gives a function, against the embedded emulators. The other integration
 * tests run the TypeScript sources in the local gateway; these prove the deployed artefact works too.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { todayIn } from '../../functions/domain/calendar';
import { ENVIRONMENT_GROUPS_ALL, environmentFor } from '../../functions/runtime/env';
import { buildFunctionPackage } from '../../lib/function-package';
import { LOCAL_AWS_CREDENTIALS } from '../../local/credentials';
import { runningStack } from '../../local/data-dir-lock';
import { LOCAL_BUCKETS, LOCAL_REGION, LOCAL_TABLE_NAME } from '../../local/embedded-stack';
import { flattenClaims } from '../../local/gateway';
import { activeSite } from '../../support/sample-sites';
import { call, server, tokenFor, uniqueAgency } from '../support/api';
import { expectWithMessage } from '../support/expect-with-message';

const ENTRIES = {
  registerAnonymousClient: 'functions/handlers/register-anonymous-client.ts',
  getSiteTree: 'functions/handlers/get-site-tree.ts',
  createReceipt: 'functions/handlers/create-receipt.ts',
} as const;

let workDir: string;
let home: string;
const bundles: Partial<Record<keyof typeof ENTRIES, string>> = {};
let endpoints: { dynamodb: string; s3: string };

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'newcomer-intake-bundles-'));
  for (const [operationId, entry] of Object.entries(ENTRIES) as [keyof typeof ENTRIES, string][]) {
    bundles[operationId] = (await buildFunctionPackage(entry, join(workDir, operationId))).main;
  }
  // A home directory with a credentials file the SDK's full chain would find and use: the bundles
  // must not look there (Lambda has no such file; only the environment counts).
  home = join(workDir, 'home');
  await mkdir(join(home, '.aws'), { recursive: true });
  await writeFile(join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = S3RVER\naws_secret_access_key = S3RVER\n');
  const stack = await runningStack(server().dataDir);
  if (!stack?.dynamodb || !stack.s3) throw new Error('the embedded stack of the integration tests is not running');
  endpoints = { dynamodb: stack.dynamodb, s3: stack.s3 };
}, 120_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** What Lambda sets for a function of this service (the CDK stack's environment), pointed at the emulators. */
function lambdaEnvironment(withRoleCredentials: boolean): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    AWS_REGION: LOCAL_REGION,
    ...(withRoleCredentials
      ? {
          AWS_ACCESS_KEY_ID: LOCAL_AWS_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: LOCAL_AWS_CREDENTIALS.secretAccessKey,
          AWS_SESSION_TOKEN: 'session',
        }
      : {}),
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    S3_FORCE_PATH_STYLE: 'true',
    ...environmentFor(ENVIRONMENT_GROUPS_ALL, {
      service: {
        SERVICE_VERSION: '0.0.0-bundle-test',
        AGENCY_TIME_ZONE: 'America/Toronto',
        POWERTOOLS_METRICS_NAMESPACE: 'newcomer-intake-test',
      },
      table: { TABLE_NAME: LOCAL_TABLE_NAME },
      receipts: { RECEIPTS_BUCKET: LOCAL_BUCKETS.receipts },
      siteIndex: { SITE_INDEX_BUCKET: LOCAL_BUCKETS.siteIndex },
      retention: {},
      searchCursorKey: { SEARCH_CURSOR_KEY: Buffer.alloc(32, 1).toString('base64') },
    }),
  };
}

interface LambdaResult {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Loads the bundle in a fresh process, as a cold start does, and invokes its handler once. */
function invoke(bundle: string, event: unknown, env: NodeJS.ProcessEnv): Promise<LambdaResult> {
  const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const result = await handler(JSON.parse(process.env.TEST_EVENT), { awsRequestId: 'bundle-test' });
(await import('node:fs')).writeFileSync(process.env.TEST_RESULT_FILE, JSON.stringify(result));`;
  const resultFile = join(workDir, `result-${randomUUID()}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...env, TEST_EVENT: JSON.stringify(event), TEST_RESULT_FILE: resultFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the bundle failed (exit ${code}): ${err.trim().slice(0, 800)}`));
      readFile(resultFile, 'utf8').then((text) => resolve(JSON.parse(text) as LambdaResult), reject);
    });
  });
}

/** An HTTP API payload 2.0 event with the JWT authorizer's claims, as API Gateway sends it. */
function httpApiEvent(method: string, path: string, agencyId: string, body?: unknown, pathParameters?: Record<string, string>) {
  const claims = flattenClaims({
    sub: 'bundle-test-user',
    'custom:agency_id': agencyId,
    'custom:agency_name': `Agency ${agencyId}`,
    'cognito:groups': ['staff'],
  });
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    pathParameters,
    requestContext: {
      authorizer: { jwt: { claims, scopes: [] } },
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bundle-test' },
      requestId: 'bundle-test',
      routeKey: `${method} ${path}`,
      stage: '$default',
      timeEpoch: Date.now(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
  };
}

const registration = () => ({
  gender: 'MALE',
  registrationDate: todayIn('America/Toronto', new Date()),
  siteId: activeSite().siteId,
  postalCode: 'K1A 0B1',
});

describe('the deployed Lambda bundles', () => {
  it('register a client with the role credentials from the environment, and the API reads it back', async () => {
    const agencyId = uniqueAgency('bundle');
    const result = await invoke(
      bundles.registerAnonymousClient!,
      httpApiEvent('POST', '/v1/anonymous-clients', agencyId, registration()),
      lambdaEnvironment(true),
    );
    expect(result.statusCode).toBe(201);
    const created = JSON.parse(result.body!) as { clientId: string; postalCode: string };
    expect(created.postalCode).toBe('K1A 0B1');

    const read = await call('GET', `/v1/anonymous-clients/${created.clientId}`, { token: await tokenFor(agencyId) });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ clientId: created.clientId, postalCode: 'K1A 0B1', agency: { agencyId } });
  }, 60_000);

  it('read the site index from S3 and answer as the API does', async () => {
    const agencyId = uniqueAgency('bundle');
    const result = await invoke(bundles.getSiteTree!, httpApiEvent('GET', '/v1/sites/tree', agencyId), lambdaEnvironment(true));
    expect(result.statusCode).toBe(200);
    const fromApi = await call('GET', '/v1/sites/tree', { token: await tokenFor(agencyId) });
    expect(JSON.parse(result.body!)).toEqual(fromApi.body);
  }, 60_000);

  it('render a PDF receipt with the split renderer and the fonts shipped beside it, in a folder of their own', async () => {
    const agencyId = uniqueAgency('bundle');
    const token = await tokenFor(agencyId);
    // Cyrillic and Arabic need the Noto fonts the package ships under node_modules/ (no repository around it).
    const client = await call('POST', '/v1/anonymous-clients', {
      token,
      body: { ...registration(), comments: 'Нужен переводчик · يحتاج مترجم' },
    });
    expect(client.status).toBe(201);
    const path = `/v1/anonymous-clients/${client.body.clientId}/receipts`;
    const result = await invoke(
      bundles.createReceipt!,
      httpApiEvent('POST', path, agencyId, { format: 'pdf', language: 'fr' }, { clientId: client.body.clientId }),
      lambdaEnvironment(true),
    );
    expectWithMessage(result.statusCode, result.body ?? '(no body)').toBe(201);
    const receipt = JSON.parse(result.body!) as { url: string; sha256: string };
    const bytes = Buffer.from(await (await fetch(receipt.url)).arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(receipt.sha256);
  }, 60_000);

  it('use only the environment for credentials: without them a registration fails as a server fault and writes nothing', async () => {
    const agencyId = uniqueAgency('bundle');
    // ~/.aws/credentials holds a pair the emulator accepts; the SDK's full chain would have used it.
    const result = await invoke(
      bundles.registerAnonymousClient!,
      httpApiEvent('POST', '/v1/anonymous-clients', agencyId, registration()),
      lambdaEnvironment(false),
    );
    // A function without its role's credentials is misconfigured, not briefly unavailable: 500, not 503.
    expect(result.statusCode).toBe(500);
    expect(result.headers?.['content-type']).toMatch(/problem\+json/);
    expect(result.body).not.toMatch(/S3RVER|credential/i);
    const found = await call('GET', '/v1/anonymous-clients?siteId=' + activeSite().siteId, { token: await tokenFor(agencyId) });
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([]);
  }, 60_000);
});
