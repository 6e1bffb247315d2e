/**
 * The site-search rule for one name, written plainly: the reference scan (naive-scan.ts) and the
 * browser's type-ahead (web/src/site-matcher.ts) both apply it, so the front end lists what
 * `GET /v1/sites?q=` would, in the same order; the index (site-search-index.ts) computes the same
 * ranks through its posting lists and is tested against the scan. Pure, with no imports but
 * normalize.ts, so the web bundle can take it.
 */
import { isOneTypoPrefix, MIN_TYPO_WORD_LENGTH, normalizeName, queryWords } from './normalize';

/** Ranks, best first; ties are alphabetical. */
export const RANK_STARTS_WITH = 0;
export const RANK_WORD_PREFIX = 1;
export const RANK_TYPO = 2;
export type Rank = typeof RANK_STARTS_WITH | typeof RANK_WORD_PREFIX | typeof RANK_TYPO;

/** A name prepared once for matching. */
export interface MatchableName {
  /** The name's words in order, joined by one space: "starts with the query" compares with it. */
  key: string;
  /** The words, then the joined hyphenated compounds. */
  words: string[];
}

export function matchableName(name: string): MatchableName {
  const { words, joined } = normalizeName(name);
  return { key: words.join(' '), words: [...words, ...joined] };
}

/** A query prepared once for matching every name. */
export interface MatchableQuery {
  words: string[];
  /** The words joined by one space, compared with a name's `key`. */
  phrase: string;
}

export function matchableQuery(q: string): MatchableQuery {
  const words = queryWords(q);
  return { words, phrase: words.join(' ') };
}

/**
 * How a name matches a query: every word of the query must begin one of the name's words, or, for a
 * word of MIN_TYPO_WORD_LENGTH letters or more, begin one with one typo. Undefined when it does not.
 */
export function matchRank(name: MatchableName, query: MatchableQuery): Rank | undefined {
  let typo = false;
  for (const word of query.words) {
    if (name.words.some((w) => w.startsWith(word))) continue;
    if (word.length >= MIN_TYPO_WORD_LENGTH && name.words.some((w) => isOneTypoPrefix(word, w))) {
      typo = true;
      continue;
    }
    return undefined;
  }
  if (typo) return RANK_TYPO;
  return name.key.startsWith(query.phrase) ? RANK_STARTS_WITH : RANK_WORD_PREFIX;
}
