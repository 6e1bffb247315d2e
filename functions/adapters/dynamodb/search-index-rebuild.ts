/**
 * Rebuilds the comment search index from the clients themselves: for one agency (its registrations,
 * through gsi1) or for every agency (a Scan: an operator's tool, never a request path). Writes each
 * client's postings and vocabulary exactly as the indexer does, and registers the agencies it sees
 * (agency-registry.ts), then removes from each agency's vocabulary the words no client holds any more;
 * idempotent, safe beside the indexer.
 * A posting left behind by a lost delete stays but is harmless: a search re-checks every client it
 * returns against the stored profile. Never logs comments or words.
 */
import { type DynamoDBDocumentClient, paginateQuery, paginateScan } from '@aws-sdk/lib-dynamodb';
import { clientPostings } from '../../domain/comment-words';
import { agencyRegistryItem } from './agency-registry';
import { withStorageErrors } from './errors';
import { batchWrite, DynamoDbSearchIndexWriter, postingItems, vocabularyItems } from './search-index';
import { BY_REGISTRATION_DATE_INDEX, keys } from './table-design';

const CLIENT_ENTITY = 'ANONYMOUS_CLIENT';

export async function rebuildSearchIndex(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: { agencyId?: string; onProgress?: (clients: number) => void } = {},
): Promise<number> {
  let clients = 0;
  const agencies = new Set<string>(options.agencyId ? [options.agencyId] : []);
  const pages: AsyncIterable<{ Items?: Record<string, unknown>[] }> = options.agencyId
    ? paginateQuery(
        { client: db },
        {
          TableName: tableName,
          IndexName: BY_REGISTRATION_DATE_INDEX.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': BY_REGISTRATION_DATE_INDEX.partitionKey },
          ExpressionAttributeValues: { ':pk': keys.agencyRegistrations(options.agencyId) },
        },
      )
    : paginateScan(
        { client: db },
        {
          TableName: tableName,
          FilterExpression: 'entity = :entity',
          ExpressionAttributeValues: { ':entity': CLIENT_ENTITY },
        },
      );
  // Page by page: each page's postings are written before the next page is read. The writes report
  // their own failures (batchWrite); this reports the reads.
  await withStorageErrors('read clients to index', async () => {
    for await (const page of pages) {
      const postings = (page.Items ?? [])
        .filter((item) => item.entity === CLIENT_ENTITY)
        .map((item) => clientPostings(item as Parameters<typeof clientPostings>[0]));
      const vocabulary = new Map<string, Set<string>>();
      for (const p of postings) {
        const words = vocabulary.get(p.agencyId) ?? new Set<string>();
        p.words.forEach((word) => words.add(word));
        vocabulary.set(p.agencyId, words);
      }
      // Postings first, then the vocabulary, as the indexer does (a word being retired at the same
      // moment then sees the posting, or its entry is written again: search-index.ts, retireWord).
      await batchWrite(db, tableName, postings.flatMap(postingItems));
      await batchWrite(
        db,
        tableName,
        [...vocabulary].flatMap(([agencyId, words]) => vocabularyItems(agencyId, words)),
      );
      // The agencies, for retention (agency-registry.ts): this is how a table from before the registry gets one.
      await batchWrite(db, tableName, [...vocabulary.keys()].map(agencyRegistryItem));
      clients += postings.length;
      for (const agencyId of vocabulary.keys()) agencies.add(agencyId);
      options.onProgress?.(clients);
    }
  });
  // Then the words no client holds leave each agency's vocabulary (docs/comment-search.md).
  const writer = new DynamoDbSearchIndexWriter(db, tableName);
  for (const agencyId of agencies) await writer.pruneVocabulary(agencyId);
  return clients;
}
