/**
 * Retention against the embedded stack (docs/storage.md#retention): clients registered long ago, with
 * a receipt (record and file), a session, edits (audit entries) and comments, are removed with all of
 * it by a run; a younger client and another agency are untouched; a second run does nothing. And the
 * agency's comment vocabulary forgets a word no client holds any more, after an edit and after expiry,
 * but keeps a word another client still holds. Runs go through the use case on the running stack's
 * emulators (as the daily run does) and through `npm run clients:expire`.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { auditEntriesLocation } from '../../functions/adapters/dynamodb/client-record-eraser';
import { batchWrite, DynamoDbSearchIndexWriter, searchKeys, vocabularyItems } from '../../functions/adapters/dynamodb/search-index';
import { rebuildSearchIndex } from '../../functions/adapters/dynamodb/search-index-rebuild';
import { keys } from '../../functions/adapters/dynamodb/table-design';
import { clientReceiptsPrefix } from '../../functions/adapters/s3/receipt-file-eraser';
import { todayIn } from '../../functions/domain/calendar';
import { expireAnonymousClients, type RetentionRequest } from '../../functions/domain/client-retention';
import type { ClientPostings } from '../../functions/ports/client-search-index';
import { retentionPortsFor } from '../../functions/runtime/retention-dependencies';
import { LOCAL_BUCKETS, LOCAL_TABLE_NAME } from '../../local/embedded-stack';
import { pollUntil } from '../../support/poll';
import { sampleSites } from '../../support/sample-sites';
import { call, server, tokenFor, uniqueAgency } from '../support/api';
import { stackDocumentAndS3Clients } from '../support/storage';

const run = promisify(execFile);
const YEARS = 20;
const today = () => todayIn('America/Toronto', new Date());
const site = () => sampleSites().find((s) => s.active)!.siteId;

let db: DynamoDBDocumentClient;
let s3: S3Client;

beforeAll(async () => {
  ({ db, s3 } = await stackDocumentAndS3Clients(server().dataDir));
});
afterAll(() => {
  db?.destroy();
  s3?.destroy();
});

function expire(request: Partial<RetentionRequest> & { agencyId?: string }) {
  const ports = retentionPortsFor(db, LOCAL_TABLE_NAME, s3, LOCAL_BUCKETS.receipts);
  return expireAnonymousClients({ now: new Date(), retentionYears: YEARS, timeZone: 'America/Toronto', ...request }, ports);
}

interface Registered {
  clientId: string;
  registrationDate: string;
  createdAt: string;
  site: { siteId: string };
  version: number;
}

async function register(token: string, registrationDate: string, comments: string): Promise<Registered> {
  const response = await call('POST', '/v1/anonymous-clients', {
    token,
    body: { gender: 'FEMALE', registrationDate, siteId: site(), comments },
  });
  expect(response.status).toBe(201);
  return response.body as Registered;
}

async function edit(token: string, client: Registered, comments: string) {
  const current = await call('GET', `/v1/anonymous-clients/${client.clientId}`, { token });
  const response = await call('PATCH', `/v1/anonymous-clients/${client.clientId}`, {
    token,
    headers: { 'if-match': current.headers.get('etag')! },
    body: { comments },
  });
  expect(response.status).toBe(200);
}

/** A receipt (record + file), a session and an edit (each with its audit entry). */
async function giveChildren(token: string, client: Registered, comments: string) {
  const receipt = await call('POST', `/v1/anonymous-clients/${client.clientId}/receipts`, {
    token,
    body: { format: 'csv', language: 'en' },
  });
  expect(receipt.status).toBe(201);
  const session = await call('POST', `/v1/anonymous-clients/${client.clientId}/sessions`, {
    token,
    body: { sessionType: 'DIRECT_SERVICE', serviceDate: today(), siteId: client.site.siteId, deliveryMethod: 'IN_PERSON' },
  });
  expect(session.status).toBe(201);
  await edit(token, client, comments);
}

async function count(pk: string, prefix?: string, clientId?: string): Promise<number> {
  const { Items } = await db.send(
    new QueryCommand({
      TableName: LOCAL_TABLE_NAME,
      KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':prefix': prefix } : {}) },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).filter((item) => clientId === undefined || item.clientId === clientId).length;
}

/** Everything stored for a client, by kind: the profile, session, receipts (records, files), audit entries, postings. */
async function storedFor(agencyId: string, client: Registered, words: string[]) {
  const audit = auditEntriesLocation(agencyId, client.clientId);
  const files = await s3.send(
    new ListObjectsV2Command({ Bucket: LOCAL_BUCKETS.receipts, Prefix: clientReceiptsPrefix(agencyId, client.clientId) }),
  );
  const postings = await Promise.all([
    count(searchKeys.site(agencyId, client.site.siteId), undefined, client.clientId),
    ...words.map((word) => count(searchKeys.word(agencyId, word), undefined, client.clientId)),
  ]);
  return {
    client: await count(keys.clients(agencyId), keys.client(client.clientId)),
    session: await count(keys.sessions(agencyId), keys.clientSession(client.clientId)),
    receiptRecords: await count(keys.receipts(agencyId), keys.clientReceiptsPrefix(client.clientId)),
    receiptFiles: files.KeyCount ?? 0,
    auditEntries: await count(audit.pk, audit.prefix),
    postings: postings.reduce((a, b) => a + b, 0),
  };
}

async function inVocabulary(agencyId: string, word: string): Promise<boolean> {
  const { Item } = await db.send(
    new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: { pk: searchKeys.vocabulary(agencyId), sk: word }, ConsistentRead: true }),
  );
  return Item !== undefined;
}

async function found(token: string, q: string): Promise<string[]> {
  const response = await call('GET', `/v1/anonymous-clients?${new URLSearchParams({ q })}`, { token });
  expect(response.status).toBe(200);
  return response.body.items.map((item: { clientId: string }) => item.clientId);
}

const indexed = (token: string, q: string, expected: number) =>
  pollUntil(async () => (await found(token, q)).length, {
    description: `the search for "${q}" to find ${expected}`,
    until: (n) => n === expected,
    timeoutMs: 15_000,
  });

describe('a retention run', () => {
  const a = { agencyId: uniqueAgency('retention'), token: '' };
  const b = { agencyId: uniqueAgency('retention'), token: '' };
  const clients: Record<string, Registered> = {};

  beforeAll(async () => {
    a.token = await tokenFor(a.agencyId);
    b.token = await tokenFor(b.agencyId);
    clients.old1 = await register(a.token, '2001-02-03', 'Needs a zorblat interpreter, quixotic paperwork');
    clients.old2 = await register(a.token, '2006-01-15', 'Asked about housing');
    clients.young = await register(a.token, today(), 'Quixotic questions about schools');
    clients.otherAgency = await register(b.token, '2001-02-03', 'Needs a zorblat interpreter');
    await giveChildren(a.token, clients.old1, 'Needs a zorblat interpreter, quixotic paperwork, glimber forms');
    await giveChildren(a.token, clients.old2, 'Asked about housing twice');
    await giveChildren(a.token, clients.young, 'Quixotic questions about schools and glimber');
    await indexed(a.token, 'glimber', 2);
    await indexed(b.token, 'zorblat', 1);
  });

  it('finds the due clients in a dry run and removes nothing', async () => {
    const before = await storedFor(a.agencyId, clients.old1!, ['zorblat', 'quixotic']);
    const report = await expire({ agencyId: a.agencyId, dryRun: true });
    // 2006-01-15 + 20 years is 2026-01-15: due from the next day.
    expect(report).toMatchObject({ dryRun: true, agencies: 1, due: 2, expired: 0 });
    expect(await storedFor(a.agencyId, clients.old1!, ['zorblat', 'quixotic'])).toEqual(before);
  });

  it('lists every agency of the registry when none is named (here as a dry run, not to disturb other tests)', async () => {
    const due: string[] = [];
    await pollUntil(
      async () => {
        due.length = 0;
        await expire({ dryRun: true, onClient: (client) => due.push(`${client.agencyId}/${client.clientId}`) });
        return due;
      },
      {
        description: 'both agencies in the registry',
        until: (ids) => ids.includes(`${b.agencyId}/${clients.otherAgency!.clientId}`),
        timeoutMs: 15_000,
      },
    );
    expect(due).toEqual(
      expect.arrayContaining([`${a.agencyId}/${clients.old1!.clientId}`, `${b.agencyId}/${clients.otherAgency!.clientId}`]),
    );
  });

  it('removes the old profiles with their postings, session, receipt records and files and audit entries', async () => {
    const old1Before = await storedFor(a.agencyId, clients.old1!, ['zorblat', 'quixotic', 'glimber']);
    expect(old1Before).toEqual({ client: 1, session: 1, receiptRecords: 1, receiptFiles: 1, auditEntries: 3, postings: 4 });

    const report = await expire({ agencyId: a.agencyId });
    expect(report).toMatchObject({ agencies: 1, due: 2, expired: 2, failed: 0 });
    expect(report.removed).toMatchObject({ sessions: 2, receiptRecords: 2, receiptFiles: 2, auditEntries: 6 });

    const empty = { client: 0, session: 0, receiptRecords: 0, receiptFiles: 0, auditEntries: 0, postings: 0 };
    expect(await storedFor(a.agencyId, clients.old1!, ['zorblat', 'quixotic', 'glimber', 'needs', 'paperwork'])).toEqual(empty);
    expect(await storedFor(a.agencyId, clients.old2!, ['housing', 'twice'])).toEqual(empty);
    for (const id of [clients.old1!.clientId, clients.old2!.clientId]) {
      expect((await call('GET', `/v1/anonymous-clients/${id}`, { token: a.token })).status).toBe(404);
    }
    expect(await found(a.token, 'glimber')).toEqual([clients.young!.clientId]);
  });

  it('leaves the younger client and the other agency untouched', async () => {
    expect(await storedFor(a.agencyId, clients.young!, ['quixotic', 'glimber'])).toEqual({
      client: 1,
      session: 1,
      receiptRecords: 1,
      receiptFiles: 1,
      auditEntries: 3,
      postings: 3,
    });
    expect((await call('GET', `/v1/anonymous-clients/${clients.otherAgency!.clientId}`, { token: b.token })).status).toBe(200);
    expect(await found(b.token, 'zorblat')).toEqual([clients.otherAgency!.clientId]);
    expect(await inVocabulary(b.agencyId, 'zorblat')).toBe(true);
  });

  it('does nothing the second time', async () => {
    const report = await expire({ agencyId: a.agencyId });
    expect(report).toMatchObject({ due: 0, expired: 0, failed: 0 });
  });

  it("forgets the expired client's own words and keeps those another client still holds", async () => {
    // zorblat and paperwork were old1's alone; quixotic and glimber are young's too.
    expect(await inVocabulary(a.agencyId, 'zorblat')).toBe(false);
    expect(await inVocabulary(a.agencyId, 'paperwork')).toBe(false);
    expect(await inVocabulary(a.agencyId, 'housing')).toBe(false);
    expect(await inVocabulary(a.agencyId, 'quixotic')).toBe(true);
    expect(await inVocabulary(a.agencyId, 'glimber')).toBe(true);
    // Even after the stream has brought the profiles' removal to the indexer (which repeats it): a
    // client registered now shares their partition key, so the stream hands it to the indexer after
    // the removals; once it is findable, the removals have been applied.
    const marker = await register(a.token, today(), 'Sentinel vexillographer');
    await pollUntil(() => found(a.token, 'vexillographer'), {
      description: 'a client registered after the removals to be indexed',
      timeoutMs: 15_000,
      until: (ids) => ids.includes(marker.clientId),
    });
    expect(await inVocabulary(a.agencyId, 'zorblat')).toBe(false);
    expect(await inVocabulary(a.agencyId, 'quixotic')).toBe(true);
  });

  it('works from the command line: a dry run, then the run, for one agency', async () => {
    const env = { ...process.env, DATA_DIR: server().dataDir, CLIENT_RETENTION_YEARS: String(YEARS) };
    const dry = await run('node', ['--import', 'tsx', 'scripts/clients-expire.ts', '--agency', b.agencyId, '--dry-run'], { env });
    expect(dry.stdout).toMatch(/dry run on \d{4}-\d{2}-\d{2}: 1 clients of agency .* would be removed; nothing was removed/);
    expect((await call('GET', `/v1/anonymous-clients/${clients.otherAgency!.clientId}`, { token: b.token })).status).toBe(200);
    const real = await run('node', ['--import', 'tsx', 'scripts/clients-expire.ts', '--agency', b.agencyId], { env });
    expect(real.stdout).toMatch(/removed 1 of 1 due clients of agency/);
    expect((await call('GET', `/v1/anonymous-clients/${clients.otherAgency!.clientId}`, { token: b.token })).status).toBe(404);
    expect(await inVocabulary(b.agencyId, 'zorblat')).toBe(false);
  }, 60_000);
});

describe('the comment vocabulary', () => {
  it('forgets a word edited away that no other client holds, and keeps one another client still holds', async () => {
    const agencyId = uniqueAgency('vocabulary');
    const token = await tokenFor(agencyId);
    const first = await register(token, today(), 'Came with Xandrovic about zumbleworth classes');
    const second = await register(token, today(), 'Asked about zumbleworth too');
    await indexed(token, 'zumbleworth', 2);
    expect(await inVocabulary(agencyId, 'xandrovic')).toBe(true);

    // A name typed by mistake, then removed by an edit: gone from the vocabulary (so from prefix search too).
    await edit(token, first, 'Came about classes');
    await pollUntil(() => inVocabulary(agencyId, 'xandrovic'), {
      description: 'xandrovic to leave the vocabulary',
      until: (held) => !held,
      timeoutMs: 15_000,
    });
    expect(await found(token, 'xandro')).toEqual([]);
    // zumbleworth left the first client's comment but the second still holds it.
    await indexed(token, 'zumbleworth', 1);
    expect(await inVocabulary(agencyId, 'zumbleworth')).toBe(true);
    expect(await found(token, 'zumblew')).toEqual([second.clientId]);

    // A word gained again after being forgotten comes back.
    await edit(token, second, 'Xandrovic came back');
    await pollUntil(() => inVocabulary(agencyId, 'xandrovic'), {
      description: 'xandrovic back in the vocabulary',
      until: (held) => held,
      timeoutMs: 15_000,
    });
    await indexed(token, 'xandro', 1);
    await pollUntil(() => inVocabulary(agencyId, 'zumbleworth'), {
      description: 'zumbleworth to leave the vocabulary',
      until: (held) => !held,
      timeoutMs: 15_000,
    });
  });
});

describe('comments:reindex', () => {
  it('removes vocabulary words no client holds (left from before words were forgotten) and keeps the held ones', async () => {
    const agencyId = uniqueAgency('reindex');
    const token = await tokenFor(agencyId);
    await register(token, today(), 'Wants a frobnitz appointment');
    await indexed(token, 'frobnitz', 1);
    await batchWrite(db, LOCAL_TABLE_NAME, vocabularyItems(agencyId, ['strayword']));
    expect(await inVocabulary(agencyId, 'strayword')).toBe(true);
    expect(await rebuildSearchIndex(db, LOCAL_TABLE_NAME, { agencyId })).toBe(1);
    expect(await inVocabulary(agencyId, 'strayword')).toBe(false);
    expect(await inVocabulary(agencyId, 'frobnitz')).toBe(true);
  });
});

describe('forgetting a word, with writers racing (the search index writer on DynamoDB Local)', () => {
  const postings = (agencyId: string, clientId: string, words: string[]): ClientPostings => ({
    agencyId,
    clientId,
    registrationDate: '2024-05-01',
    createdAt: '2024-05-01T12:00:00.000Z',
    siteId: 'ON-SCH-000001',
    words,
  });

  it('keeps a word one client gains while another loses it, and forgets one two clients lose at once', async () => {
    const writer = new DynamoDbSearchIndexWriter(db, LOCAL_TABLE_NAME);
    for (let round = 0; round < 8; round += 1) {
      const agencyId = uniqueAgency('race');
      const aWith = postings(agencyId, 'A', ['plonk', 'other']);
      const aWithout = postings(agencyId, 'A', ['other']);
      const bWith = postings(agencyId, 'B', ['plonk']);
      const bWithout = postings(agencyId, 'B', []);
      await writer.replace([], aWith);
      await writer.replace([], bWithout);
      // A loses the word while B gains it: still held, so still in the vocabulary.
      await Promise.all([writer.replace([aWith], aWithout), writer.replace([bWithout], bWith)]);
      expect(await inVocabulary(agencyId, 'plonk')).toBe(true);
      // A gains it again while B loses it, then the same records delivered again (a stream redelivery).
      await Promise.all([writer.replace([aWithout], aWith), writer.replace([bWith], bWithout)]);
      await Promise.all([writer.replace([aWithout], aWith), writer.replace([bWith], bWithout)]);
      expect(await inVocabulary(agencyId, 'plonk')).toBe(true);
      // Both hold it, then both lose it at once: forgotten; delivered again: still forgotten.
      await writer.replace([bWithout], bWith);
      await Promise.all([writer.replace([aWith], aWithout), writer.replace([bWith], bWithout)]);
      expect(await inVocabulary(agencyId, 'plonk')).toBe(false);
      await Promise.all([writer.replace([aWith], aWithout), writer.replace([bWith], bWithout)]);
      expect(await inVocabulary(agencyId, 'plonk')).toBe(false);
      expect(await inVocabulary(agencyId, 'other')).toBe(true);
      expect(await count(searchKeys.word(agencyId, 'plonk'))).toBe(0);
    }
  }, 60_000);
});
