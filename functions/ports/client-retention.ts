/**
 * What retention (domain/client-retention.ts) needs from storage: the agencies, an agency's clients
 * registered before a date, and deletes of a client's items and files. Every method takes the agency;
 * none can reach another agency's records. Deletes are idempotent: deleting what is gone is a no-op.
 */
import type { ClientPostings } from './client-search-index';

/** A client whose registration is old enough to be looked at: what is needed to remove all of it. */
export interface RetainedClient {
  agencyId: string;
  clientId: string;
  registrationDate: string;
  /** Where the client sits in the search index (its postings' keys and words). */
  postings: ClientPostings;
}

export interface ClientsPage {
  clients: RetainedClient[];
  /** Where the next page starts; undefined on the last page. */
  next: string | undefined;
}

export interface ClientRecordEraser {
  /** Up to `limit` clients of the agency registered strictly before `beforeDate` (YYYY-MM-DD), oldest first. */
  registeredBefore(agencyId: string, beforeDate: string, options: { limit: number; after?: string }): Promise<ClientsPage>;
  /** Each removes what there is and answers how many items it removed. */
  deleteSession(agencyId: string, clientId: string): Promise<number>;
  deleteReceiptRecords(agencyId: string, clientId: string): Promise<number>;
  deleteAuditEntries(agencyId: string, clientId: string): Promise<number>;
  /** Removes the profile itself; false when it was already gone. */
  deleteClient(agencyId: string, clientId: string): Promise<boolean>;
}

export interface ReceiptFileEraser {
  /** Removes every receipt file of the client (with or without a record); answers how many. */
  deleteClientFiles(agencyId: string, clientId: string): Promise<number>;
}

/**
 * The seam for reports (CONTRACT §11). Counts of clients served must not change when a profile
 * expires: the tallies hold no personal data and are kept (a removed unit stays counted, and is kept
 * in "retired" tallies so a rebuild keeps it too: docs/reports.md). Retention calls `settle` before it
 * removes anything of the client, so the client's and its session's current versions are counted
 * before they go (adapters/dynamodb/report-tallies.ts).
 */
export interface ReportCounts {
  settle(client: RetainedClient): Promise<void>;
}
