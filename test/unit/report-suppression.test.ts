/**
 * The proof of small-count suppression (CONTRACT §11, docs/reports.md "Small-count suppression"), by
 * brute force: every small table is built, published through anonymousClientReport, and grouped with
 * every other table that publishes exactly the same thing (rows present, numbers, nulls, totals). An
 * attacker who knows the rule, n and the table's shape can only narrow a withheld count down to the
 * values it takes across such a group: each must take at least 2.
 *
 * Values run from 0 to n + 1: 0 to n − 1 are every way a count can be withheld, n and n + 1 two
 * published values. A table that publishes the same as one of these has the same published counts
 * (at most n + 1) and its withheld ones below n, so it is one of these too: each group is complete,
 * and for these shapes the search is exact. Why the rule holds for every size of table is argued in
 * docs/reports.md.
 */
import { describe, expect, it } from '@jest/globals';
import type { ReportDimension } from '../../functions/domain/reports/dimensions';
import { anonymousClientReport } from '../../functions/domain/reports/report';
import type { AnonymousClientReport, AnonymousClientReportRow } from '../../functions/domain/reports/report-query';
import { type Counts, type PublishedCounts, suppressSmallCounts } from '../../functions/domain/reports/suppression';
import type { MonthTallies } from '../../functions/ports/report-tallies';

const AGENCY = { agencyId: 'agency-001', name: 'Northside Settlement Services' };
const NOW = new Date('2026-12-01T12:00:00Z');

/** A table's shape: the `by` of the report and where each of its k cells sits (month and view values). */
interface Shape {
  name: string;
  by: ReportDimension[];
  cells: { month: string; values: string[] }[];
}

const zeroDimensions: Shape = { name: 'no dimension', by: [], cells: [{ month: '2026-01', values: [] }] };
const byGender = (k: number): Shape => ({
  name: `by=gender, ${k} codes`,
  by: ['gender'],
  cells: ['FEMALE', 'MALE', 'GENDER_DIVERSE', 'UNKNOWN'].slice(0, k).map((gender) => ({ month: '2026-01', values: [gender] })),
});
const byGenderAndMonth: Shape = {
  name: 'by=gender,month, 2 × 2',
  by: ['gender', 'month'],
  cells: ['FEMALE', 'MALE'].flatMap((gender) => ['2026-01', '2026-02'].map((month) => ({ month, values: [gender] }))),
};
const bySiteAndYear: Shape = {
  name: 'by=arrivalYear,site, 1 site × 2 years',
  by: ['arrivalYear', 'site'],
  cells: ['2019', 'UNKNOWN'].map((year) => ({ month: '2026-01', values: ['ON-SCH-000001', year] })),
};

function reportOf(shape: Shape, table: readonly Counts[], suppressBelow: number | undefined): AnonymousClientReport {
  const months = new Map<string, MonthTallies>();
  shape.cells.forEach((cell, index) => {
    const counts = table[index] as Counts;
    let month = months.get(cell.month);
    if (!month) months.set(cell.month, (month = { month: cell.month, cells: [] }));
    month.cells.push({ values: cell.values, ...counts });
  });
  return anonymousClientReport({
    query: { from: '2026-01', to: '2026-02', by: shape.by, suppressBelow },
    agency: AGENCY,
    tallies: { months: [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)), asOf: '2026-12-01T11:00:00.000Z' },
    siteNames: new Map([['ON-SCH-000001', 'Central Public School']]),
    now: NOW,
  });
}

/** What identifies a row to a reader: its dimension fields. */
const rowKey = (row: AnonymousClientReportRow) =>
  [row.month, row.site?.siteId, row.site?.name, row.gender, row.immigrationStatus, row.arrivalYear].join('|');

/** The row key of each cell of `shape`: the key of the one row a table with only that cell produces. */
const cellKeys = (shape: Shape) =>
  shape.cells.map((_, index) => {
    const alone = shape.cells.map((__, other) => ({ clients: other === index ? 1 : 0, sessions: 0 }));
    return rowKey(reportOf(shape, alone, undefined).rows[0] as AnonymousClientReportRow);
  });

/** Every table of `k` cells with both counts from 0 to `max`. */
function* tables(k: number, max: number): Generator<Counts[]> {
  const table: Counts[] = Array.from({ length: k }, () => ({ clients: 0, sessions: 0 }));
  const values = max + 1;
  const total = values ** (2 * k);
  for (let code = 0; code < total; code += 1) {
    let rest = code;
    for (const cell of table) {
      cell.clients = rest % values;
      rest = Math.floor(rest / values);
      cell.sessions = rest % values;
      rest = Math.floor(rest / values);
    }
    yield table;
  }
}

interface Published {
  rows: { key: string; counts: PublishedCounts }[];
  totals: PublishedCounts;
}

interface Audit {
  tables: number;
  views: number;
  /** Withheld counts some view pins to one value: `view | position = value`. */
  leaks: string[];
  /** Counts from 1 to n − 1 published, or published counts that differ from the truth. */
  wrong: string[];
}

/**
 * Publishes every table of `shape` with `publish`, groups tables by what is published, and lists every
 * withheld count (a row's or a total) that one view pins down to a single value.
 */
function audit(shape: Shape, n: number, publish: (table: readonly Counts[]) => Published): Audit {
  const keys = cellKeys(shape);
  const candidates = new Map<string, Map<string, Set<number>>>();
  const wrong: string[] = [];
  let count = 0;
  for (const table of tables(shape.cells.length, n + 1)) {
    count += 1;
    const truth = new Map(keys.map((key, index) => [key, table[index] as Counts]));
    const totals = table.reduce((sum, cell) => ({ clients: sum.clients + cell.clients, sessions: sum.sessions + cell.sessions }), {
      clients: 0,
      sessions: 0,
    });
    const published = publish(table);
    const shown = (counts: PublishedCounts) => `${counts.clients} ${counts.sessions}`;
    const view = `${published.rows.map((row) => `${row.key}=${shown(row.counts)}`).join(';')};total=${shown(published.totals)}`;
    let positions = candidates.get(view);
    if (!positions) candidates.set(view, (positions = new Map()));
    const check = (position: string, actual: number, shown: number | null) => {
      if (shown === null) {
        let values = positions.get(position);
        if (!values) positions.set(position, (values = new Set()));
        values.add(actual);
      } else if (shown !== actual || (actual >= 1 && actual < n))
        wrong.push(`${JSON.stringify(table)} ${position}: ${actual} shown as ${shown}`);
    };
    for (const { key, counts } of published.rows) {
      const cell = truth.get(key) as Counts;
      check(`${key}.clients`, cell.clients, counts.clients);
      check(`${key}.sessions`, cell.sessions, counts.sessions);
    }
    check('totals.clients', totals.clients, published.totals.clients);
    check('totals.sessions', totals.sessions, published.totals.sessions);
  }
  const leaks: string[] = [];
  for (const [view, positions] of candidates)
    for (const [position, values] of positions) if (values.size < 2) leaks.push(`${view} | ${position} = ${[...values].join()}`);
  return { tables: count, views: candidates.size, leaks, wrong };
}

/** Publishing through the report itself, as the route does. */
const throughReport =
  (shape: Shape, n: number) =>
  (table: readonly Counts[]): Published => {
    const report = reportOf(shape, table, n);
    return {
      rows: report.rows.map((row) => ({ key: rowKey(row), counts: { clients: row.clients, sessions: row.sessions } })),
      totals: report.totals,
    };
  };

const CASES: { shape: Shape; n: number }[] = [
  ...[2, 3, 4, 5, 10].map((n) => ({ shape: zeroDimensions, n })),
  ...[2, 3, 4, 5].flatMap((n) => [1, 2, 3].map((k) => ({ shape: byGender(k), n }))),
  { shape: byGender(4), n: 2 },
  { shape: byGenderAndMonth, n: 2 },
  { shape: byGenderAndMonth, n: 3 },
  { shape: bySiteAndYear, n: 10 },
];

describe('small-count suppression, by brute force over every small table', () => {
  it.each(CASES.map(({ shape, n }) => [shape.name, n, shape] as const))(
    '%s, suppressBelow=%i: no withheld count can be worked out, no small count is published, published counts are exact',
    (_, n, shape) => {
      const result = audit(shape, n, throughReport(shape, n));
      expect(result.tables).toBe((n + 2) ** (2 * shape.cells.length));
      expect(result.wrong.slice(0, 5)).toEqual([]);
      expect(result.leaks.slice(0, 5)).toEqual([]);
    },
    60_000,
  );

  it('finds the leak of a rule that ignores rows with both counts withheld (the check can fail)', () => {
    // The first rule tried: publish a column's total when S is between 1 and m(n − 1) − 1, whatever d.
    // With n = 2, clients (5, 1, 0, 5) publish their total 11 and sessions (5, 1, 1, 5) withhold theirs,
    // so sessions' S is 0 or 2; S = 0 would make the third row (0, 0), which would be absent: both
    // middle sessions are known to be 1.
    const naive = (table: readonly Counts[]): Published => {
      const small = (value: number) => value < 2;
      const totals: PublishedCounts = { clients: null, sessions: null };
      for (const kind of ['clients', 'sessions'] as const) {
        const hidden = table.filter((cell) => (cell.clients !== 0 || cell.sessions !== 0) && small(cell[kind]));
        const total = table.reduce((sum, cell) => sum + cell[kind], 0);
        const sum = hidden.reduce((s, cell) => s + cell[kind], 0);
        const present = table.some((cell) => cell.clients !== 0 || cell.sessions !== 0);
        totals[kind] =
          !present || (total >= 2 && (hidden.length === 0 || (hidden.length >= 2 && sum >= 1 && sum <= hidden.length - 1))) ? total : null;
      }
      const rows = table.flatMap((cell, index) =>
        cell.clients === 0 && cell.sessions === 0
          ? []
          : [
              {
                key: keys[index] as string,
                counts: { clients: small(cell.clients) ? null : cell.clients, sessions: small(cell.sessions) ? null : cell.sessions },
              },
            ],
      );
      return { rows, totals };
    };
    const keys = cellKeys(byGender(4));
    const result = audit(byGender(4), 2, naive);
    expect(result.leaks.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('small-count suppression, examples', () => {
  const report = (by: ReportDimension[], cells: { values: string[]; clients: number; sessions: number }[], suppressBelow: number) =>
    anonymousClientReport({
      query: { from: '2026-01', to: '2026-01', by, suppressBelow },
      agency: AGENCY,
      tallies: { months: [{ month: '2026-01', cells }], asOf: '2026-12-01T11:00:00.000Z' },
      siteNames: new Map([
        ['S1', 'Alpha Centre'],
        ['S2', 'Beta School'],
        ['S3', 'Gamma Library'],
      ]),
      now: NOW,
    });

  it('withholds the one count of a one-client table at n = 2, and its total', () => {
    const result = report([], [{ values: [], clients: 1, sessions: 3 }], 2);
    expect(result.rows).toEqual([{ clients: null, sessions: 3 }]);
    expect(result.totals).toEqual({ clients: null, sessions: 3 });
    expect(result.suppressBelow).toBe(2);
  });

  it('withholds the total when one site has 1 client among big ones (else 1 = total − the others)', () => {
    const result = report(
      ['site'],
      [
        { values: ['S1'], clients: 40, sessions: 60 },
        { values: ['S2'], clients: 1, sessions: 12 },
        { values: ['S3'], clients: 25, sessions: 30 },
      ],
      5,
    );
    expect(result.rows.map((row) => row.clients)).toEqual([40, null, 25]);
    expect(result.totals).toEqual({ clients: null, sessions: 102 });
  });

  it('publishes the total when two small cells share a sum that each could make in two ways', () => {
    // n = 5: S = 1 + 3 = 4, so each is 0 to 4 and the other is 4 minus it.
    const result = report(
      ['site'],
      [
        { values: ['S1'], clients: 40, sessions: 60 },
        { values: ['S2'], clients: 1, sessions: 12 },
        { values: ['S3'], clients: 3, sessions: 30 },
      ],
      5,
    );
    expect(result.rows.map((row) => row.clients)).toEqual([40, null, null]);
    expect(result.totals.clients).toBe(44);
  });

  it('withholds the total when the small cells are all at their largest (S = m(n − 1) pins each)', () => {
    const result = report(
      ['site'],
      [
        { values: ['S1'], clients: 40, sessions: 60 },
        { values: ['S2'], clients: 4, sessions: 12 },
        { values: ['S3'], clients: 4, sessions: 30 },
      ],
      5,
    );
    expect(result.totals.clients).toBeNull();
  });

  it('withholds a total whose withheld sum is below the number of rows with both counts withheld', () => {
    // Rows 2 and 3 have both counts withheld; published clients S = 1 < d = 2 would say one of them
    // has 0 clients, so at least 1 session, narrowing the sessions column.
    const rows = suppressSmallCounts(
      [
        { clients: 5, sessions: 5 },
        { clients: 1, sessions: 1 },
        { clients: 0, sessions: 1 },
        { clients: 5, sessions: 5 },
      ],
      2,
    );
    expect(rows.totals).toEqual({ clients: null, sessions: null });
  });

  it('publishes zeros for a table with nothing in it: nothing to protect', () => {
    const result = report(['gender'], [], 3);
    expect(result.rows).toEqual([]);
    expect(result.totals).toEqual({ clients: 0, sessions: 0 });
  });
});
