/**
 * The reference answer to a site search: a plain linear scan over every active site's normalised
 * name, with the same rules as the index. Tests compare the index against it, and the benchmark
 * times it as the baseline. Not used to serve requests.
 */
import type { Site, SiteCategory } from '../site';
import { type MatchableName, matchableName, matchableQuery, matchRank } from './name-match';
import { compareSites } from './snapshot';

interface ScannedSite extends MatchableName {
  site: Site;
  name: string;
  siteId: string;
}

export class NaiveSiteScan {
  private readonly sites: ScannedSite[];

  constructor(sites: readonly Site[]) {
    this.sites = sites
      .filter((site) => site.active)
      .map((site) => ({ site, ...matchableName(site.name), name: site.name, siteId: site.siteId }))
      .sort(compareSites);
  }

  /** Every match in order, and the rank of each. */
  search(q: string, filter: { categories?: readonly SiteCategory[]; group?: string } = {}): { site: Site; rank: number }[] {
    const query = matchableQuery(q);
    const matches: { site: Site; rank: number }[] = [];
    for (const entry of this.sites) {
      if (filter.categories?.length && !filter.categories.includes(entry.site.category)) continue;
      if (filter.group !== undefined && entry.site.group !== filter.group) continue;
      const rank = matchRank(entry, query);
      if (rank !== undefined) matches.push({ site: entry.site, rank });
    }
    // Stable sort: within a rank the scan order (alphabetical) stays.
    return matches.sort((a, b) => a.rank - b.rank);
  }
}
