/**
 * The OpenAPI 3.1 document, generated from the route table and the very zod schemas the handlers
 * validate with. Nothing here is written by hand per route, so the document cannot drift from the API.
 *
 * The schemas carry their OpenAPI metadata with zod's own `.meta()`, which zod-to-openapi reads:
 * `id` names a component, `param: { name, in }` places a parameter, anything else goes into the
 * schema. No `extendZodWithOpenApi`, so the domain depends on nothing outward. Schema modules take zod
 * as `import * as z from 'zod'` and only name its members: handing zod's namespace object to a function
 * (or re-exporting it) makes esbuild keep every export of zod, its 40+ locales included, in every
 * Lambda bundle (about 450 KB minified instead of about 90 KB).
 *
 * Some components (the registration, batch, edit and session rules) are built per "today", so each new
 * day registers their ids again in zod's global registry. zod lets the newest schema take the id over
 * (no error; one entry per id; metadata held in a WeakMap, so yesterday's schemas can be collected):
 * test/unit/openapi-schema-ids.test.ts holds it to that.
 */
import { OpenApiGeneratorV31, OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { LANGUAGES } from '../domain/messages';
import { type RouteDefinition, routes } from './routes';
import { AcceptLanguageHeadersSchema, ProblemSchema } from './schemas';

const COMMON_ERRORS: Record<number, string> = {
  304: 'Not modified: If-None-Match matches the current entity tag (no body).',
  400: 'The request is not valid; `errors` names every bad field.',
  401: 'Missing, malformed, expired or wrongly signed bearer token.',
  403: 'Your role may not use this route.',
  404: "Unknown, or another agency's, resource.",
  409: 'Conflicts with the current state, or an identical request is still in progress (see Retry-After).',
  412: 'If-Match does not match the current version.',
  413: 'The body is over 64 KiB.',
  415: 'The body is not application/json.',
  422: 'Understood but cannot be processed (e.g. an unknown or inactive site, a reused Idempotency-Key).',
  428: 'If-Match is required.',
  500: 'Our bug; `instance` identifies it for support.',
  503: 'A dependency is unavailable; retry after Retry-After seconds.',
};

const PROBLEM_HEADERS: Record<string, { description: string; schema: { type: 'string'; enum?: string[] } }> = {
  'Content-Language': {
    description: 'The language the problem is written in, negotiated from Accept-Language.',
    schema: { type: 'string', enum: [...LANGUAGES] },
  },
  Vary: { description: 'Accept-Language: the problem text depends on it.', schema: { type: 'string' } },
};

function problemResponse(status: number) {
  // A 304 has no body at all.
  if (status < 400) return { description: COMMON_ERRORS[status] ?? 'No body.' };
  return {
    description: COMMON_ERRORS[status] ?? 'Error.',
    headers: PROBLEM_HEADERS,
    content: { 'application/problem+json': { schema: ProblemSchema } },
  };
}

function toRouteConfig(definition: RouteDefinition, today: string): RouteConfig {
  const statuses = new Set<number>([500, 503, ...(definition.errorStatuses ?? [])]);
  if (definition.auth === 'jwt') [401, 403].forEach((s) => statuses.add(s));
  if (definition.requestBody || definition.params || definition.query) statuses.add(400);
  const responses: RouteConfig['responses'] = {
    [definition.success.status]: {
      description: definition.success.description,
      headers: Object.fromEntries(
        Object.entries(definition.success.headers ?? {}).map(([name, description]) => [name, { description, schema: { type: 'string' } }]),
      ),
      content: {
        'application/json': { schema: definition.success.schema },
        ...Object.fromEntries(
          Object.entries(definition.success.alternatives ?? {}).map(([mediaType, description]) => [
            mediaType,
            { schema: { type: 'string' as const, description } },
          ]),
        ),
      },
    },
  };
  for (const status of [...statuses].sort()) responses[status] = problemResponse(status);
  const body = definition.requestBody?.(today);
  return {
    method: definition.method.toLowerCase() as RouteConfig['method'],
    path: definition.path,
    operationId: definition.operationId,
    summary: definition.summary,
    description: definition.description,
    tags: [definition.tag],
    security: definition.auth === 'jwt' ? [{ bearerAuth: [] }] : [],
    request: {
      params: definition.params,
      query: definition.query,
      headers: definition.headers ? definition.headers.extend(AcceptLanguageHeadersSchema.shape) : AcceptLanguageHeadersSchema,
      body: body ? { required: true, content: { 'application/json': { schema: body } } } : undefined,
    },
    responses,
  };
}

export function buildOpenApiDocument(options: { version: string; today: string }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'An ID token from the Cognito user pool (locally: `npm run token`). Claims used: sub, custom:agency_id, custom:agency_name, cognito:groups.',
  });
  for (const definition of routes) registry.registerPath(toRouteConfig(definition, options.today));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'newcomer-intake',
      version: options.version,
      description:
        'Anonymous-client registration for immigrant-settlement agencies. Errors are RFC 9457 problem+json, ' +
        'in English or French as Accept-Language prefers (Content-Language says which). ' +
        "Every record belongs to the caller's agency; another agency's records answer 404.",
    },
  });
}
