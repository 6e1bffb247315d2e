/**
 * The report table as CSV (CONTRACT §11, `Accept: text/csv`): UTF-8 with a byte-order mark so
 * spreadsheet programs read accents correctly, CRLF line ends, RFC 4180 quoting (a field is quoted
 * when it holds a comma, a quote or a line break). A header of labels in the chosen language, one
 * column per dimension in `by` order with codes written as labels, then Clients and Sessions; a count
 * withheld by suppressBelow=n is written `<n`. The last row holds the totals, `Total` in its first
 * column. A table with no dimension has one empty-headed label column, so it is the header and that
 * totals row alone.
 *
 * Site names come from an imported catalog: a cell a spreadsheet would run as a formula gets a
 * leading apostrophe (the receipts' rule, csv-receipt.ts).
 */
import type { Language } from '../messages';
import { neutraliseFormula } from '../receipts/csv-receipt';
import type { ReportDimension } from './dimensions';
import { genderLabel, immigrationStatusLabel, REPORT_LABELS, type ReportLabels } from './report-labels';
import type { AnonymousClientReport, AnonymousClientReportRow } from './report-query';

const BOM = '\uFEFF';

function field(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function dimensionCell(dimension: ReportDimension, row: AnonymousClientReportRow, language: Language, labels: ReportLabels): string {
  switch (dimension) {
    case 'month':
      return row.month ?? '';
    case 'site':
      return row.site?.name ?? '';
    case 'gender':
      return row.gender === undefined ? '' : genderLabel(row.gender, language);
    case 'immigrationStatus':
      return row.immigrationStatus === undefined ? '' : immigrationStatusLabel(row.immigrationStatus, language);
    case 'arrivalYear':
      return row.arrivalYear === undefined ? '' : row.arrivalYear === 'UNKNOWN' ? labels.unknownYear : String(row.arrivalYear);
  }
}

/** The report as a CSV document in `language`. */
export function reportCsv(report: AnonymousClientReport, language: Language): string {
  const labels = REPORT_LABELS[language];
  const count = (value: number | null) => (value === null ? `<${report.suppressBelow ?? ''}` : String(value));
  const lines: string[][] = [];
  if (report.by.length === 0) {
    lines.push(['', labels.clients, labels.sessions]);
  } else {
    lines.push([...report.by.map((dimension) => labels.dimensions[dimension]), labels.clients, labels.sessions]);
    for (const row of report.rows)
      lines.push([
        ...report.by.map((dimension) => dimensionCell(dimension, row, language, labels)),
        count(row.clients),
        count(row.sessions),
      ]);
  }
  const padding = Array.from({ length: Math.max(report.by.length - 1, 0) }, () => '');
  lines.push([labels.total, ...padding, count(report.totals.clients), count(report.totals.sessions)]);
  return BOM + lines.map((cells) => cells.map(field).join(',') + '\r\n').join('');
}
