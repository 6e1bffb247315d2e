/**
 * The report as CSV (CONTRACT §11): BOM, CRLF, RFC 4180 quoting, labels in English and French, codes
 * written as labels, `<n` for withheld counts, a last row of totals, and no cell a spreadsheet would
 * run as a formula. Parsed back with csv-parse, as a spreadsheet program would read it.
 */
import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { anonymousClientReport } from '../../functions/domain/reports/report';
import { reportCsv } from '../../functions/domain/reports/report-csv';
import type { AnonymousClientReport, ReportQuery } from '../../functions/domain/reports/report-query';
import type { MonthTallies } from '../../functions/ports/report-tallies';

const AGENCY = { agencyId: 'agency-001', name: 'Northside Settlement Services' };

function report(query: Partial<ReportQuery>, months: MonthTallies[], siteNames = new Map<string, string>()): AnonymousClientReport {
  return anonymousClientReport({
    query: { from: '2026-01', to: '2026-03', by: [], ...query },
    agency: AGENCY,
    tallies: { months, asOf: '2026-12-01T11:00:00.000Z' },
    siteNames,
    now: new Date('2026-12-01T12:00:00.000Z'),
  });
}

/** The CSV's records as a spreadsheet would read them (the BOM checked and taken off first). */
function read(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parse(csv.slice(1), { relaxColumnCount: false }) as string[][];
}

const cell = (values: string[], clients: number, sessions: number) => ({ values, clients, sessions });

describe('report CSV', () => {
  const byStatusAndYear = report({ by: ['immigrationStatus', 'arrivalYear'] }, [
    {
      month: '2026-01',
      cells: [cell(['REFUGEE_CLAIMANT', '2024'], 3, 7), cell(['REFUGEE_CLAIMANT', 'UNKNOWN'], 1, 0), cell(['CUAET', '2022'], 2, 2)],
    },
  ]);

  it('writes a BOM, CRLF line ends, a header of English labels, codes as labels and a totals row', () => {
    const csv = reportCsv(byStatusAndYear, 'en');
    expect(csv.split('\r\n').at(-1)).toBe('');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(read(csv)).toEqual([
      ['Immigration status', 'Arrival year', 'Clients', 'Sessions'],
      ['Refugee claimant', '2024', '3', '7'],
      ['Refugee claimant', 'Unknown', '1', '0'],
      ['CUAET (Canada-Ukraine authorization for emergency travel)', '2022', '2', '2'],
      ['Total', '', '6', '9'],
    ]);
  });

  it('writes French labels, the French labels of codes, and Séances', () => {
    expect(read(reportCsv(byStatusAndYear, 'fr'))).toEqual([
      ["Statut d'immigration", "Année d'arrivée", 'Clients', 'Séances'],
      ["Demandeur d'asile", '2024', '3', '7'],
      ["Demandeur d'asile", 'Inconnu', '1', '0'],
      ["AVUCU (Autorisation de voyage d'urgence Canada-Ukraine)", '2022', '2', '2'],
      ['Total', '', '6', '9'],
    ]);
  });

  it('writes months as YYYY-MM, genders as labels, in the order of by', () => {
    const csv = reportCsv(
      report({ by: ['month', 'gender'] }, [{ month: '2026-02', cells: [cell(['GENDER_DIVERSE'], 1, 2), cell(['FEMALE'], 3, 4)] }]),
      'fr',
    );
    expect(read(csv)).toEqual([
      ['Mois', 'Genre', 'Clients', 'Séances'],
      ['2026-02', 'Femme', '3', '4'],
      ['2026-02', 'Diversité de genre', '1', '2'],
      ['Total', '', '4', '6'],
    ]);
  });

  it('writes withheld counts as <n, in rows and totals', () => {
    const suppressed = report({ by: ['gender'], suppressBelow: 5 }, [
      { month: '2026-01', cells: [cell(['FEMALE'], 40, 3), cell(['MALE'], 25, 30)] },
    ]);
    expect(read(reportCsv(suppressed, 'en'))).toEqual([
      ['Gender', 'Clients', 'Sessions'],
      ['Female', '40', '<5'],
      ['Male', '25', '30'],
      ['Total', '65', '<5'],
    ]);
  });

  it('writes a table with no dimension as a header over one row of totals', () => {
    const csv = reportCsv(report({}, [{ month: '2026-01', cells: [cell([], 12, 30)] }]), 'fr');
    expect(read(csv)).toEqual([
      ['', 'Clients', 'Séances'],
      ['Total', '12', '30'],
    ]);
    expect(read(reportCsv(report({ by: ['site'] }, []), 'en'))).toEqual([
      ['Site', 'Clients', 'Sessions'],
      ['Total', '0', '0'],
    ]);
  });

  it('quotes site names with commas, quotes and line breaks, and defuses names a spreadsheet would run', () => {
    const names = new Map([
      ['S1', 'Centre "Nord", Ottawa'],
      ['S2', '=HYPERLINK("http://evil.example","click")'],
      ['S3', '+1 Services'],
      ['S4', '@SUM(A1)'],
      ['S5', '-Annex'],
      ['S6', 'Two\nLines'],
    ]);
    const csv = reportCsv(
      report(
        { by: ['site'] },
        [{ month: '2026-01', cells: ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'].map((site) => cell([site], 1, 1)) }],
        names,
      ),
      'en',
    );
    expect(csv).toContain('"Centre ""Nord"", Ottawa"');
    const sites = read(csv)
      .slice(1, -1)
      .map((record) => record[0]);
    expect(sites).toEqual(
      expect.arrayContaining([
        'Centre "Nord", Ottawa',
        '\'=HYPERLINK("http://evil.example","click")',
        "'+1 Services",
        "'@SUM(A1)",
        "'-Annex",
        'Two\nLines',
      ]),
    );
    expect(sites.filter((name) => /^[=+\-@]/.test(name ?? ''))).toEqual([]);
  });
});
