/**
 * The report's request and answer (CONTRACT §11): the query parameters of
 * GET /v1/reports/anonymous-clients, parsed into months, dimensions and a suppression threshold, and the
 * table it answers with. Both schemas are also the route's OpenAPI description.
 */
import * as z from 'zod';
import { clientZodMessage } from '../client-messages';
import { codesOf, GENDERS, IMMIGRATION_STATUSES } from '../reference-data';
import { MAX_REPORT_DIMENSIONS, REPORT_DIMENSIONS, type ReportDimension } from './dimensions';

/** Anonymous registration dates start in 2000 (EARLIEST_REGISTRATION_DATE): no count can be older. */
export const EARLIEST_REPORT_MONTH = '2000-01';
/** At most five years in one table: 60 months × values stays a small read (issue 15, rule 3). */
export const MAX_REPORT_MONTHS = 60;
export const MIN_SUPPRESS_BELOW = 2;
export const MAX_SUPPRESS_BELOW = 10;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a real month written YYYY-MM, 2000-01 or later. */
export function isReportMonth(value: string): boolean {
  return MONTH.test(value) && value >= EARLIEST_REPORT_MONTH;
}

/** Months from `from` to `to`, both included (1 when they are equal). */
export function monthsBetween(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(to) - index(from) + 1;
}

const monthParameter = (description: string) =>
  z
    .string()
    .refine(isReportMonth, clientZodMessage('field.reportMonth', { earliest: EARLIEST_REPORT_MONTH }))
    .meta({ pattern: MONTH.source, description, example: '2026-04' });

const isDimension = (value: string): value is ReportDimension => (REPORT_DIMENSIONS as readonly string[]).includes(value);

const byParameter = z
  .string()
  .transform((value, ctx): ReportDimension[] => {
    const names = value.split(',');
    if (!names.every(isDimension)) {
      ctx.addIssue({ code: 'custom', message: clientZodMessage('field.reportBy', { dimensions: REPORT_DIMENSIONS.join(', ') }) });
      return z.NEVER;
    }
    if (new Set(names).size !== names.length) {
      ctx.addIssue({ code: 'custom', message: clientZodMessage('field.reportByRepeated') });
      return z.NEVER;
    }
    if (names.length > MAX_REPORT_DIMENSIONS) {
      ctx.addIssue({ code: 'custom', message: clientZodMessage('field.reportByTooMany', { max: MAX_REPORT_DIMENSIONS }) });
      return z.NEVER;
    }
    return names;
  })
  .optional()
  .transform((value) => value ?? [])
  .meta({
    type: 'string',
    description:
      `Zero, one or two of ${REPORT_DIMENSIONS.join(', ')}, separated by a comma, in the order the rows are grouped ` +
      '(by=gender,month: one row per gender and month, genders first). Absent or empty: one row of totals.',
    example: 'site,gender',
  });

const SUPPRESS_RULE = clientZodMessage('field.wholeNumberRange', { min: MIN_SUPPRESS_BELOW, max: MAX_SUPPRESS_BELOW });

export const ReportQuerySchema = z
  .strictObject({
    from: monthParameter('The first month, YYYY-MM (2000-01 or later).'),
    to: monthParameter(
      `The last month, YYYY-MM, included: at most ${MAX_REPORT_MONTHS} months from \`from\`. A month still to come just has no counts.`,
    ),
    by: byParameter,
    // Digits only: Number() would also take " 5", "5.0" or "0x5".
    suppressBelow: z
      .string()
      .regex(/^\d{1,2}$/, SUPPRESS_RULE)
      .transform(Number)
      .pipe(z.int().min(MIN_SUPPRESS_BELOW, SUPPRESS_RULE).max(MAX_SUPPRESS_BELOW, SUPPRESS_RULE))
      .optional()
      .meta({
        type: 'integer',
        minimum: MIN_SUPPRESS_BELOW,
        maximum: MAX_SUPPRESS_BELOW,
        description:
          'For tables that leave the agency: counts from 1 to suppressBelow − 1 are withheld (null), with enough other ' +
          'counts or totals that none can be worked out from the rest.',
      }),
  })
  .superRefine((query, ctx) => {
    // Only two good months can be compared; a bad one already has its own error.
    if (!isReportMonth(query.from) || !isReportMonth(query.to)) return;
    if (query.to < query.from) ctx.addIssue({ code: 'custom', path: ['to'], message: clientZodMessage('field.toNotBeforeFrom') });
    else if (monthsBetween(query.from, query.to) > MAX_REPORT_MONTHS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: clientZodMessage('field.reportSpan', { max: MAX_REPORT_MONTHS }) });
  });

export type ReportQuery = z.output<typeof ReportQuerySchema>;

const count = (what: string) =>
  z
    .int()
    .min(0)
    .nullable()
    .meta({ description: `${what}; null only when withheld by suppressBelow.` });

const CLIENTS = 'Anonymous clients registered (by registration date)';
const SESSIONS = 'Sessions given (by service date)';

export const AnonymousClientReportRowSchema = z
  .object({
    month: z.string().optional().meta({ description: 'YYYY-MM, when the report is by month.' }),
    site: z
      .object({ siteId: z.string(), name: z.string() })
      .optional()
      .meta({ description: 'When the report is by site. A site missing from the catalog shows its id as its name.' }),
    gender: z.enum(codesOf(GENDERS)).optional().meta({ description: 'A gender code from GET /v1/reference-data, when by gender.' }),
    immigrationStatus: z
      .enum(codesOf(IMMIGRATION_STATUSES))
      .optional()
      .meta({ description: 'An immigration status code from GET /v1/reference-data, when by immigration status.' }),
    arrivalYear: z
      .union([z.int(), z.literal('UNKNOWN')])
      .optional()
      .meta({ description: 'Year of arrival in Canada, or "UNKNOWN", when by arrival year.' }),
    clients: count(CLIENTS),
    sessions: count(SESSIONS),
  })
  .meta({
    id: 'AnonymousClientReportRow',
    description: 'One combination of the dimensions of `by`: only their fields are present, then the two counts.',
  });

export const AnonymousClientReportSchema = z
  .object({
    agency: z.object({ agencyId: z.string(), name: z.string() }),
    from: z.string().meta({ description: 'YYYY-MM, as asked.' }),
    to: z.string().meta({ description: 'YYYY-MM, as asked (included).' }),
    by: z.array(z.enum(REPORT_DIMENSIONS)).meta({ description: 'The dimensions of the rows, in the order asked.' }),
    rows: z.array(AnonymousClientReportRowSchema).meta({
      description:
        'Ordered by the first dimension, then the second: months ascending, codes in reference-data order, sites by name, ' +
        'arrival years ascending with UNKNOWN last. Rows whose two counts are both 0 are left out. With no dimension, one row ' +
        '(the totals), or none when nothing was counted.',
    }),
    totals: z
      .object({ clients: count(CLIENTS), sessions: count(SESSIONS) })
      .meta({ description: 'The sums over every row; only this grand total is published, never subtotals.' }),
    suppressBelow: z.int().optional().meta({ description: 'Echoed when asked: counts from 1 to suppressBelow − 1 are withheld.' }),
    asOf: z.string().meta({
      format: 'date-time',
      description:
        'Every change written before this instant is counted. When nothing has been counted for the agency yet, it is the ' +
        'time of the answer and every count is 0.',
    }),
  })
  .meta({ id: 'AnonymousClientReport', description: 'Anonymous clients served and their sessions (CONTRACT §11).' });

export type AnonymousClientReport = z.output<typeof AnonymousClientReportSchema>;
export type AnonymousClientReportRow = z.output<typeof AnonymousClientReportRowSchema>;
