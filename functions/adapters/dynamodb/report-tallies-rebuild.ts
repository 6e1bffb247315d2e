/**
 * Recounts an agency's report tallies from its stored clients and sessions (`npm run reports:rebuild`,
 * docs/reports.md): every client (gsi1, the agency's registrations) and session (the agency's sessions
 * partition) is read, and for every month from `firstMonth` on, each view's tally item is replaced by
 * the recount plus the retired tallies (the counts of units removed since: retention keeps them
 * counted), months that no longer count anything lose their item, and every recounted unit's marker
 * is Put at the version counted. Months before `firstMonth` (those retention has emptied) are left
 * exactly as they are, their markers too.
 *
 * An operator's tool, not a request path: run it when the counter has caught up and nothing is being
 * written (a change made meanwhile can be counted twice or not at all; a second rebuild fixes it).
 * Never logs record contents: counts only.
 */
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type CountedUnit, countedUnitOf, recount, type TallyItemDelta } from '../../domain/reports/counted-units';
import { TALLY_VIEWS, viewId } from '../../domain/reports/dimensions';
import { markerItem, TALLY_ENTITY, tallyKey } from './report-tallies';
import { BY_REGISTRATION_DATE_INDEX, keys } from './table-design';

const MAX_TRANSACTION_ITEMS = 100;
const PARALLEL_WRITES = 8;

export interface TallyRebuildOptions {
  agencyId: string;
  /** The first month (YYYY-MM) rebuilt; earlier months are left as they are. None: every month. */
  firstMonth?: string;
  now?: Date;
}

export interface TallyRebuildReport {
  clients: number;
  sessions: number;
  /** Tally items written (views × months) and removed (months that now count nothing). */
  tallyItems: number;
  removedTallyItems: number;
}

async function queryAll(db: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Runs `work` on every element, a few at a time. */
async function eachLimited<T>(elements: readonly T[], work: (element: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL_WRITES, elements.length) }, async () => {
      while (next < elements.length) await work(elements[next++] as T);
    }),
  );
}

/** The counted units of the agency stored now: its clients, then its sessions. */
async function storedUnits(db: DynamoDBDocumentClient, tableName: string, agencyId: string): Promise<CountedUnit[]> {
  const [clients, sessions] = await Promise.all([
    queryAll(db, {
      TableName: tableName,
      IndexName: BY_REGISTRATION_DATE_INDEX.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': BY_REGISTRATION_DATE_INDEX.partitionKey },
      ExpressionAttributeValues: { ':pk': keys.agencyRegistrations(agencyId) },
    }),
    queryAll(db, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.sessions(agencyId) },
      ConsistentRead: true,
    }),
  ]);
  return [...clients, ...sessions].flatMap((item) => {
    const unit = countedUnitOf(item);
    return unit && unit.agencyId === agencyId ? [unit] : [];
  });
}

/** The items of a tally partition from `firstMonth` on (all months without it). */
function monthsOf(db: DynamoDBDocumentClient, tableName: string, pk: string, firstMonth: string | undefined) {
  return queryAll(db, {
    TableName: tableName,
    KeyConditionExpression: firstMonth ? 'pk = :pk AND sk >= :first' : 'pk = :pk',
    ExpressionAttributeValues: { ':pk': pk, ...(firstMonth ? { ':first': firstMonth } : {}) },
    ConsistentRead: true,
  });
}

/** Adds a retired tally item's counts to the recount of the same view and month. */
function addRetired(recounted: Map<string, TallyItemDelta>, id: string, item: Record<string, unknown>) {
  const month = item.sk as string;
  const key = `${id}\u0000${month}`;
  let target = recounted.get(key);
  if (!target) {
    target = { tallies: 'live', viewId: id, month, add: new Map() };
    recounted.set(key, target);
  }
  for (const [name, value] of Object.entries(item)) {
    if (typeof value !== 'number' || !/^[cs]\|/.test(name)) continue;
    target.add.set(name, (target.add.get(name) ?? 0) + value);
  }
}

export async function rebuildReportTallies(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: TallyRebuildOptions,
): Promise<TallyRebuildReport> {
  const { agencyId, firstMonth } = options;
  const now = options.now ?? new Date();
  const units = (await storedUnits(db, tableName, agencyId)).filter((unit) => !firstMonth || unit.cell.month >= firstMonth);

  const recounted = new Map<string, TallyItemDelta>();
  for (const item of recount(units)) recounted.set(`${item.viewId}\u0000${item.month}`, item);
  const views = TALLY_VIEWS.map(viewId);
  const existing = new Map<string, Set<string>>();
  await eachLimited(views, async (id) => {
    const [retired, live] = await Promise.all([
      monthsOf(db, tableName, keys.reportRetiredTally(agencyId, id), firstMonth),
      monthsOf(db, tableName, keys.reportTally(agencyId, id), firstMonth),
    ]);
    for (const item of retired) addRetired(recounted, id, item);
    existing.set(id, new Set(live.map((item) => item.sk as string)));
  });

  const items = [...recounted.values()].filter((item) => [...item.add.values()].some((amount) => amount !== 0));
  await eachLimited(items, async (item) => {
    existing.get(item.viewId)?.delete(item.month);
    const counts = Object.fromEntries([...item.add].filter(([, amount]) => amount !== 0));
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...tallyKey(agencyId, 'live', item.viewId, item.month), entity: TALLY_ENTITY, ...counts },
      }),
    );
  });
  const stale = [...existing].flatMap(([id, months]) => [...months].map((month) => tallyKey(agencyId, 'live', id, month)));
  await eachLimited(stale, async (key) => {
    await db.send(new DeleteCommand({ TableName: tableName, Key: key }));
  });

  const markers = units.map((unit) => markerItem(agencyId, unit.kind, unit.clientId, { version: unit.version, cell: unit.cell }, now));
  const chunks: (typeof markers)[] = [];
  for (let start = 0; start < markers.length; start += MAX_TRANSACTION_ITEMS)
    chunks.push(markers.slice(start, start + MAX_TRANSACTION_ITEMS));
  await eachLimited(chunks, async (chunk) => {
    await db.send(new TransactWriteCommand({ TransactItems: chunk.map((Item) => ({ Put: { TableName: tableName, Item } })) }));
  });

  const newest = units.reduce<string | undefined>(
    (latest, unit) => (!latest || unit.writtenAt > latest ? unit.writtenAt : latest),
    undefined,
  );
  if (newest) {
    await db
      .send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.reportAsOf(agencyId),
          UpdateExpression: 'SET asOf = :at, entity = :entity',
          ConditionExpression: 'attribute_not_exists(asOf) OR asOf < :at',
          ExpressionAttributeValues: { ':at': newest, ':entity': 'REPORT_AS_OF' },
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
      });
  }
  return {
    clients: units.filter((unit) => unit.kind === 'client').length,
    sessions: units.filter((unit) => unit.kind === 'session').length,
    tallyItems: items.length,
    removedTallyItems: stale.length,
  };
}
