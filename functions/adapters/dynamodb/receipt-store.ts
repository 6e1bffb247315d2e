/**
 * ReceiptStore on DynamoDB: a receipt record in its agency's receipts partition (`keys.receipts`,
 * sort key `CLIENT#<clientId>#RECEIPT#<receiptId>`), written in one transaction with its RECEIPT_CREATED audit
 * entry and a check that the client still exists in that agency. The record expires by TTL at the end
 * of the retention period (TTL deletion lags, so readers also compare the time).
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, paginateQuery, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ReceiptStore, StoredReceipt } from '../../ports/receipt-store';
import { auditPut } from './audit-entries';
import { withStorageErrors } from './errors';
import { keys, TTL_ATTRIBUTE } from './table-design';

const RECEIPT_ENTITY = 'RECEIPT';
const CLIENT_ENTITY = 'ANONYMOUS_CLIENT';

function toReceipt(item: Record<string, unknown>): StoredReceipt {
  return {
    receiptId: item.receiptId as string,
    clientId: item.clientId as string,
    agencyId: item.agencyId as string,
    format: item.format as StoredReceipt['format'],
    language: item.language as StoredReceipt['language'],
    createdAt: item.createdAt as string,
    createdBy: item.createdBy as string,
    bytes: item.bytes as number,
    sha256: item.sha256 as string,
    objectKey: item.objectKey as string,
    retainedUntil: item.retainedUntil as string,
  };
}

export class DynamoDbReceiptStore implements ReceiptStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(receipt: StoredReceipt): Promise<'created' | 'client-not-found'> {
    try {
      await withStorageErrors('store receipt', () =>
        this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                ConditionCheck: {
                  TableName: this.tableName,
                  Key: keys.clientItem(receipt.agencyId, receipt.clientId),
                  ConditionExpression: 'attribute_exists(pk) AND entity = :client',
                  ExpressionAttributeValues: { ':client': CLIENT_ENTITY },
                },
              },
              {
                Put: {
                  TableName: this.tableName,
                  Item: {
                    pk: keys.receipts(receipt.agencyId),
                    sk: keys.clientReceipt(receipt.clientId, receipt.receiptId),
                    entity: RECEIPT_ENTITY,
                    ...receipt,
                    [TTL_ATTRIBUTE]: Math.floor(Date.parse(receipt.retainedUntil) / 1000),
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              // Same shape as the other audit entries; `fields` is empty because a receipt changes no
              // profile field. Ids and the chosen format/language only, never content.
              auditPut(
                this.tableName,
                receipt.agencyId,
                receipt.clientId,
                { at: receipt.createdAt, by: receipt.createdBy, action: 'RECEIPT_CREATED', fields: [] },
                { receiptId: receipt.receiptId, format: receipt.format, language: receipt.language },
              ),
            ],
          }),
        ),
      );
      return 'created';
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        return 'client-not-found';
      }
      throw error;
    }
  }

  async list(agencyId: string, clientId: string): Promise<StoredReceipt[]> {
    const receipts: StoredReceipt[] = [];
    await withStorageErrors('list receipts', async () => {
      const pages = paginateQuery(
        { client: this.db },
        {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.receipts(agencyId), ':prefix': keys.clientReceiptsPrefix(clientId) },
          ConsistentRead: true,
        },
      );
      for await (const page of pages)
        for (const item of page.Items ?? []) if (item.entity === RECEIPT_ENTITY) receipts.push(toReceipt(item));
    });
    return receipts.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  async get(agencyId: string, clientId: string, receiptId: string): Promise<StoredReceipt | undefined> {
    const { Item } = await withStorageErrors('read receipt', () =>
      this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: keys.receipts(agencyId), sk: keys.clientReceipt(clientId, receiptId) },
          ConsistentRead: true,
        }),
      ),
    );
    return Item && Item.entity === RECEIPT_ENTITY ? toReceipt(Item) : undefined;
  }
}
