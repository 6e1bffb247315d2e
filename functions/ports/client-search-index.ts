/**
 * "Find a Client": the search index of anonymous clients' comment words, read by the search and
 * written by the indexer. One agency at a time: every method takes the agency, none can reach another's.
 */

/** Where one client appears in the index: the facts the index is built from (never the comment text). */
export interface ClientPostings {
  agencyId: string;
  clientId: string;
  registrationDate: string;
  createdAt: string;
  siteId: string;
  /** The distinct normalised words of the comments (domain/comment-words.ts). */
  words: string[];
}

/** One entry of a posting list. */
export interface IndexEntry {
  /** Position in "newest registration first" order; compares as a string (larger = newer). Opaque otherwise. */
  position: string;
  clientId: string;
  siteId: string;
  /** The client's words, or undefined when the entry does not carry them (very long comments). */
  words: readonly string[] | undefined;
}

/** A list of clients in newest-registration-first order: those with a word, at a site, or all. */
export type PostingList = { kind: 'word'; word: string } | { kind: 'site'; siteId: string } | { kind: 'all' };

export interface RegistrationDateRange {
  /** Inclusive YYYY-MM-DD bounds; undefined means unbounded. */
  from: string | undefined;
  to: string | undefined;
}

export interface ClientSearchIndex {
  /**
   * Up to `limit` entries of `list` within `dates`, newest first, strictly after (older than) `after`
   * when given. `exhausted` is true when no entry follows the ones returned.
   */
  read(
    agencyId: string,
    list: PostingList,
    dates: RegistrationDateRange,
    options: { after?: string; limit: number },
  ): Promise<{ entries: IndexEntry[]; exhausted: boolean }>;
  /** Up to `max` words of the agency's comments that start with `prefix`, in alphabetical order. */
  wordsStartingWith(agencyId: string, prefix: string, max: number): Promise<string[]>;
}

export interface SearchIndexWriter {
  /**
   * Makes the index hold `next` for one client (undefined: the client is gone), removing whatever the
   * earlier versions in `previous` put there. Idempotent: applying it twice leaves the same index.
   */
  replace(previous: readonly ClientPostings[], next: ClientPostings | undefined): Promise<void>;
}
