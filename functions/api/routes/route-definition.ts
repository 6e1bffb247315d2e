/**
 * What a route of the route table declares (functions/api/routes.ts), the lookup handlers use, and
 * what a route's declaration implies for its function (environment groups). A route's schemas are
 * kept with their exact types (`as const satisfies`), so the pipeline (functions/http/route-pipeline.ts)
 * types what its implementation receives: parsed body, path parameters and query, and a caller on
 * every authenticated route.
 */
import type * as z from 'zod';
import type { ItemKind, OperationOn } from '../../adapters/dynamodb/table-design';
import type { Role } from '../../domain/caller';
import type { Text } from '../../domain/messages';
import type { EnvironmentGroup, SecretName } from '../../runtime/env';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What a route's function may do to a bucket; the CDK stack grants exactly this. */
export type Access = 'none' | 'read' | 'read-write';
/**
 * A bucket level may also allow deleting objects: only for a route that removes a file it has just
 * uploaded when the record pointing at it could not be written (never to remove other data).
 */
export type BucketAccess = Access | 'read-write-delete';

/**
 * What a route's function does to the table: per item kind of the table design
 * (functions/adapters/dynamodb/table-design.ts), the operations its code calls, e.g.
 * `{ client: ['get', 'update'], audit: ['put'], site: ['get'] }`. The CDK stack grants exactly these
 * actions, each limited by `dynamodb:LeadingKeys` to that kind's partition keys
 * (adapters/dynamodb/table-grants.ts). No route may delete: `delete` and `batchWrite` (which deletes
 * too) are not route operations.
 */
export type RouteTableAccess = { readonly [K in ItemKind]?: readonly Exclude<OperationOn<K>, 'delete' | 'batchWrite'>[] };

/** Per store: the table ('none', or its item kinds), and each bucket by name (a bucket left out is 'none'). */
export interface RouteAccess {
  table: 'none' | RouteTableAccess;
  receipts?: BucketAccess;
  siteIndex?: BucketAccess;
}

/**
 * Files a function's package holds besides its bundle, by name; lib/bundling.ts says what each is.
 * `pdfRenderer`: the PDF renderer module, loaded on the first PDF, with the fonts and HarfBuzz it reads.
 */
export type PackageExtra = 'pdfRenderer';

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
  /** Secrets the function reads from its environment (functions/runtime/env.ts); the CDK wires each. */
  secrets?: readonly SecretName[];
  packageExtras?: readonly PackageExtra[];
  summary: string;
  description?: string;
  tag: string;
  /** Request body rules; they depend on the agency's "today" (dates cannot be in the future). */
  requestBody?: (today: string) => z.ZodType;
  /**
   * Path parameters, bounded in length and alphabet. Every one is an id, and an id that cannot exist
   * is a resource that does not exist: a value that fails is a 404 with `notFound`, never a store call.
   */
  params?: z.ZodObject;
  /** Query parameters: an empty parameter is the same as an absent one; a bad one is a 400 naming it. */
  query?: z.ZodObject;
  /** For the OpenAPI document; Idempotency-Key and If-Match are read by the routes that take them. */
  headers?: z.ZodObject;
  /** The detail of the 404 for a path parameter that fails its schema. */
  notFound?: Text;
  /** Fields a body must not carry because the server sets them; refused with a specific message. */
  serverOwnedFields?: readonly string[];
  /** Fields fixed at creation: a body that names them is refused as an attempt to change them. */
  immutableFields?: readonly string[];
  success: {
    status: number;
    description: string;
    schema: z.ZodType;
    headers?: Record<string, string>;
    /** Other media types the same answer comes in (chosen by Accept), each a text body described in words. */
    alternatives?: Record<string, string>;
  };
  /** Error statuses this route can answer besides 400/401/403/500/503, for the document. */
  errorStatuses?: readonly number[];
}

export const AGENCY_ROLES: readonly Role[] = ['staff', 'agency-admin'];
export const ALL_ROLES: readonly Role[] = ['staff', 'agency-admin', 'operator'];

/**
 * One route of a table, by operationId (a typo does not compile), with its declared types intact.
 * Handlers look their route up in their area's table, not in the whole one, so each Lambda bundle
 * holds (and builds at cold start) only the schemas of its own area.
 */
export function routeIn<const Table extends readonly RouteDefinition[], const Id extends Table[number]['operationId']>(
  table: Table,
  operationId: Id,
): Extract<Table[number], { operationId: Id }> {
  const found = table.find((r) => r.operationId === operationId);
  if (!found) throw new Error(`No route ${operationId}`);
  return found as Extract<Table[number], { operationId: Id }>;
}

/** The environment groups a route's function needs (functions/runtime/env.ts), from what it declares. */
export function environmentGroupsOf(route: Pick<RouteDefinition, 'access' | 'secrets'>): EnvironmentGroup[] {
  const groups: EnvironmentGroup[] = ['service'];
  if (route.access.table !== 'none') groups.push('table');
  if ((route.access.receipts ?? 'none') !== 'none') groups.push('receipts');
  if ((route.access.siteIndex ?? 'none') !== 'none') groups.push('siteIndex');
  return [...groups, ...(route.secrets ?? [])];
}

/**
 * How long a route's function may run: Lambda's timeout in the CDK stack, and the local gateway's
 * context deadline, so both stop a request at the same point. Above the request's deadline
 * (REQUEST_DEADLINE_SECONDS, 10 s by default: functions/runtime/request-deadline.ts), after which a
 * request's AWS calls are aborted and it answers 503 with Retry-After, by 3 s: the answer (and its log
 * line and metrics) is written before Lambda would cut the function off, which would leave API Gateway
 * to answer a bare 500. Well below API Gateway's 30 s. test/cdk/function-timeouts.test.ts holds both.
 */
export const ROUTE_FUNCTION_TIMEOUT_SECONDS = 13;

/** The comment indexer's timeout: a batch of 100 clients with a dozen words each is a few hundred small writes. */
export const COMMENT_INDEXER_TIMEOUT_SECONDS = 60;

/**
 * The report counter's timeout: a batch is applied per agency in transactions of at most 100 items,
 * retried a few times on conflicts with short pauses; a minute leaves room for a batch against a
 * throttled table.
 */
export const REPORT_COUNTER_TIMEOUT_SECONDS = 60;

/**
 * How long the report counter's deliveries gather records before they are handed over (Lambda's
 * MaximumBatchingWindowInSeconds; the embedded stream runner does the same). Each delivery moves each
 * of a month's 11 tally items once whatever the number of records, so gathering a second's records
 * costs a count up to a second of delay and saves most of the counter's writes under load
 * (docs/reports.md, "How counts are kept"; `npm run bench -- reports`).
 */
export const REPORT_COUNTER_BATCHING_WINDOW_SECONDS = 1;
