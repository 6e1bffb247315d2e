/**
 * The report table composed from tallies (CONTRACT §11): one row per combination of the `by`
 * dimensions in the order asked, rows in the contract's order, months summed away when not asked,
 * rows with nothing counted left out, totals over everything, asOf.
 */
import { describe, expect, it } from '@jest/globals';
import { anonymousClientReport, type ReportInput } from '../../functions/domain/reports/report';
import type { ReportQuery } from '../../functions/domain/reports/report-query';
import { AnonymousClientReportSchema } from '../../functions/domain/reports/report-query';
import type { MonthTallies } from '../../functions/ports/report-tallies';

const AGENCY = { agencyId: 'agency-001', name: 'Northside Settlement Services' };
const NOW = new Date('2026-12-01T12:00:00.000Z');
const AS_OF = '2026-12-01T11:59:58.123Z';
const SITES = new Map([
  ['S-B', 'Beta School'],
  ['S-A2', 'Alpha Centre'],
  ['S-A1', 'Alpha Centre'],
  ['S-E', 'École Sainte-Anne'],
  ['S-Z', 'Zenith Library'],
]);

function report(query: Partial<ReportQuery>, months: MonthTallies[], extra: Partial<ReportInput> = {}) {
  return anonymousClientReport({
    query: { from: '2026-01', to: '2026-03', by: [], ...query },
    agency: AGENCY,
    tallies: { months, asOf: AS_OF },
    siteNames: SITES,
    now: NOW,
    ...extra,
  });
}

const cell = (values: string[], clients: number, sessions: number) => ({ values, clients, sessions });

describe('report composition: rows', () => {
  it('answers the agency, the months, the dimensions and asOf as given, with a row per value', () => {
    const result = report({ by: ['gender'] }, [{ month: '2026-01', cells: [cell(['MALE'], 2, 5), cell(['FEMALE'], 3, 1)] }]);
    expect(result).toEqual({
      agency: AGENCY,
      from: '2026-01',
      to: '2026-03',
      by: ['gender'],
      rows: [
        { gender: 'FEMALE', clients: 3, sessions: 1 },
        { gender: 'MALE', clients: 2, sessions: 5 },
      ],
      totals: { clients: 5, sessions: 6 },
      asOf: AS_OF,
    });
    expect(AnonymousClientReportSchema.parse(result)).toEqual(result);
  });

  it('sums over the months when month is not a dimension', () => {
    const result = report({ by: ['immigrationStatus'] }, [
      { month: '2026-01', cells: [cell(['VISITOR'], 1, 2), cell(['REFUGEE_CLAIMANT'], 4, 0)] },
      { month: '2026-03', cells: [cell(['VISITOR'], 10, 20)] },
    ]);
    expect(result.rows).toEqual([
      { immigrationStatus: 'REFUGEE_CLAIMANT', clients: 4, sessions: 0 },
      { immigrationStatus: 'VISITOR', clients: 11, sessions: 22 },
    ]);
    expect(result.totals).toEqual({ clients: 15, sessions: 22 });
  });

  it('keys rows by the dimensions in the order of by: gender then month, or month then gender', () => {
    const months = [
      { month: '2026-02', cells: [cell(['MALE'], 1, 1), cell(['FEMALE'], 2, 2)] },
      { month: '2026-01', cells: [cell(['MALE'], 3, 3)] },
    ];
    const byGenderThenMonth = report({ by: ['gender', 'month'] }, months);
    expect(byGenderThenMonth.rows).toEqual([
      { gender: 'FEMALE', month: '2026-02', clients: 2, sessions: 2 },
      { gender: 'MALE', month: '2026-01', clients: 3, sessions: 3 },
      { gender: 'MALE', month: '2026-02', clients: 1, sessions: 1 },
    ]);
    expect(Object.keys(byGenderThenMonth.rows[0] as object)).toEqual(['gender', 'month', 'clients', 'sessions']);
    expect(report({ by: ['month', 'gender'] }, months).rows).toEqual([
      { month: '2026-01', gender: 'MALE', clients: 3, sessions: 3 },
      { month: '2026-02', gender: 'FEMALE', clients: 2, sessions: 2 },
      { month: '2026-02', gender: 'MALE', clients: 1, sessions: 1 },
    ]);
  });

  it('reads the view’s values by their canonical position whatever the order of by', () => {
    // viewOf(['arrivalYear', 'site']) is site+arrivalYear: values are [site, year].
    const result = report({ by: ['arrivalYear', 'site'] }, [
      { month: '2026-01', cells: [cell(['S-B', '2019'], 1, 0), cell(['S-A1', 'UNKNOWN'], 0, 4), cell(['S-B', '2004'], 2, 2)] },
    ]);
    expect(result.rows).toEqual([
      { arrivalYear: 2004, site: { siteId: 'S-B', name: 'Beta School' }, clients: 2, sessions: 2 },
      { arrivalYear: 2019, site: { siteId: 'S-B', name: 'Beta School' }, clients: 1, sessions: 0 },
      { arrivalYear: 'UNKNOWN', site: { siteId: 'S-A1', name: 'Alpha Centre' }, clients: 0, sessions: 4 },
    ]);
  });

  it('leaves out rows whose two counts are both 0 over the months, and keeps a row with only sessions', () => {
    // A client moved to another value leaves a 0 cell behind in its month.
    const result = report({ by: ['gender'] }, [
      { month: '2026-01', cells: [cell(['MALE'], 0, 0), cell(['FEMALE'], 0, 3), cell(['UNKNOWN'], 0, 0)] },
      { month: '2026-02', cells: [cell(['UNKNOWN'], 0, 0)] },
    ]);
    expect(result.rows).toEqual([{ gender: 'FEMALE', clients: 0, sessions: 3 }]);
  });

  it('ignores a month outside from..to, should a reader return one', () => {
    const result = report({ by: ['month'], from: '2026-02', to: '2026-02' }, [
      { month: '2026-01', cells: [cell([], 9, 9)] },
      { month: '2026-02', cells: [cell([], 1, 1)] },
      { month: '2026-03', cells: [cell([], 9, 9)] },
    ]);
    expect(result.rows).toEqual([{ month: '2026-02', clients: 1, sessions: 1 }]);
    expect(result.totals).toEqual({ clients: 1, sessions: 1 });
  });
});

describe('report composition: order', () => {
  it('orders months ascending', () => {
    const result = report({ by: ['month'] }, [
      { month: '2026-03', cells: [cell([], 1, 0)] },
      { month: '2026-01', cells: [cell([], 1, 0)] },
      { month: '2026-02', cells: [cell([], 1, 0)] },
    ]);
    expect(result.rows.map((row) => row.month)).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('orders genders and statuses as reference data lists them, retired codes after, by code', () => {
    const genders = report({ by: ['gender'] }, [
      {
        month: '2026-01',
        cells: ['UNKNOWN', 'X_OLD', 'PREFER_NOT_TO_SAY', 'MALE', 'A_OLD', 'GENDER_DIVERSE', 'FEMALE'].map((code) => cell([code], 1, 1)),
      },
    ]);
    expect(genders.rows.map((row) => row.gender)).toEqual([
      'FEMALE',
      'MALE',
      'GENDER_DIVERSE',
      'PREFER_NOT_TO_SAY',
      'UNKNOWN',
      'A_OLD',
      'X_OLD',
    ]);
    const statuses = report({ by: ['immigrationStatus'] }, [
      { month: '2026-01', cells: ['UNKNOWN', 'CUAET', 'PERMANENT_RESIDENT', 'OTHER', 'VISITOR'].map((code) => cell([code], 1, 1)) },
    ]);
    expect(statuses.rows.map((row) => row.immigrationStatus)).toEqual(['PERMANENT_RESIDENT', 'VISITOR', 'CUAET', 'OTHER', 'UNKNOWN']);
  });

  it('orders sites by name as people read it (accents and case aside), then by id; an unknown site shows its id', () => {
    const result = report({ by: ['site'] }, [
      { month: '2026-01', cells: ['S-Z', 'S-E', 'S-A2', 'S-B', 'S-A1', 'S-GONE'].map((siteId) => cell([siteId], 1, 1)) },
    ]);
    expect(result.rows.map((row) => row.site)).toEqual([
      { siteId: 'S-A1', name: 'Alpha Centre' },
      { siteId: 'S-A2', name: 'Alpha Centre' },
      { siteId: 'S-B', name: 'Beta School' },
      { siteId: 'S-E', name: 'École Sainte-Anne' },
      { siteId: 'S-GONE', name: 'S-GONE' },
      { siteId: 'S-Z', name: 'Zenith Library' },
    ]);
  });

  it('orders arrival years ascending, UNKNOWN last, as numbers', () => {
    const result = report({ by: ['arrivalYear'] }, [
      { month: '2026-01', cells: ['UNKNOWN', '2019', '1999', '2024'].map((year) => cell([year], 1, 1)) },
    ]);
    expect(result.rows.map((row) => row.arrivalYear)).toEqual([1999, 2019, 2024, 'UNKNOWN']);
  });

  it('orders by the first dimension, then the second', () => {
    const result = report({ by: ['site', 'gender'] }, [
      { month: '2026-01', cells: [cell(['S-B', 'MALE'], 1, 1), cell(['S-A1', 'MALE'], 1, 1), cell(['S-B', 'FEMALE'], 1, 1)] },
    ]);
    expect(result.rows.map((row) => `${row.site?.name}/${row.gender}`)).toEqual([
      'Alpha Centre/MALE',
      'Beta School/FEMALE',
      'Beta School/MALE',
    ]);
  });
});

describe('report composition: no dimension, totals, asOf, suppression', () => {
  it('answers one row that is the totals when by is empty, summed over the months', () => {
    const result = report({}, [
      { month: '2026-01', cells: [cell([], 3, 4)] },
      { month: '2026-02', cells: [cell([], 2, 0)] },
    ]);
    expect(result.rows).toEqual([{ clients: 5, sessions: 4 }]);
    expect(result.totals).toEqual({ clients: 5, sessions: 4 });
  });

  it('answers no rows and zero totals, as of now, when nothing was counted', () => {
    const result = anonymousClientReport({
      query: { from: '2026-01', to: '2026-03', by: [] },
      agency: AGENCY,
      tallies: { months: [], asOf: null },
      siteNames: SITES,
      now: NOW,
    });
    expect(result.rows).toEqual([]);
    expect(result.totals).toEqual({ clients: 0, sessions: 0 });
    expect(result.asOf).toBe('2026-12-01T12:00:00.000Z');
    expect(result).not.toHaveProperty('suppressBelow');
  });

  it('totals every cell of a two-dimension table (no subtotals are published)', () => {
    const result = report({ by: ['month', 'site'] }, [
      { month: '2026-01', cells: [cell(['S-B'], 1, 2), cell(['S-A1'], 3, 4)] },
      { month: '2026-02', cells: [cell(['S-B'], 5, 6)] },
    ]);
    expect(result.rows).toHaveLength(3);
    expect(result.totals).toEqual({ clients: 9, sessions: 12 });
    expect(Object.keys(result)).toEqual(['agency', 'from', 'to', 'by', 'rows', 'totals', 'asOf']);
  });

  it('applies suppressBelow to rows and totals and echoes it', () => {
    const result = report({ by: ['gender'], suppressBelow: 3 }, [
      { month: '2026-01', cells: [cell(['FEMALE'], 10, 2), cell(['MALE'], 12, 30)] },
    ]);
    expect(result.rows).toEqual([
      { gender: 'FEMALE', clients: 10, sessions: null },
      { gender: 'MALE', clients: 12, sessions: 30 },
    ]);
    expect(result.totals).toEqual({ clients: 22, sessions: null });
    expect(result.suppressBelow).toBe(3);
    expect(AnonymousClientReportSchema.parse(result)).toEqual(result);
  });
});
