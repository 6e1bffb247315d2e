/**
 * What the Reports page's bar chart shows, from a report's rows: the bars (months when month is a
 * dimension, else the first dimension's values), each divided by the other dimension's values (the
 * stack), and which counts are withheld. Pure: labels come from the caller, no DOM.
 */
import { monthsBetween } from './report-months';

export type ReportDimensionName = 'month' | 'site' | 'gender' | 'immigrationStatus' | 'arrivalYear';
export type Measure = 'clients' | 'sessions';

/** A row of GET /v1/reports/anonymous-clients (only what the chart reads). */
export interface ReportRowLike {
  month?: string;
  site?: { siteId: string; name: string };
  gender?: string;
  immigrationStatus?: string;
  arrivalYear?: number | string | null;
  clients: number | null;
  sessions: number | null;
}

export interface ReportLike {
  from: string;
  to: string;
  by: readonly ReportDimensionName[];
  rows: readonly ReportRowLike[];
}

/** One part of a bar: the published count (withheld counts are not in it) and whether any was withheld. */
export interface ChartCell {
  count: number;
  withheld: boolean;
}

export interface ChartData {
  /** The dimension along the axis; null for a report with no dimension (one bar, the total). */
  axis: ReportDimensionName | null;
  /** The dimension each bar is divided by, or null. */
  stack: ReportDimensionName | null;
  /** The bars' keys (YYYY-MM for months, codes, site ids), in the report's order. */
  categories: string[];
  /** The stack's keys, bottom (or left) first; `OTHERS` for the values gathered into one. */
  series: string[];
  /** cells[category][series] */
  cells: ChartCell[][];
}

/** The key of the part that gathers the smallest stack values (no code, site id or year begins with `*`). */
export const OTHERS = '*others';
/** At most this many parts per bar: more colours and patterns than that cannot be told apart. */
export const MAX_SERIES = 8;

/** A row's value for `dimension`, as a key (the site's id, the code, the year as text). */
export function keyOf(row: ReportRowLike, dimension: ReportDimensionName): string {
  if (dimension === 'site') return row.site?.siteId ?? '';
  const value = row[dimension];
  return value === undefined || value === null ? '' : String(value);
}

const distinct = (keys: string[]) => [...new Set(keys)];

export function chartData(report: ReportLike, measure: Measure): ChartData {
  const axis: ReportDimensionName | null = report.by.includes('month') ? 'month' : (report.by[0] ?? null);
  const stack = report.by.find((dimension) => dimension !== axis) ?? null;
  const axisKey = (row: ReportRowLike) => (axis ? keyOf(row, axis) : 'all');
  const stackKey = (row: ReportRowLike) => (stack ? keyOf(row, stack) : 'all');
  // Every month of the range is on the axis, empty ones too: a gap in time is something to see.
  const categories = axis === 'month' ? monthsBetween(report.from, report.to) : distinct(report.rows.map(axisKey));
  let series = distinct(report.rows.map(stackKey));
  if (series.length === 0) series = ['all'];

  const totals = new Map<string, number>();
  for (const row of report.rows) totals.set(stackKey(row), (totals.get(stackKey(row)) ?? 0) + (row[measure] ?? 0));
  let gathered = new Set<string>();
  if (series.length > MAX_SERIES) {
    const kept = new Set([...series].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0)).slice(0, MAX_SERIES - 1));
    gathered = new Set(series.filter((key) => !kept.has(key)));
    series = [...series.filter((key) => kept.has(key)), OTHERS];
  }

  const categoryIndex = new Map(categories.map((key, index) => [key, index]));
  const seriesIndex = new Map(series.map((key, index) => [key, index]));
  const cells = categories.map(() => series.map(() => ({ count: 0, withheld: false })));
  for (const row of report.rows) {
    const c = categoryIndex.get(axisKey(row));
    const key = stackKey(row);
    const s = seriesIndex.get(gathered.has(key) ? OTHERS : key);
    if (c === undefined || s === undefined) continue;
    const value = row[measure];
    if (value === null) cells[c]![s]!.withheld = true;
    else cells[c]![s]!.count += value;
  }
  return { axis, stack, categories, series, cells };
}
