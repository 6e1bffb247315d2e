/**
 * The site catalog as a CSV file (CONTRACT §5): what operators upload and what `sites:generate` writes.
 *
 * Parsing never throws for bad input: it reports every problem it finds (up to a cap) with the
 * 1-based physical line of the file (header = line 1, a quoted field spanning lines counts every
 * line) and the column, so an operator can fix a spreadsheet in one pass. Pure: no fs, no AWS.
 */
import type { CsvError } from 'csv-parse/sync';
import { parse } from 'csv-parse/sync';
import type { Site } from './site';
import { SITE_CSV_COLUMNS, SiteSchema } from './site';

export interface SiteCatalogCsvError {
  /** 1-based physical line of the file; the header is line 1. For a row, the line it starts on. */
  line: number;
  /** The column concerned, when there is one. */
  field?: string;
  message: string;
}

export type SiteCatalogCsvResult = { ok: true; sites: Site[] } | { ok: false; errors: SiteCatalogCsvError[] };

/** At most this many errors are listed; one more entry then says how many were left out. */
export const MAX_REPORTED_ERRORS = 1_000;

/** `onProgress` is called after every this many data rows (and once more with the final count). */
export const PROGRESS_EVERY_ROWS = 1_000;

const ACTIVE_VALUES: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['1', true],
  ['0', false],
]);

const HEADER_TEXT = SITE_CSV_COLUMNS.join(',');
const LF = 0x0a;
const CR = 0x0d;

/**
 * Parses and validates a whole catalog file. `onProgress(rowsRead)` is called every
 * {@link PROGRESS_EVERY_ROWS} data rows and once at the end with the total (if not already reported).
 */
export function parseSiteCatalogCsv(bytes: Uint8Array, onProgress?: (rowsRead: number) => void): SiteCatalogCsvResult {
  const errors = new ErrorList();

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, errors: [notUtf8Error(bytes)] };
  }
  // The decoder already drops a leading BOM (ignoreBOM is false); drop its bytes too so the byte
  // offsets csv-parse reports line up with `body`.
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;

  if (text.trim() === '') {
    return { ok: false, errors: [{ line: 1, message: `the file is empty; expected a header row "${HEADER_TEXT}" and one row per site` }] };
  }

  const lines = new LineIndex(body);
  const sites: Site[] = [];
  const firstLineOfId = new Map<string, number>();
  let headerChecked = false;
  let headerOk = false;
  let rowsRead = 0;
  let lastReported = 0;

  const onRecord = (record: string[], context: { bytes: number }): null => {
    // The record ends at context.bytes (its line break included); it starts as many line breaks
    // earlier as its quoted fields contain.
    const endLine = lines.lineOf(Math.max(0, context.bytes - 1));
    const line = endLine - record.reduce((n, value) => n + countLineBreaks(value), 0);

    if (!headerChecked) {
      headerChecked = true;
      headerOk = checkHeader(record, errors);
      return null;
    }
    if (!headerOk) return null;
    if (record.length === 1 && record[0] === '') return null; // a blank line

    rowsRead += 1;
    if (onProgress && rowsRead % PROGRESS_EVERY_ROWS === 0) {
      lastReported = rowsRead;
      onProgress(rowsRead);
    }

    const site = validateRow(record, line, errors);
    const siteId = record[0] ?? '';
    if (siteId !== '' && record.length === SITE_CSV_COLUMNS.length) {
      const earlier = firstLineOfId.get(siteId);
      if (earlier === undefined) {
        firstLineOfId.set(siteId, line);
      } else {
        errors.add({ line, field: 'siteId', message: `duplicate siteId "${siteId}": already used on line ${earlier}` });
        return null;
      }
    }
    if (site) sites.push(site);
    return null;
  };

  try {
    parse(body, {
      relax_column_count: true,
      skip_records_with_error: true,
      on_skip: (err: CsvError | undefined) => {
        if (err) errors.add(syntaxError(err, lines));
        return undefined;
      },
      on_record: onRecord,
    });
  } catch (err) {
    // csv-parse skips malformed records itself; anything else it still throws is reported, not rethrown.
    errors.add(syntaxError(err as CsvError, lines));
  }

  if (onProgress && rowsRead > 0 && lastReported !== rowsRead) onProgress(rowsRead);

  if (headerOk && rowsRead === 0 && errors.size === 0) {
    errors.add({ line: 1, message: 'the file has a header row but no sites' });
  }
  if (errors.size > 0) return { ok: false, errors: errors.toArray() };
  return { ok: true, sites };
}

/** The catalog as RFC 4180 CSV: header row, every row ending in LF, fields quoted only when needed. */
export function sitesToCsv(sites: readonly Site[]): string {
  const rows: string[] = [HEADER_TEXT];
  for (const site of sites) {
    rows.push(
      [site.siteId, site.name, site.category, site.group, site.address, site.city, site.postalCode, site.active ? 'true' : 'false']
        .map(csvField)
        .join(','),
    );
  }
  return rows.join('\n') + '\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function checkHeader(record: string[], errors: ErrorList): boolean {
  const found = record.map((name) => name.trim());
  const expected: readonly string[] = SITE_CSV_COLUMNS;
  if (found.length === expected.length && found.every((name, i) => name === expected[i])) return true;
  if (found.length === 1 && found[0] === '') {
    errors.add({ line: 1, message: `line 1 is blank; the first line must be the header row "${HEADER_TEXT}"` });
    return false;
  }

  let reported = false;
  const seen = new Set<string>();
  for (const name of found) {
    if (seen.has(name) && expected.includes(name)) {
      errors.add({ line: 1, field: name, message: `column "${name}" appears more than once` });
      reported = true;
    }
    seen.add(name);
  }
  for (const name of expected) {
    if (!seen.has(name)) {
      errors.add({ line: 1, field: name, message: `missing column "${name}"` });
      reported = true;
    }
  }
  for (const name of new Set(found)) {
    if (expected.includes(name)) continue;
    const likely = expected.find((e) => e.toLowerCase() === name.toLowerCase());
    if (name === '') {
      errors.add({ line: 1, message: 'a column has no name (is there an extra comma at the end of the header?)' });
    } else {
      const label = `unknown column "${name}"`;
      errors.add({
        line: 1,
        field: name,
        message: likely ? `${label} (column names are case-sensitive: did you mean "${likely}"?)` : label,
      });
    }
    reported = true;
  }
  if (!reported) {
    errors.add({ line: 1, message: `the columns are in the wrong order: expected "${HEADER_TEXT}"` });
  }
  return false;
}

function validateRow(record: string[], line: number, errors: ErrorList): Site | undefined {
  if (record.length !== SITE_CSV_COLUMNS.length) {
    errors.add({
      line,
      message: `this row has ${record.length} field${record.length === 1 ? '' : 's'}; expected ${SITE_CSV_COLUMNS.length} (${HEADER_TEXT})`,
    });
    return undefined;
  }
  const row: Record<string, unknown> = {};
  SITE_CSV_COLUMNS.forEach((column, i) => {
    row[column] = record[i];
  });

  const activeText = String(row.active);
  const active = ACTIVE_VALUES.get(activeText.trim().toLowerCase());
  let ok = true;
  if (active === undefined) {
    errors.add({ line, field: 'active', message: `must be true or false (yes/no and 1/0 are also accepted)${got(activeText)}` });
    ok = false;
  }
  // Validate the other columns even when `active` is wrong so one pass finds every problem.
  const result = SiteSchema.safeParse({ ...row, active: active ?? false });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
      const value = field !== undefined ? row[field] : undefined;
      errors.add({
        line,
        ...(field !== undefined ? { field } : {}),
        message: `${issue.message}${typeof value === 'string' ? got(value) : ''}`,
      });
    }
    return undefined;
  }
  return ok ? result.data : undefined;
}

function got(value: string): string {
  if (value.trim() === '') return '';
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return ` (got ${JSON.stringify(shown)})`;
}

function syntaxError(err: CsvError | undefined, lines: LineIndex): SiteCatalogCsvError {
  const context = err as (CsvError & { bytes?: number; lines?: number }) | undefined;
  const line = typeof context?.bytes === 'number' ? lines.lineOf(context.bytes) : typeof context?.lines === 'number' ? context.lines : 1;
  switch (context?.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { line, message: 'a quoted field is never closed: a closing " is missing somewhere from this line on' };
    case 'INVALID_OPENING_QUOTE':
      return {
        line,
        message: 'a " inside a field that does not start with "; put the whole field in quotes and double the " inside it ("")',
      };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { line, message: 'text follows the closing " of a quoted field; a " inside a quoted field must be doubled ("")' };
    default:
      return { line, message: `the file is not valid CSV: ${context?.message ?? String(err)}` };
  }
}

/** The error for a file that is not UTF-8, naming the line of the first byte that is not. */
function notUtf8Error(bytes: Uint8Array): SiteCatalogCsvError {
  const bad = firstInvalidUtf8Offset(bytes);
  const advice = 'save it as "CSV UTF-8" and upload it again (a plain "CSV" export from Excel, Latin-1 or Windows-1252, is not accepted)';
  if (bad === undefined) return { line: 1, message: `the file is not UTF-8 text; ${advice}` };
  const line = new LineIndex(bytes).lineOf(bad);
  const hex = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return { line, message: `the file is not UTF-8 text (byte 0x${hex} on this line is not valid UTF-8); ${advice}` };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (as TextDecoder judges). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return undefined;
}

/** Line breaks (CRLF, LF or a lone CR) in a string, as an editor would count them. */
function countLineBreaks(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c === LF || (c === CR && value.charCodeAt(i + 1) !== LF)) n += 1;
  }
  return n;
}

/** Maps byte offsets to 1-based physical line numbers (CRLF, LF and a lone CR each end a line). */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(bytes: Uint8Array) {
    for (let i = 0; i < bytes.length; i += 1) {
      const b = bytes[i];
      if (b === LF || (b === CR && bytes[i + 1] !== LF)) this.starts.push(i + 1);
    }
  }

  lineOf(offset: number): number {
    // Number of line starts at or before `offset`.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(1, lo);
  }
}

class ErrorList {
  private readonly items: SiteCatalogCsvError[] = [];
  private omitted = 0;
  private firstOmittedLine = 0;

  get size(): number {
    return this.items.length + this.omitted;
  }

  add(error: SiteCatalogCsvError): void {
    // csv-parse can report the same malformed record twice.
    const last = this.items[this.items.length - 1];
    if (last && last.line === error.line && last.field === error.field && last.message === error.message) return;
    if (this.items.length < MAX_REPORTED_ERRORS) {
      this.items.push(error);
      return;
    }
    if (this.omitted === 0) this.firstOmittedLine = error.line;
    this.omitted += 1;
  }

  toArray(): SiteCatalogCsvError[] {
    const sorted = this.items
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.line - b.e.line || a.i - b.i)
      .map(({ e }) => e);
    if (this.omitted > 0) {
      sorted.push({
        line: this.firstOmittedLine,
        message: `... and ${this.omitted} more error${this.omitted === 1 ? '' : 's'} not listed`,
      });
    }
    return sorted;
  }
}
