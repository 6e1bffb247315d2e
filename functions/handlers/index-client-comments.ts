/**
 * The comment indexer: keeps the search index (adapters/dynamodb/search-index.ts) in step with the
 * anonymous clients, fed by the table's stream (new and old images). In AWS a Lambda with a DynamoDB
 * stream event source and ReportBatchItemFailures; in the embedded mode local/stream-runner.ts reads
 * DynamoDB Local's stream and calls this same handler with the same event.
 *
 * At least once, in order: a record that fails is reported in `batchItemFailures` and the stream
 * delivers it (and what follows) again, so a comment is never silently left unsearchable. Applying a
 * record twice changes nothing. Records of other items (audit entries, the index's own items) are
 * skipped. Never logs comments or words: only counts and ids. It also remembers each agency it sees
 * a client of (ports/agency-registry.ts), so that retention can list the agencies without a scan.
 *
 * A middy handler like the API's: Powertools metrics count its cold starts; its own work needs no
 * HTTP middleware.
 */
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent, AttributeValue as LambdaAttributeValue } from 'aws-lambda';
import { clientPostings } from '../domain/comment-words';
import type { AgencyRegistry } from '../ports/agency-registry';
import type { ClientPostings, SearchIndexWriter } from '../ports/client-search-index';
import { agencyRegistry } from '../runtime/agency-registry-dependency';
import { logger } from '../runtime/logger';
import { metrics } from '../runtime/metrics';
import { searchIndexWriter } from '../runtime/search-dependencies';

const CLIENT_ENTITY = 'ANONYMOUS_CLIENT';
const PARALLEL_CLIENTS = 8;

export interface IndexerDependencies {
  writer: SearchIndexWriter;
  /** Where the agencies of the clients seen are remembered (left out: not remembered). */
  agencies?: AgencyRegistry;
}

function postingsOf(image: Record<string, LambdaAttributeValue> | undefined): ClientPostings | undefined {
  if (!image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (item.entity !== CLIENT_ENTITY) return undefined;
  return clientPostings(item as Parameters<typeof clientPostings>[0]);
}

interface ClientChange {
  /** The first record of this client in the batch: where the stream must resume if it fails. */
  firstSequenceNumber: string;
  firstIndex: number;
  previous: ClientPostings[];
  next: ClientPostings | undefined;
}

/**
 * The net change per client in one batch: every earlier version seen (their index items go) and the
 * last version (its items stay). Collapsing keeps a batch's work per client, not per record.
 */
function changesByClient(records: DynamoDBRecord[]): Map<string, ClientChange> {
  const changes = new Map<string, ClientChange>();
  records.forEach((record, index) => {
    const oldPostings = postingsOf(record.dynamodb?.OldImage);
    const newPostings = postingsOf(record.dynamodb?.NewImage);
    const any = newPostings ?? oldPostings;
    if (!any) return;
    const key = `${any.agencyId}\u0000${any.clientId}`;
    let change = changes.get(key);
    if (!change) {
      change = { firstSequenceNumber: record.dynamodb?.SequenceNumber ?? '', firstIndex: index, previous: [], next: undefined };
      changes.set(key, change);
    }
    if (oldPostings) change.previous.push(oldPostings);
    if (change.next) change.previous.push(change.next);
    change.next = record.eventName === 'REMOVE' ? undefined : newPostings;
  });
  return changes;
}

export function createIndexClientCommentsHandler(
  deps: () => IndexerDependencies = () => ({ writer: searchIndexWriter(), agencies: agencyRegistry() }),
) {
  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler(async (event) => {
      const changes = [...changesByClient(event.Records ?? []).values()];
      const agencies = changes.flatMap((change) => (change.next ? [change.next.agencyId] : []));
      try {
        await deps().agencies?.remember(agencies);
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        logger.error('remembering the agencies failed; the stream will retry', { error: { name: err.name, message: err.message } });
        const first = changes.reduce<ClientChange | undefined>((a, b) => (a && a.firstIndex <= b.firstIndex ? a : b), undefined);
        return { batchItemFailures: first ? [{ itemIdentifier: first.firstSequenceNumber }] : [] };
      }
      const failed: ClientChange[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(PARALLEL_CLIENTS, changes.length) }, async () => {
          while (next < changes.length) {
            const change = changes[next++] as ClientChange;
            try {
              await deps().writer.replace(change.previous, change.next);
            } catch (error) {
              failed.push(change);
              const err = error instanceof Error ? error : new Error(String(error));
              logger.error('indexing a client failed; the stream will retry', {
                error: { name: err.name, message: err.message },
                clientId: (change.next ?? change.previous[0])?.clientId,
              });
            }
          }
        }),
      );
      if (failed.length === 0) return { batchItemFailures: [] };
      // The stream resumes from the earliest failed record; later records are applied again (idempotent).
      const earliest = failed.reduce((a, b) => (a.firstIndex <= b.firstIndex ? a : b));
      return { batchItemFailures: [{ itemIdentifier: earliest.firstSequenceNumber }] };
    });
}

export const handler = createIndexClientCommentsHandler();
