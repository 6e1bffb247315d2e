/**
 * ClientRecordEraser on DynamoDB (retention, domain/client-retention.ts). Finds due clients through
 * the by-registration-date index (one Query per agency and page, never a Scan) and removes a client's
 * items one DeleteItem at a time: this adapter never puts or updates anything, so its function's role
 * needs only Query and DeleteItem (on the kinds it removes). Item keys come from table-design.ts and
 * audit-entries.ts (the audit entries' location is derived from how that adapter writes them). The
 * client's search postings are the search index writer's to remove. Never logs item contents.
 */
import { DeleteCommand, type DynamoDBDocumentClient, paginateQuery, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/audit';
import { clientPostings } from '../../domain/comment-words';
import type { ClientRecordEraser, ClientsPage } from '../../ports/client-retention';
import { auditItem } from './audit-entries';
import { withStorageErrors } from './errors';
import { BY_REGISTRATION_DATE_INDEX, keys } from './table-design';

const CLIENT_ENTITY = 'ANONYMOUS_CLIENT';
const PARALLEL_DELETES = 8;

type Key = { pk: string; sk: string };

/** Where a client's audit entries are: the partition and sort-key prefix audit-entries.ts writes them under. */
export function auditEntriesLocation(agencyId: string, clientId: string): { pk: string; prefix: string } {
  const probe: AuditEntry = { at: '', by: '', action: 'EDITED', fields: [] };
  return { pk: auditItem(agencyId, clientId, probe).pk, prefix: keys.clientAuditPrefix(clientId) };
}

export class DynamoDbClientRecordEraser implements ClientRecordEraser {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async registeredBefore(agencyId: string, beforeDate: string, options: { limit: number; after?: string }): Promise<ClientsPage> {
    const gsi = BY_REGISTRATION_DATE_INDEX;
    const partition = keys.agencyRegistrations(agencyId);
    const response = await withStorageErrors('list clients to expire', () =>
      this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: gsi.name,
          // Sort keys begin with the registration date, so "< the day after" holds that day and earlier.
          KeyConditionExpression: '#gpk = :pk AND #gsk < :before',
          ExpressionAttributeNames: { '#gpk': gsi.partitionKey, '#gsk': gsi.sortKey },
          ExpressionAttributeValues: { ':pk': partition, ':before': beforeDate },
          ScanIndexForward: true,
          Limit: options.limit,
          ...(options.after ? { ExclusiveStartKey: JSON.parse(options.after) as Record<string, unknown> } : {}),
        }),
      ),
    );
    const clients = (response.Items ?? [])
      .filter((item) => item.entity === CLIENT_ENTITY && item.agency?.agencyId === agencyId)
      .map((item) => ({
        agencyId,
        clientId: item.clientId as string,
        registrationDate: item.registrationDate as string,
        postings: clientPostings(item as Parameters<typeof clientPostings>[0]),
      }));
    return { clients, next: response.LastEvaluatedKey ? JSON.stringify(response.LastEvaluatedKey) : undefined };
  }

  async deleteSession(agencyId: string, clientId: string): Promise<number> {
    return (await this.deleteOne({ pk: keys.sessions(agencyId), sk: keys.clientSession(clientId) })) ? 1 : 0;
  }

  async deleteReceiptRecords(agencyId: string, clientId: string): Promise<number> {
    return this.deleteAll(await this.keysUnder(keys.receipts(agencyId), keys.clientReceiptsPrefix(clientId)));
  }

  async deleteAuditEntries(agencyId: string, clientId: string): Promise<number> {
    const { pk, prefix } = auditEntriesLocation(agencyId, clientId);
    return this.deleteAll(await this.keysUnder(pk, prefix));
  }

  async deleteClient(agencyId: string, clientId: string): Promise<boolean> {
    return this.deleteOne(keys.clientItem(agencyId, clientId));
  }

  private async keysUnder(pk: string, prefix: string): Promise<Key[]> {
    const found: Key[] = [];
    await withStorageErrors('list items to expire', async () => {
      const pages = paginateQuery(
        { client: this.db },
        {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
          ProjectionExpression: 'pk, sk',
          ConsistentRead: true,
        },
      );
      for await (const page of pages) for (const item of page.Items ?? []) found.push({ pk: item.pk as string, sk: item.sk as string });
    });
    return found;
  }

  /** Deletes `key`; true when an item was there. */
  private async deleteOne(key: Key): Promise<boolean> {
    const response = await withStorageErrors('expire client', () =>
      this.db.send(new DeleteCommand({ TableName: this.tableName, Key: key, ReturnValues: 'ALL_OLD' })),
    );
    return response.Attributes !== undefined;
  }

  private async deleteAll(all: Key[]): Promise<number> {
    let deleted = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL_DELETES, all.length) }, async () => {
        while (next < all.length) if (await this.deleteOne(all[next++] as Key)) deleted += 1;
      }),
    );
    return deleted;
  }
}
