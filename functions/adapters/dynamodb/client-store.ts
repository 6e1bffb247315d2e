/**
 * ClientStore on DynamoDB. Every key starts with the agency (table-design.ts) and every write is
 * conditional. A single registration is one conditional PutItem; a batch, or a registration with an
 * Idempotency-Key, is one transaction (clients + idempotency record), so a retry can never duplicate
 * or half-write a registration. The `REGISTERED` audit entry is not a separate item: its facts (who,
 * when, which fields) are kept on the client item itself (`registeredFields`) and history derives it,
 * which halves a registration's writes. Later changes write separate audit items.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  paginateQuery,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AnonymousClient } from '../../domain/anonymous-client';
import type { AuditEntry } from '../../domain/audit';
import { sha256Hex } from '../../domain/canonical-json';
import type {
  ClientStore,
  ClientUpdate,
  CreateOutcome,
  IdempotencyClaim,
  IdempotencyRecord,
  UpdateOutcome,
} from '../../ports/client-store';
import { AUDIT_ENTITY, auditPut, toAuditEntry } from './audit-entries';
import { withStorageErrors } from './errors';
import { BY_REGISTRATION_DATE_INDEX, keys, TTL_ATTRIBUTE } from './table-design';
import { untilAllProcessed } from './unprocessed';

const CLIENT_ENTITY = 'ANONYMOUS_CLIENT';
const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'entity',
  'registeredFields',
  BY_REGISTRATION_DATE_INDEX.partitionKey,
  BY_REGISTRATION_DATE_INDEX.sortKey,
];

/** Profile fields recorded as "set" in a registration's audit entry (names only, never values). */
const REGISTRATION_FIELDS = ['gender', 'arrivalYear', 'immigrationStatus', 'postalCode', 'registrationDate', 'site', 'comments'] as const;

function newClientItem(client: AnonymousClient) {
  return {
    ...keys.clientItem(client.agency.agencyId, client.clientId),
    entity: CLIENT_ENTITY,
    [BY_REGISTRATION_DATE_INDEX.partitionKey]: keys.agencyRegistrations(client.agency.agencyId),
    [BY_REGISTRATION_DATE_INDEX.sortKey]: keys.registrationOrder(client.registrationDate, client.createdAt, client.clientId),
    registeredFields: REGISTRATION_FIELDS.filter((field) => client[field] !== null && client[field] !== 'UNKNOWN'),
    ...client,
  };
}

/** The fields an edit may write: everything else on the item (keys, registration facts) stays as it is. */
const EDITABLE_ATTRIBUTES = [
  'gender',
  'arrivalYear',
  'immigrationStatus',
  'postalCode',
  'site',
  'comments',
  'version',
  'updatedAt',
] as const;

function toClient(item: Record<string, unknown>): AnonymousClient {
  const client = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete client[attribute];
  return client as AnonymousClient;
}

function registeredEntry(item: Record<string, unknown>): AuditEntry {
  return {
    at: item.createdAt as string,
    by: item.createdBy as string,
    action: 'REGISTERED',
    fields: (item.registeredFields as string[] | undefined) ?? [],
  };
}

function idempotencyKey(claim: Pick<IdempotencyClaim, 'agencyId' | 'userId' | 'key'>) {
  // The key is hashed: it is caller-chosen text and must not shape our sort keys.
  return { pk: keys.idempotencyRecords(claim.agencyId), sk: keys.idempotency(claim.userId, sha256Hex(claim.key)) };
}

export class DynamoDbClientStore implements ClientStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(clients: AnonymousClient[], claim?: IdempotencyClaim): Promise<CreateOutcome> {
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [];
    if (claim) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...idempotencyKey(claim),
            entity: 'IDEMPOTENCY_RECORD',
            requestHash: claim.requestHash,
            clientIds: clients.map((c) => c.clientId),
            [TTL_ATTRIBUTE]: Math.floor(claim.expiresAt.getTime() / 1000),
          },
          // TTL deletion lags by up to two days: an expired record counts as absent.
          ConditionExpression: 'attribute_not_exists(pk) OR #expiresAt < :now',
          ExpressionAttributeNames: { '#expiresAt': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': Math.floor(Date.now() / 1000) },
        },
      });
    }
    for (const client of clients) {
      items.push({
        Put: { TableName: this.tableName, Item: newClientItem(client), ConditionExpression: 'attribute_not_exists(pk)' },
      });
    }
    try {
      const only = items.length === 1 ? items[0]?.Put : undefined;
      await withStorageErrors('register', async () => {
        if (!only) {
          // Retried attempts carry the same ClientRequestToken (the SDK's): DynamoDB applies it once.
          await this.db.send(new TransactWriteCommand({ TransactItems: items }));
          return;
        }
        try {
          await this.db.send(new PutCommand({ TableName: only.TableName, Item: only.Item, ConditionExpression: only.ConditionExpression }));
        } catch (error) {
          // A PutItem has no request token: an attempt that timed out after DynamoDB wrote the item
          // makes the SDK's retry fail its condition. The id is new, so the item found is our own.
          if (!(error instanceof ConditionalCheckFailedException) || !(await this.isStored(clients[0] as AnonymousClient))) throw error;
        }
      });
      return { kind: 'created' };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException) || !claim) throw error;
      const reason = error.CancellationReasons?.[0]?.Code;
      if (reason === 'ConditionalCheckFailed') {
        return { kind: 'idempotency-key-taken', existing: await this.findIdempotencyRecord(claim, new Date()) };
      }
      if (reason === 'TransactionConflict') return { kind: 'idempotency-key-taken', existing: undefined };
      throw error;
    }
  }

  /** Whether `client` is stored as this registration wrote it (same id, creation time and author). */
  private async isStored(client: AnonymousClient): Promise<boolean> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.clientItem(client.agency.agencyId, client.clientId),
        ConsistentRead: true,
      }),
    );
    return Item?.entity === CLIENT_ENTITY && Item.createdAt === client.createdAt && Item.createdBy === client.createdBy;
  }

  async findIdempotencyRecord(
    claim: Pick<IdempotencyClaim, 'agencyId' | 'userId' | 'key'>,
    now: Date,
  ): Promise<IdempotencyRecord | undefined> {
    const { Item } = await withStorageErrors('read idempotency record', () =>
      this.db.send(new GetCommand({ TableName: this.tableName, Key: idempotencyKey(claim), ConsistentRead: true })),
    );
    if (!Item || (Item[TTL_ATTRIBUTE] as number) * 1000 < now.getTime()) return undefined;
    return { requestHash: Item.requestHash as string, clientIds: Item.clientIds as string[] };
  }

  async get(agencyId: string, clientId: string): Promise<AnonymousClient | undefined> {
    const { Item } = await withStorageErrors('read client', () =>
      this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: keys.clientItem(agencyId, clientId),
          ConsistentRead: true,
        }),
      ),
    );
    return Item && Item.entity === CLIENT_ENTITY ? toClient(Item) : undefined;
  }

  async getMany(agencyId: string, clientIds: string[]): Promise<AnonymousClient[]> {
    if (clientIds.length === 0) return [];
    const found = new Map<string, AnonymousClient>();
    const wanted: Record<string, unknown>[] = clientIds.map((id) => keys.clientItem(agencyId, id));
    await untilAllProcessed('read clients', wanted, async (pending) => {
      const response = await withStorageErrors('read clients', () =>
        this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } })),
      );
      for (const item of response.Responses?.[this.tableName] ?? []) {
        if (item.entity === CLIENT_ENTITY) found.set(item.clientId as string, toClient(item));
      }
      return response.UnprocessedKeys?.[this.tableName]?.Keys as typeof pending | undefined;
    });
    return clientIds.flatMap((id) => found.get(id) ?? []);
  }

  async update(change: ClientUpdate): Promise<UpdateOutcome> {
    const { client, expectedVersion } = change;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':expected': expectedVersion };
    const assignments = EDITABLE_ATTRIBUTES.map((attribute) => {
      names[`#${attribute}`] = attribute;
      values[`:${attribute}`] = client[attribute];
      return `#${attribute} = :${attribute}`;
    });
    try {
      await withStorageErrors('edit client', () =>
        this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                // Guarded by the version the editor saw (If-Match).
                Update: {
                  TableName: this.tableName,
                  Key: keys.clientItem(client.agency.agencyId, client.clientId),
                  UpdateExpression: `SET ${assignments.join(', ')}`,
                  ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
                  ExpressionAttributeNames: names,
                  ExpressionAttributeValues: values,
                },
              },
              auditPut(this.tableName, client.agency.agencyId, client.clientId, {
                at: client.updatedAt,
                by: change.by,
                action: 'EDITED',
                fields: change.changedFields,
              }),
            ],
          }),
        ),
      );
      return 'updated';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reason = error.CancellationReasons?.[0]?.Code;
      if (reason !== 'ConditionalCheckFailed' && reason !== 'TransactionConflict') throw error;
      return (await this.get(client.agency.agencyId, client.clientId)) ? 'stale' : 'missing';
    }
  }

  async history(agencyId: string, clientId: string): Promise<AuditEntry[] | undefined> {
    const { Item } = await withStorageErrors('read client', () =>
      this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.clientItem(agencyId, clientId), ConsistentRead: true })),
    );
    if (!Item || Item.entity !== CLIENT_ENTITY) return undefined;
    const entries: AuditEntry[] = [registeredEntry(Item)];
    await withStorageErrors('read history', async () => {
      const pages = paginateQuery(
        { client: this.db },
        {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.auditEntries(agencyId), ':prefix': keys.clientAuditPrefix(clientId) },
          ConsistentRead: true,
        },
      );
      for await (const page of pages)
        for (const item of page.Items ?? []) if (item.entity === AUDIT_ENTITY) entries.push(toAuditEntry(item));
    });
    // ISO timestamps sort chronologically as text; the sort is stable for entries of the same instant.
    return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
}
