/**
 * Report tallies on DynamoDB (docs/reports.md, "How counts are kept"): the counter's writer, which
 * applies each client's and session's change exactly once whatever the order or repetition of the
 * stream's records, and the reports' reader, which reads one tally item per month of one view.
 *
 * Exactly once: every unit has a marker holding the version it is counted at and its cell. A change
 * is applied in one transaction with its marker's Put, conditioned on the marker as it was read, so
 * two deliveries of one record (or an older version after a newer one) cannot both move the count.
 * Never logs cells or any record content: counts and ids only.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type ChangePlan,
  type CountedMarker,
  countedUnitOf,
  parseCountAttribute,
  planChange,
  REMOVED_VERSION,
  type TallyItemDelta,
  tallyItemDeltas,
  type UnitChange,
  type UnitKind,
} from '../../domain/reports/counted-units';
import type { CountedCell, TallyView } from '../../domain/reports/dimensions';
import { viewId } from '../../domain/reports/dimensions';
import type { ReportCounts, RetainedClient } from '../../ports/client-retention';
import type { AgencyTallies, ReportTallyReader, TallyCellCounts } from '../../ports/report-tallies';
import { withStorageErrors } from './errors';
import { clientSessionQuery } from './session-store';
import { keys, type TableAccess, TTL_ATTRIBUTE } from './table-design';
import { untilAllProcessed } from './unprocessed';

export const TALLY_ENTITY = 'REPORT_TALLY';
export const MARKER_ENTITY = 'REPORT_MARKER';
const AS_OF_ENTITY = 'REPORT_AS_OF';

/** What the stream counter (and retention's settle) does to the table: exactly what the writer calls. */
export const REPORT_COUNTER_TABLE_ACCESS = {
  reportTally: ['update'],
  reportMarker: ['batchGet', 'put'],
} as const satisfies TableAccess;

/**
 * What retention's settle (`DynamoDbReportCounts`) does: read the client and its session, then count
 * them through the writer.
 */
export const REPORT_SETTLE_TABLE_ACCESS = {
  client: ['get'],
  session: ['query'],
  ...REPORT_COUNTER_TABLE_ACCESS,
} as const satisfies TableAccess;

/** DynamoDB's limit of items in one TransactWriteItems. */
const MAX_TRANSACTION_ITEMS = 100;
const MAX_BATCH_GET_KEYS = 100;
/** A removed unit's marker outlives every redelivery of its records (a stream keeps them 24 hours). */
const TOMBSTONE_SECONDS = 2 * 24 * 60 * 60;
const MAX_ATTEMPTS = 6;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function markerKey(agencyId: string, kind: UnitKind, clientId: string) {
  return { pk: keys.reportMarkers(agencyId), sk: kind === 'client' ? keys.clientMarker(clientId) : keys.sessionMarker(clientId) };
}

export function tallyKey(agencyId: string, tallies: 'live' | 'retired', view: string, month: string) {
  return { pk: tallies === 'live' ? keys.reportTally(agencyId, view) : keys.reportRetiredTally(agencyId, view), sk: month };
}

/** The marker item of a unit counted at `marker` (a tombstone, with no cell, once removed). */
export function markerItem(agencyId: string, kind: UnitKind, clientId: string, marker: CountedMarker, now: Date) {
  return {
    ...markerKey(agencyId, kind, clientId),
    entity: MARKER_ENTITY,
    version: marker.version,
    ...(marker.cell ? { cell: marker.cell } : {}),
    ...(marker.version >= REMOVED_VERSION ? { [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + TOMBSTONE_SECONDS } : {}),
  };
}

/** Applies units' changes to the tallies, each exactly once. */
export interface ReportTallyWriter {
  /** Applies the changes of one agency's units; throws when some could not be applied (retry the batch). */
  apply(agencyId: string, changes: readonly UnitChange[]): Promise<{ applied: number; skipped: number }>;
}

interface Planned {
  change: UnitChange;
  /** The marker as read: the transaction's condition. */
  seen: CountedMarker | undefined;
  plan: ChangePlan;
}

export class DynamoDbReportTallyWriter implements ReportTallyWriter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async apply(agencyId: string, changes: readonly UnitChange[]): Promise<{ applied: number; skipped: number }> {
    let pending = [...changes];
    let applied = 0;
    let skipped = 0;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const planned = await this.plan(agencyId, pending, attempt === 1);
      const toApply = planned.filter((entry) => entry.plan.apply);
      skipped += planned.length - toApply.length;
      const failed: UnitChange[] = [];
      for (const chunk of chunksOf(toApply)) {
        try {
          await this.transact(agencyId, chunk);
          applied += chunk.length;
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          failed.push(...chunk.map((entry) => entry.change));
        }
      }
      if (failed.length > 0 && attempt >= MAX_ATTEMPTS) {
        throw new Error(`counting ${failed.length} units of agency ${agencyId} kept conflicting after ${MAX_ATTEMPTS} attempts`);
      }
      // A condition failed (another delivery counted first) or a concurrent transaction conflicted:
      // read the markers again and redo what is still to do, after a jittered pause.
      if (failed.length > 0) await pause(Math.random() * 25 * 2 ** attempt);
      pending = failed;
    }
    await this.raiseAsOf(agencyId, changes);
    return { applied, skipped };
  }

  /**
   * Reads the markers the plan needs. On a first attempt a unit seen only at its first version, and not
   * removed, is taken to have none: it is almost always new, its marker Put is conditioned on there
   * being none, and in the rare redelivery the transaction is cancelled and the retry reads it. That
   * saves a consistent read per registration, most of the counter's reads.
   */
  private async plan(agencyId: string, changes: readonly UnitChange[], presumeNew: boolean): Promise<Planned[]> {
    const markers = await this.readMarkers(agencyId, presumeNew ? changes.filter((change) => !presumablyNew(change)) : changes);
    return changes.map((change) => {
      const seen = markers.get(markerKey(agencyId, change.kind, change.clientId).sk);
      return { change, seen, plan: planChange(change, seen) };
    });
  }

  private async readMarkers(agencyId: string, changes: readonly UnitChange[]): Promise<Map<string, CountedMarker>> {
    const found = new Map<string, CountedMarker>();
    const allKeys = changes.map((change) => markerKey(agencyId, change.kind, change.clientId));
    for (let start = 0; start < allKeys.length; start += MAX_BATCH_GET_KEYS) {
      await untilAllProcessed('read report markers', allKeys.slice(start, start + MAX_BATCH_GET_KEYS), async (pending) => {
        const answer = await withStorageErrors('read report markers', () =>
          this.db.send(
            new BatchGetCommand({
              RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true, ProjectionExpression: 'sk, version, cell' } },
            }),
          ),
        );
        for (const item of answer.Responses?.[this.tableName] ?? []) {
          found.set(item.sk as string, { version: item.version as number, ...(item.cell ? { cell: item.cell as CountedCell } : {}) });
        }
        return answer.UnprocessedKeys?.[this.tableName]?.Keys as typeof pending | undefined;
      });
    }
    return found;
  }

  private async transact(agencyId: string, chunk: readonly Planned[]): Promise<void> {
    const now = this.now();
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = chunk.map(({ change, seen, plan }) => ({
      Put: {
        TableName: this.tableName,
        Item: markerItem(agencyId, change.kind, change.clientId, plan.marker, now),
        ...(seen
          ? {
              ConditionExpression: '#version = :seen',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':seen': seen.version },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    }));
    for (const delta of tallyItemDeltas(chunk.flatMap((entry) => entry.plan.deltas))) {
      items.push({ Update: { TableName: this.tableName, ...tallyUpdate(agencyId, delta) } });
    }
    await withStorageErrors('count for reports', () => this.db.send(new TransactWriteCommand({ TransactItems: items })));
  }

  /** Raises the agency's asOf to the newest write time among the changes (never lowers it). */
  private async raiseAsOf(agencyId: string, changes: readonly UnitChange[]): Promise<void> {
    const newest = changes.reduce<string | undefined>((latest, change) => {
      const at = change.newest?.writtenAt;
      return at && (!latest || at > latest) ? at : latest;
    }, undefined);
    if (!newest) return;
    try {
      await withStorageErrors('raise report asOf', () =>
        this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.reportAsOf(agencyId),
            UpdateExpression: 'SET asOf = :at, entity = :entity',
            ConditionExpression: 'attribute_not_exists(asOf) OR asOf < :at',
            ExpressionAttributeValues: { ':at': newest, ':entity': AS_OF_ENTITY },
          }),
        ),
      );
    } catch (error) {
      // Already as new or newer: another batch raised it further.
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    }
  }
}

/** One ADD per attribute of a tally item (with its entity set, so a table reader can tell it). */
export function tallyUpdate(agencyId: string, delta: TallyItemDelta) {
  const names: Record<string, string> = { '#entity': 'entity' };
  const values: Record<string, unknown> = { ':entity': TALLY_ENTITY };
  const adds: string[] = [];
  [...delta.add].forEach(([attribute, amount], index) => {
    names[`#a${index}`] = attribute;
    values[`:v${index}`] = amount;
    adds.push(`#a${index} :v${index}`);
  });
  return {
    Key: tallyKey(agencyId, delta.tallies, delta.viewId, delta.month),
    UpdateExpression: `SET #entity = :entity ADD ${adds.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** A unit seen only at its first version and not removed: almost always never counted before. */
function presumablyNew(change: UnitChange): boolean {
  return !change.removed && change.newest?.version === 1;
}

/** The first month a unit's change touches ('' for none): units of one month share their tally items. */
function monthOf(entry: Planned): string {
  return entry.plan.deltas[0]?.cell.month ?? '';
}

/**
 * Chunks whose markers and merged tally items fit one transaction. Units are taken month by month: a
 * month's units share its 11 (or 22, with retired tallies) items, so a chunk of one month holds some 80
 * units, where units of 24 months taken in arrival order (a backfill) would fill it with 8.
 */
function chunksOf(planned: readonly Planned[]): Planned[][] {
  const chunks: Planned[][] = [];
  let chunk: Planned[] = [];
  let tallyItems = new Set<string>();
  for (const entry of [...planned].sort((a, b) => monthOf(a).localeCompare(monthOf(b)))) {
    const own = tallyItemDeltas(entry.plan.deltas).map((delta) => `${delta.tallies}|${delta.viewId}|${delta.month}`);
    const merged = new Set([...tallyItems, ...own]);
    if (chunk.length > 0 && chunk.length + 1 + merged.size > MAX_TRANSACTION_ITEMS) {
      chunks.push(chunk);
      chunk = [];
      tallyItems = new Set(own);
    } else {
      tallyItems = merged;
    }
    chunk.push(entry);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Tally items read into cells: one cell per value combination, with both counts (zeros dropped). */
export function cellsOf(item: Record<string, unknown>): TallyCellCounts[] {
  const cells = new Map<string, TallyCellCounts>();
  for (const [name, value] of Object.entries(item)) {
    const attribute = parseCountAttribute(name);
    if (!attribute || typeof value !== 'number') continue;
    const key = JSON.stringify(attribute.values);
    let cell = cells.get(key);
    if (!cell) {
      cell = { values: attribute.values, clients: 0, sessions: 0 };
      cells.set(key, cell);
    }
    cell[attribute.count] += value;
  }
  return [...cells.values()].filter((cell) => cell.clients !== 0 || cell.sessions !== 0);
}

/**
 * A report's read: one Query of a view's months and one GetItem of the agency's asOf (the route
 * declares exactly that: `reportTally: ['get', 'query']` in functions/api/routes/report-routes.ts).
 */
export class DynamoDbReportTallyReader implements ReportTallyReader {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(agencyId: string, view: TallyView, from: string, to: string): Promise<AgencyTallies> {
    // asOf first: the tallies read after it hold at least every change it vouches for.
    const asOf = await withStorageErrors('read report asOf', () =>
      this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.reportAsOf(agencyId), ConsistentRead: true })),
    );
    const months: AgencyTallies['months'] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await withStorageErrors('read report tallies', () =>
        this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': keys.reportTally(agencyId, viewId(view)), ':from': from, ':to': to },
            ExclusiveStartKey: startKey,
            ConsistentRead: true,
          }),
        ),
      );
      for (const item of page.Items ?? []) {
        const cells = cellsOf(item);
        if (cells.length > 0) months.push({ month: item.sk as string, cells });
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return { months, asOf: (asOf.Item?.asOf as string | undefined) ?? null };
  }
}

/**
 * Retention's seam (ports/client-retention.ts): before a client and its session are removed, their
 * current versions are counted through the same exactly-once writer, so the removal (which the stream
 * counter then adds to the retired tallies) never drops a change the counter had not reached yet.
 */
export class DynamoDbReportCounts implements ReportCounts {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly writer: ReportTallyWriter,
  ) {}

  async settle(client: RetainedClient): Promise<void> {
    const { agencyId, clientId } = client;
    const [stored, sessions] = await Promise.all([
      withStorageErrors('read client for reports', () =>
        this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.clientItem(agencyId, clientId), ConsistentRead: true })),
      ),
      withStorageErrors('read session for reports', () =>
        this.db.send(new QueryCommand(clientSessionQuery(this.tableName, agencyId, clientId))),
      ),
    ]);
    const changes: UnitChange[] = [stored.Item, ...(sessions.Items ?? [])].flatMap((item, index) => {
      const unit = countedUnitOf(item);
      return unit && unit.agencyId === agencyId
        ? [{ agencyId, kind: unit.kind, clientId: unit.clientId, newest: unit, removed: false, firstIndex: index }]
        : [];
    });
    if (changes.length > 0) await this.writer.apply(agencyId, changes);
  }
}
