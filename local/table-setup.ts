/**
 * Creates the service table in DynamoDB Local from the same design the CDK stack deploys
 * (functions/adapters/dynamodb/table-design.ts), including TTL and the stream, if it is missing.
 *
 * The key layout changed once (0.1 kept every agency item under `AGENCY#<id>`; now each item kind has
 * its own partition, docs/storage.md), and there is no migration: nothing was ever deployed, and a
 * local data directory is a worker's test data. A table of the old layout would look empty to the new
 * code, so instead of serving it the server refuses to start and says what to do. A table created or
 * checked by this version carries a marker item, so the check runs once per data directory.
 */
import {
  type AttributeValue,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ResourceNotFoundException,
  ScanCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { BY_REGISTRATION_DATE_INDEX, TABLE_KEYS, TTL_ATTRIBUTE } from '../functions/adapters/dynamodb/table-design';

/** The layout this code reads and writes; the marker item holds it. */
const KEY_LAYOUT_VERSION = '2';
const LAYOUT_MARKER = { pk: { S: 'TABLE' }, sk: { S: 'KEY_LAYOUT' } };

export class OldKeyLayoutError extends Error {}

export async function ensureTable(db: DynamoDBClient, tableName: string): Promise<'created' | 'existing'> {
  try {
    await db.send(new DescribeTableCommand({ TableName: tableName }));
    await checkKeyLayout(db, tableName);
    return 'existing';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await db.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: TABLE_KEYS.partitionKey, AttributeType: 'S' },
        { AttributeName: TABLE_KEYS.sortKey, AttributeType: 'S' },
        { AttributeName: BY_REGISTRATION_DATE_INDEX.partitionKey, AttributeType: 'S' },
        { AttributeName: BY_REGISTRATION_DATE_INDEX.sortKey, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: BY_REGISTRATION_DATE_INDEX.name,
          KeySchema: [
            { AttributeName: BY_REGISTRATION_DATE_INDEX.partitionKey, KeyType: 'HASH' },
            { AttributeName: BY_REGISTRATION_DATE_INDEX.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  await waitUntilTableExists({ client: db, maxWaitTime: 60 }, { TableName: tableName });
  await db.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    }),
  );
  await markKeyLayout(db, tableName);
  return 'created';
}

async function markKeyLayout(db: DynamoDBClient, tableName: string): Promise<void> {
  await db.send(new PutItemCommand({ TableName: tableName, Item: { ...LAYOUT_MARKER, version: { S: KEY_LAYOUT_VERSION } } }));
}

/** Refuses a table holding agency items of the old layout (`pk` = `AGENCY#<id>`, one `#`); marks it otherwise. */
async function checkKeyLayout(db: DynamoDBClient, tableName: string): Promise<void> {
  const marker = await db.send(new GetItemCommand({ TableName: tableName, Key: LAYOUT_MARKER, ConsistentRead: true }));
  if (marker.Item?.version?.S === KEY_LAYOUT_VERSION) return;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tableName,
        ProjectionExpression: 'pk',
        ExclusiveStartKey: start,
      }),
    );
    const old = page.Items?.find((item) => /^AGENCY#[^#]+$/.test(item.pk?.S ?? ''));
    if (old)
      throw new OldKeyLayoutError(
        `this data directory's table was written by an earlier version with another key layout (agency items under ${old.pk!.S}), ` +
          'which this version cannot read and does not migrate: stop here, move the data directory aside (or start with another DATA_DIR), and start again',
      );
    start = page.LastEvaluatedKey;
  } while (start);
  await markKeyLayout(db, tableName);
}
