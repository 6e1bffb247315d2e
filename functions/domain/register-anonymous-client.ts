/**
 * "Register New Client/Activity" for an anonymous client. Plain domain logic: no AWS, no HTTP.
 * The agency, client name and type come from here and the caller's identity, never from the request.
 */
import type { ClientStore, IdempotencyRecord } from '../ports/client-store';
import type { SiteCatalog } from '../ports/site-catalog';
import { ANONYMOUS_CLIENT_NAME, type AnonymousClient, type AnonymousClientRegistration } from './anonymous-client';
import type { Caller } from './caller';
import { canonicalJson, sha256Hex } from './canonical-json';
import { clientMessage } from './client-messages';
import { ConflictError, type FieldError, UnprocessableError } from './errors';
import { newId } from './ids';
import { unusableSiteDetail } from './site';

export const IDEMPOTENCY_WINDOW_HOURS = 24;

export interface RegistrationDependencies {
  clients: ClientStore;
  sites: SiteCatalog;
  now: () => Date;
  newId?: () => string;
}

export interface IdempotentRequest {
  key: string;
  /** The request body as received (before defaults), hashed to tell a retry from a different request. */
  rawBody: unknown;
}

export interface RegistrationResult {
  clients: AnonymousClient[];
  replayed: boolean;
}

/**
 * Registers one or more anonymous clients (a room of people is one call), all or nothing.
 * `pointerPrefix(i)` says where client `i` sits in the request body, for error pointers.
 */
export async function registerAnonymousClients(
  registrations: AnonymousClientRegistration[],
  caller: Caller,
  deps: RegistrationDependencies,
  options: { idempotency?: IdempotentRequest; pointerPrefix: (index: number) => string },
): Promise<RegistrationResult> {
  const idempotency = options.idempotency;
  const claimId = idempotency && { agencyId: caller.agencyId, userId: caller.userId, key: idempotency.key };
  const requestHash = idempotency && sha256Hex(canonicalJson(idempotency.rawBody));

  // A retry is answered from the first request's record before anything else is checked: the site
  // may have been deactivated since, and the retry must still get the same answer.
  if (claimId && requestHash) {
    const existing = await deps.clients.findIdempotencyRecord(claimId, deps.now());
    if (existing) return replay(existing, requestHash, caller, deps.clients);
  }

  const siteNames = await resolveSiteNames(registrations, deps.sites, options.pointerPrefix);
  const now = deps.now();
  const timestamp = now.toISOString();
  const makeId = deps.newId ?? newId;
  const clients: AnonymousClient[] = registrations.map((registration) => ({
    clientId: makeId(),
    clientType: 'ANONYMOUS',
    clientName: ANONYMOUS_CLIENT_NAME.en,
    agency: { agencyId: caller.agencyId, name: caller.agencyName },
    gender: registration.gender,
    arrivalYear: registration.arrivalYear,
    immigrationStatus: registration.immigrationStatus,
    postalCode: registration.postalCode,
    registrationDate: registration.registrationDate,
    site: { siteId: registration.siteId, name: siteNames.get(registration.siteId) as string },
    comments: registration.comments,
    createdAt: timestamp,
    createdBy: caller.userId,
    updatedAt: timestamp,
    version: 1,
  }));

  const claim =
    claimId && requestHash
      ? { ...claimId, requestHash, expiresAt: new Date(now.getTime() + IDEMPOTENCY_WINDOW_HOURS * 3_600_000) }
      : undefined;
  const outcome = await deps.clients.create(clients, claim);
  if (outcome.kind === 'created') return { clients, replayed: false };
  if (outcome.existing && requestHash) return replay(outcome.existing, requestHash, caller, deps.clients);
  // The key is taken but its record is not readable yet: a concurrent first request is committing.
  throw new ConflictError(clientMessage('request.idempotencyInProgress'), 1);
}

async function replay(existing: IdempotencyRecord, requestHash: string, caller: Caller, clients: ClientStore): Promise<RegistrationResult> {
  if (existing.requestHash !== requestHash) {
    throw new UnprocessableError(clientMessage('request.idempotencyKeyReused'));
  }
  // The replay shows the clients as they are now: the same ids, with any edits made since.
  return { clients: await clients.getMany(caller.agencyId, existing.clientIds), replayed: true };
}

async function resolveSiteNames(
  registrations: AnonymousClientRegistration[],
  sites: SiteCatalog,
  pointerPrefix: (index: number) => string,
): Promise<Map<string, string>> {
  const uniqueIds = [...new Set(registrations.map((r) => r.siteId))];
  const found = await Promise.all(uniqueIds.map((siteId) => sites.get(siteId)));
  const names = new Map<string, string>();
  const inactive = new Set<string>();
  found.forEach((site, i) => {
    if (site?.active) names.set(site.siteId, site.name);
    else if (site) inactive.add(uniqueIds[i] as string);
  });
  const errors: FieldError[] = [];
  registrations.forEach((registration, index) => {
    if (names.has(registration.siteId)) return;
    errors.push({
      pointer: `${pointerPrefix(index)}/siteId`,
      detail: unusableSiteDetail(inactive.has(registration.siteId)),
    });
  });
  if (errors.length > 0) throw new UnprocessableError(clientMessage('site.registrationSiteUnusable'), errors);
  return names;
}
