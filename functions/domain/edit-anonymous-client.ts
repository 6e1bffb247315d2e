/**
 * Correcting an anonymous profile. Only the editable fields can change; the registration date, type,
 * name and agency never do, and nothing here can turn the profile into a named client.
 * Edits are optimistic: the caller says which version it saw (If-Match) and loses to any edit since.
 * `If-Match: *` matches any current version (RFC 9110), so such an edit that loses a race to another
 * is applied again to the version that won, as often as it takes (within a bound).
 */
import type { ClientStore } from '../ports/client-store';
import type { SiteCatalog } from '../ports/site-catalog';
import { type AnonymousClient, type AnonymousClientEdit, CLIENT_NOT_FOUND } from './anonymous-client';
import type { Caller } from './caller';
import { clientMessage } from './client-messages';
import { ConflictError, NotFoundError, PreconditionFailedError, UnprocessableError } from './errors';
import { unusableSiteDetail } from './site';

export interface EditDependencies {
  clients: ClientStore;
  sites: SiteCatalog;
  now: () => Date;
  /** Waits between attempts of an `If-Match: *` edit that lost a race (default: a timer). */
  pause?: (milliseconds: number) => Promise<void>;
}

const STALE = clientMessage('client.stale');

/**
 * Attempts of an `If-Match: *` edit. Each lost attempt means another edit of the same client was
 * stored, so 25 covers 25 editors at once; past that the caller gets a 409 with Retry-After (a state
 * conflict, not a dependency outage: it must not count towards the DependencyUnavailable alarm).
 */
export const ANY_VERSION_ATTEMPTS = 25;
const RETRY_AFTER_SECONDS = 1;

/** A few milliseconds, growing with the attempt and jittered, so racing editors spread out. */
const backoffMilliseconds = (attempt: number) => Math.random() * 5 * attempt;
const timerPause = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/** The client with `edit` applied and the fields that changed; none when the edit changes nothing. */
async function applied(current: AnonymousClient, edit: AnonymousClientEdit, deps: EditDependencies) {
  const next: AnonymousClient = { ...current };
  const changedFields: string[] = [];
  const change = <K extends 'gender' | 'arrivalYear' | 'immigrationStatus' | 'postalCode' | 'comments'>(field: K) => {
    const value = edit[field];
    if (value === undefined || value === current[field]) return;
    (next as Record<K, unknown>)[field] = value;
    changedFields.push(field);
  };
  change('gender');
  change('arrivalYear');
  change('immigrationStatus');
  change('postalCode');
  change('comments');
  if (edit.siteId !== undefined && edit.siteId !== current.site.siteId) {
    const site = await deps.sites.get(edit.siteId);
    if (!site?.active) {
      throw new UnprocessableError(clientMessage('site.registrationSiteUnusable'), [
        { pointer: '/siteId', detail: unusableSiteDetail(Boolean(site)) },
      ]);
    }
    next.site = { siteId: site.siteId, name: site.name };
    changedFields.push('siteId');
  }
  return { next, changedFields };
}

export async function editAnonymousClient(
  clientId: string,
  edit: AnonymousClientEdit,
  expectedVersion: number | '*',
  caller: Caller,
  deps: EditDependencies,
): Promise<AnonymousClient> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.clients.get(caller.agencyId, clientId);
    if (!current) throw new NotFoundError(CLIENT_NOT_FOUND);
    if (expectedVersion !== '*' && expectedVersion !== current.version) throw new PreconditionFailedError(STALE);

    const { next, changedFields } = await applied(current, edit, deps);
    // An edit that changes nothing is answered with the profile as it is, without a new version.
    if (changedFields.length === 0) return current;

    next.version = current.version + 1;
    next.updatedAt = deps.now().toISOString();
    const outcome = await deps.clients.update({ client: next, expectedVersion: current.version, changedFields, by: caller.userId });
    if (outcome === 'updated') return next;
    if (outcome === 'missing') throw new NotFoundError(CLIENT_NOT_FOUND);
    // Stale: another edit was stored since `current` was read.
    if (expectedVersion !== '*') throw new PreconditionFailedError(STALE);
    if (attempt >= ANY_VERSION_ATTEMPTS) throw new ConflictError(clientMessage('client.editContention'), RETRY_AFTER_SECONDS);
    await (deps.pause ?? timerPause)(backoffMilliseconds(attempt));
  }
}
