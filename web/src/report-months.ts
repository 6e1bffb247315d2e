/**
 * Months as the Reports page uses them (YYYY-MM), and the agencies' fiscal year: April to March,
 * named by its two calendar years ("2026–27" runs from 2026-04 to 2027-03), in quarters Q1 April–June,
 * Q2 July–September, Q3 October–December, Q4 January–March. Pure: no DOM, no clock (today is passed in).
 */

export interface MonthRange {
  from: string;
  to: string;
}

/** April: the first month of a fiscal year. */
const FIRST_FISCAL_MONTH = 4;

const pad = (month: number) => String(month).padStart(2, '0');

/** The month of a YYYY-MM-DD (or YYYY-MM) day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The year a fiscal year starts in (its April), for any month in it. */
export function fiscalYearOf(month: string): number {
  const [year, monthNumber] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return monthNumber >= FIRST_FISCAL_MONTH ? year : year - 1;
}

/** "2026–27" (an en dash, as agencies write it) for the fiscal year starting in April 2026. */
export function fiscalYearLabel(startYear: number): string {
  return `${startYear}–${pad((startYear + 1) % 100)}`;
}

/** The twelve months of the fiscal year starting in April of `startYear`. */
export function fiscalYearRange(startYear: number): MonthRange {
  return { from: `${startYear}-${pad(FIRST_FISCAL_MONTH)}`, to: `${startYear + 1}-${pad(FIRST_FISCAL_MONTH - 1)}` };
}

/** Quarter 1 to 4 of the fiscal year starting in April of `startYear`. */
export function fiscalQuarterRange(startYear: number, quarter: 1 | 2 | 3 | 4): MonthRange {
  const first = FIRST_FISCAL_MONTH + (quarter - 1) * 3;
  const start = addMonths(`${startYear}-${pad(FIRST_FISCAL_MONTH)}`, first - FIRST_FISCAL_MONTH);
  return { from: start, to: addMonths(start, 2) };
}

/** From the fiscal year's April to the month of `today` (YYYY-MM-DD): the page's default. */
export function fiscalYearToDate(today: string): MonthRange {
  const month = monthOf(today);
  return { from: fiscalYearRange(fiscalYearOf(month)).from, to: month };
}

/** `month` moved by `count` months (negative goes back). */
export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Every month from `from` to `to`, inclusive, ascending (none when `to` is before `from`). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/**
 * A month as typed, made YYYY-MM where it clearly is one: digits alone (`202604`), other separators
 * (`2026/04`, `2026 4`, `2026.4`) or a one-digit month (`2026-4`), as the forms forgive dates typed on
 * a phone's keypad. Anything else is left as typed (trimmed), for the API to refuse beside the field.
 */
export function normalizeMonth(typed: string): string {
  const text = typed.trim();
  const match = /^(\d{4})(?:[-/. ]?(\d{2})|[-/. ](\d))$/.exec(text);
  if (!match) return text;
  return `${match[1]}-${match[2] ?? pad(Number(match[3]))}`;
}
