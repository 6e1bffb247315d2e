/** Direct reads of the embedded stack's DynamoDB Local, to prove what a request did or did not write. */
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { keys } from '../../functions/adapters/dynamodb/table-design';
import { LOCAL_AWS_CREDENTIALS } from '../../local/credentials';
import { runningStack } from '../../local/data-dir-lock';
import { LOCAL_REGION, LOCAL_TABLE_NAME } from '../../local/embedded-stack';

const clients = new Map<string, DynamoDBClient>();

async function dynamoDbOf(dataDir: string): Promise<DynamoDBClient> {
  let client = clients.get(dataDir);
  if (!client) {
    const stack = await runningStack(dataDir);
    if (!stack?.dynamodb) throw new Error(`no running stack on ${dataDir}`);
    client = new DynamoDBClient({ region: LOCAL_REGION, endpoint: stack.dynamodb, credentials: { ...LOCAL_AWS_CREDENTIALS } });
    clients.set(dataDir, client);
  }
  return client;
}

/** Every item stored under an agency's partition, by entity type. */
export async function agencyItemCounts(dataDir: string, agencyId: string): Promise<Record<string, number>> {
  const db = await dynamoDbOf(dataDir);
  const counts: Record<string, number> = {};
  let startKey: QueryCommand['input']['ExclusiveStartKey'];
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: LOCAL_TABLE_NAME,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: keys.agency(agencyId) } },
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    );
    for (const item of page.Items ?? []) {
      const entity = item.entity?.S ?? 'UNKNOWN';
      counts[entity] = (counts[entity] ?? 0) + 1;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return counts;
}
