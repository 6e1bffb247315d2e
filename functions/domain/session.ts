/**
 * "Begin Session with Client". An anonymous person is a new client each time a service is given, so
 * an anonymous profile takes exactly one session; the next service needs a new anonymous registration.
 * Nothing is carried from one anonymous profile to another.
 */
import '../api/openapi-zod';
import * as z from 'zod';
import type { ClientStore } from '../ports/client-store';
import type { SessionStore } from '../ports/session-store';
import type { SiteCatalog } from '../ports/site-catalog';
import { type AnonymousClient, AnonymousClientSchema, CLIENT_NOT_FOUND, dateUpToTodaySchema } from './anonymous-client';
import type { Caller } from './caller';
import { ConflictError, InvalidRequestError, NotFoundError, UnprocessableError } from './errors';
import { freeTextInputSchema } from './free-text';
import { newId } from './ids';
import { codesOf, DELIVERY_METHODS, SESSION_TYPES } from './reference-data';
import { SiteIdSchema, unusableSiteDetail } from './site';
import { clientMessage } from './client-messages';

export const MAX_SESSION_NOTES_CHARACTERS = 4000;
export const SESSION_ALREADY_TAKEN = clientMessage('client.sessionTaken');

const SessionTypeSchema = z.enum(codesOf(SESSION_TYPES)).openapi({ description: 'A session type code from GET /v1/reference-data.' });
const DeliveryMethodSchema = z.enum(codesOf(DELIVERY_METHODS)).openapi({ description: 'A delivery method code from GET /v1/reference-data.' });

const newSessionSchemas = new Map<string, z.ZodType>();

/** The session form's rules as of the agency's `today` (the service date cannot be in the future). */
export function newSessionSchema(today: string) {
  const build = () =>
    z
      .strictObject({
        sessionType: SessionTypeSchema,
        serviceDate: dateUpToTodaySchema(today),
        siteId: SiteIdSchema,
        deliveryMethod: DeliveryMethodSchema,
        durationMinutes: z.int().min(1).max(1440).optional().openapi({ description: 'Minutes spent with the client, 1 to 1,440.' }),
        notes: freeTextInputSchema(MAX_SESSION_NOTES_CHARACTERS)
          .optional()
          .transform((value) => value ?? null)
          .openapi({ type: ['string', 'null'], maxLength: MAX_SESSION_NOTES_CHARACTERS }),
      })
      .openapi('NewSession');
  let schema = newSessionSchemas.get(today) as ReturnType<typeof build> | undefined;
  if (!schema) {
    newSessionSchemas.clear();
    schema = build();
    newSessionSchemas.set(today, schema);
  }
  return schema;
}

export type NewSession = z.output<ReturnType<typeof newSessionSchema>>;

export const SessionSchema = z
  .object({
    sessionId: z.string(),
    clientId: z.string(),
    agency: AnonymousClientSchema.shape.agency,
    sessionType: SessionTypeSchema,
    serviceDate: z.string().openapi({ format: 'date' }),
    site: AnonymousClientSchema.shape.site,
    deliveryMethod: DeliveryMethodSchema,
    durationMinutes: z.int().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    createdBy: z.string(),
  })
  .openapi('Session');

export type Session = z.output<typeof SessionSchema>;

export const SessionListSchema = z.object({ items: z.array(SessionSchema) }).openapi('SessionList');

export const SessionDraftSchema = z
  .object({
    clientId: z.string(),
    agency: AnonymousClientSchema.shape.agency,
    site: AnonymousClientSchema.shape.site,
    serviceDate: z.string().openapi({ format: 'date', description: "Today in the agency's time zone." }),
    deliveryMethod: z.literal('IN_PERSON'),
    client: AnonymousClientSchema.pick({ gender: true, arrivalYear: true, immigrationStatus: true, postalCode: true }),
  })
  .openapi('SessionDraft');

export type SessionDraft = z.output<typeof SessionDraftSchema>;

/** The session form pre-filled from the profile: its agency and site, today, in person. */
export function sessionDraft(client: AnonymousClient, today: string): SessionDraft {
  return {
    clientId: client.clientId,
    agency: client.agency,
    site: client.site,
    serviceDate: today,
    deliveryMethod: 'IN_PERSON',
    client: {
      gender: client.gender,
      arrivalYear: client.arrivalYear,
      immigrationStatus: client.immigrationStatus,
      postalCode: client.postalCode,
    },
  };
}

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
  const outcome = await deps.sessions.create(session);
  if (outcome === 'already-taken') throw new ConflictError(SESSION_ALREADY_TAKEN);
  if (outcome === 'client-missing') throw new NotFoundError(CLIENT_NOT_FOUND);
  return session;
}

async function activeSiteOrThrow(sites: SiteCatalog, siteId: string) {
  const site = await sites.get(siteId);
  if (!site?.active) {
    throw new UnprocessableError(clientMessage('site.sessionSiteUnusable'), [{ pointer: '/siteId', detail: unusableSiteDetail(Boolean(site)) }]);
  }
  return { siteId: site.siteId, name: site.name };
}
