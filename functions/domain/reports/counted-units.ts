/**
 * What a stored client or session counts as in the reports (docs/reports.md, "How counts are kept"),
 * and the arithmetic of moving a count: pure, so the stream counter, the retention seam and the
 * rebuild all count the same way. Knows items as plain objects (unmarshalled images), no store.
 *
 * A client counts 1 in `clients` at its registration month, site, gender, immigration status and
 * arrival year. A session counts 1 in `sessions` at its service month and site, and the person as
 * described when the session began (`countedAs`, stored on the session item): a later edit of the
 * profile moves the client's count, never the session's. A session item without `countedAs` counts
 * as UNKNOWN for the three.
 */
import { latestDueRegistrationDate } from '../client-retention';
import { type CountedCell, type CountKind, TALLY_VIEWS, type TallyView, valuesIn, viewId } from './dimensions';

export const CLIENT_ENTITY = 'ANONYMOUS_CLIENT';
export const SESSION_ENTITY = 'ANONYMOUS_SESSION';

/** The value counted when a session item has no description of the person. */
export const UNKNOWN_VALUE = 'UNKNOWN';

/** A marker's version once its unit is removed: no image of the unit can be newer. */
export const REMOVED_VERSION = Number.MAX_SAFE_INTEGER;

export type UnitKind = 'client' | 'session';

/** How the person was described when a session began (stored on the session item, not in its API answer). */
export interface SessionCountedAs {
  gender: string;
  immigrationStatus: string;
  arrivalYear: number | string;
}

/** One version of one counted thing, read from its item. */
export interface CountedUnit {
  agencyId: string;
  kind: UnitKind;
  /** The client's id: a client has at most one session, so it names the session too. */
  clientId: string;
  version: number;
  cell: CountedCell;
  /** When this version was written (ms ISO 8601): what raises the agency's asOf. */
  writtenAt: string;
}

type Item = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const valueOf = (value: unknown): string =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : (text(value) ?? UNKNOWN_VALUE);
const monthOf = (date: unknown): string | undefined => {
  const value = text(date);
  return value && /^\d{4}-\d{2}/.test(value) ? value.slice(0, 7) : undefined;
};
const siteOf = (site: unknown): string | undefined => text((site as { siteId?: unknown } | null | undefined)?.siteId);
const agencyOf = (agency: unknown): string | undefined => text((agency as { agencyId?: unknown } | null | undefined)?.agencyId);

/**
 * What a stored item counts as, or undefined for an item that is not counted (audit entries, receipts,
 * index items, the tallies themselves) or lacks what placing it needs.
 */
export function countedUnitOf(item: Item | undefined): CountedUnit | undefined {
  if (!item) return undefined;
  const agencyId = agencyOf(item.agency);
  const clientId = text(item.clientId);
  const site = siteOf(item.site);
  if (!agencyId || !clientId || !site) return undefined;
  if (item.entity === CLIENT_ENTITY) {
    const month = monthOf(item.registrationDate);
    const writtenAt = text(item.updatedAt) ?? text(item.createdAt);
    if (!month || !writtenAt || typeof item.version !== 'number') return undefined;
    return {
      agencyId,
      kind: 'client',
      clientId,
      version: item.version,
      cell: {
        month,
        site,
        gender: valueOf(item.gender),
        immigrationStatus: valueOf(item.immigrationStatus),
        arrivalYear: valueOf(item.arrivalYear),
      },
      writtenAt,
    };
  }
  if (item.entity === SESSION_ENTITY) {
    const month = monthOf(item.serviceDate);
    const writtenAt = text(item.createdAt);
    if (!month || !writtenAt) return undefined;
    const countedAs = (item.countedAs ?? {}) as Partial<Record<keyof SessionCountedAs, unknown>>;
    return {
      agencyId,
      kind: 'session',
      clientId,
      // Sessions never change.
      version: 1,
      cell: {
        month,
        site,
        gender: valueOf(countedAs.gender),
        immigrationStatus: valueOf(countedAs.immigrationStatus),
        arrivalYear: valueOf(countedAs.arrivalYear),
      },
      writtenAt,
    };
  }
  return undefined;
}

/** The unit's identity across its versions: `<agency>\0<kind>\0<client>`. */
export function unitKey(unit: Pick<CountedUnit, 'agencyId' | 'kind' | 'clientId'>): string {
  return `${unit.agencyId}\u0000${unit.kind}\u0000${unit.clientId}`;
}

/** One stream record, reduced to what counting needs. */
export interface ChangeRecord {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE' | string;
  newImage?: Item;
  oldImage?: Item;
}

/** The net change of one unit in a batch of records. */
export interface UnitChange {
  agencyId: string;
  kind: UnitKind;
  clientId: string;
  /** The newest version seen in any image (undefined: a removal with no image to tell). */
  newest: CountedUnit | undefined;
  /** True when a record removed the unit: its count then moves to the retired tallies too. */
  removed: boolean;
  /** Position of the unit's first record in the batch: where the stream must resume if it fails. */
  firstIndex: number;
}

/**
 * Per unit, the newest image and whether it was removed. Images are compared by version, not by
 * position, so records delivered twice or out of order leave the same result.
 */
export function changesOf(records: readonly ChangeRecord[]): Map<string, UnitChange> {
  const changes = new Map<string, UnitChange>();
  records.forEach((record, index) => {
    const images = [countedUnitOf(record.oldImage), countedUnitOf(record.newImage)].filter((unit) => unit !== undefined);
    const [any] = images;
    if (!any) return;
    const key = unitKey(any);
    let change = changes.get(key);
    if (!change) {
      change = { agencyId: any.agencyId, kind: any.kind, clientId: any.clientId, newest: undefined, removed: false, firstIndex: index };
      changes.set(key, change);
    }
    for (const image of images) if (!change.newest || image.version > change.newest.version) change.newest = image;
    if (record.eventName === 'REMOVE') change.removed = true;
  });
  return changes;
}

/** What a unit is counted as now, as its marker says (cell absent: removed, or never counted). */
export interface CountedMarker {
  version: number;
  cell?: CountedCell;
}

/** A change of +1 or -1 at one cell, in live or retired tallies. */
export interface CellDelta {
  tallies: 'live' | 'retired';
  count: CountKind;
  cell: CountedCell;
  delta: 1 | -1;
}

/** What applying a change does: the marker to write and the counts to move (empty when already counted). */
export interface ChangePlan {
  apply: boolean;
  marker: CountedMarker;
  deltas: CellDelta[];
}

export const countKindOf = (kind: UnitKind): CountKind => (kind === 'client' ? 'clients' : 'sessions');

/**
 * How a unit's change moves the counts, given what it is counted as now (`marker`, undefined: never
 * counted). A version at or below the marker's is already counted (or a newer one is): nothing moves.
 * A newer one moves the count from the marker's cell to the new one. A removal keeps the unit
 * counted in the live tallies at its last version and adds it to the retired tallies, and leaves a
 * marker no version can pass.
 */
export function planChange(change: UnitChange, marker: CountedMarker | undefined): ChangePlan {
  const count = countKindOf(change.kind);
  const seen = marker?.version ?? 0;
  if (seen >= REMOVED_VERSION) return { apply: false, marker: marker as CountedMarker, deltas: [] };
  const newer = change.newest && change.newest.version > seen ? change.newest : undefined;
  const deltas: CellDelta[] = [];
  if (newer) {
    if (marker?.cell) deltas.push({ tallies: 'live', count, cell: marker.cell, delta: -1 });
    deltas.push({ tallies: 'live', count, cell: newer.cell, delta: 1 });
  }
  if (change.removed) {
    const last = newer?.cell ?? marker?.cell;
    if (last) deltas.push({ tallies: 'retired', count, cell: last, delta: 1 });
    return { apply: true, marker: { version: REMOVED_VERSION }, deltas };
  }
  if (!newer) return { apply: false, marker: marker as CountedMarker, deltas: [] };
  return { apply: true, marker: { version: newer.version, cell: newer.cell }, deltas };
}

/**
 * The attribute of a tally item holding one count of one value combination: `c|` (clients) or `s|`
 * (sessions) then the JSON array of the values in the view's order. JSON keeps it unambiguous
 * whatever a value holds; site ids, codes and years hold no `"` or `\` anyway.
 */
export function countAttribute(count: CountKind, values: readonly string[]): string {
  return `${count === 'clients' ? 'c' : 's'}|${JSON.stringify(values)}`;
}

/** The count kind and values of a tally item's attribute name, or undefined for another attribute. */
export function parseCountAttribute(name: string): { count: CountKind; values: string[] } | undefined {
  const match = /^([cs])\|(\[.*\])$/.exec(name);
  if (!match) return undefined;
  try {
    const values: unknown = JSON.parse(match[2] as string);
    if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) return undefined;
    return { count: match[1] === 'c' ? 'clients' : 'sessions', values: values as string[] };
  } catch {
    return undefined;
  }
}

/** One tally item's changes: per attribute, the net amount (nets of 0 left out). */
export interface TallyItemDelta {
  tallies: 'live' | 'retired';
  viewId: string;
  month: string;
  add: Map<string, number>;
}

/** Cell deltas spread over every view and merged per (tallies, view, month) item; nets of 0 dropped. */
export function tallyItemDeltas(deltas: readonly CellDelta[], views: readonly TallyView[] = TALLY_VIEWS): TallyItemDelta[] {
  const items = new Map<string, TallyItemDelta>();
  for (const { tallies, count, cell, delta } of deltas) {
    for (const view of views) {
      const id = viewId(view);
      const key = `${tallies}\u0000${id}\u0000${cell.month}`;
      let item = items.get(key);
      if (!item) {
        item = { tallies, viewId: id, month: cell.month, add: new Map() };
        items.set(key, item);
      }
      const attribute = countAttribute(count, valuesIn(view, cell));
      item.add.set(attribute, (item.add.get(attribute) ?? 0) + delta);
    }
  }
  const result: TallyItemDelta[] = [];
  for (const item of items.values()) {
    for (const [attribute, amount] of item.add) if (amount === 0) item.add.delete(attribute);
    if (item.add.size > 0) result.push(item);
  }
  return result;
}

/** The full counts of units, per view and month (the rebuild's recount, and the tests' oracle). */
export function recount(units: readonly Pick<CountedUnit, 'kind' | 'cell'>[]): TallyItemDelta[] {
  return tallyItemDeltas(units.map((unit) => ({ tallies: 'live', count: countKindOf(unit.kind), cell: unit.cell, delta: 1 })));
}

/**
 * The first month a rebuild recounts when profiles are kept `retentionYears`: the month after the one
 * holding the retention cutoff. Retention has emptied the months up to the cutoff (and part of its
 * month), so only the tallies kept by the counter still tell them; the rebuild leaves them alone.
 */
export function firstRebuiltMonth(today: string, retentionYears: number): string {
  const cutoff = latestDueRegistrationDate(today, retentionYears);
  const [year, month] = cutoff.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}
