/** Direct reads of the embedded stack's DynamoDB Local, to prove what a request did or did not write. */
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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

/**
 * The partitions of an agency's records (table-design.ts): clients, audit entries, receipt records,
 * sessions and idempotency records, each kind in a partition of its own. The search index's items are
 * not records of the agency's clients and are left out, as they always were.
 */
export function agencyRecordPartitions(agencyId: string): string[] {
  try {
    return [keys.clients, keys.auditEntries, keys.receipts, keys.sessions, keys.idempotencyRecords].map((partition) => partition(agencyId));
  } catch {
    // `keys` refuses this id (empty, or holding "#"), so the service cannot store anything under it;
    // look where its items would be had that guard been lost, so the tests still see such a write.
    return ['CLIENT', 'AUDIT', 'RECEIPT', 'SESSION', 'IDEMPOTENCY'].map((kind) => `AGENCY#${agencyId}#${kind}#`);
  }
}

/** Every item stored in an agency's record partitions, by entity type (whatever partition it is in). */
export async function agencyItemCounts(dataDir: string, agencyId: string): Promise<Record<string, number>> {
  const db = await dynamoDbOf(dataDir);
  const counts: Record<string, number> = {};
  for (const pk of agencyRecordPartitions(agencyId)) {
    let startKey: QueryCommand['input']['ExclusiveStartKey'];
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: LOCAL_TABLE_NAME,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: pk } },
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
  }
  return counts;
}

/**
 * A document client and an S3 client on the embedded stack of `dataDir`, for tests that read or plant
 * items and files themselves (the same options as the functions' own document client).
 */
export async function stackDocumentAndS3Clients(dataDir: string): Promise<{ db: DynamoDBDocumentClient; s3: S3Client }> {
  const stack = await runningStack(dataDir);
  if (!stack?.dynamodb || !stack.s3) throw new Error(`no running stack on ${dataDir}`);
  const credentials = { ...LOCAL_AWS_CREDENTIALS };
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: LOCAL_REGION, endpoint: stack.dynamodb, credentials }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { db, s3: new S3Client({ region: LOCAL_REGION, endpoint: stack.s3, credentials, forcePathStyle: true }) };
}
