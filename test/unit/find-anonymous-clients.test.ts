import { describe, expect, it } from '@jest/globals';
import type { AnonymousClient } from '../../functions/domain/anonymous-client';
import { commentWords } from '../../functions/domain/comment-words';
import { findAnonymousClients, FindAnonymousClientsQuerySchema, MAX_SCANNED } from '../../functions/domain/find-anonymous-clients';
import { hmacCursorCodec } from '../../functions/domain/search-cursor';
import type { ClientSearchIndex, IndexEntry, PostingList } from '../../functions/ports/client-search-index';

const caller = { userId: 'u', agencyId: 'agency-a', agencyName: 'A', roles: ['staff' as const] };

/** An agency in memory: clients i = 0..n-1, registered on consecutive days, with generated comments. */
function agency(count: number, commentOf: (i: number) => string) {
  const clients = Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    return {
      clientId: `C${String(i).padStart(6, '0')}`,
      agency: { agencyId: 'agency-a', name: 'A' },
      registrationDate: date,
      createdAt: `${date}T10:00:00.000Z`,
      site: { siteId: i % 2 === 0 ? 'EVEN' : 'ODD', name: 'Site' },
      comments: commentOf(i),
    } as AnonymousClient;
  });
  // The index as it was built: later changes to `clients` make it stale, as a lagging indexer would.
  const indexedWords = new Map(clients.map((c) => [c.clientId, commentWords(c.comments)]));
  const position = (c: AnonymousClient) => `${c.registrationDate}#${c.createdAt}#${c.clientId}`;
  const reads: Record<string, number> = {};
  const entriesOf = (list: PostingList): IndexEntry[] =>
    clients
      .filter((c) =>
        list.kind === 'all'
          ? true
          : list.kind === 'site'
            ? c.site.siteId === list.siteId
            : indexedWords.get(c.clientId)!.includes(list.word),
      )
      .map((c) => ({ position: position(c), clientId: c.clientId, siteId: c.site.siteId, words: indexedWords.get(c.clientId) }))
      .sort((a, b) => (a.position < b.position ? 1 : -1));
  const index: ClientSearchIndex = {
    async read(_agencyId, list, dates, { after, limit }) {
      const name = list.kind === 'word' ? list.word : list.kind;
      const all = entriesOf(list).filter(
        (e) => (!dates.from || e.position >= dates.from) && (!dates.to || e.position <= `${dates.to}#~`) && (!after || e.position < after),
      );
      const entries = all.slice(0, limit);
      reads[name] = (reads[name] ?? 0) + entries.length;
      return { entries, exhausted: entries.length === all.length };
    },
    async wordsStartingWith(_agencyId, prefix, max) {
      return [...new Set([...indexedWords.values()].flat())]
        .filter((w) => w.startsWith(prefix))
        .sort()
        .slice(0, max);
    },
  };
  const byId = new Map(clients.map((c) => [c.clientId, c]));
  const deps = {
    index,
    clients: { getMany: async (_a: string, ids: string[]) => ids.flatMap((id) => byId.get(id) ?? []) },
    cursors: hmacCursorCodec(Buffer.alloc(32, 1)),
  };
  const find = (query: Record<string, string>) => findAnonymousClients(FindAnonymousClientsQuerySchema.parse(query), caller, deps);
  return { clients, reads, find };
}

describe('findAnonymousClients', () => {
  it('walks the rarest list and checks the common word on its entries', async () => {
    const { reads, find } = agency(5000, (i) => `family ${i % 250 === 0 ? 'tigrinya' : 'other'}`);
    const result = await find({ q: 'family tigrinya' });
    expect(result.items).toHaveLength(20);
    expect(result.nextCursor).toBeNull();
    // The common word is only probed (100 entries), never walked.
    expect(reads.family).toBeLessThanOrEqual(100);
    expect(reads.tigrinya).toBe(20);
  });

  it('reads about the same whatever the agency size for the first page of a broad query', async () => {
    const small = agency(1000, (i) => (i % 3 === 0 ? 'needs a family doctor' : 'asked about housing'));
    const large = agency(20000, (i) => (i % 3 === 0 ? 'needs a family doctor' : 'asked about housing'));
    const a = await small.find({ q: 'family doc' });
    const b = await large.find({ q: 'family doc' });
    expect(a.items).toHaveLength(25);
    expect(b.items).toHaveLength(25);
    const total = (reads: Record<string, number>) => Object.values(reads).reduce((x, y) => x + y, 0);
    expect(total(large.reads)).toBe(total(small.reads));
  });

  it('answers a short page with a cursor rather than reading more than its bound, and misses nothing', async () => {
    const { find, clients } = agency(MAX_SCANNED * 2 + 10, (i) => (i === 5 ? 'alpha beta' : i % 2 === 0 ? 'alpha' : 'beta'));
    const found: string[] = [];
    let cursor: string | null = null;
    let requests = 0;
    do {
      const page: { items: AnonymousClient[]; nextCursor: string | null } = await find({ q: 'alpha beta', ...(cursor ? { cursor } : {}) });
      found.push(...page.items.map((c) => c.clientId));
      cursor = page.nextCursor;
      requests += 1;
    } while (cursor && requests < 10);
    expect(found).toEqual([clients[5]!.clientId]);
    expect(requests).toBeGreaterThan(1);
  });

  it('never returns a client whose stored profile no longer matches a stale entry', async () => {
    const { clients, find } = agency(10, () => 'winter clothing');
    clients[9]!.comments = 'housing';
    const result = await find({ q: 'winter' });
    expect(result.items.map((c) => c.clientId)).not.toContain(clients[9]!.clientId);
    expect(result.items).toHaveLength(9);
  });
});
