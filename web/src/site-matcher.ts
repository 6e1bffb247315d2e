/**
 * Type-ahead in the browser over the compact site index (GET /v1/sites/index), with the server's own
 * matching rules: the normalisation is the domain's module itself (pure, no imports, about 2 KB in the
 * bundle), and the ranking follows functions/domain/site-search/naive-scan.ts, so a name typed here
 * lists the sites `GET /v1/sites?q=` would, in the same order. Pure: no DOM, no I/O.
 */
import { isOneTypoPrefix, MIN_TYPO_WORD_LENGTH, normalizeName, queryWords } from '../../functions/domain/site-search/normalize';

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

interface Entry {
  /** The name's words in order, joined by one space: "starts with the query" compares with it. */
  key: string;
  /** The words, then the joined hyphenated compounds. */
  words: string[];
}

export class SiteMatcher {
  readonly version: string;
  private entries: Entry[] | undefined;

  constructor(private readonly index: CompactSiteIndex) {
    this.version = index.version;
  }

  /** The first `limit` matches of `q`, best first, and how many there are in all. */
  search(q: string, limit: number): { items: MatchedSite[]; total: number } {
    const words = queryWords(q);
    const phrase = words.join(' ');
    // The index is alphabetical in search order: one bucket per rank keeps ties alphabetical.
    const byRank: number[][] = [[], [], []];
    this.entries ??= this.index.sites.map(([, name]) => {
      const { words: inOrder, joined } = normalizeName(name);
      return { key: inOrder.join(' '), words: [...inOrder, ...joined] };
    });
    this.entries.forEach((entry, position) => {
      let typo = false;
      for (const word of words) {
        if (entry.words.some((w) => w.startsWith(word))) continue;
        if (word.length >= MIN_TYPO_WORD_LENGTH && entry.words.some((w) => isOneTypoPrefix(word, w))) {
          typo = true;
          continue;
        }
        return;
      }
      byRank[typo ? 2 : entry.key.startsWith(phrase) ? 0 : 1]!.push(position);
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
}
