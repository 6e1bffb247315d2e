/** Helpers for "Find a Client" tests: direct writes to the embedded stack's table (bounded waits: support/poll.ts). */
import { DynamoDBClient, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { keys } from '../../functions/adapters/dynamodb/table-design';
import { LOCAL_AWS_CREDENTIALS } from '../../local/credentials';
import { runningStack } from '../../local/data-dir-lock';
import { LOCAL_REGION, LOCAL_TABLE_NAME } from '../../local/embedded-stack';

export async function stackClients(dataDir: string) {
  const stack = await runningStack(dataDir);
  if (!stack?.dynamodb) throw new Error(`no running stack on ${dataDir}`);
  const config = { region: LOCAL_REGION, endpoint: stack.dynamodb, credentials: { ...LOCAL_AWS_CREDENTIALS } };
  return { db: new DynamoDBClient(config), streams: new DynamoDBStreamsClient(config) };
}

/** Changes a client's comments in the table directly, as an edit would (PATCH is another route's work). */
export async function updateCommentsDirectly(db: DynamoDBClient, agencyId: string, clientId: string, comments: string) {
  await db.send(
    new UpdateItemCommand({
      TableName: LOCAL_TABLE_NAME,
      Key: { pk: { S: keys.clients(agencyId) }, sk: { S: keys.client(clientId) } },
      UpdateExpression: 'SET comments = :c, updatedAt = :u, version = version + :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':c': { S: comments }, ':u': { S: new Date().toISOString() }, ':one': { N: '1' } },
    }),
  );
}

/** How many items a partition holds (to see index items come and go). */
export async function partitionSize(db: DynamoDBClient, pk: string): Promise<number> {
  const page = await db.send(
    new QueryCommand({
      TableName: LOCAL_TABLE_NAME,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: pk } },
      Select: 'COUNT',
      ConsistentRead: true,
    }),
  );
  return page.Count ?? 0;
}
