/**
 * The report use case (CONTRACT §11): read the agency's tallies for the months and the view the
 * dimensions need, name the sites that appear, and compose the table. It reads tallies and the site
 * catalog, never a client, so its cost is months × values whatever the agency's size (issue 15).
 */
import type { ReportTallyReader } from '../../ports/report-tallies';
import type { SiteCatalog } from '../../ports/site-catalog';
import type { Caller } from '../caller';
import { viewOf } from './dimensions';
import { anonymousClientReport } from './report';
import type { AnonymousClientReport, ReportQuery } from './report-query';

export interface ReportPorts {
  tallies: ReportTallyReader;
  sites: SiteCatalog;
}

/** Site lookups in flight at once: a report by site names every site the agency served at. */
const PARALLEL_SITE_LOOKUPS = 16;

async function siteNames(siteIds: string[], sites: SiteCatalog): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL_SITE_LOOKUPS, siteIds.length) }, async () => {
      while (next < siteIds.length) {
        const siteId = siteIds[next++] as string;
        const site = await sites.get(siteId);
        // A site gone from the catalog keeps its id as its name rather than hiding the people counted there.
        names.set(siteId, site?.name ?? siteId);
      }
    }),
  );
  return names;
}

export async function reportAnonymousClients(
  query: ReportQuery,
  caller: Caller,
  ports: ReportPorts,
  now: Date,
): Promise<AnonymousClientReport> {
  const view = viewOf(query.by);
  const tallies = await ports.tallies.read(caller.agencyId, view, query.from, query.to);
  const sitePosition = view.indexOf('site');
  const siteIds =
    sitePosition < 0 ? [] : [...new Set(tallies.months.flatMap((month) => month.cells.map((cell) => cell.values[sitePosition] as string)))];
  return anonymousClientReport({
    query,
    agency: { agencyId: caller.agencyId, name: caller.agencyName },
    tallies,
    siteNames: await siteNames(siteIds, ports.sites),
    now,
  });
}
