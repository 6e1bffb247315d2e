import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoDbSearchIndexWriter, postingItems, searchKeys } from '../../functions/adapters/dynamodb/search-index';
import { rebuildSearchIndex } from '../../functions/adapters/dynamodb/search-index-rebuild';
import { COMMENT_INDEXER_TIMEOUT_SECONDS } from '../../functions/api/routes/route-definition';
import { clientPostings } from '../../functions/domain/comment-words';
import { createIndexClientCommentsHandler } from '../../functions/handlers/index-client-comments';
import type { ClientPostings, SearchIndexWriter } from '../../functions/ports/client-search-index';
import { LOCAL_TABLE_NAME } from '../../local/embedded-stack';
import { startStreamRunner } from '../../local/stream-runner';
import { pollUntil } from '../../support/poll';
import { sampleSites } from '../../support/sample-sites';
import { call, server, tokenFor, uniqueAgency } from '../support/api';
import { expectWithMessage } from '../support/expect-with-message';
import { partitionSize, stackClients, updateCommentsDirectly } from '../support/search';

const activeSites = () => sampleSites().filter((site) => site.active);

async function newAgency() {
  const agencyId = uniqueAgency('search');
  return { agencyId, token: await tokenFor(agencyId) };
}

async function register(token: string, fields: { comments?: string; registrationDate?: string; siteId?: string }) {
  const response = await call('POST', '/v1/anonymous-clients', {
    token,
    body: { gender: 'FEMALE', registrationDate: '2024-03-01', siteId: activeSites()[0]!.siteId, ...fields },
  });
  expect(response.status).toBe(201);
  return response.body as { clientId: string; registrationDate: string; createdAt: string; site: { siteId: string } };
}

function search(token: string, params: Record<string, string | number>) {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return call('GET', `/v1/anonymous-clients?${query}`, { token });
}

async function ids(token: string, params: Record<string, string | number>): Promise<string[]> {
  const response = await search(token, params);
  expect(response.status).toBe(200);
  return response.body.items.map((item: { clientId: string }) => item.clientId);
}

/** Every page of a search, following nextCursor. */
async function allPages(token: string, params: Record<string, string | number>): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const response = await search(token, { ...params, ...(cursor ? { cursor } : {}) });
    expect(response.status).toBe(200);
    pages.push(response.body.items.map((item: { clientId: string }) => item.clientId));
    cursor = response.body.nextCursor ?? undefined;
  } while (cursor && pages.length < 50);
  return pages;
}

const newestFirst = (a: { registrationDate: string; createdAt: string }, b: { registrationDate: string; createdAt: string }) =>
  `${b.registrationDate}#${b.createdAt}`.localeCompare(`${a.registrationDate}#${a.createdAt}`);

describe('GET /v1/anonymous-clients: matching', () => {
  let agency: { agencyId: string; token: string };
  let other: { agencyId: string; token: string };
  const clients: Record<string, string> = {};

  beforeAll(async () => {
    agency = await newAgency();
    other = await newAgency();
    clients.arabic = (await register(agency.token, { comments: "Needs an Arabic interpreter for the doctor's appointment" })).clientId;
    clients.ecole = (await register(agency.token, { comments: 'Parent asked about the École secondaire; French classes' })).clientId;
    clients.esl = (await register(agency.token, { comments: 'Looking for ESL classes; has two children' })).clientId;
    clients.none = (await register(agency.token, {})).clientId;
    clients.foreign = (await register(other.token, { comments: 'Zanzibari hairdresser, asked about ESL classes' })).clientId;
    await pollUntil(async () => (await ids(agency.token, { q: 'children' })).length, {
      description: 'indexing: the search for "children" to find them',
      until: (value) => value === 1,
      timeoutMs: 15_000,
    });
    await pollUntil(async () => (await ids(other.token, { q: 'zanzibari' })).length, {
      description: 'indexing: the search for "zanzibari" to find them',
      until: (value) => value === 1,
      timeoutMs: 15_000,
    });
  });

  it('ignores case', async () => {
    expect(await ids(agency.token, { q: 'ARABIC' })).toEqual([clients.arabic]);
    expect(await ids(agency.token, { q: 'arabic' })).toEqual([clients.arabic]);
  });

  it('ignores accents, in the comment and in the query', async () => {
    expect(await ids(agency.token, { q: 'ecole' })).toEqual([clients.ecole]);
    expect(await ids(agency.token, { q: 'ÉCOLE SECONDAIRE' })).toEqual([clients.ecole]);
  });

  it('needs every word, in any order', async () => {
    expect(await ids(agency.token, { q: 'classes esl' })).toEqual([clients.esl]);
    expect(await ids(agency.token, { q: 'french classes' })).toEqual([clients.ecole]);
    expect((await ids(agency.token, { q: 'classes' })).sort()).toEqual([clients.ecole, clients.esl].sort());
    expect(await ids(agency.token, { q: 'arabic children' })).toEqual([]);
  });

  it('matches the last word as a prefix of two letters or more, and only the last', async () => {
    expect(await ids(agency.token, { q: 'interp' })).toEqual([clients.arabic]);
    expect(await ids(agency.token, { q: 'arabic interp' })).toEqual([clients.arabic]);
    expect(await ids(agency.token, { q: 'interp arabic' })).toEqual([]);
    expect((await ids(agency.token, { q: 'cl' })).sort()).toEqual([clients.ecole, clients.esl].sort());
    // one letter is a whole word, not a prefix
    expect(await ids(agency.token, { q: 'd' })).toEqual([]);
  });

  it("splits on anything that is not a letter (doctor's is doctor and s)", async () => {
    expect(await ids(agency.token, { q: 'doctor' })).toEqual([clients.arabic]);
    expect(await ids(agency.token, { q: 'esl;classes' })).toEqual([clients.esl]);
  });

  it("never finds words that appear only in another agency's comments, nor its clients", async () => {
    expect(await ids(agency.token, { q: 'zanzibari' })).toEqual([]);
    expect(await ids(agency.token, { q: 'hairdr' })).toEqual([]);
    expect(await ids(other.token, { q: 'esl classes' })).toEqual([clients.foreign]);
    expect(await ids(other.token, { q: 'arabic' })).toEqual([]);
    expect(await ids(other.token, {})).toEqual([clients.foreign]);
  });

  it('with an empty q lists every client of the agency, an empty parameter being the same as none', async () => {
    expect((await ids(agency.token, { q: '', siteId: '' })).sort()).toEqual(
      Object.entries(clients)
        .filter(([k]) => k !== 'foreign')
        .map(([, v]) => v)
        .sort(),
    );
  });

  it('answers with the clients themselves', async () => {
    const response = await search(agency.token, { q: 'arabic' });
    expect(response.body.items[0]).toMatchObject({
      clientId: clients.arabic,
      clientType: 'ANONYMOUS',
      agency: { agencyId: agency.agencyId },
    });
    expect(response.body.nextCursor).toBeNull();
  });
});

describe('GET /v1/anonymous-clients: filters and paging', () => {
  let agency: { agencyId: string; token: string };
  let registered: { clientId: string; registrationDate: string; createdAt: string; site: { siteId: string } }[];
  const [siteA, siteB] = [activeSites()[0]!.siteId, activeSites()[1]!.siteId];

  beforeAll(async () => {
    agency = await newAgency();
    registered = [];
    const dates = [
      '2024-01-05',
      '2024-01-07',
      '2024-01-07',
      '2024-02-01',
      '2024-02-10',
      '2024-02-10',
      '2024-03-01',
      '2023-12-31',
      '2024-01-07',
    ];
    for (const [i, registrationDate] of dates.entries()) {
      registered.push(
        await register(agency.token, {
          registrationDate,
          siteId: i % 3 === 0 ? siteB : siteA,
          comments: `Workshop attendee number ${'x'.repeat(i + 1)}`,
        }),
      );
    }
    await pollUntil(async () => (await ids(agency.token, { q: 'workshop', limit: 100 })).length, {
      description: 'indexing: the search for "workshop" to find them',
      until: (value) => value === dates.length,
      timeoutMs: 15_000,
    });
  });

  const expected = (keep: (c: (typeof registered)[number]) => boolean) =>
    [...registered]
      .filter(keep)
      .sort(newestFirst)
      .map((c) => c.clientId);

  it.each([
    ['q', { q: 'workshop' }, () => true],
    ['q and site', { q: 'workshop att', siteId: 'B' }, (c: (typeof registered)[number]) => c.site.siteId === siteB],
    ['site only', { siteId: 'A' }, (c: (typeof registered)[number]) => c.site.siteId === siteA],
    [
      'dates only',
      { from: '2024-01-07', to: '2024-02-10' },
      (c: (typeof registered)[number]) => c.registrationDate >= '2024-01-07' && c.registrationDate <= '2024-02-10',
    ],
    [
      'q, site and dates',
      { q: 'attendee', siteId: 'A', from: '2024-01-06' },
      (c: (typeof registered)[number]) => c.site.siteId === siteA && c.registrationDate >= '2024-01-06',
    ],
    ['nothing', {}, () => true],
  ])('pages through %s newest first without gaps or duplicates', async (_label, params, keep) => {
    const resolved: Record<string, string | number> = { ...params };
    if (resolved.siteId === 'A') resolved.siteId = siteA;
    if (resolved.siteId === 'B') resolved.siteId = siteB;
    const want = expected(keep);
    for (const limit of [1, 2, 4]) {
      const pages = await allPages(agency.token, { ...resolved, limit });
      expect(pages.flat()).toEqual(want);
      expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
    }
    expect(await ids(agency.token, { ...resolved, limit: 100 })).toEqual(want);
  });

  it('answers 400 naming each bad parameter', async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{ limit: '0' }, ['/limit']],
      [{ limit: '101' }, ['/limit']],
      [{ limit: 'ten' }, ['/limit']],
      [{ limit: '2.5', from: '2024-02-30' }, ['/from', '/limit']],
      [{ from: '2024-03-01', to: '2024-02-01' }, ['/to']],
      [{ q: '1234 !!' }, ['/q']],
      [{ siteId: 'no spaces allowed' }, ['/siteId']],
      [{ sort: 'oldest' }, ['/sort']],
      [{ cursor: 'not-a-cursor' }, ['/cursor']],
    ];
    for (const [params, pointers] of cases) {
      const response = await search(agency.token, params);
      expectWithMessage(response.status, JSON.stringify(params)).toBe(400);
      expect(response.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(pointers);
    }
  });

  it('refuses a cursor that was edited, is from another agency, or from another query (400, never data)', async () => {
    const first = await search(agency.token, { q: 'workshop', limit: 2 });
    const cursor: string = first.body.nextCursor;
    expect(cursor).toEqual(expect.any(String));
    expect((await search(agency.token, { q: 'workshop', limit: 2, cursor })).status).toBe(200);

    const [data, signature] = cursor.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(data, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...payload, p: '2099-01-01#x#y' })).toString('base64url')}.${signature}`;
    const flipped = `${data.slice(0, -1)}${data.endsWith('A') ? 'B' : 'A'}.${signature}`;
    for (const bad of [forged, flipped, `${data}.${signature.slice(1)}`, data]) {
      const response = await search(agency.token, { q: 'workshop', limit: 2, cursor: bad });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ pointer: '/cursor', detail: expect.any(String) }]);
    }

    const stranger = await newAgency();
    await register(stranger.token, { comments: 'workshop' });
    const foreign = await search(stranger.token, { q: 'workshop', limit: 2, cursor });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).not.toContain(agency.agencyId);

    const otherQueries: Record<string, string>[] = [
      { q: 'attendee' },
      { q: 'workshop', siteId: siteA },
      { q: 'workshop', from: '2024-01-01' },
    ];
    for (const otherQuery of otherQueries) {
      expect((await search(agency.token, { ...otherQuery, limit: 2, cursor })).status).toBe(400);
    }
  });
});

describe('comment indexing', () => {
  it('makes an edited comment searchable under its new words and no longer under its old ones', async () => {
    const { agencyId, token } = await newAgency();
    const client = await register(token, { comments: 'Needs winter clothing for three kids' });
    await pollUntil(async () => (await ids(token, { q: 'winter' })).length, {
      description: 'first indexing: the search for "winter" to find them',
      until: (value) => value === 1,
      timeoutMs: 15_000,
    });
    const { db } = await stackClients(server().dataDir);
    expect(await partitionSize(db, searchKeys.word(agencyId, 'winter'))).toBe(1);

    await updateCommentsDirectly(db, agencyId, client.clientId, 'Looking for housing near the école');
    await pollUntil(async () => (await ids(token, { q: 'housing ecole' })).length, {
      description: 're-indexing: the search for "housing ecole" to find them',
      until: (value) => value === 1,
      timeoutMs: 15_000,
    });
    expect(await ids(token, { q: 'winter' })).toEqual([]);
    expect(await ids(token, { q: 'clothing kids' })).toEqual([]);
    // The old words' index items are gone, not just hidden by the read-time check.
    await pollUntil(() => partitionSize(db, searchKeys.word(agencyId, 'winter')), {
      description: 'old words removed: no posting left under "winter"',
      until: (value) => value === 0,
      timeoutMs: 15_000,
    });
    expect(await partitionSize(db, searchKeys.word(agencyId, 'clothing'))).toBe(0);
    expect(await partitionSize(db, searchKeys.word(agencyId, 'housing'))).toBe(1);
    db.destroy();
  });

  it('rebuilds lost index items with the reindex command', async () => {
    const { agencyId, token } = await newAgency();
    const registered = await register(token, { comments: 'Lost in the index' });
    await pollUntil(async () => (await ids(token, { q: 'lost index' })).length, {
      description: 'indexing: the search for "lost index" to find them',
      until: (value) => value === 1,
      timeoutMs: 15_000,
    });
    const { db } = await stackClients(server().dataDir);
    const documents = DynamoDBDocumentClient.from(db);
    const client = { ...registered, agency: { agencyId }, comments: 'Lost in the index' };
    const lost = postingItems(clientPostings(client)).map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }));
    await documents.send(new BatchWriteCommand({ RequestItems: { [LOCAL_TABLE_NAME]: lost } }));
    expect(await ids(token, { q: 'lost index' })).toEqual([]);

    expect(await rebuildSearchIndex(documents, LOCAL_TABLE_NAME, { agencyId })).toBe(1);
    expect(await ids(token, { q: 'lost index' })).toEqual([registered.clientId]);
    db.destroy();
  });

  describe('with a failure injected in the index writer', () => {
    const attempts: { clientId: string; ok: boolean }[] = [];
    let stop: (() => Promise<void>) | undefined;
    let agency: { agencyId: string; token: string };
    let delivered = 0;

    beforeAll(async () => {
      agency = await newAgency();
      const { db, streams } = await stackClients(server().dataDir);
      const real = new DynamoDbSearchIndexWriter(DynamoDBDocumentClient.from(db), LOCAL_TABLE_NAME);
      let failuresLeft = 2;
      const flaky: SearchIndexWriter = {
        async replace(previous: readonly ClientPostings[], next: ClientPostings | undefined) {
          const target = next ?? previous[0];
          if (target?.agencyId !== agency.agencyId) return real.replace(previous, next);
          if (failuresLeft > 0) {
            failuresLeft -= 1;
            attempts.push({ clientId: target.clientId, ok: false });
            throw new Error('injected: the index is unavailable');
          }
          await real.replace(previous, next);
          attempts.push({ clientId: target.clientId, ok: true });
        },
      };
      // A second indexer beside the server's, on the same stream, with the injected writer.
      const indexer = createIndexClientCommentsHandler(() => ({ writer: flaky }));
      const runner = await startStreamRunner({
        tableName: LOCAL_TABLE_NAME,
        handler: async (event, context) => {
          delivered += event.Records.length;
          return indexer(event, context);
        },
        name: 'index-client-comments',
        timeoutSeconds: COMMENT_INDEXER_TIMEOUT_SECONDS,
        startAt: 'LATEST',
        db,
        streams,
      });
      stop = async () => {
        await runner.stop();
        db.destroy();
        streams.destroy();
      };
    });

    afterAll(() => stop?.());

    it('reports the failed record and indexes it on a later delivery', async () => {
      // The runner reads from LATEST: records written before it holds a shard position are never
      // delivered to it. Register warm-up clients in another agency until one reaches it.
      const warmUp = await newAgency();
      await pollUntil(
        async () => {
          await register(warmUp.token, { comments: 'warm up' });
          return delivered;
        },
        {
          description: 'the injected-failure stream runner to receive its first record',
          until: (count) => count > 0,
          timeoutMs: 15_000,
          intervalMs: 200,
        },
      );
      const client = await register(agency.token, { comments: 'Retry me please' });
      await pollUntil(() => attempts.filter((a) => a.clientId === client.clientId).map((a) => a.ok), {
        description: `${client.clientId} indexed after retries`,
        until: (outcomes) => outcomes.includes(true),
        timeoutMs: 20_000,
      });
      expect(attempts.filter((a) => a.clientId === client.clientId).map((a) => a.ok)).toEqual([false, false, true]);
      expect(await ids(agency.token, { q: 'retry me' })).toEqual([client.clientId]);
    });
  });
});
