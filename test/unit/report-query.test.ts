/**
 * The report's query parameters (CONTRACT §11) as the route pipeline parses them: a good query's
 * typed output, and a 400 naming each bad parameter with its own message in English and French.
 */
import { describe, expect, it } from '@jest/globals';
import { InvalidRequestError } from '../../functions/domain/errors';
import { render } from '../../functions/domain/messages';
import { ReportQuerySchema } from '../../functions/domain/reports/report-query';
import { parseOrThrow } from '../../functions/http/validation';

function errorsOf(query: Record<string, string>, language: 'en' | 'fr' = 'en'): { pointer: string; detail: string }[] {
  try {
    parseOrThrow(ReportQuerySchema, query);
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error;
    return error.errors.map(({ pointer, detail }) => ({ pointer, detail: render(detail, language) }));
  }
  throw new Error(`expected ${JSON.stringify(query)} to be refused`);
}

describe('report query: what it accepts', () => {
  it('parses months, dimensions in the order given, and suppressBelow as a number', () => {
    expect(parseOrThrow(ReportQuerySchema, { from: '2025-04', to: '2026-03', by: 'site,gender', suppressBelow: '5' })).toEqual({
      from: '2025-04',
      to: '2026-03',
      by: ['site', 'gender'],
      suppressBelow: 5,
    });
    expect(parseOrThrow(ReportQuerySchema, { from: '2025-04', to: '2025-04', by: 'gender,month' }).by).toEqual(['gender', 'month']);
  });

  it('reads no by as no dimension and leaves suppressBelow out when absent', () => {
    expect(parseOrThrow(ReportQuerySchema, { from: '2026-01', to: '2026-01' })).toEqual({ from: '2026-01', to: '2026-01', by: [] });
  });

  it('accepts every dimension alone, 60 months exactly, 2000-01 and months still to come', () => {
    for (const by of ['month', 'site', 'gender', 'immigrationStatus', 'arrivalYear'])
      expect(parseOrThrow(ReportQuerySchema, { from: '2026-01', to: '2026-01', by }).by).toEqual([by]);
    expect(parseOrThrow(ReportQuerySchema, { from: '2021-04', to: '2026-03' }).to).toBe('2026-03');
    expect(parseOrThrow(ReportQuerySchema, { from: '2000-01', to: '2000-12' }).from).toBe('2000-01');
    expect(parseOrThrow(ReportQuerySchema, { from: '2030-01', to: '2030-06' }).to).toBe('2030-06');
  });

  it('accepts suppressBelow from 2 to 10', () => {
    expect(parseOrThrow(ReportQuerySchema, { from: '2026-01', to: '2026-01', suppressBelow: '2' }).suppressBelow).toBe(2);
    expect(parseOrThrow(ReportQuerySchema, { from: '2026-01', to: '2026-01', suppressBelow: '10' }).suppressBelow).toBe(10);
  });
});

describe('report query: each bad parameter named with its own message', () => {
  it('requires from and to', () => {
    expect(errorsOf({})).toEqual([
      { pointer: '/from', detail: 'is required' },
      { pointer: '/to', detail: 'is required' },
    ]);
  });

  it.each(['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', '1999-12', 'april', ' 2026-01'])('refuses the month %j', (month) => {
    expect(errorsOf({ from: month, to: '2026-01' })).toEqual([
      { pointer: '/from', detail: 'must be a month written YYYY-MM, from 2000-01' },
    ]);
    expect(errorsOf({ from: '2026-01', to: month })).toEqual([{ pointer: '/to', detail: 'must be a month written YYYY-MM, from 2000-01' }]);
  });

  it('refuses to before from, and more than 60 months, on to', () => {
    expect(errorsOf({ from: '2026-02', to: '2026-01' })).toEqual([{ pointer: '/to', detail: 'must not be before from' }]);
    expect(errorsOf({ from: '2021-04', to: '2026-04' })).toEqual([
      { pointer: '/to', detail: 'must be at most 60 months from from, both months included' },
    ]);
  });

  it.each([
    ['site,foo', 'must be one or two of month, site, gender, immigrationStatus, arrivalYear, separated by a comma'],
    ['Site', 'must be one or two of month, site, gender, immigrationStatus, arrivalYear, separated by a comma'],
    ['site,', 'must be one or two of month, site, gender, immigrationStatus, arrivalYear, separated by a comma'],
    ['site, gender', 'must be one or two of month, site, gender, immigrationStatus, arrivalYear, separated by a comma'],
    ['site,site', 'must not name a dimension twice'],
    ['site,gender,month', 'must name at most 2 dimensions'],
  ])('refuses by=%j', (by, detail) => {
    expect(errorsOf({ from: '2026-01', to: '2026-01', by })).toEqual([{ pointer: '/by', detail }]);
  });

  it.each(['1', '11', '2.5', 'five', '0x5'])('refuses suppressBelow=%j', (suppressBelow) => {
    expect(errorsOf({ from: '2026-01', to: '2026-01', suppressBelow })).toEqual([
      { pointer: '/suppressBelow', detail: 'must be a whole number from 2 to 10' },
    ]);
  });

  it('refuses a parameter the route does not have', () => {
    expect(errorsOf({ from: '2026-01', to: '2026-01', agencyId: 'other' })).toEqual([
      { pointer: '/agencyId', detail: 'is not a field of this request' },
    ]);
  });

  it('names every bad parameter at once, in French too', () => {
    const query = { from: '2026-13', to: '2026-01', by: 'site,site', suppressBelow: '1' };
    expect(errorsOf(query).map((error) => error.pointer)).toEqual(['/from', '/by', '/suppressBelow']);
    expect(errorsOf(query, 'fr')).toEqual([
      { pointer: '/from', detail: 'doit être un mois écrit AAAA-MM, à partir de 2000-01' },
      { pointer: '/by', detail: 'ne doit pas nommer deux fois la même dimension' },
      { pointer: '/suppressBelow', detail: 'doit être un nombre entier de 2 à 10' },
    ]);
    expect(errorsOf({ from: '2020-01', to: '2026-01' }, 'fr')).toEqual([
      { pointer: '/to', detail: 'doit être au plus à 60 mois de from, les deux mois compris' },
    ]);
  });
});
