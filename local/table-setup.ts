/**
 * Creates the service table in DynamoDB Local from the same design the CDK stack deploys
 * (functions/adapters/dynamodb/table-design.ts), including TTL and the stream, if it is missing.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { BY_REGISTRATION_DATE_INDEX, TABLE_KEYS, TTL_ATTRIBUTE } from '../functions/adapters/dynamodb/table-design';

export async function ensureTable(db: DynamoDBClient, tableName: string): Promise<'created' | 'existing'> {
  try {
    await db.send(new DescribeTableCommand({ TableName: tableName }));
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
  return 'created';
}
