/** Report routes: how many people the agency served (CONTRACT §11). Part of the route table (functions/api/routes.ts). */
import { AnonymousClientReportSchema, ReportQuerySchema } from '../../domain/reports/report-query';
import type { RouteDefinition } from './route-definition';

export const reportRoutes = [
  {
    operationId: 'getAnonymousClientReport',
    method: 'GET',
    path: '/v1/reports/anonymous-clients',
    handler: 'functions/handlers/get-anonymous-client-report.ts',
    auth: 'jwt',
    roles: ['agency-admin'],
    // The agency's tallies (one Query of a view's months, one GetItem of asOf), and the site catalog
    // for the names of the sites in the rows: never a client (issue 15: O(months × values)).
    access: { table: { reportTally: ['get', 'query'], site: ['get'] } },
    summary: 'Anonymous clients served and their sessions, counted by month, site, gender, status or arrival year',
    description:
      'Agency admins only. Clients are counted by registration month, sessions by service month; a session counts the ' +
      'person as described when it began (a later edit of the profile moves the client, not the session). Counts are kept ' +
      "from the table's stream and trail the records by about a second: `asOf` says up to when they are complete. " +
      'Accept: text/csv answers the same table as CSV (UTF-8 with BOM, labels in the Accept-Language language, a totals row). ' +
      'suppressBelow (2 to 10) is for tables that leave the agency: small counts are null (CSV: "<n") and enough others are ' +
      'withheld that none can be worked out (docs/reports.md).',
    tag: 'Reports',
    query: ReportQuerySchema,
    success: {
      status: 200,
      description: 'The table, in the order of the dimensions; rows whose counts are both 0 are left out.',
      schema: AnonymousClientReportSchema,
      headers: {
        'Content-Disposition': 'With Accept: text/csv, an attachment named anonymous-clients-<from>-<to>.csv.',
        'Content-Language': 'With Accept: text/csv, the language of the CSV labels.',
        Vary: 'Accept, Accept-Language.',
      },
      alternatives: { 'text/csv': 'The same table as CSV: UTF-8 with a BOM, CRLF lines, a header of labels, a last row of totals.' },
    },
  },
] as const satisfies readonly RouteDefinition[];
