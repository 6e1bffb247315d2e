/**
 * The reference answer to a site search: a plain linear scan over every active site's normalised
 * name, with the same rules as the index. Tests compare the index against it, and the benchmark
 * times it as the baseline. Not used to serve requests.
 */
import type { Site, SiteCategory } from '../site';
import { isOneTypoPrefix, MIN_TYPO_WORD_LENGTH, normalizeName, queryWords } from './normalize';
import { compareSites } from './snapshot';
import { RANK_STARTS_WITH, RANK_TYPO, RANK_WORD_PREFIX } from './site-search-index';

interface ScannedSite {
  site: Site;
  key: string;
  words: string[];
  name: string;
  siteId: string;
}

export class NaiveSiteScan {
  private readonly sites: ScannedSite[];

  constructor(sites: readonly Site[]) {
    this.sites = sites
      .filter((site) => site.active)
      .map((site) => {
        const { words, joined } = normalizeName(site.name);
        return { site, key: words.join(' '), words: [...words, ...joined], name: site.name, siteId: site.siteId };
      })
      .sort(compareSites);
  }

  /** Every match in order, and the rank of each. */
  search(q: string, filter: { categories?: readonly SiteCategory[]; group?: string } = {}): { site: Site; rank: number }[] {
    const words = queryWords(q);
    const phrase = words.join(' ');
    const matches: { site: Site; rank: number }[] = [];
    for (const entry of this.sites) {
      if (filter.categories?.length && !filter.categories.includes(entry.site.category)) continue;
      if (filter.group !== undefined && entry.site.group !== filter.group) continue;
      let typo = false;
      let all = true;
      for (const word of words) {
        if (entry.words.some((w) => w.startsWith(word))) continue;
        if (word.length >= MIN_TYPO_WORD_LENGTH && entry.words.some((w) => isOneTypoPrefix(word, w))) {
          typo = true;
          continue;
        }
        all = false;
        break;
      }
      if (!all) continue;
      const rank = typo ? RANK_TYPO : entry.key.startsWith(phrase) ? RANK_STARTS_WITH : RANK_WORD_PREFIX;
      matches.push({ site: entry.site, rank });
    }
    // Stable sort: within a rank the scan order (alphabetical) stays.
    return matches.sort((a, b) => a.rank - b.rank);
  }
}
