/**
 * The report counts against the embedded stack (docs/reports.md, "How counts are kept"): the server's
 * stream-fed counter keeps every tally view equal to a recount of the stored records that this test
 * computes itself, through single and batch registrations, retries, edits that move a client, sessions
 * and agency isolation; the handler, called directly with stream records built from the real items,
 * moves nothing on a redelivered, late or reordered record; a profile removed by retention stays
 * counted, through a rebuild too; and `npm run reports:rebuild` repairs corrupted tallies of one agency
 * only, leaving the months retention has emptied as they are.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DynamoDbReportTallyReader, DynamoDbReportTallyWriter } from '../../functions/adapters/dynamodb/report-tallies';
import { rebuildReportTallies } from '../../functions/adapters/dynamodb/report-tallies-rebuild';
import { BY_REGISTRATION_DATE_INDEX, keys } from '../../functions/adapters/dynamodb/table-design';
import { todayIn } from '../../functions/domain/calendar';
import { expireAnonymousClients } from '../../functions/domain/client-retention';
import { firstRebuiltMonth } from '../../functions/domain/reports/counted-units';
import { TALLY_VIEWS, valuesIn, viewId } from '../../functions/domain/reports/dimensions';
import { createCountForReportsHandler } from '../../functions/handlers/count-for-reports';
import { retentionPortsFor } from '../../functions/runtime/retention-dependencies';
import { LOCAL_BUCKETS, LOCAL_TABLE_NAME } from '../../local/embedded-stack';
import { localLambdaContext } from '../../local/lambda-context';
import { pollUntil } from '../../support/poll';
import { sampleSites } from '../../support/sample-sites';
import { call, server, tokenFor, uniqueAgency } from '../support/api';
import { stackDocumentAndS3Clients } from '../support/storage';

const run = promisify(execFile);
const RETENTION_YEARS = 20;
const ALL_MONTHS = ['2000-01', '2099-12'] as const;
const today = () => todayIn('America/Toronto', new Date());
const [siteA, siteB] = sampleSites()
  .filter((site) => site.active)
  .map((site) => site.siteId) as [string, string];

let db: DynamoDBDocumentClient;
let s3: S3Client;
let reader: DynamoDbReportTallyReader;

beforeAll(async () => {
  ({ db, s3 } = await stackDocumentAndS3Clients(server().dataDir));
  reader = new DynamoDbReportTallyReader(db, LOCAL_TABLE_NAME);
});
afterAll(() => {
  db?.destroy();
  s3?.destroy();
});

type Item = Record<string, any>;

async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** The agency's stored clients and sessions, straight from the table. */
async function storedRecords(agencyId: string) {
  const [clients, sessions] = await Promise.all([
    queryAll({
      TableName: LOCAL_TABLE_NAME,
      IndexName: BY_REGISTRATION_DATE_INDEX.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': BY_REGISTRATION_DATE_INDEX.partitionKey },
      ExpressionAttributeValues: { ':pk': keys.agencyRegistrations(agencyId) },
    }),
    queryAll({
      TableName: LOCAL_TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.sessions(agencyId) },
      ConsistentRead: true,
    }),
  ]);
  return { clients, sessions };
}

/** Per view: `month|values` → [clients, sessions], as this test counts the records itself. */
type Counts = Record<string, Record<string, [number, number]>>;

function recountOf({ clients, sessions }: { clients: Item[]; sessions: Item[] }): Counts {
  const counts: Counts = {};
  const add = (month: string, cell: Record<string, string>, index: 0 | 1) => {
    for (const view of TALLY_VIEWS) {
      const key = `${month}|${valuesIn(view, { month, ...cell } as never).join(',')}`;
      const byView = (counts[viewId(view)] ??= {});
      const pair = (byView[key] ??= [0, 0]);
      pair[index] += 1;
    }
  };
  for (const client of clients) {
    add(
      client.registrationDate.slice(0, 7),
      {
        site: client.site.siteId,
        gender: client.gender,
        immigrationStatus: client.immigrationStatus,
        arrivalYear: String(client.arrivalYear),
      },
      0,
    );
  }
  for (const session of sessions) {
    const as = session.countedAs ?? {};
    add(
      session.serviceDate.slice(0, 7),
      {
        site: session.site.siteId,
        gender: as.gender ?? 'UNKNOWN',
        immigrationStatus: as.immigrationStatus ?? 'UNKNOWN',
        arrivalYear: String(as.arrivalYear ?? 'UNKNOWN'),
      },
      1,
    );
  }
  return counts;
}

/** Every view of the agency through the reader, in the same shape. */
async function tallies(agencyId: string): Promise<{ counts: Counts; asOf: string | null }> {
  const counts: Counts = {};
  let asOf: string | null = null;
  for (const view of TALLY_VIEWS) {
    const read = await reader.read(agencyId, view, ...ALL_MONTHS);
    asOf = read.asOf;
    for (const { month, cells } of read.months) {
      for (const cell of cells) {
        if (cell.clients === 0 && cell.sessions === 0) continue;
        (counts[viewId(view)] ??= {})[`${month}|${cell.values.join(',')}`] = [cell.clients, cell.sessions];
      }
    }
  }
  return { counts, asOf };
}

/** Waits until the counter has passed every stored record of the agency (asOf ≥ their newest write). */
async function countedUpToNow(agencyId: string) {
  const records = await storedRecords(agencyId);
  const newest = [...records.clients.map((c) => c.updatedAt ?? c.createdAt), ...records.sessions.map((s) => s.createdAt)].sort().at(-1);
  if (!newest) throw new Error('nothing stored to wait for');
  await pollUntil(() => reader.read(agencyId, [], ...ALL_MONTHS), {
    description: `the counter of ${agencyId} to reach ${newest}`,
    timeoutMs: 20_000,
    until: (read) => read.asOf !== null && read.asOf >= newest,
  });
  return records;
}

/** After the counter has caught up: every view of every month equals the recount of the records. */
async function expectTalliesEqualRecount(agencyId: string) {
  const records = await countedUpToNow(agencyId);
  const { counts } = await tallies(agencyId);
  expect(counts).toEqual(recountOf(records));
  return { records, counts };
}

async function newAgency(label = 'counts') {
  const agencyId = uniqueAgency(label);
  return { agencyId, token: await tokenFor(agencyId) };
}

async function register(token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await call('POST', '/v1/anonymous-clients', { token, body, headers });
  expect(response.status).toBe(201);
  return response.body as Item;
}

async function edit(token: string, clientId: string, body: Record<string, unknown>) {
  const current = await call('GET', `/v1/anonymous-clients/${clientId}`, { token });
  const response = await call('PATCH', `/v1/anonymous-clients/${clientId}`, {
    token,
    headers: { 'if-match': current.headers.get('etag') as string },
    body,
  });
  expect(response.status).toBe(200);
  return response.body as Item;
}

async function beginSession(token: string, clientId: string, siteId: string) {
  const response = await call('POST', `/v1/anonymous-clients/${clientId}/sessions`, {
    token,
    body: { sessionType: 'DIRECT_SERVICE', serviceDate: today(), siteId, deliveryMethod: 'IN_PERSON' },
  });
  expect(response.status).toBe(201);
  return response.body as Item;
}

/** The `all` view's totals over every month. */
function totals(counts: Counts): [number, number] {
  return Object.values(counts.all ?? {}).reduce<[number, number]>(([c, s], [dc, ds]) => [c + dc, s + ds], [0, 0]);
}

describe('the stream-fed counter', () => {
  it('counts single and batch registrations once each, retries with the same Idempotency-Key once', async () => {
    const { agencyId, token } = await newAgency();
    const single = {
      gender: 'FEMALE',
      registrationDate: '2026-03-14',
      siteId: siteA,
      arrivalYear: 2019,
      immigrationStatus: 'PERMANENT_RESIDENT',
    };
    await register(token, single, { 'idempotency-key': 'front-desk-1' });
    await register(token, single, { 'idempotency-key': 'front-desk-1' });
    const room = {
      clients: [
        { gender: 'MALE', registrationDate: '2026-03-20', siteId: siteB },
        { gender: 'FEMALE', registrationDate: '2026-04-02', siteId: siteB, immigrationStatus: 'REFUGEE_CLAIMANT' },
        { gender: 'GENDER_DIVERSE', registrationDate: '2026-04-02', siteId: siteA, arrivalYear: 2024 },
      ],
    };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const batch = await call('POST', '/v1/anonymous-clients/batch', { token, body: room, headers: { 'idempotency-key': 'room-7' } });
      expect(batch.status).toBe(201);
    }
    const { counts } = await expectTalliesEqualRecount(agencyId);
    expect(totals(counts)).toEqual([4, 0]);
    expect(counts.all).toEqual({ '2026-03|': [2, 0], '2026-04|': [2, 0] });
  }, 60_000);

  it('moves a client between values when an edit changes its gender, status, arrival year or site', async () => {
    const { agencyId, token } = await newAgency();
    const moved = await register(token, { gender: 'FEMALE', registrationDate: '2026-02-10', siteId: siteA, arrivalYear: 2018 });
    await register(token, { gender: 'FEMALE', registrationDate: '2026-02-11', siteId: siteA });
    await expectTalliesEqualRecount(agencyId);
    await edit(token, moved.clientId, { gender: 'MALE' });
    await edit(token, moved.clientId, { immigrationStatus: 'VISITOR', arrivalYear: 2020 });
    await edit(token, moved.clientId, { siteId: siteB });
    const { counts } = await expectTalliesEqualRecount(agencyId);
    expect(counts.gender).toEqual({ '2026-02|FEMALE': [1, 0], '2026-02|MALE': [1, 0] });
    expect(counts['site+arrivalYear']).toEqual({ [`2026-02|${siteA},UNKNOWN`]: [1, 0], [`2026-02|${siteB},2020`]: [1, 0] });
    expect(totals(counts)).toEqual([2, 0]);
  }, 60_000);

  it('counts a session at its service month and site as the person was when it began, whatever later edits say', async () => {
    const { agencyId, token } = await newAgency();
    const client = await register(token, {
      gender: 'FEMALE',
      registrationDate: today(),
      siteId: siteA,
      immigrationStatus: 'REFUGEE_CLAIMANT',
    });
    await beginSession(token, client.clientId, siteB);
    await edit(token, client.clientId, { gender: 'MALE', immigrationStatus: 'PROTECTED_PERSON' });
    const { records, counts } = await expectTalliesEqualRecount(agencyId);
    expect(records.sessions[0]?.countedAs).toEqual({ gender: 'FEMALE', immigrationStatus: 'REFUGEE_CLAIMANT', arrivalYear: 'UNKNOWN' });
    const month = today().slice(0, 7);
    expect(counts['site+gender']).toEqual({ [`${month}|${siteA},MALE`]: [1, 0], [`${month}|${siteB},FEMALE`]: [0, 1] });
    // The session's own API answer does not carry what it counts as.
    const listed = await call('GET', `/v1/anonymous-clients/${client.clientId}/sessions`, { token });
    expect(listed.status).toBe(200);
    expect(listed.body.items[0]).not.toHaveProperty('countedAs');
  }, 60_000);

  it('answers GET /v1/reports/anonymous-clients with the same counts as the recount', async () => {
    const { agencyId, token } = await newAgency();
    const moved = await register(token, { gender: 'FEMALE', registrationDate: '2026-07-01', siteId: siteA, immigrationStatus: 'VISITOR' });
    await register(token, { gender: 'MALE', registrationDate: '2026-08-15', siteId: siteB, immigrationStatus: 'VISITOR' });
    await beginSession(token, moved.clientId, siteB);
    await edit(token, moved.clientId, { immigrationStatus: 'CUAET' });
    const { records } = await expectTalliesEqualRecount(agencyId);
    const admin = await tokenFor(agencyId, { role: 'agency-admin' });
    const response = await call('GET', '/v1/reports/anonymous-clients?from=2026-01&to=2026-12&by=month,immigrationStatus', {
      token: admin,
    });
    expect(response.status).toBe(200);
    const answered = Object.fromEntries(
      (response.body.rows as Item[]).map((row) => [`${row.month}|${row.immigrationStatus}`, [row.clients, row.sessions]]),
    );
    const recounted = Object.fromEntries(
      Object.entries(recountOf(records).immigrationStatus ?? {}).filter(([key]) => key >= '2026-01' && key < '2027-01'),
    );
    expect(answered).toEqual(recounted);
    expect(answered).toMatchObject({ '2026-07|CUAET': [1, 0], '2026-08|VISITOR': [1, 0] });
  }, 60_000);

  it("keeps each agency's counts apart", async () => {
    const first = await newAgency();
    const second = await newAgency();
    const same = { gender: 'FEMALE', registrationDate: '2026-01-05', siteId: siteA };
    await register(first.token, same);
    await register(second.token, same);
    await register(second.token, same);
    expect(totals((await expectTalliesEqualRecount(first.agencyId)).counts)).toEqual([1, 0]);
    expect(totals((await expectTalliesEqualRecount(second.agencyId)).counts)).toEqual([2, 0]);
  }, 60_000);
});

/** A stream record as Lambda delivers it, built from a real stored item. */
function streamRecord(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  images: { newImage?: Item; oldImage?: Item },
  sequence: number,
): DynamoDBRecord {
  return {
    eventName,
    dynamodb: {
      SequenceNumber: String(sequence),
      ...(images.newImage ? { NewImage: marshall(images.newImage, { removeUndefinedValues: true }) as never } : {}),
      ...(images.oldImage ? { OldImage: marshall(images.oldImage, { removeUndefinedValues: true }) as never } : {}),
    },
  };
}

describe('the counter handler, given records again, late or out of order', () => {
  const counter = () => {
    const handler = createCountForReportsHandler(() => ({ writer: new DynamoDbReportTallyWriter(db, LOCAL_TABLE_NAME) }));
    return (records: DynamoDBRecord[]) =>
      handler({ Records: records } as DynamoDBStreamEvent, localLambdaContext('count-for-reports', 60)) as Promise<{
        batchItemFailures: unknown[];
      }>;
  };

  async function retiredCounts(agencyId: string): Promise<Item[]> {
    return queryAll({
      TableName: LOCAL_TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.reportRetiredTally(agencyId, 'all') },
      ConsistentRead: true,
    });
  }

  it('moves nothing for a record delivered twice, an older version after a newer one, or an INSERT after its REMOVE', async () => {
    const { agencyId, token } = await newAgency();
    const client = await register(token, { gender: 'FEMALE', registrationDate: '2026-06-01', siteId: siteA });
    const stored = async () => (await storedRecords(agencyId)).clients.find((item) => item.clientId === client.clientId) as Item;
    const v1 = await stored();
    await edit(token, client.clientId, { gender: 'MALE' });
    const v2 = await stored();
    await beginSession(token, client.clientId, siteA);
    const session = (await storedRecords(agencyId)).sessions[0] as Item;
    const { counts: before } = await expectTalliesEqualRecount(agencyId);
    const send = counter();

    const insert = streamRecord('INSERT', { newImage: v1 }, 1);
    const modify = streamRecord('MODIFY', { oldImage: v1, newImage: v2 }, 2);
    const sessionInsert = streamRecord('INSERT', { newImage: session }, 3);
    expect(await send([insert, insert, modify, sessionInsert, sessionInsert])).toEqual({ batchItemFailures: [] });
    expect(await send([modify])).toEqual({ batchItemFailures: [] });
    // Newer first, then the older version alone: the older one must not move the count back.
    expect(await send([streamRecord('MODIFY', { oldImage: v1, newImage: v2 }, 4), streamRecord('INSERT', { newImage: v1 }, 5)])).toEqual({
      batchItemFailures: [],
    });
    expect(await send([streamRecord('INSERT', { newImage: v1 }, 6)])).toEqual({ batchItemFailures: [] });
    expect((await tallies(agencyId)).counts).toEqual(before);

    // A REMOVE keeps the client counted (and retires its count); the INSERT redelivered after it counts nothing.
    expect(await send([streamRecord('REMOVE', { oldImage: v2 }, 7)])).toEqual({ batchItemFailures: [] });
    expect(await send([streamRecord('REMOVE', { oldImage: v2 }, 8), insert, modify])).toEqual({ batchItemFailures: [] });
    expect((await tallies(agencyId)).counts).toEqual(before);
    const retired = await retiredCounts(agencyId);
    expect(retired.map(({ sk, 'c|[]': clients }) => [sk, clients])).toEqual([['2026-06', 1]]);
  }, 60_000);
});

describe('the counter handler when counting fails', () => {
  it("reports the failed agency's earliest record for redelivery and still counts the other agency", async () => {
    const ok = await newAgency();
    const failing = await newAgency();
    const okClient = await register(ok.token, { gender: 'FEMALE', registrationDate: '2026-09-01', siteId: siteA });
    const failingClient = await register(failing.token, { gender: 'MALE', registrationDate: '2026-09-02', siteId: siteA });
    await expectTalliesEqualRecount(ok.agencyId);
    const { counts: before } = await tallies(ok.agencyId);
    const [okItem, failingItem] = await Promise.all(
      [ok, failing].map(async ({ agencyId }, index) =>
        (await storedRecords(agencyId)).clients.find((item) => item.clientId === [okClient, failingClient][index]?.clientId),
      ),
    );
    const real = new DynamoDbReportTallyWriter(db, LOCAL_TABLE_NAME);
    // The fault no emulator produces on demand: the table refusing one agency's counting.
    const handler = createCountForReportsHandler(() => ({
      writer: {
        apply: async (agencyId, changes) => {
          if (agencyId === failing.agencyId) throw new Error('injected: counting unavailable');
          return real.apply(agencyId, changes);
        },
      },
    }));
    // The ok agency's client again, now as a newer (edited) version, so its count visibly moves.
    const edited = { ...okItem, version: (okItem?.version as number) + 1, gender: 'MALE', updatedAt: new Date().toISOString() };
    const answer = await handler(
      {
        Records: [
          streamRecord('MODIFY', { oldImage: okItem as Item, newImage: edited }, 10),
          streamRecord('INSERT', { newImage: failingItem as Item }, 11),
          streamRecord('MODIFY', { oldImage: failingItem as Item, newImage: failingItem as Item }, 12),
        ],
      } as DynamoDBStreamEvent,
      localLambdaContext('count-for-reports', 60),
    );
    expect(answer).toEqual({ batchItemFailures: [{ itemIdentifier: '11' }] });
    const { counts: after } = await tallies(ok.agencyId);
    expect(before.gender).toEqual({ '2026-09|FEMALE': [1, 0] });
    expect(after.gender).toEqual({ '2026-09|MALE': [1, 0] });
  }, 60_000);
});

describe('retention and the rebuild', () => {
  const retentionPorts = () => retentionPortsFor(db, LOCAL_TABLE_NAME, s3, LOCAL_BUCKETS.receipts);

  it('keeps a profile removed by retention counted, and a rebuild keeps it too', async () => {
    const { agencyId, token } = await newAgency();
    const old = await register(token, { gender: 'FEMALE', registrationDate: '2005-06-15', siteId: siteA, arrivalYear: 2004 });
    await beginSession(token, old.clientId, siteB);
    await register(token, { gender: 'MALE', registrationDate: today(), siteId: siteA });
    const { counts: before } = await expectTalliesEqualRecount(agencyId);
    expect(totals(before)).toEqual([2, 1]);

    const report = await expireAnonymousClients(
      { now: new Date(), retentionYears: RETENTION_YEARS, timeZone: 'America/Toronto', agencyId },
      retentionPorts(),
    );
    expect(report).toMatchObject({ expired: 1, removed: { sessions: 1 } });
    // The removal reaches the counter on the stream: its counts go to the retired tallies too.
    await pollUntil(
      () =>
        queryAll({
          TableName: LOCAL_TABLE_NAME,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.reportRetiredTally(agencyId, 'all') },
          ConsistentRead: true,
        }),
      {
        description: 'the removed client and session to be retired',
        timeoutMs: 20_000,
        until: (items) => items.reduce((sum, item) => sum + (item['c|[]'] ?? 0) + (item['s|[]'] ?? 0), 0) === 2,
      },
    );
    expect((await tallies(agencyId)).counts).toEqual(before);

    const rebuilt = await rebuildReportTallies(db, LOCAL_TABLE_NAME, { agencyId });
    expect(rebuilt).toMatchObject({ clients: 1, sessions: 0 });
    expect((await tallies(agencyId)).counts).toEqual(before);
  }, 60_000);

  async function corrupt(agencyId: string, month: string) {
    // A wrong count in an existing month, and a month that counts nothing real.
    await db.send(new PutCommand({ TableName: LOCAL_TABLE_NAME, Item: { pk: keys.reportTally(agencyId, 'all'), sk: month, 'c|[]': 99 } }));
    await db.send(
      new PutCommand({
        TableName: LOCAL_TABLE_NAME,
        Item: { pk: keys.reportTally(agencyId, 'gender'), sk: '2001-01', 'c|["FEMALE"]': 7 },
      }),
    );
  }

  const rebuildCommand = (args: string[]) =>
    run('node', ['--import', 'tsx', 'scripts/reports-rebuild.ts', ...args], {
      env: { ...process.env, DATA_DIR: server().dataDir, CLIENT_RETENTION_YEARS: '' },
    });

  it('`reports:rebuild --agency` makes corrupted tallies equal the recount again, and touches no other agency', async () => {
    const target = await newAgency();
    const other = await newAgency();
    for (const { token } of [target, other]) {
      const client = await register(token, { gender: 'FEMALE', registrationDate: '2026-05-05', siteId: siteA, arrivalYear: 2015 });
      await register(token, { gender: 'MALE', registrationDate: '2026-05-06', siteId: siteB });
      await beginSession(token, client.clientId, siteA);
      await edit(token, client.clientId, { immigrationStatus: 'CUAET' });
    }
    await expectTalliesEqualRecount(target.agencyId);
    await expectTalliesEqualRecount(other.agencyId);
    await corrupt(target.agencyId, '2026-05');
    await corrupt(other.agencyId, '2026-05');
    const otherCorrupted = (await tallies(other.agencyId)).counts;

    const { stdout } = await rebuildCommand(['--agency', target.agencyId]);
    expect(stdout).toMatch(/recounted 2 clients and 1 sessions of 1 agencies/);
    await expectTalliesEqualRecount(target.agencyId);
    expect((await tallies(other.agencyId)).counts).toEqual(otherCorrupted);
    expect(otherCorrupted.all?.['2026-05|']).toEqual([99, 0]);
  }, 60_000);

  it('`reports:rebuild --retention-years` leaves the months retention has emptied exactly as they are', async () => {
    const { agencyId, token } = await newAgency();
    await register(token, { gender: 'FEMALE', registrationDate: '2005-06-15', siteId: siteA });
    await register(token, { gender: 'MALE', registrationDate: today(), siteId: siteA });
    await expectTalliesEqualRecount(agencyId);
    const month = today().slice(0, 7);
    await corrupt(agencyId, month);
    await db.send(
      new PutCommand({ TableName: LOCAL_TABLE_NAME, Item: { pk: keys.reportTally(agencyId, 'all'), sk: '2005-06', 'c|[]': 42 } }),
    );
    const firstMonth = firstRebuiltMonth(today(), RETENTION_YEARS);
    expect('2005-06' < firstMonth && month >= firstMonth).toBe(true);

    await rebuildCommand(['--agency', agencyId, '--retention-years', String(RETENTION_YEARS)]);
    const { counts } = await tallies(agencyId);
    // Kept as they were: the corrupted old months; recounted: this month.
    expect(counts.all?.['2005-06|']).toEqual([42, 0]);
    expect(counts.gender?.['2001-01|FEMALE']).toEqual([7, 0]);
    expect(counts.all?.[`${month}|`]).toEqual([1, 0]);
    expect(counts.gender?.[`${month}|MALE`]).toEqual([1, 0]);
  }, 60_000);
});
