/**
 * Correcting an anonymous profile. Only the editable fields can change; the registration date, type,
 * name and agency never do, and nothing here can turn the profile into a named client.
 * Edits are optimistic: the caller says which version it saw (If-Match) and loses to any edit since.
 */
import type { ClientStore } from '../ports/client-store';
import type { SiteCatalog } from '../ports/site-catalog';
import { type AnonymousClient, type AnonymousClientEdit, CLIENT_NOT_FOUND } from './anonymous-client';
import type { Caller } from './caller';
import { NotFoundError, PreconditionFailedError, UnprocessableError } from './errors';
import { unusableSiteDetail } from './site';
import { clientMessage } from './client-messages';

export interface EditDependencies {
  clients: ClientStore;
  sites: SiteCatalog;
  now: () => Date;
}

const STALE = clientMessage('client.stale');

export async function editAnonymousClient(
  clientId: string,
  edit: AnonymousClientEdit,
  expectedVersion: number | '*',
  caller: Caller,
  deps: EditDependencies,
): Promise<AnonymousClient> {
  const current = await deps.clients.get(caller.agencyId, clientId);
  if (!current) throw new NotFoundError(CLIENT_NOT_FOUND);
  const seenVersion = expectedVersion === '*' ? current.version : expectedVersion;
  if (seenVersion !== current.version) throw new PreconditionFailedError(STALE);

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
      throw new UnprocessableError(clientMessage('site.registrationSiteUnusable'), [{ pointer: '/siteId', detail: unusableSiteDetail(Boolean(site)) }]);
    }
    next.site = { siteId: site.siteId, name: site.name };
    changedFields.push('siteId');
  }
  // An edit that changes nothing is answered with the profile as it is, without a new version.
  if (changedFields.length === 0) return current;

  next.version = current.version + 1;
  next.updatedAt = deps.now().toISOString();
  const outcome = await deps.clients.update({ client: next, expectedVersion: seenVersion, changedFields, by: caller.userId });
  if (outcome === 'missing') throw new NotFoundError(CLIENT_NOT_FOUND);
  if (outcome === 'stale') throw new PreconditionFailedError(STALE);
  return next;
}
