/**
 * "Find a Client or Group Activity in my Agency" (CONTRACT §6): the agency's anonymous clients whose
 * comments hold every query word (the last may be a prefix), newest registration first, optionally at
 * one site and between two registration dates. Plain domain logic over two ports: no AWS, no HTTP.
 *
 * The work of one request grows with what it returns, not with the agency: it walks ONE posting list
 * (the rarest of the query's words, prefix expansions and site, found by probing each list's first
 * page) and checks the other conditions on the entries themselves; it reads at most MAX_SCANNED
 * entries before answering (a short page with a cursor, never a slow one). Every client returned is
 * re-checked against its stored profile, so a stale index entry (an edit not indexed yet, a lost
 * delete) never shows a client that does not match.
 * Never logs the query, the comments or the words.
 */
import * as z from 'zod';
import type { ClientSearchIndex, IndexEntry, PostingList, RegistrationDateRange } from '../ports/client-search-index';
import type { ClientStore } from '../ports/client-store';
import type { AnonymousClient } from './anonymous-client';
import { isIsoCalendarDate } from './calendar';
import type { Caller } from './caller';
import { clientMessage, clientZodMessage } from './client-messages';
import { commentWords, MAX_QUERY_WORDS, type ParsedSearchText, parseSearchText, wordsMatch } from './comment-words';
import { InvalidRequestError } from './errors';
import { zodMessage } from './messages';
import { type CursorCodec, InvalidCursorError } from './search-cursor';
import { searchTextSchema } from './search-text';
import { SiteIdSchema } from './site';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/** A prefix that expands to more words than this is a filter, not a list to walk (it is broad). */
export const MAX_PREFIX_EXPANSION = 16;
/** Entries read from each list to find the rarest one. */
export const PROBE_SIZE = 100;
/** Entries one request reads at most before it answers with what it found and a cursor. */
export const MAX_SCANNED = 3000;

const LIMIT_RULE = clientZodMessage('field.wholeNumberRange', { min: 1, max: MAX_PAGE_SIZE });

const dateParameter = (what: string) =>
  z
    .string()
    .refine(isIsoCalendarDate, clientZodMessage('field.date'))
    .optional()
    .meta({ format: 'date', description: `Only clients registered on or ${what} this day.` });

export const FindAnonymousClientsQuerySchema = z
  .strictObject({
    q: searchTextSchema(500).optional().meta({
      description:
        'Words of the comments, all required; the last may be the beginning of a word (2 letters or more). Case and accents do not matter.',
      example: 'arabic interp',
    }),
    siteId: SiteIdSchema.optional().meta({ description: 'Only clients registered at this site.' }),
    from: dateParameter('after'),
    to: dateParameter('before'),
    limit: z.coerce
      .number({ error: LIMIT_RULE })
      .int(LIMIT_RULE)
      .min(1, LIMIT_RULE)
      .max(MAX_PAGE_SIZE, LIMIT_RULE)
      .default(DEFAULT_PAGE_SIZE)
      .meta({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
    cursor: z
      .string()
      .max(2000, clientZodMessage('field.clientCursorTooLong'))
      // What this API gives out: base64url payload '.' base64url signature.
      .regex(/^[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*$/, clientZodMessage('field.clientCursor'))
      .optional()
      .meta({ description: 'The nextCursor of the previous page, with the same q, siteId, from and to.' }),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.from > query.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: clientZodMessage('field.toNotBeforeFrom') });
    if (query.q !== undefined && query.q.trim() !== '') {
      const words = commentWords(query.q).length;
      if (words === 0) ctx.addIssue({ code: 'custom', path: ['q'], message: clientZodMessage('field.oneWord') });
      if (words > MAX_QUERY_WORDS)
        ctx.addIssue({ code: 'custom', path: ['q'], message: zodMessage('field.maxWords', { max: MAX_QUERY_WORDS }) });
    }
  });

export type FindAnonymousClientsQuery = z.output<typeof FindAnonymousClientsQuerySchema>;

export const FoundAnonymousClientsSchema = (item: z.ZodType) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().meta({ description: 'Pass as cursor for the next page; null on the last page.' }),
    })
    .meta({ id: 'AnonymousClientSearchResults' });

export interface FindDependencies {
  index: ClientSearchIndex;
  clients: Pick<ClientStore, 'getMany'>;
  cursors: CursorCodec;
}

export interface FindResult {
  items: AnonymousClient[];
  nextCursor: string | null;
}

/** The conditions a client must meet, normalised: also what a cursor is bound to. */
interface Conditions {
  terms: ParsedSearchText;
  siteId: string | undefined;
  dates: RegistrationDateRange;
}

/** Entries of one or more posting lists merged newest first (one client once), read page by page. */
class EntryStream {
  private readonly buffers: IndexEntry[][];
  private readonly after: (string | undefined)[];
  private readonly exhausted: boolean[];
  private lastEmitted: string | undefined;

  constructor(
    private readonly read: (
      list: PostingList,
      after: string | undefined,
      limit: number,
    ) => Promise<{ entries: IndexEntry[]; exhausted: boolean }>,
    private readonly lists: PostingList[],
    start: string | undefined,
  ) {
    this.buffers = lists.map(() => []);
    this.after = lists.map(() => start);
    this.exhausted = lists.map(() => false);
  }

  /** Entries read so far and not yet taken, in order; `complete` when nothing more exists. */
  async fill(count: number): Promise<{ buffered: number; complete: boolean; lastPosition: string | undefined }> {
    // A prefix's lists share the reads: together they are one list of about `count` entries.
    const perList = Math.max(Math.ceil(count / this.lists.length), Math.min(count, 10));
    await Promise.all(
      this.lists.map(async (list, i) => {
        const buffer = this.buffers[i] as IndexEntry[];
        if (this.exhausted[i] || buffer.length >= perList) return;
        const page = await this.read(list, this.after[i], perList - buffer.length);
        buffer.push(...page.entries);
        this.exhausted[i] = page.exhausted || page.entries.length === 0;
        const last = page.entries.at(-1);
        if (last) this.after[i] = last.position;
      }),
    );
    const buffered = this.buffers.reduce((sum, b) => sum + b.length, 0);
    const complete = this.exhausted.every(Boolean);
    // Across several lists, only positions newer than every list's last read entry are certain.
    const lastPositions = this.buffers.map((b, i) => (this.exhausted[i] ? undefined : b.at(-1)?.position)).filter((p) => p !== undefined);
    const lastPosition = lastPositions.length > 0 ? lastPositions.reduce((a, b) => (a > b ? a : b)) : undefined;
    return { buffered, complete, lastPosition };
  }

  /** The next entry in order, or undefined when all lists are done. */
  async next(pageSize: number): Promise<IndexEntry | undefined> {
    for (;;) {
      // Every list that may still hold the next entry needs one buffered entry to compare.
      if (this.buffers.some((b, i) => b.length === 0 && !this.exhausted[i])) await this.fill(pageSize);
      let best = -1;
      for (let i = 0; i < this.buffers.length; i += 1) {
        const head = this.buffers[i]?.[0];
        if (head && (best < 0 || head.position > (this.buffers[best]?.[0]?.position as string))) best = i;
      }
      if (best < 0) return undefined;
      const entry = (this.buffers[best] as IndexEntry[]).shift() as IndexEntry;
      // A client in two lists of a prefix ("doctor", "doctors") has one position: emit it once.
      if (entry.position === this.lastEmitted) continue;
      this.lastEmitted = entry.position;
      return entry;
    }
  }
}

type Check = 'yes' | 'no' | 'unknown';

function entryMatches(entry: IndexEntry, conditions: Conditions): Check {
  if (conditions.siteId !== undefined && entry.siteId !== conditions.siteId) return 'no';
  const { terms } = conditions;
  if (terms.exact.length === 0 && terms.prefix === undefined) return 'yes';
  if (entry.words === undefined) return 'unknown';
  return wordsMatch(entry.words, terms) ? 'yes' : 'no';
}

function clientMatches(client: AnonymousClient, conditions: Conditions): boolean {
  const { from, to } = conditions.dates;
  if (from !== undefined && client.registrationDate < from) return false;
  if (to !== undefined && client.registrationDate > to) return false;
  if (conditions.siteId !== undefined && client.site.siteId !== conditions.siteId) return false;
  return wordsMatch(commentWords(client.comments), conditions.terms);
}

function invalidCursor(): InvalidRequestError {
  return new InvalidRequestError(
    [{ pointer: '/cursor', detail: clientMessage('field.clientCursor') }],
    clientMessage('request.invalidCursor'),
  );
}

/** One page of the agency's anonymous clients matching `query`, newest registration first. */
export async function findAnonymousClients(query: FindAnonymousClientsQuery, caller: Caller, deps: FindDependencies): Promise<FindResult> {
  const agencyId = caller.agencyId;
  const conditions: Conditions = {
    terms: parseSearchText(query.q),
    siteId: query.siteId,
    dates: { from: query.from, to: query.to },
  };
  const scope = { agencyId, query: conditions };
  let start: string | undefined;
  if (query.cursor !== undefined) {
    try {
      start = deps.cursors.decode(scope, query.cursor);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw invalidCursor();
      throw error;
    }
  }
  const read = (list: PostingList, after: string | undefined, limit: number) =>
    deps.index.read(agencyId, list, conditions.dates, { after, limit });

  // The lists this query could walk: one per required word, the prefix's words (if few), the site.
  const candidates: PostingList[][] = conditions.terms.exact.map((word) => [{ kind: 'word', word }]);
  if (conditions.terms.prefix !== undefined) {
    const expansion = await deps.index.wordsStartingWith(agencyId, conditions.terms.prefix, MAX_PREFIX_EXPANSION + 1);
    if (expansion.length === 0) return { items: [], nextCursor: null };
    if (expansion.length <= MAX_PREFIX_EXPANSION) candidates.push(expansion.map((word) => ({ kind: 'word', word })));
  }
  if (conditions.siteId !== undefined) candidates.push([{ kind: 'site', siteId: conditions.siteId }]);
  if (candidates.length === 0) candidates.push([{ kind: 'all' }]);

  const streams = candidates.map((lists) => new EntryStream(read, lists, start));
  let driver = streams[0] as EntryStream;
  if (streams.length > 1) {
    // Probe every list's first entries and walk the rarest: a complete short list if there is one,
    // else the list whose PROBE_SIZE-th entry lies furthest back (the sparsest).
    const probes = await Promise.all(streams.map((stream) => stream.fill(PROBE_SIZE)));
    const rank = (i: number) => {
      const probe = probes[i]!;
      return probe.complete ? [0, probe.buffered, ''] : [1, 0, probe.lastPosition ?? ''];
    };
    let best = 0;
    for (let i = 1; i < streams.length; i += 1) {
      const [kindA, sizeA, positionA] = rank(best) as [number, number, string];
      const [kindB, sizeB, positionB] = rank(i) as [number, number, string];
      if (kindB < kindA || (kindB === kindA && (kindB === 0 ? sizeB < sizeA : positionB < positionA))) best = i;
    }
    driver = streams[best] as EntryStream;
  }

  const needsChecks = conditions.terms.exact.length > 0 || conditions.terms.prefix !== undefined || streams.length > 1;
  const pageSize = needsChecks ? PROBE_SIZE : query.limit + 1;
  const matched: IndexEntry[] = [];
  let scanned = 0;
  let lastScanned: string | undefined;
  let stoppedEarly = false;
  while (matched.length <= query.limit) {
    if (scanned >= MAX_SCANNED) {
      stoppedEarly = true;
      break;
    }
    const entry = await driver.next(pageSize);
    if (!entry) break;
    scanned += 1;
    lastScanned = entry.position;
    if (entryMatches(entry, conditions) !== 'no') matched.push(entry);
  }
  const page = matched.slice(0, query.limit);
  let nextPosition: string | undefined;
  if (matched.length > query.limit) nextPosition = page.at(-1)?.position;
  else if (stoppedEarly) nextPosition = lastScanned;

  // The stored profiles are the truth: drop what the index still lists but the client no longer is.
  const clients = await deps.clients.getMany(
    agencyId,
    page.map((entry) => entry.clientId),
  );
  const items = clients.filter((client) => clientMatches(client, conditions));
  return { items, nextCursor: nextPosition === undefined ? null : deps.cursors.encode(scope, nextPosition) };
}
