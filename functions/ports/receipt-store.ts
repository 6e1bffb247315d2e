import type { ReceiptFormat, ReceiptLanguage } from '../domain/receipts/receipt';

/** A receipt as stored: the record that points at its file. */
export interface StoredReceipt {
  receiptId: string;
  clientId: string;
  agencyId: string;
  format: ReceiptFormat;
  language: ReceiptLanguage;
  createdAt: string;
  /** The staff user who made it (audit). */
  createdBy: string;
  bytes: number;
  sha256: string;
  /** Where the file is in the receipts bucket. */
  objectKey: string;
  /** After this instant the file may be gone (bucket lifecycle) and the record is not listed. */
  retainedUntil: string;
}

/**
 * Receipt records of one agency at a time: every method takes the agency, and no method can reach
 * another agency's records.
 */
export interface ReceiptStore {
  /**
   * Stores the record and its RECEIPT_CREATED audit entry in one write, only while the client exists in
   * the agency ('client-not-found' otherwise).
   */
  create(receipt: StoredReceipt): Promise<'created' | 'client-not-found'>;
  /** The client's receipts, newest first (including ones past retention: callers filter). */
  list(agencyId: string, clientId: string): Promise<StoredReceipt[]>;
  get(agencyId: string, clientId: string, receiptId: string): Promise<StoredReceipt | undefined>;
}

export interface ReceiptFileName {
  agencyId: string;
  clientId: string;
  receiptId: string;
  format: ReceiptFormat;
}

/** The receipt files (an object store). */
export interface ReceiptFiles {
  /** Stores the file (encrypted at rest) and answers its key. Unavailability is a DependencyUnavailableError. */
  put(name: ReceiptFileName, body: Uint8Array, contentType: string): Promise<string>;
  /** Best effort: removes a file no record points at. */
  delete(objectKey: string): Promise<void>;
  /** A link that serves the file as `fileName` (saved, or opened in the browser when `inline`) until `expiresInSeconds` from now. */
  link(
    objectKey: string,
    options: { fileName: string; contentType: string; expiresInSeconds: number; disposition: 'attachment' | 'inline' },
  ): Promise<string>;
}
