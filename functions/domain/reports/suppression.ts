/**
 * Small-count suppression for report tables that leave the agency (CONTRACT §11, `suppressBelow=n`):
 * every count from 1 to n − 1 is withheld, and enough other counts and totals with it that no withheld
 * count can be worked out from what is published, by someone who knows this rule, n, every published
 * number, which rows are present (a row is present when its two counts are not both 0) and the shape
 * of the table. docs/reports.md ("Small-count suppression") gives the reasoning;
 * test/unit/report-suppression.test.ts checks it on every small table.
 *
 * Each column (clients, sessions) is a flat list of the present rows' cells plus one grand total: a
 * report publishes no subtotals, so a two-dimension table is as flat as a one-dimension one.
 */

export interface Counts {
  clients: number;
  sessions: number;
}

/** A count, or null where it is withheld. */
export interface PublishedCounts {
  clients: number | null;
  sessions: number | null;
}

const KINDS = ['clients', 'sessions'] as const;

/**
 * The published form of a table's present rows (counts not both 0) and of its grand totals, the sums
 * of the rows. The rule, per column, with n = `below`:
 * 1. every cell from 0 to n − 1 is withheld (a 0 as well: at n = 2 a withheld cell would otherwise be
 *    known to be 1; a 0 in a present row is never small, it is withheld to hide the others);
 * 2. the total T is published only when the table has no rows (T = 0 hides nothing), when no cell is
 *    withheld and T ≥ n, or when T ≥ n, at least 2 cells are withheld and their sum S lies in
 *    max(1, d) ≤ S ≤ m(n − 1) − 1, where m is the column's withheld cells and d the rows with both
 *    counts withheld. The upper bound keeps every withheld cell below its largest value possible,
 *    1 ≤ S keeps it above 0; S ≥ d is what lets the other column's zeros hide: a published S < d would
 *    say some row with both counts withheld has 0 here, so it has ≥ 1 in the other column.
 */
export function suppressSmallCounts(rows: readonly Counts[], below: number): { rows: PublishedCounts[]; totals: PublishedCounts } {
  const withheld = (value: number) => value < below;
  const bothWithheld = rows.filter((row) => withheld(row.clients) && withheld(row.sessions)).length;
  const totals: PublishedCounts = { clients: 0, sessions: 0 };
  for (const kind of KINDS) {
    let total = 0;
    let hidden = 0;
    let hiddenSum = 0;
    for (const row of rows) {
      total += row[kind];
      if (withheld(row[kind])) {
        hidden += 1;
        hiddenSum += row[kind];
      }
    }
    const publish =
      rows.length === 0 ||
      (total >= below &&
        (hidden === 0 || (hidden >= 2 && hiddenSum >= Math.max(1, bothWithheld) && hiddenSum <= hidden * (below - 1) - 1)));
    totals[kind] = publish ? total : null;
  }
  return {
    rows: rows.map((row) => ({
      clients: withheld(row.clients) ? null : row.clients,
      sessions: withheld(row.sessions) ? null : row.sessions,
    })),
    totals,
  };
}
