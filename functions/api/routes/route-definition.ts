/** What a route of the route table declares (functions/api/routes.ts), and the lookup handlers use. */
import type * as z from 'zod';
import type { Role } from '../../domain/caller';

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

export const AGENCY_ROLES: readonly Role[] = ['staff', 'agency-admin'];
export const ALL_ROLES: readonly Role[] = ['staff', 'agency-admin', 'operator'];

/**
 * One route of a table, by operationId (a typo does not compile). Handlers look their route up in
 * their area's table, not in the whole one, so each Lambda bundle holds (and builds at cold start)
 * only the schemas of its own area.
 */
export function routeIn<const Table extends readonly RouteDefinition[]>(
  table: Table,
  operationId: Table[number]['operationId'],
): RouteDefinition {
  const found = table.find((r) => r.operationId === operationId);
  if (!found) throw new Error(`No route ${operationId}`);
  return found;
}
