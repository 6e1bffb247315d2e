/**
 * Calendar dates as staff see them: "today" is the agency's local date, not UTC's. A client met at
 * 21:00 in Toronto on 1 March is registered on 1 March even though it is already 2 March in UTC.
 */

export const DEFAULT_AGENCY_TIME_ZONE = 'America/Toronto';

const formatters = new Map<string, Intl.DateTimeFormat>();

function isoDateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date (`YYYY-MM-DD`) at instant `now` in `timeZone`. */
export function todayIn(timeZone: string, now: Date): string {
  return isoDateFormatter(timeZone).format(now);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    isoDateFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so 2024-02-29 is, 2023-02-29 is not). */
export function isIsoCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
