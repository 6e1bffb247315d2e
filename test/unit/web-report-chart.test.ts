/**
 * The Reports page's pure parts: fiscal years and quarters as month ranges, months typed on a phone
 * (web/src/report-months.ts), what the chart shows from a report's rows (report-chart-data.ts) and
 * where its bars go (report-chart-geometry.ts). Run in node: none of them touches the DOM.
 */
import { describe, expect, it } from '@jest/globals';
import { chartData, MAX_SERIES, OTHERS, type ReportLike } from '../../web/src/report-chart-data';
import { COLUMN, layoutBarRows, layoutColumns, niceScale, ROW, wrapLabel } from '../../web/src/report-chart-geometry';
import {
  addMonths,
  fiscalQuarterRange,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearToDate,
  monthsBetween,
  normalizeMonth,
} from '../../web/src/report-months';

describe('fiscal years (April to March) as month ranges', () => {
  it('names a fiscal year by its two calendar years and runs it from April to the next March', () => {
    expect(fiscalYearLabel(2026)).toBe('2026–27');
    expect(fiscalYearLabel(1999)).toBe('1999–00');
    expect(fiscalYearRange(2026)).toEqual({ from: '2026-04', to: '2027-03' });
  });

  it('puts January to March in the fiscal year that began the April before', () => {
    expect(fiscalYearOf('2027-03')).toBe(2026);
    expect(fiscalYearOf('2027-01')).toBe(2026);
    expect(fiscalYearOf('2026-04')).toBe(2026);
    expect(fiscalYearOf('2026-12')).toBe(2026);
    expect(fiscalYearOf('2026-03')).toBe(2025);
  });

  it('cuts a fiscal year into Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec and Q4 Jan–Mar of the next calendar year', () => {
    expect(fiscalQuarterRange(2026, 1)).toEqual({ from: '2026-04', to: '2026-06' });
    expect(fiscalQuarterRange(2026, 2)).toEqual({ from: '2026-07', to: '2026-09' });
    expect(fiscalQuarterRange(2026, 3)).toEqual({ from: '2026-10', to: '2026-12' });
    expect(fiscalQuarterRange(2026, 4)).toEqual({ from: '2027-01', to: '2027-03' });
  });

  it('covers every month of the year exactly once with its four quarters', () => {
    for (const year of [1999, 2024, 2026]) {
      const quarters = ([1, 2, 3, 4] as const).flatMap((q) =>
        monthsBetween(fiscalQuarterRange(year, q).from, fiscalQuarterRange(year, q).to),
      );
      const { from, to } = fiscalYearRange(year);
      expect(quarters).toEqual(monthsBetween(from, to));
      expect(quarters).toHaveLength(12);
    }
  });

  it('defaults to the fiscal year to date, whichever side of January today is', () => {
    expect(fiscalYearToDate('2026-12-01')).toEqual({ from: '2026-04', to: '2026-12' });
    expect(fiscalYearToDate('2027-02-15')).toEqual({ from: '2026-04', to: '2027-02' });
    expect(fiscalYearToDate('2026-04-01')).toEqual({ from: '2026-04', to: '2026-04' });
    expect(fiscalYearToDate('2026-03-31')).toEqual({ from: '2025-04', to: '2026-03' });
  });

  it('counts months across years, and none when the range is backwards', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-05', '2026-04')).toEqual([]);
  });
});

describe('a month typed on a phone', () => {
  it('becomes YYYY-MM from digits alone, other separators or a one-digit month', () => {
    expect(normalizeMonth('202604')).toBe('2026-04');
    expect(normalizeMonth(' 2026/04 ')).toBe('2026-04');
    expect(normalizeMonth('2026 4')).toBe('2026-04');
    expect(normalizeMonth('2026.11')).toBe('2026-11');
    expect(normalizeMonth('2026-4')).toBe('2026-04');
  });

  it('is left as typed when it is not clearly a month, for the API to refuse beside the field', () => {
    expect(normalizeMonth('April 2026')).toBe('April 2026');
    expect(normalizeMonth('20264')).toBe('20264');
    expect(normalizeMonth('2026-04-01')).toBe('2026-04-01');
  });
});

const report = (by: ReportLike['by'], rows: ReportLike['rows'], from = '2026-04', to = '2026-07'): ReportLike => ({ from, to, by, rows });

describe('what the chart shows', () => {
  it('puts every month of the range on the axis (empty ones too) and stacks by the other dimension', () => {
    const data = chartData(
      report(
        ['month', 'gender'],
        [
          { month: '2026-04', gender: 'FEMALE', clients: 3, sessions: 1 },
          { month: '2026-04', gender: 'MALE', clients: 2, sessions: 0 },
          { month: '2026-06', gender: 'FEMALE', clients: 1, sessions: 4 },
        ],
      ),
      'clients',
    );
    expect(data.axis).toBe('month');
    expect(data.stack).toBe('gender');
    expect(data.categories).toEqual(['2026-04', '2026-05', '2026-06', '2026-07']);
    expect(data.series).toEqual(['FEMALE', 'MALE']);
    expect(data.cells.map((row) => row.map((cell) => cell.count))).toEqual([
      [3, 2],
      [0, 0],
      [1, 0],
      [0, 0],
    ]);
  });

  it('keeps months on the axis when month is the second dimension, stacking by the first', () => {
    const data = chartData(
      report(
        ['site', 'month'],
        [
          { site: { siteId: 'B', name: 'B site' }, month: '2026-04', clients: 1, sessions: 5 },
          { site: { siteId: 'A', name: 'A site' }, month: '2026-05', clients: 2, sessions: 7 },
        ],
      ),
      'sessions',
    );
    expect(data.axis).toBe('month');
    expect(data.stack).toBe('site');
    expect(data.series).toEqual(['B', 'A']);
    expect(data.cells[0]!.map((cell) => cell.count)).toEqual([5, 0]);
    expect(data.cells[1]!.map((cell) => cell.count)).toEqual([0, 7]);
  });

  it('uses the first dimension’s values in the report’s order when month is not a dimension, and one bar for no dimension', () => {
    const byStatus = chartData(
      report(
        ['immigrationStatus'],
        [
          { immigrationStatus: 'PERMANENT_RESIDENT', clients: 4, sessions: 0 },
          { immigrationStatus: 'UNKNOWN', clients: 1, sessions: 0 },
        ],
      ),
      'clients',
    );
    expect(byStatus.axis).toBe('immigrationStatus');
    expect(byStatus.stack).toBeNull();
    expect(byStatus.categories).toEqual(['PERMANENT_RESIDENT', 'UNKNOWN']);
    const total = chartData(report([], [{ clients: 9, sessions: 2 }]), 'clients');
    expect(total.axis).toBeNull();
    expect(total.categories).toEqual(['all']);
    expect(total.cells).toEqual([[{ count: 9, withheld: false }]]);
  });

  it('marks a bar with a withheld count and draws only the published counts', () => {
    const data = chartData(
      report(
        ['month', 'gender'],
        [
          { month: '2026-04', gender: 'FEMALE', clients: null, sessions: 7 },
          { month: '2026-04', gender: 'MALE', clients: 6, sessions: 7 },
        ],
        '2026-04',
        '2026-04',
      ),
      'clients',
    );
    expect(data.cells[0]).toEqual([
      { count: 0, withheld: true },
      { count: 6, withheld: false },
    ]);
  });

  it('gathers the smallest stack values into "all others" when there are more than can be told apart, keeping every count', () => {
    const rows = Array.from({ length: 12 }, (_, index) => ({
      month: '2026-04',
      arrivalYear: 2010 + index,
      clients: index + 1,
      sessions: 0,
    }));
    const data = chartData(report(['month', 'arrivalYear'], rows, '2026-04', '2026-04'), 'clients');
    expect(data.series).toHaveLength(MAX_SERIES);
    expect(data.series.at(-1)).toBe(OTHERS);
    // Years 2010..2021 count 1..12: the seven largest are kept in the report's order, the five smallest gathered.
    expect(data.series.slice(0, -1)).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021']);
    expect(data.cells[0]!.at(-1)!.count).toBe(1 + 2 + 3 + 4 + 5);
    expect(data.cells[0]!.reduce((sum, cell) => sum + cell.count, 0)).toBe((12 * 13) / 2);
  });
});

describe('where the bars go', () => {
  it('picks an axis of whole counts in steps of 1, 2 or 5 times a power of ten that holds the largest bar', () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1 });
    expect(niceScale(3)).toEqual({ max: 3, step: 1 });
    expect(niceScale(7)).toEqual({ max: 8, step: 2 });
    expect(niceScale(37)).toEqual({ max: 40, step: 10 });
    expect(niceScale(1234)).toEqual({ max: 1500, step: 500 });
    for (const max of [1, 9, 11, 99, 101, 4999, 123457]) {
      const scale = niceScale(max);
      expect(scale.max).toBeGreaterThanOrEqual(max);
      expect(Number.isInteger(scale.step)).toBe(true);
      expect(scale.max / scale.step).toBeLessThanOrEqual(5);
    }
  });

  it('stacks a column’s parts from the bottom, end to end, with heights in proportion to their counts', () => {
    const layout = layoutColumns([
      [
        { count: 3, withheld: false },
        { count: 0, withheld: false },
        { count: 5, withheld: false },
      ],
      [
        { count: 2, withheld: true },
        { count: 0, withheld: false },
        { count: 0, withheld: false },
      ],
    ]);
    const [first, second] = layout.columns;
    // Scale 0..8 (steps of 2) over the plot's height.
    const perCount = COLUMN.plotHeight / 8;
    expect(first!.segments.map((s) => s.series)).toEqual([0, 2]);
    expect(first!.segments[0]!.size).toBeCloseTo(3 * perCount);
    expect(first!.segments[0]!.start + first!.segments[0]!.size).toBeCloseTo(layout.plot.bottom);
    expect(first!.segments[1]!.start + first!.segments[1]!.size).toBeCloseTo(first!.segments[0]!.start);
    expect(first!.segments[1]!.start).toBeCloseTo(layout.plot.top);
    expect(first!.total).toBe(8);
    expect(second!.withheld).toBe(true);
    expect(second!.center - first!.center).toBe(COLUMN.pitch);
    expect(layout.ticks.map((tick) => tick.value)).toEqual([0, 2, 4, 6, 8]);
    expect(layout.ticks[0]!.at).toBe(layout.plot.bottom);
  });

  it('makes a year of months under 700 px wide (beside the form on a desktop) and five years wider, so a long range scrolls inside the chart’s box', () => {
    const months = (n: number) => Array.from({ length: n }, () => [{ count: 1, withheld: false }]);
    expect(layoutColumns(months(12)).width).toBe(COLUMN.left + 12 * COLUMN.pitch + COLUMN.right);
    expect(layoutColumns(months(12)).width).toBeLessThan(700);
    expect(layoutColumns(months(3)).width).toBeLessThanOrEqual(320 - 32);
    expect(layoutColumns(months(60)).width).toBeGreaterThan(3000);
  });

  it('lays horizontal bars in percent of the bar area, each under its label, the largest bar filling the scale', () => {
    const layout = layoutBarRows(
      [[{ count: 10, withheld: false }], [{ count: 5, withheld: false }]],
      ['Protected person / Convention refugee', 'Visitor'],
    );
    expect(layout.rows[0]!.segments[0]!.size).toBeCloseTo(ROW.barArea);
    expect(layout.rows[1]!.segments[0]!.size).toBeCloseTo(ROW.barArea / 2);
    expect(layout.rows[0]!.labelLines).toEqual(['Protected person / Convention', 'refugee']);
    expect(layout.rows[1]!.labelY).toBeGreaterThan(layout.rows[0]!.barY + ROW.barHeight);
    expect(layout.height).toBeGreaterThan(layout.rows[1]!.barY + ROW.barHeight);
  });

  it('wraps a label at spaces into lines of at most 30 characters, a longer word on its own line', () => {
    expect(wrapLabel('Short')).toEqual(['Short']);
    expect(wrapLabel('')).toEqual(['']);
    const lines = wrapLabel('CUAET (Canada-Ukraine authorization for emergency travel)');
    expect(lines.every((line) => line.length <= 30)).toBe(true);
    expect(lines.join(' ')).toBe('CUAET (Canada-Ukraine authorization for emergency travel)');
    expect(wrapLabel('Abcdefghijklmnopqrstuvwxyzabcdefghij x')).toEqual(['Abcdefghijklmnopqrstuvwxyzabcdefghij', 'x']);
  });
});
