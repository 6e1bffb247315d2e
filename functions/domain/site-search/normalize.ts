/**
 * Text normalisation for site search, shared by the index, the naive reference scan and (as
 * documentation) front ends: case-, accent- and punctuation-insensitive. Pure; no I/O.
 *
 * Rules (docs/site-search.md):
 * - lower case, then compatibility decomposition (NFKD) with every combining mark dropped:
 *   "École" -> "ecole", "ﬁ" -> "fi"; a few letters that do not decompose are spelled out (œ -> oe);
 * - apostrophes are deleted, so "Mary's" is the one word "marys";
 * - hyphens separate words, and a hyphenated name is also indexed as one joined word:
 *   "Saint-Jean" gives "saint", "jean" and "saintjean";
 * - every other character that is not a letter or digit separates words.
 */

const SPELLED_OUT: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', þ: 'th', ı: 'i' };
const APOSTROPHES = /['\u2018\u2019\u02bc\u02bb`\u00b4]/g;
const HYPHENS = /[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const MARKS = /\p{M}/gu;
const SPELLED_OUT_PATTERN = /[œæßøłđþı]/g;

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(SPELLED_OUT_PATTERN, (c) => SPELLED_OUT[c] ?? c)
    .replace(APOSTROPHES, '');
}

export interface NormalizedName {
  /** The words in order, hyphenated parts separately: what "starts with the query" compares with. */
  words: string[];
  /** Joined forms of hyphenated words ("saintjean"), also matched but not part of the phrase. */
  joined: string[];
}

// Character classes of the single-pass tokenizer: 1 letter or digit, 2 deleted (apostrophes),
// 3 hyphen (splits a word inside one compound), 0 separator. Other characters: see classOf.
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c += 1) ASCII_CLASS[c] = 1;
for (let c = 97; c <= 122; c += 1) ASCII_CLASS[c] = 1;
ASCII_CLASS[39] = 2;
ASCII_CLASS[96] = 2;
ASCII_CLASS[45] = 3;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const APOSTROPHE = /['\u2018\u2019\u02bc\u02bb`\u00b4]/;

function classOf(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_CLASS[c] as number;
  const ch = text[i] as string;
  if (HYPHENS.test(ch)) return 3;
  if (APOSTROPHE.test(ch)) return 2;
  // A surrogate pair (letters beyond the BMP) is kept whole: both halves count as letters.
  if (c >= 0xd800 && c <= 0xdfff) return 1;
  return LETTER_OR_DIGIT.test(ch) ? 1 : 0;
}

/** Splits already folded (lower-case, accent-free) text into words and joined hyphenated compounds. */
function tokenize(text: string): NormalizedName {
  const words: string[] = [];
  const joined: string[] = [];
  let word = '';
  let wordStart = -1;
  let parts = 0;
  let compound = '';
  const endWord = (i: number) => {
    if (wordStart >= 0) word += text.slice(wordStart, i);
    wordStart = -1;
    if (word !== '') {
      words.push(word);
      compound += word;
      parts += 1;
      word = '';
    }
  };
  const endChunk = (i: number) => {
    endWord(i);
    if (parts > 1) joined.push(compound);
    parts = 0;
    compound = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    switch (classOf(text, i)) {
      case 1:
        if (wordStart < 0) wordStart = i;
        break;
      case 2: // deleted: keep what came before, continue the same word after it
        if (wordStart >= 0) word += text.slice(wordStart, i);
        wordStart = -1;
        break;
      case 3:
        endWord(i);
        break;
      default:
        endChunk(i);
    }
  }
  endChunk(text.length);
  return { words, joined };
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The words of a site name. */
export function normalizeName(name: string): NormalizedName {
  // Almost every name is plain ASCII: lower-casing is then all the folding it needs.
  return tokenize(PRINTABLE_ASCII.test(name) ? name.toLowerCase() : fold(name));
}

/** The words of a query, in the order typed (hyphenated words split, never joined). */
export function queryWords(query: string): string[] {
  return normalizeName(query).words;
}

/** The key names are sorted by ("alphabetical" ties): the normalised words joined by one space. */
export function sortKeyOf(name: string): string {
  return normalizeName(name).words.join(' ');
}

/** Words of at least this many characters tolerate one typo. */
export const MIN_TYPO_WORD_LENGTH = 5;

/**
 * Whether some prefix of `word` is at most one edit (substitution, insertion, deletion or swap of
 * two neighbouring characters) away from `query`. The reference definition of a typo match; the
 * index finds the same words by enumerating the one-edit variants of the query.
 */
export function isOneTypoPrefix(query: string, word: string): boolean {
  if (word.startsWith(query)) return true;
  let i = 0;
  while (i < query.length && i < word.length && query.charCodeAt(i) === word.charCodeAt(i)) i += 1;
  // The first difference is at i; a single edit must be made there.
  const rest = query.slice(i + 1);
  if (i < word.length && word.startsWith(rest, i + 1)) return true; // substitution
  if (word.startsWith(rest, i)) return true; // the query has an extra character
  if (i < word.length && word.startsWith(query.slice(i), i + 1)) return true; // the query misses one
  return (
    i + 1 < query.length &&
    i + 1 < word.length &&
    query[i] === word[i + 1] &&
    query[i + 1] === word[i] &&
    word.startsWith(query.slice(i + 2), i + 2)
  ); // two neighbours swapped
}
