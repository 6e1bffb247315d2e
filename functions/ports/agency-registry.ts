/**
 * The agencies that have stored clients, so that work done for every agency (retention) can list
 * them without scanning the table. An agency is remembered when its first client reaches the comment
 * indexer (and by `comments:reindex`); it is never forgotten (an id is not personal data).
 */
export interface AgencyRegistry {
  /** Remembers these agencies; idempotent and cheap to repeat. */
  remember(agencyIds: readonly string[]): Promise<void>;
  /** Every agency remembered, in id order. */
  list(): Promise<string[]>;
}
