/** GET /v1/reports/anonymous-clients: how many anonymous clients the agency served, as JSON or CSV. */
import { reportRoutes } from '../api/routes/report-routes';
import { routeIn } from '../api/routes/route-definition';
import { type ReportPorts, reportAnonymousClients } from '../domain/reports/report-anonymous-clients';
import { reportCsv } from '../domain/reports/report-csv';
import { preferredMediaType } from '../http/accept';
import { languageHeaders } from '../http/language';
import { httpRoute } from '../http/route-pipeline';
import { storageDependencies } from '../runtime/dependencies';
import { reportTallyReader } from '../runtime/report-dependencies';

const JSON_OR_CSV = ['application/json', 'text/csv'] as const;

export function createGetAnonymousClientReportHandler(
  deps: () => ReportPorts = () => ({ tallies: reportTallyReader(), sites: storageDependencies().sites }),
) {
  return httpRoute(routeIn(reportRoutes, 'getAnonymousClientReport'), async ({ caller, query, headers, language, now }) => {
    const report = await reportAnonymousClients(query, caller, deps(), now);
    // Counts change with every registration: nothing in between may keep a copy.
    const common = { 'cache-control': 'no-store', vary: 'Accept, Accept-Language' };
    if (preferredMediaType(headers.accept, JSON_OR_CSV) === 'text/csv') {
      return {
        status: 200,
        contentType: 'text/csv; charset=utf-8',
        headers: {
          ...common,
          ...languageHeaders(language),
          vary: common.vary,
          'content-disposition': `attachment; filename="anonymous-clients-${query.from}-${query.to}.csv"`,
        },
        encodedBody: { body: reportCsv(report, language), isBase64Encoded: false },
      };
    }
    return { status: 200, body: report, headers: common };
  });
}

export const handler = createGetAnonymousClientReportHandler();
