/**
 * "Begin Session with Client". An anonymous person is a new client each time a service is given, so
 * an anonymous profile takes exactly one session; the next service needs a new anonymous registration.
 * Nothing is carried from one anonymous profile to another.
 */
import type { ClientStore } from '../ports/client-store';
import type { SessionStore } from '../ports/session-store';
import type { SiteCatalog } from '../ports/site-catalog';
import { type AnonymousClient, CLIENT_NOT_FOUND } from './anonymous-client';
import type { Caller } from './caller';
import { clientMessage } from './client-messages';
import { ConflictError, InvalidRequestError, NotFoundError, UnprocessableError } from './errors';
import { newId } from './ids';
import { type NewSession, type Session, SESSION_ALREADY_TAKEN, type StoredSession } from './session';
import { unusableSiteDetail } from './site';

export interface SessionDependencies {
  clients: ClientStore;
  sessions: SessionStore;
  sites: SiteCatalog;
  now: () => Date;
}

export async function readClientOrThrow(clients: ClientStore, agencyId: string, clientId: string): Promise<AnonymousClient> {
  const client = await clients.get(agencyId, clientId);
  if (!client) throw new NotFoundError(CLIENT_NOT_FOUND);
  return client;
}

export async function beginSession(clientId: string, input: NewSession, caller: Caller, deps: SessionDependencies): Promise<Session> {
  const client = await readClientOrThrow(deps.clients, caller.agencyId, clientId);
  if (input.serviceDate < client.registrationDate) {
    throw new InvalidRequestError([
      { pointer: '/serviceDate', detail: clientMessage('field.dateNotBeforeRegistration', { date: client.registrationDate }) },
    ]);
  }
  const site = input.siteId === client.site.siteId ? client.site : await activeSiteOrThrow(deps.sites, input.siteId);
  const session: Session = {
    sessionId: newId(),
    clientId,
    agency: client.agency,
    sessionType: input.sessionType,
    serviceDate: input.serviceDate,
    site,
    deliveryMethod: input.deliveryMethod,
    durationMinutes: input.durationMinutes ?? null,
    notes: input.notes,
    createdAt: deps.now().toISOString(),
    createdBy: caller.userId,
  };
  // The person as described now: a later edit of the profile moves the client's count, not the session's.
  const stored: StoredSession = {
    ...session,
    countedAs: { gender: client.gender, immigrationStatus: client.immigrationStatus, arrivalYear: client.arrivalYear },
  };
  const outcome = await deps.sessions.create(stored);
  if (outcome === 'already-taken') throw new ConflictError(SESSION_ALREADY_TAKEN);
  if (outcome === 'client-missing') throw new NotFoundError(CLIENT_NOT_FOUND);
  return session;
}

async function activeSiteOrThrow(sites: SiteCatalog, siteId: string) {
  const site = await sites.get(siteId);
  if (!site?.active) {
    throw new UnprocessableError(clientMessage('site.sessionSiteUnusable'), [
      { pointer: '/siteId', detail: unusableSiteDetail(Boolean(site)) },
    ]);
  }
  return { siteId: site.siteId, name: site.name };
}
