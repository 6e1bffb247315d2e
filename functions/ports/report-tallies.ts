import type { TallyView } from '../domain/reports/dimensions';

/** One cell of a tally view in one month: its values (in the view's order) and its two counts. */
export interface TallyCellCounts {
  values: readonly string[];
  clients: number;
  sessions: number;
}

export interface MonthTallies {
  /** YYYY-MM */
  month: string;
  cells: TallyCellCounts[];
}

export interface AgencyTallies {
  /** Months from..to that have a tally, ascending (a month with nothing counted is left out). */
  months: MonthTallies[];
  /**
   * The write time (ISO 8601) of the newest change counted for the agency: every change written
   * before it has been counted. Null when nothing has been counted for the agency yet.
   */
  asOf: string | null;
}

/** What reports read: the agency's tallies, never its clients (issue 15, rule 3). */
export interface ReportTallyReader {
  /** The tallies of `view` for months `from` to `to` inclusive (YYYY-MM), one read per month at most. */
  read(agencyId: string, view: TallyView, from: string, to: string): Promise<AgencyTallies>;
}
