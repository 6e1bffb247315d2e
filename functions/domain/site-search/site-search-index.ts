/**
 * The in-memory site-search index, built from one snapshot and never changed afterwards: a request
 * that holds it sees one catalog from start to end. Pure and synchronous; no I/O, no logging.
 *
 * Structure: the active sites in search order (their position is their "ordinal", so sorting matches
 * alphabetically is sorting numbers); a sorted dictionary of every normalised word, so the words
 * starting with a prefix are one contiguous range found by binary search; for each word the ordinals
 * of the sites using it (postings); and for each site the ids of its words, so checking a query word
 * against a candidate is a few integer comparisons.
 *
 * Matching (docs/site-search.md): every query word must be a prefix of a word of the name (any
 * order), or, for query words of 5+ characters, one edit away from such a prefix. Ranks: 0 the name
 * starts with the query, 1 every word matched as a prefix, 2 some word needed its typo; then
 * alphabetical. Typo words are found by looking up each one-edit variant of the query word as a
 * prefix, which touches a few hundred dictionary entries instead of all of them.
 */
import type { Site, SiteCategory } from '../site';
import { RANK_STARTS_WITH, RANK_TYPO, RANK_WORD_PREFIX } from './name-match';
import { MIN_TYPO_WORD_LENGTH, queryWords, sortKeyOf } from './normalize';
import type { SnapshotColumns } from './snapshot';

/** Where a page ended: the next page starts after this match. Stable across index versions. */
export interface SearchPosition {
  rank: number;
  sortKey: string;
  siteId: string;
}

export interface SiteSearchQuery {
  q?: string;
  /** Any of these categories (none: all). */
  categories?: readonly SiteCategory[];
  /** Exactly this group (school board, area or network). */
  group?: string;
  limit: number;
  after?: SearchPosition;
}

export interface SiteSearchResult {
  items: Site[];
  /** Every match, on every page. */
  total: number;
  /** Set when more matches follow this page. */
  next?: SearchPosition;
}

export interface TreeNode {
  key: string;
  label: { en: string; fr: string };
  count: number;
  children?: TreeNode[];
}

/** The tree's top nodes: which categories each holds, and how it is called. */
export const TREE_TOP_NODES = [
  { key: 'SCHOOLS', label: { en: 'Schools', fr: 'Écoles' }, categories: ['SCHOOL'] },
  {
    key: 'NON_SCHOOLS_OR_RECEPTION_CENTRES',
    label: { en: 'Non-schools or Reception Centres', fr: "Non-écoles ou centres d'accueil" },
    categories: ['NON_SCHOOL', 'RECEPTION_CENTRE'],
  },
] as const satisfies readonly { key: string; label: { en: string; fr: string }; categories: readonly SiteCategory[] }[];

/** A tree child's key: `<category>:<group>`; list its sites with `?category=<category>&group=<group>`. */
export function groupNodeKey(category: SiteCategory, group: string): string {
  return `${category}:${group}`;
}

interface Term {
  lo: number;
  hi: number;
  /** Stamp marking this term's typo words in `typoMarks[slot]`, 0 when the word gets no typo. */
  typoStamp: number;
  slot: number;
  typoWords: number[];
  cost: number;
}

const MAX_LISTING_CACHE = 128;
/**
 * Matches of a query with at least this many are kept (per index, least recently used out first):
 * only short prefixes ("s", "sch") match that many, they are few, and type-ahead repeats them.
 */
export const CACHED_MATCH_THRESHOLD = 4_096;
const MAX_MATCH_CACHE = 64;
const SENTINEL = '\uffff';

export class SiteSearchIndex {
  readonly size: number;
  readonly builtAt: string;
  readonly source: string;
  readonly groups: readonly { category: SiteCategory; group: string }[];

  private readonly siteId: string[] = [];
  private readonly name: string[] = [];
  private readonly address: string[] = [];
  private readonly city: string[] = [];
  private readonly postalCode: string[] = [];
  private readonly groupOf: Int32Array;

  private readonly dictionary: string[];
  private readonly postingStart: Int32Array;
  private readonly postings: Int32Array;
  /** Site s's words are siteWords[siteWordStart[s] .. siteWordStart[s + 1]), the first wordCount[s] in order. */
  private readonly siteWordStart: Int32Array;
  private readonly siteWords: Int32Array;
  private readonly wordCount: Int32Array;

  // Scratch space reused by every search (searches are synchronous, so never shared by two at once).
  private readonly siteStamp: Int32Array;
  private readonly matchStamp: Int32Array;
  private readonly matchRank: Uint8Array;
  private readonly hitList: Int32Array;
  private readonly typoMarks: Int32Array[] = [];
  private stamp = 0;
  private readonly listings = new Map<string, Int32Array>();
  private readonly matches = new Map<string, Int32Array[]>();
  /** Off only to measure the uncached cost (benchmark). */
  cacheLargeMatches = true;
  private tree: TreeNode[] | undefined;

  /** Builds the index of the snapshot's active sites: integer work only, no text normalisation. */
  constructor(columns: SnapshotColumns) {
    this.builtAt = columns.builtAt;
    this.source = columns.source;
    this.groups = columns.groups.map(([category, group]) => ({ category, group }));
    this.dictionary = columns.dictionary;
    const dictionarySize = this.dictionary.length;
    for (let id = 1; id < dictionarySize; id += 1) {
      if (!((this.dictionary[id - 1] as string) < (this.dictionary[id] as string)))
        throw new Error('The site index dictionary is not sorted');
    }

    const all = columns.siteId.length;
    let n = 0;
    let activeWords = 0;
    for (let i = 0, at = 0; i < all; i += 1) {
      const count = (columns.wordCount[i] as number) + (columns.joinedCount[i] as number);
      if (columns.active.charCodeAt(i) === 49) {
        n += 1;
        activeWords += count;
      }
      at += count;
      if (i === all - 1 && at !== columns.wordIds.length) throw new Error('The site index word lists do not add up');
    }
    this.size = n;
    this.groupOf = new Int32Array(n);
    this.wordCount = new Int32Array(n);
    this.siteWordStart = new Int32Array(n + 1);
    this.siteWords = new Int32Array(activeWords);
    const postingCount = new Int32Array(dictionarySize + 1);
    let s = 0;
    let k = 0;
    for (let i = 0, at = 0; i < all; i += 1) {
      const count = (columns.wordCount[i] as number) + (columns.joinedCount[i] as number);
      if (columns.active.charCodeAt(i) === 49) {
        this.siteId.push(columns.siteId[i] as string);
        this.name.push(columns.name[i] as string);
        this.address.push(columns.address[i] as string);
        this.city.push(columns.cities[columns.city[i] as number] as string);
        this.postalCode.push(columns.postalCode[i] as string);
        this.groupOf[s] = columns.group[i] as number;
        this.wordCount[s] = columns.wordCount[i] as number;
        this.siteWordStart[s] = k;
        for (let w = at; w < at + count; w += 1) {
          const id = columns.wordIds[w] as number;
          if (!(id >= 0 && id < dictionarySize)) throw new Error('The site index refers to a word it does not have');
          this.siteWords[k++] = id;
          postingCount[id] = (postingCount[id] as number) + 1;
        }
        s += 1;
      }
      at += count;
    }
    this.siteWordStart[n] = k;

    // Postings in ordinal order (sites are visited in order); a word used twice by one name is posted once.
    this.postingStart = new Int32Array(dictionarySize + 1);
    for (let id = 0; id < dictionarySize; id += 1)
      this.postingStart[id + 1] = (this.postingStart[id] as number) + (postingCount[id] as number);
    const fill = this.postingStart.slice(0, dictionarySize);
    const postings = new Int32Array(activeWords);
    for (let site = 0; site < n; site += 1) {
      for (let w = this.siteWordStart[site] as number; w < (this.siteWordStart[site + 1] as number); w += 1) {
        const id = this.siteWords[w] as number;
        const at = fill[id] as number;
        if (at > (this.postingStart[id] as number) && postings[at - 1] === site) continue;
        postings[at] = site;
        fill[id] = at + 1;
      }
    }
    // Close the gaps left by repeated words so postingStart[id + 1] ends each list.
    let write = 0;
    for (let id = 0; id < dictionarySize; id += 1) {
      const start = this.postingStart[id] as number;
      const end = fill[id] as number;
      this.postingStart[id] = write;
      postings.copyWithin(write, start, end);
      write += end - start;
    }
    this.postingStart[dictionarySize] = write;
    this.postings = postings.subarray(0, write);
    this.siteStamp = new Int32Array(n);
    this.matchStamp = new Int32Array(n);
    this.matchRank = new Uint8Array(n);
    this.hitList = new Int32Array(n);
  }

  /** Site s's sort key: its words in order, joined by one space (as sortKeyOf its name). */
  private sortKeyOf(s: number): string {
    const start = this.siteWordStart[s] as number;
    let key = '';
    for (let w = start; w < start + (this.wordCount[s] as number); w += 1)
      key += (w === start ? '' : ' ') + (this.dictionary[this.siteWords[w] as number] as string);
    return key;
  }

  /** Whether site s's name starts with the query words (all but the last whole, the last a prefix). */
  private startsWith(s: number, words: readonly string[], first: Term): boolean {
    const start = this.siteWordStart[s] as number;
    if ((this.wordCount[s] as number) < words.length) return false;
    const firstWord = this.siteWords[start] as number;
    if (words.length === 1) return firstWord >= first.lo && firstWord < first.hi;
    const last = words.length - 1;
    for (let j = 0; j < last; j += 1) if (this.dictionary[this.siteWords[start + j] as number] !== words[j]) return false;
    return (this.dictionary[this.siteWords[start + last] as number] as string).startsWith(words[last] as string);
  }

  /** Active sites only; the snapshot also keeps inactive ones for the next import to merge into. */
  search(query: SiteSearchQuery): SiteSearchResult {
    const allowed = this.allowedGroups(query.categories, query.group);
    const words = queryWords(query.q ?? '');
    const buckets = words.length === 0 ? [this.listing(allowed, query)] : this.cachedMatch(words, allowed, query);
    return this.page(buckets, query.limit, query.after);
  }

  private cachedMatch(words: string[], allowed: Uint8Array | undefined, query: SiteSearchQuery): Int32Array[] {
    const key = `${words.join(' ')}\u0000${this.filterKey(query)}`;
    const cached = this.cacheLargeMatches ? this.matches.get(key) : undefined;
    if (cached) {
      this.matches.delete(key);
      this.matches.set(key, cached);
      return cached;
    }
    const buckets = this.match(words, allowed);
    if (this.cacheLargeMatches && buckets.reduce((sum, b) => sum + b.length, 0) >= CACHED_MATCH_THRESHOLD) {
      if (this.matches.size >= MAX_MATCH_CACHE) this.matches.delete(this.matches.keys().next().value as string);
      this.matches.set(key, buckets);
    }
    return buckets;
  }

  private filterKey(query: SiteSearchQuery): string {
    return `${[...(query.categories ?? [])].sort().join(',')}\u0000${query.group ?? '\u0000'}`;
  }

  /** The browse tree (CONTRACT §5); each count equals the `total` of listing that node. */
  browseTree(): TreeNode[] {
    if (this.tree) return this.tree;
    const counts = new Int32Array(this.groups.length);
    for (let s = 0; s < this.size; s += 1) counts[this.groupOf[s] as number] = (counts[this.groupOf[s] as number] as number) + 1;
    this.tree = TREE_TOP_NODES.map((top) => {
      const children = this.groups
        .map((g, id) => ({ ...g, id, sortKey: sortKeyOf(g.group) }))
        .filter((g) => (top.categories as readonly string[]).includes(g.category) && (counts[g.id] as number) > 0)
        .sort((a, b) =>
          a.sortKey !== b.sortKey
            ? a.sortKey < b.sortKey
              ? -1
              : 1
            : a.group < b.group
              ? -1
              : a.group > b.group
                ? 1
                : a.category < b.category
                  ? -1
                  : 1,
        )
        .map((g) => ({ key: groupNodeKey(g.category, g.group), label: { en: g.group, fr: g.group }, count: counts[g.id] as number }));
      return { key: top.key, label: { ...top.label }, count: children.reduce((sum, c) => sum + c.count, 0), children };
    });
    return this.tree;
  }

  /** The compact rows a type-ahead filter needs: `[siteId, name, group position]`, in search order. */
  compactRows(): [string, string, number][] {
    return this.siteId.map((id, s) => [id, this.name[s] as string, this.groupOf[s] as number]);
  }

  private allowedGroups(categories: readonly SiteCategory[] | undefined, group: string | undefined): Uint8Array | undefined {
    if ((!categories || categories.length === 0) && group === undefined) return undefined;
    const allowed = new Uint8Array(this.groups.length);
    this.groups.forEach((g, id) => {
      if ((!categories || categories.length === 0 || categories.includes(g.category)) && (group === undefined || g.group === group))
        allowed[id] = 1;
    });
    return allowed;
  }

  /** Every allowed site in order (cached per filter: browsing the tree repeats the same listings). */
  private listing(allowed: Uint8Array | undefined, query: SiteSearchQuery): Int32Array {
    const cacheKey = this.filterKey(query);
    const cached = this.listings.get(cacheKey);
    if (cached) return cached;
    let result: Int32Array;
    if (!allowed) {
      result = new Int32Array(this.size);
      for (let s = 0; s < this.size; s += 1) result[s] = s;
    } else {
      const list: number[] = [];
      for (let s = 0; s < this.size; s += 1) if (allowed[this.groupOf[s] as number]) list.push(s);
      result = Int32Array.from(list);
    }
    if (this.listings.size >= MAX_LISTING_CACHE) this.listings.delete(this.listings.keys().next().value as string);
    this.listings.set(cacheKey, result);
    return result;
  }

  private nextStamp(): number {
    if (this.stamp >= 0x7fff_fff0) {
      this.stamp = 0;
      this.siteStamp.fill(0);
      this.matchStamp.fill(0);
      for (const marks of this.typoMarks) marks.fill(0);
    }
    this.stamp += 1;
    return this.stamp;
  }

  private lowerBound(value: string): number {
    let lo = 0;
    let hi = this.dictionary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.dictionary[mid] as string) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Dictionary ids of the words starting with `prefix`: [lo, hi). */
  private prefixRange(prefix: string): [number, number] {
    const lo = this.lowerBound(prefix);
    if (lo === this.dictionary.length || !(this.dictionary[lo] as string).startsWith(prefix)) return [lo, lo];
    return [lo, this.lowerBound(prefix + SENTINEL)];
  }

  private postingsOf(lo: number, hi: number): number {
    return (this.postingStart[hi] as number) - (this.postingStart[lo] as number);
  }

  private term(word: string, slot: number): Term {
    const [lo, hi] = this.prefixRange(word);
    const term: Term = { lo, hi, typoStamp: 0, slot, typoWords: [], cost: this.postingsOf(lo, hi) };
    if (word.length < MIN_TYPO_WORD_LENGTH) return term;
    let marks = this.typoMarks[slot];
    if (!marks) {
      marks = new Int32Array(this.dictionary.length);
      this.typoMarks[slot] = marks;
    }
    const stamp = this.nextStamp();
    term.typoStamp = stamp;
    const addRange = (prefix: string) => {
      const [a, b] = this.prefixRange(prefix);
      for (let id = a; id < b; id += 1) {
        if ((id >= lo && id < hi) || marks[id] === stamp) continue;
        marks[id] = stamp;
        term.typoWords.push(id);
        term.cost += this.postingsOf(id, id + 1);
      }
    };
    for (let i = 0; i < word.length; i += 1) {
      const head = word.slice(0, i);
      const [a, b] = this.prefixRange(head);
      if (a === b) break; // no word continues this head: no variant edited at i or later exists
      const tail = word.slice(i + 1);
      addRange(head + tail); // the query has an extra character
      if (i + 1 < word.length) addRange(head + word[i + 1] + word[i] + word.slice(i + 2)); // swapped neighbours
      // Substitutions and insertions at i: only characters that some word has after `head` can match.
      let at = a;
      while (at < b) {
        const candidate = this.dictionary[at] as string;
        if (candidate.length === i) {
          at += 1;
          continue;
        }
        const c = candidate[i] as string;
        if (c !== word[i]) addRange(head + c + tail); // substitution
        addRange(head + c + word.slice(i)); // the query misses a character
        at = this.lowerBound(head + c + SENTINEL);
      }
    }
    return term;
  }

  /** 0 no match, 1 a typo match, 2 a prefix match of site `s` for `term`. */
  private levelOf(s: number, term: Term): number {
    let level = 0;
    const end = this.siteWordStart[s + 1] as number;
    for (let k = this.siteWordStart[s] as number; k < end; k += 1) {
      const id = this.siteWords[k] as number;
      if (id >= term.lo && id < term.hi) return 2;
      if (term.typoStamp !== 0 && (this.typoMarks[term.slot] as Int32Array)[id] === term.typoStamp) level = 1;
    }
    return level;
  }

  private match(words: string[], allowed: Uint8Array | undefined): Int32Array[] {
    const terms = words.map((word, slot) => this.term(word, slot));
    let driver = terms[0] as Term;
    for (const term of terms) if (term.cost < driver.cost) driver = term;
    const first = terms[0] as Term;
    const seen = this.nextStamp();
    const { siteStamp, matchStamp, matchRank, hitList } = this;
    const counts = [0, 0, 0];
    let hits = 0;

    const others = terms.filter((term) => term !== driver);
    // The driver's own level is known from the postings being walked: its prefix words first (level
    // 2), then its typo words (level 1 for sites not already seen through a prefix word).
    const consider = (s: number, driverTypo: boolean) => {
      if (siteStamp[s] === seen) return;
      siteStamp[s] = seen;
      if (allowed && !allowed[this.groupOf[s] as number]) return;
      let typo = driverTypo;
      for (let t = 0; t < others.length; t += 1) {
        const level = this.levelOf(s, others[t] as Term);
        if (level === 0) return;
        if (level === 1) typo = true;
      }
      const rank = typo ? RANK_TYPO : this.startsWith(s, words, first) ? RANK_STARTS_WITH : RANK_WORD_PREFIX;
      matchStamp[s] = seen;
      matchRank[s] = rank;
      counts[rank] = (counts[rank] as number) + 1;
      hitList[hits++] = s;
    };
    const { postings, postingStart } = this;
    for (let p = postingStart[driver.lo] as number, end = postingStart[driver.hi] as number; p < end; p += 1)
      consider(postings[p] as number, false);
    for (const id of driver.typoWords) {
      for (let p = postingStart[id] as number, end = postingStart[id + 1] as number; p < end; p += 1) consider(postings[p] as number, true);
    }

    // Into rank buckets in ordinal (alphabetical) order: sort a few hits, or sweep every site for many.
    const buckets = counts.map((count) => new Int32Array(count));
    const filled = [0, 0, 0];
    const put = (s: number) => {
      const rank = matchRank[s] as number;
      (buckets[rank] as Int32Array)[filled[rank] as number] = s;
      filled[rank] = (filled[rank] as number) + 1;
    };
    if (hits > this.size >>> 5) {
      for (let s = 0; s < this.size; s += 1) if (matchStamp[s] === seen) put(s);
    } else {
      for (const s of hitList.slice(0, hits).sort()) put(s);
    }
    return buckets;
  }

  private compareToPosition(s: number, after: SearchPosition): number {
    const key = this.sortKeyOf(s);
    if (key !== after.sortKey) return key < after.sortKey ? -1 : 1;
    const id = this.siteId[s] as string;
    return id < after.siteId ? -1 : id > after.siteId ? 1 : 0;
  }

  private page(buckets: Int32Array[], limit: number, after: SearchPosition | undefined): SiteSearchResult {
    const total = buckets.reduce((sum, b) => sum + b.length, 0);
    const items: Site[] = [];
    let last = { rank: 0, s: -1 };
    for (let rank = 0; rank < buckets.length; rank += 1) {
      if (after && rank < after.rank) continue;
      const bucket = buckets[rank] as Int32Array;
      let start = 0;
      if (after && rank === after.rank) {
        // Keyset paging: the first match after the position, found by binary search.
        let lo = 0;
        let hi = bucket.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.compareToPosition(bucket[mid] as number, after) <= 0) lo = mid + 1;
          else hi = mid;
        }
        start = lo;
      }
      for (let k = start; k < bucket.length; k += 1) {
        if (items.length === limit) {
          return { items, total, next: { rank: last.rank, sortKey: this.sortKeyOf(last.s), siteId: this.siteId[last.s] as string } };
        }
        const s = bucket[k] as number;
        items.push(this.site(s));
        last = { rank, s };
      }
    }
    return { items, total };
  }

  private site(s: number): Site {
    const group = this.groups[this.groupOf[s] as number] as { category: SiteCategory; group: string };
    return {
      siteId: this.siteId[s] as string,
      name: this.name[s] as string,
      category: group.category,
      group: group.group,
      address: this.address[s] as string,
      city: this.city[s] as string,
      postalCode: this.postalCode[s] as string,
      active: true,
    };
  }
}
