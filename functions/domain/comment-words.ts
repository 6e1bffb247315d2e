/**
 * The words of a comment, as "Find a Client" matches them: lower-cased, accent-folded and split on
 * anything that is not a letter. The same function normalises stored comments (for the index) and
 * search queries, so the two can never disagree. Nothing here logs or keeps the text.
 */

/** Longer words are cut to this many letters (on both sides), keeping index keys small. */
export const MAX_WORD_LETTERS = 40;
/** The last query word matches as a prefix only from this many letters on. */
export const MIN_PREFIX_LETTERS = 2;
/** At most this many words in one query (each is a posting list to read). */
export const MAX_QUERY_WORDS = 8;

// Accents are folded only on Latin, Greek and Cyrillic letters: in Devanagari, Arabic and other
// scripts the combining marks are vowels or parts of the letter, and dropping them would merge words.
const FOLDABLE_MARK = /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]\p{M}*)\p{M}/gu;
const NOT_A_LETTER = /[^\p{L}\p{M}]+/u;

function letters(word: string): string[] {
  return Array.from(word);
}

/** Every normalised word of `text`, in order, repeats included. */
function normalisedWords(text: string | null | undefined): string[] {
  if (!text) return [];
  const folded = text.normalize('NFKD').replace(FOLDABLE_MARK, '').normalize('NFC').toLowerCase();
  const words: string[] = [];
  for (const raw of folded.split(NOT_A_LETTER)) {
    // A word that is only combining marks (a stray accent) is not a word.
    if (!raw || !/\p{L}/u.test(raw)) continue;
    const chars = letters(raw);
    words.push(chars.length > MAX_WORD_LETTERS ? chars.slice(0, MAX_WORD_LETTERS).join('') : raw);
  }
  return words;
}

/** The normalised words of `text`, in order of first appearance, each once. */
export function commentWords(text: string | null | undefined): string[] {
  return [...new Set(normalisedWords(text))];
}

export interface ParsedSearchText {
  /** Words that must each equal a comment word. */
  exact: string[];
  /** The last word when it may match as a prefix (at least MIN_PREFIX_LETTERS letters). */
  prefix: string | undefined;
}

/**
 * The query `q` as match terms. Every word must match; the last may be a prefix when it has at least
 * two letters. Duplicate words are dropped (a word already required adds nothing).
 */
export function parseSearchText(q: string | undefined): ParsedSearchText {
  const all = normalisedWords(q);
  const last = all.at(-1);
  if (last === undefined) return { exact: [], prefix: undefined };
  const leading = new Set(all.slice(0, -1));
  const lastIsPrefix = letters(last).length >= MIN_PREFIX_LETTERS && !leading.has(last);
  if (!lastIsPrefix) leading.add(last);
  const exact = [...leading];
  // "doctor doc": a required word that starts with the prefix already satisfies it.
  const prefix = lastIsPrefix && !exact.some((word) => word.startsWith(last)) ? last : undefined;
  return { exact, prefix };
}

/** True when the words of a comment satisfy the parsed query. */
export function wordsMatch(words: readonly string[], terms: ParsedSearchText): boolean {
  const set = new Set(words);
  if (!terms.exact.every((word) => set.has(word))) return false;
  const prefix = terms.prefix;
  return prefix === undefined || words.some((word) => word.startsWith(prefix));
}

/** What the search index holds for one client: where it is listed, never its comment text. */
export function clientPostings(client: {
  clientId: string;
  agency: { agencyId: string };
  registrationDate: string;
  createdAt: string;
  site: { siteId: string };
  comments: string | null;
}) {
  return {
    agencyId: client.agency.agencyId,
    clientId: client.clientId,
    registrationDate: client.registrationDate,
    createdAt: client.createdAt,
    siteId: client.site.siteId,
    words: commentWords(client.comments),
  };
}
