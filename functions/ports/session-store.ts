import type { Session } from '../domain/session';

export type SessionCreateOutcome = 'created' | 'already-taken' | 'client-missing';

/** Sessions of anonymous clients, one per client, always within the agency. */
export interface SessionStore {
  /** Stores the client's one session with a `SESSION_BEGUN` audit entry, unless it already has one. */
  create(session: Session): Promise<SessionCreateOutcome>;
  list(agencyId: string, clientId: string): Promise<Session[]>;
}
