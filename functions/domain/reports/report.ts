/**
 * The report table (CONTRACT §11) composed from an agency's tallies: one row per combination of the
 * `by` dimensions that has a count, in the contract's order, the grand totals, and small-count
 * suppression when asked. Pure: the caller reads the tallies and the site names.
 */
import type { AgencyTallies } from '../../ports/report-tallies';
import { GENDERS, IMMIGRATION_STATUSES } from '../reference-data';
import { type ReportDimension, viewOf } from './dimensions';
import type { AnonymousClientReport, AnonymousClientReportRow, ReportQuery } from './report-query';
import { type Counts, type PublishedCounts, suppressSmallCounts } from './suppression';

export interface ReportInput {
  query: ReportQuery;
  agency: { agencyId: string; name: string };
  /** The tallies of viewOf(query.by) for query.from..query.to. */
  tallies: AgencyTallies;
  /** Site id → name; a site missing here shows its id as its name. */
  siteNames: ReadonlyMap<string, string>;
  now: Date;
}

/** One row before it is published: its value for each dimension of `by`, in `by` order. */
interface Group extends Counts {
  values: string[];
}

// Sites sort by name as people read them (accents and case do not split "École" from "Ecole"); made on
// first use, not at import, since a collator costs cold-start time.
let siteCollator: Intl.Collator | undefined;
const collator = () => (siteCollator ??= new Intl.Collator('en-CA', { sensitivity: 'base', numeric: true }));

/** Reference-data order first; a code no longer in reference data (counted before it was retired) after, by code. */
function codeOrder(codes: readonly { code: string }[]) {
  const rank = new Map(codes.map(({ code }, index) => [code, index]));
  return (a: string, b: string) => {
    const ra = rank.get(a) ?? codes.length;
    const rb = rank.get(b) ?? codes.length;
    return ra !== rb ? ra - rb : compareCodes(a, b);
  };
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Years ascending, then UNKNOWN, then anything else by code. */
function compareArrivalYears(a: string, b: string): number {
  const rank = (value: string) => (/^\d+$/.test(value) ? 0 : value === 'UNKNOWN' ? 1 : 2);
  const [ra, rb] = [rank(a), rank(b)];
  if (ra !== rb) return ra - rb;
  return ra === 0 ? Number(a) - Number(b) : compareCodes(a, b);
}

function comparatorFor(dimension: ReportDimension, siteName: (siteId: string) => string): (a: string, b: string) => number {
  switch (dimension) {
    case 'month':
      return compareCodes;
    case 'site':
      return (a, b) => collator().compare(siteName(a), siteName(b)) || compareCodes(siteName(a), siteName(b)) || compareCodes(a, b);
    case 'gender':
      return codeOrder(GENDERS);
    case 'immigrationStatus':
      return codeOrder(IMMIGRATION_STATUSES);
    case 'arrivalYear':
      return compareArrivalYears;
  }
}

/** The row's field for one dimension's value. */
function fieldOf(dimension: ReportDimension, value: string, siteName: (siteId: string) => string): Partial<AnonymousClientReportRow> {
  switch (dimension) {
    case 'month':
      return { month: value };
    case 'site':
      return { site: { siteId: value, name: siteName(value) } };
    // A code retired from reference data after it was counted is published as stored: the counts
    // must add up to the records (docs/reports.md).
    case 'gender':
      return { gender: value as AnonymousClientReportRow['gender'] };
    case 'immigrationStatus':
      return { immigrationStatus: value as AnonymousClientReportRow['immigrationStatus'] };
    case 'arrivalYear':
      return { arrivalYear: /^\d+$/.test(value) ? Number(value) : 'UNKNOWN' };
  }
}

/** Counts of `tallies` summed per combination of the `by` values (months summed away when month is not in `by`). */
function groupTallies(query: ReportQuery, tallies: AgencyTallies): Group[] {
  const view = viewOf(query.by);
  const positions = query.by.map((dimension) => (dimension === 'month' ? -1 : view.indexOf(dimension)));
  const groups = new Map<string, Group>();
  for (const { month, cells } of tallies.months) {
    // The reader's contract, checked again: a month outside the query would change the totals unseen.
    if (month < query.from || month > query.to) continue;
    for (const cell of cells) {
      if (cell.values.length !== view.length) continue;
      const values = positions.map((position) => (position < 0 ? month : (cell.values[position] as string)));
      // Values never hold a NUL: the key cannot mix up two combinations.
      const key = values.join('\u0000');
      const group = groups.get(key);
      if (group) {
        group.clients += cell.clients;
        group.sessions += cell.sessions;
      } else groups.set(key, { values, clients: cell.clients, sessions: cell.sessions });
    }
  }
  return [...groups.values()];
}

/** The report of CONTRACT §11 for `input.query`, from the tallies of its view. */
export function anonymousClientReport(input: ReportInput): AnonymousClientReport {
  const { query, tallies } = input;
  const siteName = (siteId: string) => input.siteNames.get(siteId) ?? siteId;
  const comparators = query.by.map((dimension) => comparatorFor(dimension, siteName));
  const groups = groupTallies(query, tallies)
    .filter((group) => group.clients !== 0 || group.sessions !== 0)
    .sort((a, b) => {
      for (const [index, compare] of comparators.entries()) {
        const order = compare(a.values[index] as string, b.values[index] as string);
        if (order !== 0) return order;
      }
      return 0;
    });
  const sums = groups.reduce((sum, group) => ({ clients: sum.clients + group.clients, sessions: sum.sessions + group.sessions }), {
    clients: 0,
    sessions: 0,
  });
  const published =
    query.suppressBelow === undefined
      ? { rows: groups.map(({ clients, sessions }) => ({ clients, sessions })), totals: sums }
      : suppressSmallCounts(groups, query.suppressBelow);
  const rows = groups.map((group, index): AnonymousClientReportRow => {
    // Dimensions first, in `by` order, then the counts: the JSON reads like the table.
    let fields: Partial<AnonymousClientReportRow> = {};
    for (const [position, dimension] of query.by.entries())
      fields = { ...fields, ...fieldOf(dimension, group.values[position] as string, siteName) };
    const { clients, sessions } = published.rows[index] as PublishedCounts;
    return { ...fields, clients, sessions };
  });
  return {
    agency: { agencyId: input.agency.agencyId, name: input.agency.name },
    from: query.from,
    to: query.to,
    by: [...query.by],
    rows,
    totals: published.totals,
    ...(query.suppressBelow === undefined ? {} : { suppressBelow: query.suppressBelow }),
    asOf: tallies.asOf ?? input.now.toISOString(),
  };
}
