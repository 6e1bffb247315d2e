import type { AnonymousClient } from '../domain/anonymous-client';
import type { AuditEntry } from '../domain/audit';

/** A completed request remembered under its Idempotency-Key, so a retry gets the first answer back. */
export interface IdempotencyRecord {
  /** Hash of the request body the key was first used with. */
  requestHash: string;
  /**
   * The ids of the clients the first request created. Ids, not copies: a batch of 25 clients with
   * long comments would not fit in one DynamoDB item.
   */
  clientIds: string[];
}

export interface IdempotencyClaim {
  agencyId: string;
  userId: string;
  key: string;
  requestHash: string;
  expiresAt: Date;
}

export interface ClientUpdate {
  /** The client as it is to be stored: version already advanced, updatedAt set. */
  client: AnonymousClient;
  /** The version the editor saw (from If-Match); the write fails if the stored one differs. */
  expectedVersion: number;
  changedFields: string[];
  by: string;
}

export type UpdateOutcome = 'updated' | 'stale' | 'missing';

/** The outcome of a create that carried an Idempotency-Key already used. */
export type CreateOutcome = { kind: 'created' } | { kind: 'idempotency-key-taken'; existing: IdempotencyRecord | undefined };

/**
 * Anonymous clients of one agency at a time: every method takes the agency, and no method can reach
 * another agency's records.
 */
export interface ClientStore {
  /**
   * Stores new clients, all or nothing, with their `registered` audit entries; with a claim, stores the
   * idempotency record in the same write, so a key never points at a partial result.
   */
  create(clients: AnonymousClient[], claim?: IdempotencyClaim): Promise<CreateOutcome>;
  get(agencyId: string, clientId: string): Promise<AnonymousClient | undefined>;
  /** The clients with these ids, in this order; ids that do not exist (in this agency) are left out. */
  getMany(agencyId: string, clientIds: string[]): Promise<AnonymousClient[]>;
  /** Replaces the client if its stored version is still `expectedVersion`, with an `EDITED` audit entry. */
  update(change: ClientUpdate): Promise<UpdateOutcome>;
  /** The client's audit trail, oldest first; undefined when the agency has no such client. */
  history(agencyId: string, clientId: string): Promise<AuditEntry[] | undefined>;
  findIdempotencyRecord(claim: Omit<IdempotencyClaim, 'requestHash' | 'expiresAt'>, now: Date): Promise<IdempotencyRecord | undefined>;
}
