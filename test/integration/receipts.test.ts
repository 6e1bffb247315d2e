/**
 * Receipts over HTTP against the shared embedded server, plus, in this process against the same
 * emulators, handlers built with injected dependencies: a 2-second link lifetime (to see a link
 * expire) and an S3 client that cannot connect (to see an upload fail).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { DynamoDbClientStore } from '../../functions/adapters/dynamodb/client-store';
import { DynamoDbReceiptStore } from '../../functions/adapters/dynamodb/receipt-store';
import { LazyPdfReceiptRenderer } from '../../functions/adapters/pdf/receipt-renderer';
import { S3ReceiptFiles } from '../../functions/adapters/s3/receipt-files';
import { todayIn } from '../../functions/domain/calendar';
import type { ReceiptDependencies } from '../../functions/domain/receipts/receipt-service';
import { createCreateReceiptHandler } from '../../functions/handlers/create-receipt';
import type { HttpEvent } from '../../functions/http/route-pipeline';
import { LOCAL_AWS_CREDENTIALS } from '../../local/credentials';
import { runningStack } from '../../local/data-dir-lock';
import { LOCAL_BUCKETS, LOCAL_REGION, LOCAL_TABLE_NAME } from '../../local/embedded-stack';
import { localLambdaContext } from '../../local/lambda-context';
import { pollUntil } from '../../support/poll';
import { activeSite } from '../../support/sample-sites';
import { call, server, tokenFor, uniqueAgency } from '../support/api';
import { pdfPageTexts } from '../support/pdf-text';
import { agencyItemCounts } from '../support/storage';

const today = () => todayIn('America/Toronto', new Date());
const sha256 = (bytes: ArrayBuffer) => createHash('sha256').update(Buffer.from(bytes)).digest('hex');

async function newAgencyWithClient(comments = 'Asked about ESL classes; café à Montréal.') {
  const agencyId = uniqueAgency();
  const token = await tokenFor(agencyId, { agencyName: `Services d'établissement ${agencyId}`, userId: 'staff-7' });
  const created = await call('POST', '/v1/anonymous-clients', {
    token,
    body: { gender: 'FEMALE', registrationDate: today(), siteId: activeSite().siteId, postalCode: 'K1A 0B1', comments },
  });
  expect(created.status).toBe(201);
  return { agencyId, token, clientId: created.body.clientId as string };
}

describe('POST /v1/anonymous-clients/{clientId}/receipts', () => {
  it('stores a PDF whose link downloads exactly the recorded bytes, as an attachment with the receipt file name', async () => {
    const { agencyId, token, clientId } = await newAgencyWithClient();
    const before = Date.now();
    const created = await call('POST', `/v1/anonymous-clients/${clientId}/receipts`, { token, body: { format: 'pdf', language: 'fr' } });
    expect(created.status).toBe(201);
    const receipt = created.body;
    expect(Object.keys(receipt).sort()).toEqual(
      ['receiptId', 'clientId', 'format', 'language', 'createdAt', 'bytes', 'sha256', 'url', 'urlExpiresAt'].sort(),
    );
    expect(receipt).toMatchObject({ clientId, format: 'pdf', language: 'fr' });
    expect(receipt.receiptId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(created.headers.get('location')).toBe(`/v1/anonymous-clients/${clientId}/receipts/${receipt.receiptId}`);
    const lifetime = Date.parse(receipt.urlExpiresAt) - before;
    expect(lifetime).toBeGreaterThan(14 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000 + 5_000);
    expect(new URL(receipt.url).pathname).toMatch(new RegExp(`/receipts/${agencyId}/${clientId}/${receipt.receiptId}\\.pdf$`));

    const download = await fetch(receipt.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="anonymous-client-${clientId.slice(0, 8)}-receipt.pdf"`);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const bytes = await download.arrayBuffer();
    expect(bytes.byteLength).toBe(receipt.bytes);
    expect(sha256(bytes)).toBe(receipt.sha256);
    const text = (await pdfPageTexts(new Uint8Array(bytes))).join('\n');
    expect(text).toContain(`Services d'établissement ${agencyId}`);
    expect(text).toContain('Asked about ESL classes; café à Montréal.');
    expect(text).toContain('Inscrit par staff-7');

    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 1, AUDIT_ENTRY: 1, RECEIPT: 1 });
  });

  it('stores a CSV that parses back to the client', async () => {
    const { token, clientId } = await newAgencyWithClient('=1+1 "quoted", line\nnext');
    const created = await call('POST', `/v1/anonymous-clients/${clientId}/receipts`, { token, body: { format: 'csv', language: 'en' } });
    expect(created.status).toBe(201);
    const download = await fetch(created.body.url);
    expect(download.headers.get('content-disposition')).toContain(`anonymous-client-${clientId.slice(0, 8)}-receipt.csv`);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(sha256(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))).toBe(created.body.sha256);
    const [header, row] = parse(bytes, { bom: true }) as string[][];
    const value = (label: string) => row![header!.indexOf(label)];
    expect(value('Client number')).toBe(clientId);
    expect(value('Postal code')).toBe('K1A 0B1');
    expect(value('Comments')).toBe(`'=1+1 "quoted", line\nnext`);
  });

  it('answers 400 for a bad format or language and 404 for an unknown client, writing nothing', async () => {
    const { agencyId, token, clientId } = await newAgencyWithClient();
    const bad = await call('POST', `/v1/anonymous-clients/${clientId}/receipts`, { token, body: { format: 'docx', language: 'de' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/format', '/language']);
    const missing = await call('POST', '/v1/anonymous-clients/7M2K9Q4TZ8W3XH5RBN6CDFJPVA/receipts', {
      token,
      body: { format: 'pdf', language: 'en' },
    });
    expect(missing.status).toBe(404);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 1 });
  });

  it("answers 404 for another agency's client and receipts, and 403 for an operator", async () => {
    const { token, clientId } = await newAgencyWithClient();
    const made = await call('POST', `/v1/anonymous-clients/${clientId}/receipts`, { token, body: { format: 'pdf', language: 'en' } });
    const other = await tokenFor(uniqueAgency());
    expect(
      (await call('POST', `/v1/anonymous-clients/${clientId}/receipts`, { token: other, body: { format: 'pdf', language: 'en' } })).status,
    ).toBe(404);
    expect((await call('GET', `/v1/anonymous-clients/${clientId}/receipts`, { token: other })).status).toBe(404);
    expect((await call('GET', `/v1/anonymous-clients/${clientId}/receipts/${made.body.receiptId}`, { token: other })).status).toBe(404);
    const operator = await tokenFor(uniqueAgency(), { role: 'operator' });
    expect((await call('GET', `/v1/anonymous-clients/${clientId}/receipts`, { token: operator })).status).toBe(403);
  });
});

describe('GET /v1/anonymous-clients/{clientId}/receipts', () => {
  it('lists receipts newest first with fresh links, and gets one', async () => {
    const { token, clientId } = await newAgencyWithClient();
    const first = await call('POST', `/v1/anonymous-clients/${clientId}/receipts`, { token, body: { format: 'pdf', language: 'en' } });
    const second = await call('POST', `/v1/anonymous-clients/${clientId}/receipts`, { token, body: { format: 'csv', language: 'fr' } });
    const list = await call('GET', `/v1/anonymous-clients/${clientId}/receipts`, { token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { receiptId: string }) => r.receiptId)).toEqual([second.body.receiptId, first.body.receiptId]);
    for (const item of list.body.items) {
      const download = await fetch(item.url);
      expect(download.status).toBe(200);
      expect(sha256(await download.arrayBuffer())).toBe(item.sha256);
    }
    const one = await call('GET', `/v1/anonymous-clients/${clientId}/receipts/${first.body.receiptId}`, { token });
    expect(one.status).toBe(200);
    const { url: _url, urlExpiresAt: _expires, ...stable } = first.body;
    expect(one.body).toMatchObject(stable);
    const unknown = `/v1/anonymous-clients/${clientId}/receipts/7M2K9Q4TZ8W3XH5RBN6CDFJPVA`;
    const missing = await call('GET', unknown, { token });
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('No receipt with this id for this client in your agency.');
    const missingInFrench = await call('GET', unknown, { token, headers: { 'accept-language': 'fr-CA' } });
    expect(missingInFrench.status).toBe(404);
    expect(missingInFrench.headers.get('content-language')).toBe('fr');
    expect(missingInFrench.body.detail).toBe('Aucun reçu de ce client de votre organisme n’a cet identifiant.');
  });
});

describe('disposition: save or print (CONTRACT §7)', () => {
  const dispositionOf = async (url: string) => {
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    await answer.arrayBuffer();
    return answer.headers.get('content-disposition');
  };

  it('gives an inline link on request, for the browser to open and print, and an attachment by default', async () => {
    const { token, clientId } = await newAgencyWithClient();
    const fileName = `anonymous-client-${clientId.slice(0, 8)}-receipt.pdf`;
    const inline = await call('POST', `/v1/anonymous-clients/${clientId}/receipts`, {
      token,
      body: { format: 'pdf', language: 'en', disposition: 'inline' },
    });
    expect(inline.status).toBe(201);
    expect(Object.keys(inline.body)).not.toContain('disposition');
    expect(await dispositionOf(inline.body.url)).toBe(`inline; filename="${fileName}"`);
    const saved = await call('POST', `/v1/anonymous-clients/${clientId}/receipts`, {
      token,
      body: { format: 'pdf', language: 'en', disposition: 'attachment' },
    });
    expect(await dispositionOf(saved.body.url)).toBe(`attachment; filename="${fileName}"`);
  });

  it('lets the GET routes choose per link with ?disposition=inline, the same stored receipt either way', async () => {
    const { token, clientId } = await newAgencyWithClient();
    const made = await call('POST', `/v1/anonymous-clients/${clientId}/receipts`, { token, body: { format: 'pdf', language: 'fr' } });
    const path = `/v1/anonymous-clients/${clientId}/receipts/${made.body.receiptId}`;
    const one = await call('GET', `${path}?disposition=inline`, { token });
    expect(one.status).toBe(200);
    expect(await dispositionOf(one.body.url)).toMatch(/^inline; /);
    expect(await dispositionOf((await call('GET', path, { token })).body.url)).toMatch(/^attachment; /);
    const list = await call('GET', `/v1/anonymous-clients/${clientId}/receipts?disposition=inline`, { token });
    expect(list.body.items).toHaveLength(1);
    expect(await dispositionOf(list.body.items[0].url)).toMatch(/^inline; /);
    expect(list.body.items[0].sha256).toBe(made.body.sha256);
  });

  it('answers 400 naming disposition for any other value, in the body or the query, and stores nothing', async () => {
    const { agencyId, token, clientId } = await newAgencyWithClient();
    const bad = await call('POST', `/v1/anonymous-clients/${clientId}/receipts`, {
      token,
      body: { format: 'pdf', language: 'en', disposition: 'print' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/disposition']);
    const badQuery = await call('GET', `/v1/anonymous-clients/${clientId}/receipts?disposition=INLINE`, { token });
    expect(badQuery.status).toBe(400);
    expect(JSON.stringify(badQuery.body.errors)).toContain('disposition');
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 1 });
  });
});

describe('receipt handlers with injected dependencies (same emulators, this process)', () => {
  let deps: (overrides?: Partial<ReceiptDependencies>) => ReceiptDependencies;

  beforeAll(async () => {
    process.env.SERVICE_VERSION ??= 'test';
    process.env.POWERTOOLS_METRICS_NAMESPACE ??= 'newcomer-intake-test';
    const stack = await runningStack(server().dataDir);
    const credentials = { ...LOCAL_AWS_CREDENTIALS };
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: LOCAL_REGION, endpoint: stack!.dynamodb, credentials }), {
      marshallOptions: { removeUndefinedValues: true },
    });
    const s3 = new S3Client({ region: LOCAL_REGION, endpoint: stack!.s3, forcePathStyle: true, credentials });
    deps = (overrides = {}) => ({
      clients: new DynamoDbClientStore(db, LOCAL_TABLE_NAME),
      receipts: new DynamoDbReceiptStore(db, LOCAL_TABLE_NAME),
      files: new S3ReceiptFiles(s3, LOCAL_BUCKETS.receipts),
      renderer: new LazyPdfReceiptRenderer(),
      settings: { linkSeconds: 900, retentionDays: 30, timeZone: 'America/Toronto' },
      now: () => new Date(),
      ...overrides,
    });
  });

  function event(agencyId: string, clientId: string, body: unknown): HttpEvent {
    return {
      version: '2.0',
      routeKey: 'POST /v1/anonymous-clients/{clientId}/receipts',
      rawPath: `/v1/anonymous-clients/${clientId}/receipts`,
      rawQueryString: '',
      headers: { 'content-type': 'application/json' },
      pathParameters: { clientId },
      body: JSON.stringify(body),
      isBase64Encoded: false,
      requestContext: {
        requestId: `it-${Math.random().toString(36).slice(2)}`,
        authorizer: {
          jwt: {
            claims: { sub: 'staff-7', 'custom:agency_id': agencyId, 'custom:agency_name': 'X', 'cognito:groups': '[staff]' },
            scopes: [],
          },
        },
      },
    } as unknown as HttpEvent;
  }

  it('gives links that stop working once they expire', async () => {
    const { agencyId, clientId } = await newAgencyWithClient();
    const handler = createCreateReceiptHandler(() =>
      deps({ settings: { linkSeconds: 2, retentionDays: 30, timeZone: 'America/Toronto' } }),
    );
    const result = (await handler(
      event(agencyId, clientId, { format: 'pdf', language: 'en' }),
      localLambdaContext('createReceipt', 10),
    )) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(201);
    const receipt = JSON.parse(result.body);
    expect(Date.parse(receipt.urlExpiresAt) - Date.now()).toBeLessThanOrEqual(2_000);
    expect((await fetch(receipt.url)).status).toBe(200);
    // Refused once it expires: wait no longer than the link's 2 s lifetime plus a margin for clock rounding.
    const refused = await pollUntil(async () => (await fetch(receipt.url)).status, {
      description: 'the expired presigned link to be refused',
      until: (status) => status !== 200,
      timeoutMs: 2_000 + 3_000,
      intervalMs: 250,
    });
    expect(refused).toBe(403);
  });

  it('answers 503 with Retry-After when the upload fails, leaves no record, and a retry succeeds', async () => {
    const { agencyId, token, clientId } = await newAgencyWithClient();
    // An S3 client for a port nothing listens on: the adapter's real failure path, no module patching.
    const unreachable = new S3Client({
      region: LOCAL_REGION,
      endpoint: 'http://127.0.0.1:9',
      forcePathStyle: true,
      credentials: { ...LOCAL_AWS_CREDENTIALS },
      maxAttempts: 1,
    });
    const failing = createCreateReceiptHandler(() => deps({ files: new S3ReceiptFiles(unreachable, LOCAL_BUCKETS.receipts) }));
    const result = (await failing(
      event(agencyId, clientId, { format: 'pdf', language: 'en' }),
      localLambdaContext('createReceipt', 10),
    )) as {
      statusCode: number;
      headers: Record<string, string>;
      body: string;
    };
    expect(result.statusCode).toBe(503);
    expect(result.headers['retry-after']).toBe('2');
    expect(result.headers['content-type']).toBe('application/problem+json');
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 1 });
    expect((await call('GET', `/v1/anonymous-clients/${clientId}/receipts`, { token })).body).toEqual({ items: [] });

    const failingRender = createCreateReceiptHandler(() => deps({ render: () => Promise.reject(new Error('font trouble')) }));
    const renderResult = (await failingRender(
      event(agencyId, clientId, { format: 'pdf', language: 'en' }),
      localLambdaContext('createReceipt', 10),
    )) as { statusCode: number };
    expect(renderResult.statusCode).toBe(503);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 1 });

    const retry = await call('POST', `/v1/anonymous-clients/${clientId}/receipts`, { token, body: { format: 'pdf', language: 'en' } });
    expect(retry.status).toBe(201);
    expect(await agencyItemCounts(server().dataDir, agencyId)).toEqual({ ANONYMOUS_CLIENT: 1, AUDIT_ENTRY: 1, RECEIPT: 1 });
  });
});
