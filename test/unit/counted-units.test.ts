import { describe, expect, it } from '@jest/globals';
import {
  type ChangeRecord,
  changesOf,
  countAttribute,
  type CountedMarker,
  countedUnitOf,
  firstRebuiltMonth,
  parseCountAttribute,
  planChange,
  recount,
  REMOVED_VERSION,
  type TallyItemDelta,
  tallyItemDeltas,
  unitKey,
} from '../../functions/domain/reports/counted-units';
import { TALLY_VIEWS } from '../../functions/domain/reports/dimensions';

const agency = { agencyId: 'agency-a', name: 'A' };

function clientItem(clientId: string, version: number, changes: Record<string, unknown> = {}) {
  return {
    entity: 'ANONYMOUS_CLIENT',
    clientId,
    agency,
    version,
    registrationDate: '2026-03-14',
    site: { siteId: 'ON-SCH-000001', name: 'School' },
    gender: 'FEMALE',
    immigrationStatus: 'REFUGEE',
    arrivalYear: 2019,
    createdAt: '2026-03-14T10:00:00.000Z',
    updatedAt: `2026-03-14T10:00:0${version}.000Z`,
    ...changes,
  };
}

function sessionItem(clientId: string, countedAs?: Record<string, unknown>) {
  return {
    entity: 'ANONYMOUS_SESSION',
    clientId,
    agency,
    serviceDate: '2026-04-02',
    site: { siteId: 'ON-NSC-000002', name: 'Centre' },
    createdAt: '2026-04-02T09:00:00.000Z',
    ...(countedAs ? { countedAs } : {}),
  };
}

describe('what a stored item counts as', () => {
  it('places a client at its registration month, site and description', () => {
    expect(countedUnitOf(clientItem('c1', 3))).toEqual({
      agencyId: 'agency-a',
      kind: 'client',
      clientId: 'c1',
      version: 3,
      cell: { month: '2026-03', site: 'ON-SCH-000001', gender: 'FEMALE', immigrationStatus: 'REFUGEE', arrivalYear: '2019' },
      writtenAt: '2026-03-14T10:00:03.000Z',
    });
  });

  it('places a session at its service month and site, as the person was described when it began', () => {
    const unit = countedUnitOf(sessionItem('c1', { gender: 'MALE', immigrationStatus: 'CITIZEN', arrivalYear: 'UNKNOWN' }));
    expect(unit).toMatchObject({ kind: 'session', version: 1, writtenAt: '2026-04-02T09:00:00.000Z' });
    expect(unit?.cell).toEqual({
      month: '2026-04',
      site: 'ON-NSC-000002',
      gender: 'MALE',
      immigrationStatus: 'CITIZEN',
      arrivalYear: 'UNKNOWN',
    });
  });

  it('counts a session stored without a description as UNKNOWN for all three', () => {
    expect(countedUnitOf(sessionItem('c1'))?.cell).toMatchObject({
      gender: 'UNKNOWN',
      immigrationStatus: 'UNKNOWN',
      arrivalYear: 'UNKNOWN',
    });
  });

  it('ignores items that are not clients or sessions', () => {
    expect(countedUnitOf({ entity: 'AUDIT_ENTRY', clientId: 'c1', agency, site: { siteId: 'S1' } })).toBeUndefined();
    expect(countedUnitOf({ entity: 'REPORT_TALLY', 'c|[]': 4 })).toBeUndefined();
    expect(countedUnitOf(undefined)).toBeUndefined();
  });
});

describe('tally attributes', () => {
  it('encode count kind and values unambiguously and read back', () => {
    expect(countAttribute('clients', [])).toBe('c|[]');
    expect(countAttribute('sessions', ['ON-SCH-000001', '2019'])).toBe('s|["ON-SCH-000001","2019"]');
    expect(parseCountAttribute('s|["ON-SCH-000001","2019"]')).toEqual({ count: 'sessions', values: ['ON-SCH-000001', '2019'] });
    expect(parseCountAttribute('entity')).toBeUndefined();
    expect(parseCountAttribute('c|[1]')).toBeUndefined();
  });
});

describe('planning a change', () => {
  const [first] = changesOf([{ eventName: 'INSERT', newImage: clientItem('c1', 1) }]).values();
  const [second] = changesOf([
    { eventName: 'MODIFY', oldImage: clientItem('c1', 1), newImage: clientItem('c1', 2, { gender: 'MALE' }) },
  ]).values();

  it('counts a never-counted unit once at its cell', () => {
    const plan = planChange(first!, undefined);
    expect(plan.apply).toBe(true);
    expect(plan.deltas).toEqual([{ tallies: 'live', count: 'clients', cell: first!.newest!.cell, delta: 1 }]);
    expect(plan.marker).toEqual({ version: 1, cell: first!.newest!.cell });
  });

  it('moves the count of an edited unit from its old cell to the new one', () => {
    const plan = planChange(second!, { version: 1, cell: first!.newest!.cell });
    expect(plan.deltas.map((delta) => [delta.cell.gender, delta.delta])).toEqual([
      ['FEMALE', -1],
      ['MALE', 1],
    ]);
  });

  it('skips a version already counted, or older than the one counted', () => {
    expect(planChange(first!, { version: 1, cell: first!.newest!.cell }).apply).toBe(false);
    expect(planChange(first!, { version: 2, cell: second!.newest!.cell }).apply).toBe(false);
  });

  it('keeps a removed unit counted, retires its count and leaves a marker no version passes', () => {
    const [removal] = changesOf([{ eventName: 'REMOVE', oldImage: clientItem('c1', 2, { gender: 'MALE' }) }]).values();
    const plan = planChange(removal!, { version: 2, cell: second!.newest!.cell });
    expect(plan.deltas).toEqual([{ tallies: 'retired', count: 'clients', cell: second!.newest!.cell, delta: 1 }]);
    expect(plan.marker).toEqual({ version: REMOVED_VERSION });
    expect(planChange(first!, plan.marker).apply).toBe(false);
  });
});

describe('spreading deltas over the views', () => {
  it('writes each delta in all 11 views and drops nets of zero', () => {
    const cell = countedUnitOf(clientItem('c1', 1))!.cell;
    expect(tallyItemDeltas([{ tallies: 'live', count: 'clients', cell, delta: 1 }])).toHaveLength(TALLY_VIEWS.length);
    const moved = tallyItemDeltas([
      { tallies: 'live', count: 'clients', cell, delta: -1 },
      { tallies: 'live', count: 'clients', cell: { ...cell, gender: 'MALE' }, delta: 1 },
    ]);
    // Views without gender net to zero; the 6 with gender (alone or paired) move.
    expect(moved.map((item) => item.viewId).sort()).toEqual(
      ['gender', 'gender+arrivalYear', 'gender+immigrationStatus', 'site+gender'].sort(),
    );
  });
});

describe('the first month a rebuild recounts', () => {
  it('is the month after the one holding the retention cutoff', () => {
    expect(firstRebuiltMonth('2026-12-01', 2)).toBe('2024-12');
    expect(firstRebuiltMonth('2027-01-15', 1)).toBe('2026-02');
    expect(firstRebuiltMonth('2026-01-01', 1)).toBe('2025-01');
  });
});

/** An in-memory counter: markers and live/retired tallies, applied as the adapter applies them. */
function simulate(batches: ChangeRecord[][]) {
  const markers = new Map<string, CountedMarker>();
  const tallies = new Map<string, number>();
  for (const batch of batches) {
    for (const change of changesOf(batch).values()) {
      const plan = planChange(change, markers.get(unitKey(change)));
      if (!plan.apply) continue;
      markers.set(unitKey(change), plan.marker);
      for (const item of tallyItemDeltas(plan.deltas)) {
        for (const [attribute, amount] of item.add) {
          const key = `${item.tallies}|${item.viewId}|${item.month}|${attribute}`;
          tallies.set(key, (tallies.get(key) ?? 0) + amount);
        }
      }
    }
  }
  return tallies;
}

function asTallies(items: TallyItemDelta[]): Map<string, number> {
  const tallies = new Map<string, number>();
  for (const item of items)
    for (const [attribute, amount] of item.add) tallies.set(`live|${item.viewId}|${item.month}|${attribute}`, amount);
  return tallies;
}

const withoutZeros = (tallies: Map<string, number>) => new Map([...tallies].filter(([, amount]) => amount !== 0));

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('applying records in any order, any number of times', () => {
  const v1 = clientItem('c1', 1);
  const v2 = clientItem('c1', 2, { gender: 'MALE', site: { siteId: 'ON-NSC-000002', name: 'Centre' } });
  const v3 = clientItem('c1', 3, { arrivalYear: 'UNKNOWN', immigrationStatus: 'CITIZEN' });
  const other = clientItem('c2', 1, { registrationDate: '2026-05-01' });
  const session = sessionItem('c1', { gender: 'FEMALE', immigrationStatus: 'REFUGEE', arrivalYear: 2019 });
  const records: ChangeRecord[] = [
    { eventName: 'INSERT', newImage: v1 },
    { eventName: 'MODIFY', oldImage: v1, newImage: v2 },
    { eventName: 'INSERT', newImage: session },
    { eventName: 'MODIFY', oldImage: v2, newImage: v3 },
    { eventName: 'INSERT', newImage: other },
    { eventName: 'INSERT', newImage: { entity: 'AUDIT_ENTRY', clientId: 'c1' } },
  ];
  const expected = withoutZeros(asTallies(recount([v3, other, session].map((item) => countedUnitOf(item)!))));

  it('equals the recount of the last versions whatever the order, repetition and batching', () => {
    const next = random(42);
    for (let round = 0; round < 200; round += 1) {
      const delivered = [...records, ...records.filter(() => next() < 0.5)].sort(() => next() - 0.5);
      const batches: ChangeRecord[][] = [];
      for (let start = 0; start < delivered.length;) {
        const size = 1 + Math.floor(next() * 3);
        batches.push(delivered.slice(start, start + size));
        start += size;
      }
      expect(withoutZeros(simulate(batches))).toEqual(expected);
    }
  });

  it('keeps a removed client counted and adds it to the retired tallies, even if the removal comes first', () => {
    const removal: ChangeRecord = { eventName: 'REMOVE', oldImage: v3 };
    for (const order of [
      [...records, removal],
      [removal, ...records],
      [records[0]!, removal, ...records],
    ]) {
      const tallies = withoutZeros(simulate(order.map((record) => [record])));
      const live = new Map([...tallies].filter(([key]) => key.startsWith('live|')));
      const retired = new Map([...tallies].filter(([key]) => key.startsWith('retired|')));
      expect(live).toEqual(expected);
      expect(retired).toEqual(
        new Map([...asTallies(recount([countedUnitOf(v3)!]))].map(([key, amount]) => [key.replace(/^live\|/, 'retired|'), amount])),
      );
    }
  });
});
