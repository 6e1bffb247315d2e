/**
 * The CSV receipt: RFC 4180 (CRLF line ends, every field quoted, quotes doubled), UTF-8 with a byte-order
 * mark so spreadsheet programs read accents correctly, a header row of labels in the chosen language
 * and one row of values.
 *
 * Formula injection: a cell that begins with = + - @ (or tab, carriage return, or their full-width
 * forms) would be run as a formula by spreadsheet programs, so it is prefixed with an apostrophe
 * (OWASP's advice). No field of ours is numeric or can begin with these characters except free text
 * (comments, site and agency names) — postal codes begin with a letter, arrival years are positive —
 * so no real value is damaged; a comment that really begins with "-" shows the apostrophe.
 */
import type { ReceiptContext } from './receipt-content';
import { receiptFields } from './receipt-content';

const BOM = '\uFEFF';
const FORMULA_TRIGGERS = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell as written (before quoting): an apostrophe in front of anything a spreadsheet would evaluate. */
export function neutraliseFormula(value: string): string {
  return FORMULA_TRIGGERS.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

export function renderCsvReceipt(context: ReceiptContext): Uint8Array {
  const fields = receiptFields(context, 'iso');
  const header = fields.map((field) => quote(neutraliseFormula(field.label))).join(',');
  const row = fields.map((field) => quote(neutraliseFormula(field.value))).join(',');
  return new TextEncoder().encode(`${BOM}${header}\r\n${row}\r\n`);
}
