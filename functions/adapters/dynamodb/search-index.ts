/**
 * The comment search index on DynamoDB (docs/comment-search.md): an inverted index kept as items
 * under the agency, in the same table.
 *
 * | item | pk | sk |
 * | word posting | `AGENCY#<a>#WORD#<word>` | `<registrationDate>#<createdAt>#<clientId>` |
 * | site posting | `AGENCY#<a>#SITE#<siteId>` | same |
 * | vocabulary entry | `AGENCY#<a>#VOCABULARY#` | `<word>` |
 *
 * (keys built in table-design.ts, whose item kinds `searchWord`, `searchSite`, `searchVocabulary` are
 * what IAM lets the comment indexer batch-write, and nothing else: table-grants.ts)
 *
 * Postings carry `clientId`, `siteId` and the client's words (space-separated, omitted when longer
 * than MAX_WORDS_CHARACTERS) so a search checks its other conditions without reading the client.
 * Words hold letters only, so no word or site id can form another agency's key. Never logs words.
 *
 * The vocabulary forgets a word once no client's postings hold it (docs/comment-search.md, "Forgetting
 * words"): postings are written before vocabulary entries, and a word a client lost is retired by
 * marking its entry, checking (consistently) that its posting list is empty, and deleting the entry
 * only if the mark is still the one this writer set.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  paginateQuery,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { commentWords } from '../../domain/comment-words';
import { newId } from '../../domain/ids';
import type {
  ClientPostings,
  ClientSearchIndex,
  IndexEntry,
  PostingList,
  RegistrationDateRange,
  SearchIndexWriter,
} from '../../ports/client-search-index';
import { withStorageErrors } from './errors';
import { BY_REGISTRATION_DATE_INDEX, keys } from './table-design';
import { untilAllProcessed } from './unprocessed';

export const POSTING_ENTITY = 'SEARCH_POSTING';
export const VOCABULARY_ENTITY = 'SEARCH_VOCABULARY';
/** Postings of a longer word list do not carry it (the item stays under 1 KB, one write unit). */
export const MAX_WORDS_CHARACTERS = 700;
const BATCH_WRITE_SIZE = 25;
const BATCH_GET_SIZE = 100;
const PARALLEL_BATCHES = 4;
/** Words retired at once (each is an UpdateItem, a Query and perhaps a DeleteItem). */
const PARALLEL_RETIREMENTS = 4;
/** On a vocabulary entry: the token of the writer that is checking whether the word is still held. */
export const RETIRING_ATTRIBUTE = 'retiring';

/** The index's partition keys, by their names here (built in table-design.ts). */
export const searchKeys = {
  word: keys.searchWord,
  site: keys.searchSite,
  vocabulary: keys.searchVocabulary,
} as const;

type Item = Record<string, unknown> & { pk: string; sk: string };
type Key = { pk: string; sk: string };

/** The posting items of one client: one per word, one for its site. The indexer, rebuild and bench use this. */
export function postingItems(postings: ClientPostings): Item[] {
  const sk = keys.registrationOrder(postings.registrationDate, postings.createdAt, postings.clientId);
  const joined = postings.words.join(' ');
  const common = {
    sk,
    entity: POSTING_ENTITY,
    clientId: postings.clientId,
    siteId: postings.siteId,
    ...(joined.length <= MAX_WORDS_CHARACTERS ? { words: joined } : {}),
  };
  return [
    { pk: searchKeys.site(postings.agencyId, postings.siteId), ...common },
    ...postings.words.map((word) => ({ pk: searchKeys.word(postings.agencyId, word), ...common })),
  ];
}

/** The agency's vocabulary entries for `words` (what prefix search expands a prefix with). */
export function vocabularyItems(agencyId: string, words: Iterable<string>): Item[] {
  return [...new Set(words)].map((word) => ({ pk: searchKeys.vocabulary(agencyId), sk: word, entity: VOCABULARY_ENTITY }));
}

const keyOf = (item: Key) => `${item.pk}\u0000${item.sk}`;

function sameItems(a: Item[], b: Item[]): boolean {
  if (a.length !== b.length) return false;
  const canonical = (items: Item[]) =>
    items
      .map((item) => JSON.stringify(Object.entries(item).sort()))
      .sort()
      .join('\n');
  return canonical(a) === canonical(b);
}

async function inBatches<T>(values: T[], size: number, work: (batch: T[]) => Promise<void>): Promise<void> {
  const batches: T[][] = [];
  for (let i = 0; i < values.length; i += size) batches.push(values.slice(i, i + size));
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL_BATCHES, batches.length) }, async () => {
      while (next < batches.length) await work(batches[next++] as T[]);
    }),
  );
}

/** Writes (puts and deletes) through BatchWriteItem, asking again for unprocessed items. */
export async function batchWrite(db: DynamoDBDocumentClient, tableName: string, puts: Item[], deletes: Key[] = []): Promise<void> {
  const requests = [
    ...puts.map((Item) => ({ PutRequest: { Item } })),
    ...deletes.map((key) => ({ DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } })),
  ];
  await inBatches(requests, BATCH_WRITE_SIZE, (batch) =>
    untilAllProcessed('write search index', batch, async (pending) => {
      const response = await withStorageErrors('write search index', () =>
        db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } })),
      );
      return response.UnprocessedItems?.[tableName] as typeof requests | undefined;
    }),
  );
}

export class DynamoDbSearchIndexWriter implements SearchIndexWriter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async replace(previous: readonly ClientPostings[], next: ClientPostings | undefined): Promise<void> {
    const nextItems = next ? postingItems(next) : [];
    const previousItems = previous.map(postingItems);
    if (previousItems.length > 0 && previousItems.every((items) => sameItems(items, nextItems))) return;
    const nextKeys = new Set(nextItems.map(keyOf));
    const stale = new Map<string, Key>();
    for (const items of previousItems) {
      for (const item of items) if (!nextKeys.has(keyOf(item))) stale.set(keyOf(item), { pk: item.pk, sk: item.sk });
    }
    // Postings first, then the vocabulary: a word is retired only after a consistent read of its
    // posting list found it empty, so the posting must exist before its vocabulary entry is checked
    // (see retireWord). A posting may thus be findable by its exact word a moment before by prefix.
    await batchWrite(this.db, this.tableName, nextItems, [...stale.values()]);
    if (next) {
      const known = previous.length > 0 ? previous.map((p) => new Set(p.words)) : [];
      const added = next.words.filter((word) => known.length === 0 || !known.every((words) => words.has(word)));
      await this.addToVocabulary(next.agencyId, added);
    }
    const kept = new Set(next?.words ?? []);
    const lost = new Map<string, Set<string>>();
    for (const p of previous) {
      const words = lost.get(p.agencyId) ?? new Set<string>();
      for (const word of p.words) if (!kept.has(word) || p.agencyId !== next?.agencyId) words.add(word);
      lost.set(p.agencyId, words);
    }
    for (const [agencyId, words] of lost) await this.retireWords(agencyId, [...words]);
  }

  /**
   * Vocabulary entries for `words`: read first (consistently) and written only when missing or being
   * retired (a mark set by retireWord, which this write clears), so most registrations only read.
   */
  private async addToVocabulary(agencyId: string, words: string[]): Promise<void> {
    if (words.length === 0) return;
    const present = new Set<string>();
    const wanted = vocabularyItems(agencyId, words).map(({ pk, sk }) => ({ pk, sk }));
    await inBatches(wanted, BATCH_GET_SIZE, (batch) =>
      untilAllProcessed('read search vocabulary', batch, async (pending) => {
        const response = await withStorageErrors('read search vocabulary', () =>
          this.db.send(
            new BatchGetCommand({
              RequestItems: {
                [this.tableName]: {
                  Keys: pending,
                  ProjectionExpression: 'sk, #retiring',
                  ExpressionAttributeNames: { '#retiring': RETIRING_ATTRIBUTE },
                  ConsistentRead: true,
                },
              },
            }),
          ),
        );
        for (const item of response.Responses?.[this.tableName] ?? []) {
          if (item[RETIRING_ATTRIBUTE] === undefined) present.add(item.sk as string);
        }
        return response.UnprocessedKeys?.[this.tableName]?.Keys as typeof pending | undefined;
      }),
    );
    const missing = words.filter((word) => !present.has(word));
    await batchWrite(this.db, this.tableName, vocabularyItems(agencyId, missing));
  }

  /**
   * Retires every word of the agency's vocabulary that no posting holds (`comments:reindex` runs it
   * after rewriting the agency's postings: words left by the indexer before it forgot words, or by a
   * lost write). Answers how many words the vocabulary had before.
   */
  async pruneVocabulary(agencyId: string): Promise<number> {
    const words: string[] = [];
    await withStorageErrors('read search vocabulary', async () => {
      const pages = paginateQuery(
        { client: this.db },
        {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': searchKeys.vocabulary(agencyId) },
          ProjectionExpression: 'sk',
        },
      );
      for await (const page of pages) for (const item of page.Items ?? []) words.push(item.sk as string);
    });
    await this.retireWords(agencyId, words);
    return words.length;
  }

  /** Retires each word no client's postings hold any more (several writers may race: see retireWord). */
  private async retireWords(agencyId: string, words: string[]): Promise<void> {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL_RETIREMENTS, words.length) }, async () => {
        while (next < words.length) await this.retireWord(agencyId, words[next++] as string);
      }),
    );
  }

  /**
   * Removes `word` from the agency's vocabulary if no posting holds it. Safe against a client gaining
   * the word at the same moment, because that writer puts its posting first and then reads the entry
   * consistently: (1) mark the entry with a fresh token (only if it exists); (2) read the word's posting
   * list consistently; (3) delete the entry only if it still carries this token. A writer that read the
   * entry before (1) had already written its posting, which (2) then sees; one that read it after (1)
   * sees the mark and rewrites the entry, which clears the mark and makes (3) fail, or recreates it.
   * Two writers retiring the same word: the later mark wins and only its writer may delete. Idempotent.
   */
  private async retireWord(agencyId: string, word: string): Promise<void> {
    const key = { pk: searchKeys.vocabulary(agencyId), sk: word };
    const token = newId();
    const marked = await withStorageErrors('retire search word', () =>
      this.db
        .send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: key,
            UpdateExpression: 'SET #retiring = :token',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#retiring': RETIRING_ATTRIBUTE },
            ExpressionAttributeValues: { ':token': token },
          }),
        )
        .then(() => true, ignoreConditionFailure),
    );
    if (!marked) return; // already gone
    const { Items } = await withStorageErrors('retire search word', () =>
      this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': searchKeys.word(agencyId, word) },
          ProjectionExpression: 'sk',
          ConsistentRead: true,
          Limit: 1,
        }),
      ),
    );
    if ((Items ?? []).length > 0) return; // still held: the mark stays, the next writer of the word clears it
    await withStorageErrors('retire search word', () =>
      this.db
        .send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: key,
            ConditionExpression: '#retiring = :token',
            ExpressionAttributeNames: { '#retiring': RETIRING_ATTRIBUTE },
            ExpressionAttributeValues: { ':token': token },
          }),
        )
        .then(() => true, ignoreConditionFailure),
    );
  }
}

/** A failed condition is an answer (false), not an error. */
function ignoreConditionFailure(error: unknown): false {
  if (error instanceof ConditionalCheckFailedException) return false;
  throw error;
}

/** Sort-key bounds for registration dates: sort keys start with the date, then `#`. */
function sortKeyBounds(dates: RegistrationDateRange): { lo: string; hi: string } {
  return { lo: dates.from ?? '0', hi: `${dates.to ?? '9999-12-31'}#~` };
}

export class DynamoDbClientSearchIndex implements ClientSearchIndex {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(
    agencyId: string,
    list: PostingList,
    dates: RegistrationDateRange,
    options: { after?: string; limit: number },
  ): Promise<{ entries: IndexEntry[]; exhausted: boolean }> {
    const { lo, hi } = sortKeyBounds(dates);
    const values = { ':lo': lo, ':hi': hi };
    let input: QueryCommandInput;
    if (list.kind === 'all') {
      const gsi = BY_REGISTRATION_DATE_INDEX;
      const partition = keys.agencyRegistrations(agencyId);
      input = {
        TableName: this.tableName,
        IndexName: gsi.name,
        KeyConditionExpression: '#gpk = :pk AND #gsk BETWEEN :lo AND :hi',
        ExpressionAttributeNames: { '#gpk': gsi.partitionKey, '#gsk': gsi.sortKey, '#site': 'site' },
        ExpressionAttributeValues: { ':pk': partition, ...values },
        ProjectionExpression: 'clientId, #site, comments, #gsk',
        ...(options.after
          ? {
              ExclusiveStartKey: {
                ...keys.clientItem(agencyId, options.after.slice(options.after.lastIndexOf('#') + 1)),
                [gsi.partitionKey]: partition,
                [gsi.sortKey]: options.after,
              },
            }
          : {}),
      };
    } else {
      const pk = list.kind === 'word' ? searchKeys.word(agencyId, list.word) : searchKeys.site(agencyId, list.siteId);
      input = {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
        ExpressionAttributeValues: { ':pk': pk, ...values },
        ProjectionExpression: 'sk, clientId, siteId, words',
        ...(options.after ? { ExclusiveStartKey: { pk, sk: options.after } } : {}),
      };
    }
    const response = await withStorageErrors('search clients', () =>
      this.db.send(new QueryCommand({ ...input, ScanIndexForward: false, Limit: options.limit })),
    );
    const entries = (response.Items ?? []).map((item): IndexEntry => {
      if (list.kind === 'all') {
        return {
          position: item[BY_REGISTRATION_DATE_INDEX.sortKey] as string,
          clientId: item.clientId as string,
          siteId: (item.site as { siteId: string }).siteId,
          words: commentWords(item.comments as string | null),
        };
      }
      return {
        position: item.sk as string,
        clientId: item.clientId as string,
        siteId: item.siteId as string,
        words: typeof item.words === 'string' ? (item.words === '' ? [] : item.words.split(' ')) : undefined,
      };
    });
    return { entries, exhausted: response.LastEvaluatedKey === undefined };
  }

  async wordsStartingWith(agencyId: string, prefix: string, max: number): Promise<string[]> {
    const response = await withStorageErrors('search vocabulary', () =>
      this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': searchKeys.vocabulary(agencyId), ':prefix': prefix },
          ProjectionExpression: 'sk',
          Limit: max,
        }),
      ),
    );
    return (response.Items ?? []).map((item) => item.sk as string);
  }
}
