/**
 * THE route table. The local gateway serves exactly these routes and the CDK stack deploys exactly
 * these (one function each, granted exactly `access`); the OpenAPI document lists exactly these.
 * Add a route here and nowhere else.
 */
import type { z } from 'zod';
import {
  AnonymousClientListSchema,
  AnonymousClientSchema,
  anonymousClientRules,
  IMMUTABLE_FIELDS,
  SERVER_OWNED_FIELDS,
} from '../domain/anonymous-client';
import { ClientHistorySchema } from '../domain/audit';
import type { Role } from '../domain/caller';
import { FindAnonymousClientsQuerySchema, FoundAnonymousClientsSchema } from '../domain/find-anonymous-clients';
import { newSessionSchema, SessionDraftSchema, SessionListSchema, SessionSchema } from '../domain/session';
import { SiteSchema } from '../domain/site';
import {
  ClientIdParamsSchema,
  HealthSchema,
  IdempotencyHeadersSchema,
  IfMatchHeadersSchema,
  OpenApiDocumentSchema,
  ReferenceDataSchema,
  SiteIdParamsSchema,
} from './schemas';
import { CompactSiteIndexSchema, ListSitesQuerySchema, SiteListSchema, SiteTreeSchema } from './site-search-schemas';
import { ReceiptListSchema, ReceiptRequestSchema, ReceiptSchema } from '../domain/receipts/receipt';
import { ClientReceiptParamsSchema } from './receipt-schemas';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What a route's function may do to one store; the CDK stack grants exactly this. */
export type Access = 'none' | 'read' | 'read-write';
/**
 * A bucket level may also allow deleting objects: only for a route that removes a file it has just
 * uploaded when the record pointing at it could not be written (never to remove other data).
 */
export type BucketAccess = Access | 'read-write-delete';

/** Per store: the table, and each bucket by name (a bucket left out is 'none'). */
export interface RouteAccess {
  table: Access;
  receipts?: BucketAccess;
  siteIndex?: BucketAccess;
}

export interface RouteDefinition {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI and API Gateway path template, e.g. `/v1/anonymous-clients/{clientId}`. */
  path: string;
  /** The Lambda entry file, relative to the repository root; it exports `handler`. */
  handler: string;
  /** `public` routes skip the JWT authorizer; every other route needs a valid token and one of `roles`. */
  auth: 'public' | 'jwt';
  roles: readonly Role[];
  access: RouteAccess;
  summary: string;
  description?: string;
  tag: string;
  /** Request body rules; they depend on the agency's "today" (dates cannot be in the future). */
  requestBody?: (today: string) => z.ZodType;
  params?: z.ZodObject;
  /** Query parameters, for the document; the handler validates them with this same schema (parseOrThrow). */
  query?: z.ZodObject;
  headers?: z.ZodObject;
  /** Fields a body must not carry because the server sets them; refused with a specific message. */
  serverOwnedFields?: readonly string[];
  /** Fields fixed at creation: a body that names them is refused as an attempt to change them. */
  immutableFields?: readonly string[];
  success: { status: number; description: string; schema: z.ZodType; headers?: Record<string, string> };
  /** Error statuses this route can answer besides 400/401/403/500/503, for the document. */
  errorStatuses?: readonly number[];
}

const AGENCY_ROLES: readonly Role[] = ['staff', 'agency-admin'];
const ALL_ROLES: readonly Role[] = ['staff', 'agency-admin', 'operator'];

export const routes = [
  {
    operationId: 'getHealth',
    method: 'GET',
    path: '/v1/health',
    handler: 'functions/handlers/get-health.ts',
    auth: 'public',
    roles: [],
    access: { table: 'none' },
    summary: 'Liveness and version',
    tag: 'Service',
    success: { status: 200, description: 'The service is up.', schema: HealthSchema },
  },
  {
    operationId: 'getOpenApiDocument',
    method: 'GET',
    path: '/v1/openapi.json',
    handler: 'functions/handlers/get-openapi-document.ts',
    auth: 'public',
    roles: [],
    access: { table: 'none' },
    summary: 'This OpenAPI 3.1 document',
    tag: 'Service',
    success: { status: 200, description: 'The OpenAPI document.', schema: OpenApiDocumentSchema },
  },
  {
    operationId: 'getReferenceData',
    method: 'GET',
    path: '/v1/reference-data',
    handler: 'functions/handlers/get-reference-data.ts',
    auth: 'jwt',
    roles: ALL_ROLES,
    access: { table: 'none' },
    summary: 'Codes and bilingual labels for the registration form',
    tag: 'Reference data',
    success: { status: 200, description: 'Reference data.', schema: ReferenceDataSchema },
  },
  {
    operationId: 'registerAnonymousClient',
    method: 'POST',
    path: '/v1/anonymous-clients',
    handler: 'functions/handlers/register-anonymous-client.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: 'read-write' },
    summary: 'Register an anonymous client',
    description:
      "The agency comes from the caller's token; client name and type are fixed. The site name is filled in from the catalog.",
    tag: 'Anonymous clients',
    requestBody: (today) => anonymousClientRules(today).registration,
    headers: IdempotencyHeadersSchema,
    serverOwnedFields: SERVER_OWNED_FIELDS,
    success: {
      status: 201,
      description: 'Registered (or, with Idempotent-Replayed: true, the first answer to this Idempotency-Key).',
      schema: AnonymousClientSchema,
      headers: {
        Location: 'The new client: /v1/anonymous-clients/{clientId}.',
        ETag: 'The version, for If-Match on later edits.',
        'Idempotent-Replayed': '"true" when this answer replays an earlier request with the same Idempotency-Key.',
      },
    },
    errorStatuses: [409, 413, 415, 422],
  },
  {
    operationId: 'getAnonymousClient',
    method: 'GET',
    path: '/v1/anonymous-clients/{clientId}',
    handler: 'functions/handlers/get-anonymous-client.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: 'read' },
    summary: "One of the agency's anonymous clients",
    description: "Another agency's client is answered exactly like a missing one: 404.",
    tag: 'Anonymous clients',
    params: ClientIdParamsSchema,
    success: { status: 200, description: 'The client.', schema: AnonymousClientSchema, headers: { ETag: 'The version.' } },
    errorStatuses: [404],
  },
  {
    operationId: 'registerAnonymousClientBatch',
    method: 'POST',
    path: '/v1/anonymous-clients/batch',
    handler: 'functions/handlers/register-anonymous-client-batch.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: 'read-write' },
    summary: 'Register several anonymous clients at once (a room of people), all or nothing',
    description: '1 to 25 clients, each as for a single registration. Errors point at the client: /clients/3/postalCode.',
    tag: 'Anonymous clients',
    requestBody: (today) => anonymousClientRules(today).batch,
    headers: IdempotencyHeadersSchema,
    serverOwnedFields: SERVER_OWNED_FIELDS,
    success: { status: 201, description: 'All registered, in the order sent.', schema: AnonymousClientListSchema },
    errorStatuses: [409, 413, 415, 422],
  },
  {
    operationId: 'editAnonymousClient',
    method: 'PATCH',
    path: '/v1/anonymous-clients/{clientId}',
    handler: 'functions/handlers/edit-anonymous-client.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: 'read-write' },
    summary: 'Correct an anonymous client',
    description:
      'Only gender, arrivalYear, immigrationStatus, postalCode, siteId and comments may change; null clears postalCode or comments. registrationDate, clientType, clientName and agency are immutable (400). If-Match with the ETag is required (428 without, 412 when stale; "*" accepts any version).',
    tag: 'Anonymous clients',
    requestBody: (today) => anonymousClientRules(today).edit,
    params: ClientIdParamsSchema,
    headers: IfMatchHeadersSchema,
    serverOwnedFields: SERVER_OWNED_FIELDS,
    immutableFields: IMMUTABLE_FIELDS,
    success: { status: 200, description: 'The client as now stored.', schema: AnonymousClientSchema, headers: { ETag: 'The new version.' } },
    errorStatuses: [404, 412, 413, 415, 422, 428],
  },
  {
    operationId: 'getAnonymousClientHistory',
    method: 'GET',
    path: '/v1/anonymous-clients/{clientId}/history',
    handler: 'functions/handlers/get-anonymous-client-history.ts',
    auth: 'jwt',
    roles: ['agency-admin'],
    access: { table: 'read' },
    summary: "A client's audit trail: who did what and to which fields, never the values",
    tag: 'Anonymous clients',
    params: ClientIdParamsSchema,
    success: { status: 200, description: 'Oldest first.', schema: ClientHistorySchema },
    errorStatuses: [404],
  },
  {
    operationId: 'getSessionDraft',
    method: 'GET',
    path: '/v1/anonymous-clients/{clientId}/session-draft',
    handler: 'functions/handlers/get-session-draft.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: 'read' },
    summary: '"Begin Session with Client": the session form pre-filled from the profile',
    tag: 'Sessions',
    params: ClientIdParamsSchema,
    success: { status: 200, description: "Pre-filled: agency, site, today's date, in person.", schema: SessionDraftSchema },
    errorStatuses: [404],
  },
  {
    operationId: 'beginSession',
    method: 'POST',
    path: '/v1/anonymous-clients/{clientId}/sessions',
    handler: 'functions/handlers/begin-session.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: 'read-write' },
    summary: 'Create the one session an anonymous client takes',
    description:
      'An anonymous person is a new client each time a session is created: a second session for the same profile is a 409 telling staff to register a new anonymous client.',
    tag: 'Sessions',
    requestBody: (today) => newSessionSchema(today),
    params: ClientIdParamsSchema,
    success: { status: 201, description: 'The session.', schema: SessionSchema },
    errorStatuses: [404, 409, 413, 415, 422],
  },
  {
    operationId: 'listSessions',
    method: 'GET',
    path: '/v1/anonymous-clients/{clientId}/sessions',
    handler: 'functions/handlers/list-sessions.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: 'read' },
    summary: "The client's session (at most one)",
    tag: 'Sessions',
    params: ClientIdParamsSchema,
    success: { status: 200, description: 'Zero or one session.', schema: SessionListSchema },
    errorStatuses: [404],
  },
  {
    operationId: 'getSite',
    method: 'GET',
    path: '/v1/sites/{siteId}',
    handler: 'functions/handlers/get-site.ts',
    auth: 'jwt',
    roles: ALL_ROLES,
    access: { table: 'read' },
    summary: 'One registration site (also an inactive one: old registrations point at it)',
    tag: 'Registration sites',
    params: SiteIdParamsSchema,
    success: { status: 200, description: 'The site.', schema: SiteSchema },
    errorStatuses: [404],
  },
  {
    operationId: 'listSites',
    method: 'GET',
    path: '/v1/sites',
    handler: 'functions/handlers/list-sites.ts',
    auth: 'jwt',
    roles: ALL_ROLES,
    access: { table: 'none', siteIndex: 'read' },
    summary: 'Find registration sites by name, or list the sites under a node of the browse tree',
    description:
      'Served from the in-memory site index (never a table scan). Inactive sites are never listed. Ranked: names that start with q, then names with every word of q as a word prefix, then typo matches; ties alphabetical. An empty parameter is the same as an absent one.',
    tag: 'Registration sites',
    query: ListSitesQuerySchema,
    success: { status: 200, description: 'One page of matches.', schema: SiteListSchema },
  },
  {
    operationId: 'getSiteTree',
    method: 'GET',
    path: '/v1/sites/tree',
    handler: 'functions/handlers/get-site-tree.ts',
    auth: 'jwt',
    roles: ALL_ROLES,
    access: { table: 'none', siteIndex: 'read' },
    summary: 'The browse tree: Schools by school board, Non-schools or Reception Centres by group',
    description: "Each count equals the total of GET /v1/sites for that node: a child's key is `<category>:<group>`.",
    tag: 'Registration sites',
    success: { status: 200, description: 'The tree.', schema: SiteTreeSchema },
  },
  {
    operationId: 'getSiteIndex',
    method: 'GET',
    path: '/v1/sites/index',
    handler: 'functions/handlers/get-site-index.ts',
    auth: 'jwt',
    roles: ALL_ROLES,
    access: { table: 'none', siteIndex: 'read' },
    summary: 'The compact site index, for front ends that filter as the user types',
    description:
      'Strong ETag (one per content coding), Cache-Control, 304 on a matching If-None-Match, gzip when Accept-Encoding allows it.',
    tag: 'Registration sites',
    success: {
      status: 200,
      description: 'Every active site as [siteId, name, group].',
      schema: CompactSiteIndexSchema,
      headers: {
        ETag: 'Strong entity tag of this representation; send it back in If-None-Match.',
        'Cache-Control': 'private, max-age=60: reuse for a minute, then revalidate.',
        Vary: 'Accept-Encoding',
      },
    },
    errorStatuses: [304],
  },
  {
    operationId: 'createReceipt',
    method: 'POST',
    path: '/v1/anonymous-clients/{clientId}/receipts',
    handler: 'functions/handlers/create-receipt.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: 'read-write', receipts: 'read-write-delete' },
    summary: 'Print the Registration Receipt: render a PDF or CSV receipt in English or French and store it',
    description:
      'The file is stored (encrypted) in the receipts bucket; `url` is a presigned GET link that downloads it as anonymous-client-<short id>-receipt.<ext> until `urlExpiresAt` (15 minutes by default). Receipts are kept 30 days by default.',
    tag: 'Receipts',
    requestBody: () => ReceiptRequestSchema,
    params: ClientIdParamsSchema,
    success: {
      status: 201,
      description: 'The receipt, with a download link.',
      schema: ReceiptSchema,
      headers: { Location: 'The receipt: /v1/anonymous-clients/{clientId}/receipts/{receiptId}.' },
    },
    errorStatuses: [404, 413, 415],
  },
  {
    operationId: 'listReceipts',
    method: 'GET',
    path: '/v1/anonymous-clients/{clientId}/receipts',
    handler: 'functions/handlers/list-receipts.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: 'read', receipts: 'read' },
    summary: "A client's receipts that can still be retrieved, newest first, each with a fresh link",
    tag: 'Receipts',
    params: ClientIdParamsSchema,
    success: { status: 200, description: 'The receipts.', schema: ReceiptListSchema },
    errorStatuses: [404],
  },
  {
    operationId: 'getReceipt',
    method: 'GET',
    path: '/v1/anonymous-clients/{clientId}/receipts/{receiptId}',
    handler: 'functions/handlers/get-receipt.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: 'read', receipts: 'read' },
    summary: 'One receipt with a fresh link',
    description: "Another agency's receipt, or one past its retention period, is answered 404.",
    tag: 'Receipts',
    params: ClientReceiptParamsSchema,
    success: { status: 200, description: 'The receipt.', schema: ReceiptSchema },
    errorStatuses: [404],
  },
  {
    operationId: 'findAnonymousClients',
    method: 'GET',
    path: '/v1/anonymous-clients',
    handler: 'functions/handlers/find-anonymous-clients.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: 'read' },
    summary: 'Find a Client or Group Activity in my Agency: search comments, newest registration first',
    description:
      "Only the caller's agency. Every word of q must be a word of the comments (the last may be its beginning, 2 letters or more); case and accents do not matter. siteId, from and to also work without q. An empty parameter is the same as an absent one. A new or edited comment is searchable within about a second.",
    tag: 'Anonymous clients',
    query: FindAnonymousClientsQuerySchema,
    success: { status: 200, description: 'One page of matches.', schema: FoundAnonymousClientsSchema(AnonymousClientSchema) },
  },
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof routes)[number]['operationId'];

export function route(operationId: RouteId): RouteDefinition {
  const found = routes.find((r) => r.operationId === operationId);
  if (!found) throw new Error(`No route ${operationId}`);
  return found;
}
