/**
 * The comment search index on DynamoDB (docs/comment-search.md): an inverted index kept as items
 * under the agency, in the same table.
 *
 * | item | pk | sk |
 * | word posting | `AGENCY#<a>#WORD#<word>` | `<registrationDate>#<createdAt>#<clientId>` |
 * | site posting | `AGENCY#<a>#SITE#<siteId>` | same |
 * | vocabulary entry | `AGENCY#<a>#VOCABULARY` | `<word>` |
 *
 * Postings carry `clientId`, `siteId` and the client's words (space-separated, omitted when longer
 * than MAX_WORDS_CHARACTERS) so a search checks its other conditions without reading the client.
 * Words hold letters only, so no word or site id can form another agency's key. Never logs words.
 */
import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { commentWords } from '../../domain/comment-words';
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

export const searchKeys = {
  word: (agencyId: string, word: string) => `AGENCY#${agencyId}#WORD#${word}`,
  site: (agencyId: string, siteId: string) => `AGENCY#${agencyId}#SITE#${siteId}`,
  vocabulary: (agencyId: string) => `AGENCY#${agencyId}#VOCABULARY`,
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
    if (next) {
      // The vocabulary first: a posting is never findable by prefix without its word in the vocabulary.
      const known = previous.length > 0 ? previous.map((p) => new Set(p.words)) : [];
      const added = next.words.filter((word) => known.length === 0 || !known.every((words) => words.has(word)));
      await this.addToVocabulary(next.agencyId, added);
    }
    await batchWrite(this.db, this.tableName, nextItems, [...stale.values()]);
  }

  /** Vocabulary entries are never removed (an unused word costs one small item); read first, write the missing. */
  private async addToVocabulary(agencyId: string, words: string[]): Promise<void> {
    if (words.length === 0) return;
    const present = new Set<string>();
    const wanted = vocabularyItems(agencyId, words).map(({ pk, sk }) => ({ pk, sk }));
    await inBatches(wanted, BATCH_GET_SIZE, (batch) =>
      untilAllProcessed('read search vocabulary', batch, async (pending) => {
        const response = await withStorageErrors('read search vocabulary', () =>
          this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ProjectionExpression: 'sk' } } })),
        );
        for (const item of response.Responses?.[this.tableName] ?? []) present.add(item.sk as string);
        return response.UnprocessedKeys?.[this.tableName]?.Keys as typeof pending | undefined;
      }),
    );
    const missing = words.filter((word) => !present.has(word));
    await batchWrite(this.db, this.tableName, vocabularyItems(agencyId, missing));
  }
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
                pk: keys.agency(agencyId),
                sk: keys.client(options.after.slice(options.after.lastIndexOf('#') + 1)),
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
