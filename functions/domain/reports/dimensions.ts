/**
 * What a report (CONTRACT §11) can be broken down by, and how the counts behind it are kept.
 *
 * Counts are kept per month in "tally views": one view for each set of zero, one or two of the cell
 * dimensions (1 + 4 + 6 = 11 views), each holding, per month, a count for every combination of its
 * dimensions' values that occurred. A report by `site,gender` reads only the `gender+site` view, one
 * item per month: its cost is months × values, never clients (issue 15, rule 3). Month is not a cell
 * dimension: it is the tally item's sort key, so every view can be read by month or summed over months.
 */
export const REPORT_DIMENSIONS = ['month', 'site', 'gender', 'immigrationStatus', 'arrivalYear'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** The dimensions a tally cell is kept by, in their canonical order. */
export const CELL_DIMENSIONS = ['site', 'gender', 'immigrationStatus', 'arrivalYear'] as const;
export type CellDimension = (typeof CELL_DIMENSIONS)[number];

/** A tally view: zero to two cell dimensions, always in CELL_DIMENSIONS order. */
export type TallyView = readonly CellDimension[];

/** At most two dimensions per report (CONTRACT §11), so at most two cell dimensions per view. */
export const MAX_REPORT_DIMENSIONS = 2;

/** The view a report by `by` reads: its cell dimensions in canonical order (month dropped). */
export function viewOf(by: readonly ReportDimension[]): TallyView {
  return CELL_DIMENSIONS.filter((dimension) => by.includes(dimension));
}

/** Every view kept: the empty one, each dimension alone, each pair. */
export const TALLY_VIEWS: readonly TallyView[] = [
  [],
  ...CELL_DIMENSIONS.map((dimension) => [dimension]),
  ...CELL_DIMENSIONS.flatMap((first, index) => CELL_DIMENSIONS.slice(index + 1).map((second) => [first, second])),
];

/** A view's id, used in its key (`all`, `site`, `site+gender`): never holds `#`. */
export function viewId(view: TallyView): string {
  return view.length === 0 ? 'all' : view.join('+');
}

/** The two counts of every cell: clients by registration month, sessions by service month. */
export type CountKind = 'clients' | 'sessions';

/**
 * Where one counted thing (a client or a session) falls: its month (YYYY-MM) and its value for each
 * cell dimension: the site's id, the gender and immigration status codes, and the arrival year as a
 * string (`'2019'` or `'UNKNOWN'`).
 */
export interface CountedCell {
  month: string;
  site: string;
  gender: string;
  immigrationStatus: string;
  arrivalYear: string;
}

/** The values of `cell` for the dimensions of `view`, in the view's order. */
export function valuesIn(view: TallyView, cell: CountedCell): string[] {
  return view.map((dimension) => cell[dimension]);
}
