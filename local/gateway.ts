/**
 * The local stand-in for API Gateway's HTTP API: it serves exactly the routes of the route table,
 * checks bearer tokens as the JWT authorizer does, and invokes the very Lambda handlers AWS runs with
 * payload 2.0 events (claims under requestContext.authorizer.jwt.claims, flattened to strings as the
 * HTTP API does). It logs nothing about requests: the handlers log their own PII-free line.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import { ROUTE_FUNCTION_TIMEOUT_SECONDS } from '../functions/api/routes/route-definition';
import type { RouteDefinition } from '../functions/api/routes';
import type { HttpEvent } from '../functions/http/route-pipeline';
import { PROBLEM_CONTENT_TYPE, problemInstance } from '../functions/http/problem';
import { localLambdaContext } from './lambda-context';
import type { TokenVerifier } from './tokens';

/** API Gateway's own payload limit; the handlers enforce the API's 64 KiB limit themselves. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

export type LambdaHandler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyResultV2>;

interface CompiledRoute {
  definition: RouteDefinition;
  pattern: RegExp;
  parameterNames: string[];
}

function compile(definition: RouteDefinition): CompiledRoute {
  const parameterNames: string[] = [];
  const source = definition.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{(\w+)\}$/.exec(segment);
      if (!parameter) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      parameterNames.push(parameter[1] as string);
      return '([^/]+)';
    })
    .join('/');
  return { definition, pattern: new RegExp(`^${source}$`), parameterNames };
}

export function sendProblem(response: ServerResponse, status: number, title: string, detail: string, extraHeaders: Record<string, string> = {}) {
  const requestId = randomUUID();
  response.writeHead(status, { 'content-type': PROBLEM_CONTENT_TYPE, ...extraHeaders });
  response.end(JSON.stringify({ type: 'about:blank', title, status, detail, instance: problemInstance(requestId) }));
}

/** Claims as the HTTP API JWT authorizer hands them to Lambda: every value a string, arrays as "[a b]". */
export function flattenClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    claims[name] = Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return claims;
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function isTextual(contentType: string | undefined): boolean {
  return !contentType || /^(text\/|application\/(json|.*\+json|xml|x-www-form-urlencoded|javascript))/i.test(contentType);
}

export interface GatewayOptions {
  routes: readonly RouteDefinition[];
  loadHandler: (definition: RouteDefinition) => Promise<LambdaHandler>;
  verifyToken: TokenVerifier;
  /**
   * Embedded mode only: answers what the route table does not (the web front end and its local
   * sign-in). Called only for paths outside /v1/, so it can never shadow an API route; it returns
   * false to fall through to the usual 404.
   */
  fallback?: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;
}

export function createGateway(options: GatewayOptions): Server {
  // Like API Gateway, a literal segment wins over a path parameter: /v1/sites/tree before /v1/sites/{siteId}.
  const compiled = options.routes.map(compile).sort((a, b) => a.parameterNames.length - b.parameterNames.length);
  return createServer((request, response) => {
    handle(request, response, compiled, options).catch((error: unknown) => {
      console.error('gateway failure', error instanceof Error ? error.name : typeof error);
      if (!response.headersSent) sendProblem(response, 500, 'Internal error', 'The local gateway failed.');
      else response.destroy();
    });
  });
}

async function handle(request: IncomingMessage, response: ServerResponse, routes: CompiledRoute[], options: GatewayOptions) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = (request.method ?? 'GET').toUpperCase();
  let matched: { route: CompiledRoute; values: string[] } | undefined;
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    if (match && route.definition.method === method) {
      matched = { route, values: match.slice(1) };
      break;
    }
  }
  if (!matched && options.fallback && url.pathname !== '/v1' && !url.pathname.startsWith('/v1/')) {
    if (await options.fallback(request, response, url)) return;
  }
  if (!matched) return sendProblem(response, 404, 'Not found', `No route ${method} ${url.pathname}.`);
  const { definition } = matched.route;

  const body = await readBody(request);
  if (body === 'too-large') return sendProblem(response, 413, 'The request body is too large', 'The body is over 10 MiB.');

  let claims: Record<string, string> | undefined;
  if (definition.auth === 'jwt') {
    const authorization = request.headers.authorization ?? '';
    const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization)?.[1];
    try {
      if (!token) throw new Error('missing');
      claims = flattenClaims(await options.verifyToken(token));
    } catch {
      return sendProblem(response, 401, 'Authentication required', 'A valid bearer token is required.', {
        'www-authenticate': 'Bearer',
      });
    }
  }

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const pathParameters: Record<string, string> = {};
  matched.route.parameterNames.forEach((name, i) => {
    pathParameters[name] = decodeURIComponent(matched.values[i] as string);
  });
  const textual = isTextual(headers['content-type']);
  const requestId = randomUUID();
  const now = new Date();
  const routeKey = `${definition.method} ${definition.path}`;
  const event = {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    cookies: headers.cookie?.split(/;\s*/),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: matched.route.parameterNames.length > 0 ? pathParameters : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      authorizer: claims ? { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } } : undefined,
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: '127',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length > 0 ? body.toString(textual ? 'utf8' : 'base64') : undefined,
    isBase64Encoded: body.length > 0 && !textual,
  } as HttpEvent;

  const handler = await options.loadHandler(definition);
  let result: APIGatewayProxyResultV2;
  try {
    result = await handler(event, localLambdaContext(definition.operationId, ROUTE_FUNCTION_TIMEOUT_SECONDS, requestId));
  } catch {
    // What API Gateway answers when the function itself fails.
    return sendProblem(response, 500, 'Internal error', 'The function failed.');
  }
  writeResult(response, result);
}

function writeResult(response: ServerResponse, result: APIGatewayProxyResultV2) {
  // A handler may return a bare value: API Gateway then answers 200 with it as JSON.
  const structured: APIGatewayProxyStructuredResultV2 =
    typeof result === 'object' && result !== null && 'statusCode' in result
      ? result
      : { statusCode: 200, body: JSON.stringify(result), headers: { 'content-type': 'application/json' } };
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name] = String(value);
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  const payload = structured.body === undefined ? undefined : Buffer.from(structured.body, structured.isBase64Encoded ? 'base64' : 'utf8');
  response.writeHead(structured.statusCode ?? 200, headers);
  response.end(payload);
}
