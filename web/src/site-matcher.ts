/**
 * Type-ahead in the browser over the compact site index (GET /v1/sites/index), with the server's own
 * matching rule: the domain's name-match.ts itself (pure, only normalize.ts behind it, a few KB in
 * the bundle), the rule the reference scan applies, so a name typed here lists the sites
 * `GET /v1/sites?q=` would, in the same order. Pure: no DOM, no I/O.
 */
import { type MatchableName, matchableName, matchableQuery, matchRank } from '../../functions/domain/site-search/name-match';

/** The body of GET /v1/sites/index (CONTRACT §5): active sites, already in search order. */
export interface CompactSiteIndex {
  version: string;
  builtAt: string;
  fields: string[];
  groups: { category: string; group: string }[];
  sites: [siteId: string, name: string, group: number][];
}

export interface MatchedSite {
  siteId: string;
  name: string;
  group: string;
}

export class SiteMatcher {
  readonly version: string;
  private entries: MatchableName[] | undefined;

  constructor(private readonly index: CompactSiteIndex) {
    this.version = index.version;
  }

  /** The first `limit` matches of `q`, best first, and how many there are in all. */
  search(q: string, limit: number): { items: MatchedSite[]; total: number } {
    const query = matchableQuery(q);
    // The index is alphabetical in search order: one bucket per rank keeps ties alphabetical.
    const byRank: number[][] = [[], [], []];
    this.entries ??= this.index.sites.map(([, name]) => matchableName(name));
    this.entries.forEach((entry, position) => {
      const rank = matchRank(entry, query);
      if (rank !== undefined) byRank[rank]!.push(position);
    });
    const ranked = byRank.flat();
    return {
      total: ranked.length,
      items: ranked.slice(0, limit).map((position) => {
        const [siteId, name, group] = this.index.sites[position]!;
        return { siteId, name, group: this.index.groups[group]?.group ?? '' };
      }),
    };
  }

  /** Every active site of one tree leaf (`category` and `group`), in the index's alphabetical order. */
  inGroup(category: string, group: string): MatchedSite[] {
    const position = this.index.groups.findIndex((g) => g.category === category && g.group === group);
    if (position < 0) return [];
    return this.index.sites.filter(([, , g]) => g === position).map(([siteId, name]) => ({ siteId, name, group }));
  }
}
