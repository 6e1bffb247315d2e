/**
 * The local stand-in for API Gateway's HTTP API: it serves exactly the routes of the route table,
 * checks bearer tokens as the JWT authorizer does (docs/token-verification.md), and invokes the very
 * Lambda handlers AWS runs with payload 2.0 events (claims under requestContext.authorizer.jwt.claims,
 * flattened to strings as the HTTP API does). Path and query values are percent-decoded strictly
 * (a bad escape is a 400), and a body that is not UTF-8 text reaches the function as bytes (base64).
 * It logs nothing about requests: the handlers log their own PII-free line.
 */
import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RouteDefinition } from '../functions/api/routes';
import { ROUTE_FUNCTION_TIMEOUT_SECONDS } from '../functions/api/routes/route-definition';
import { PROBLEM_CONTENT_TYPE, problemInstance } from '../functions/http/problem';
import type { HttpEvent } from '../functions/http/route-pipeline';
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

interface GatewayFieldError {
  pointer: string;
  detail: string;
}

/**
 * A problem answered by the gateway itself (in English, as API Gateway's own answers are). When the
 * request's body was abandoned part-way (a reader stopped at a limit), the connection cannot carry
 * another request: the answer says `Connection: close` and the socket is closed after it.
 */
export function sendProblem(
  response: ServerResponse,
  status: number,
  title: string,
  detail: string,
  extraHeaders: Record<string, string> = {},
  errors?: GatewayFieldError[],
) {
  const requestId = randomUUID();
  const close = response.req.destroyed ? { connection: 'close' } : {};
  response.writeHead(status, { 'content-type': PROBLEM_CONTENT_TYPE, ...close, ...extraHeaders });
  response.end(
    JSON.stringify({ type: 'about:blank', title, status, detail, instance: problemInstance(requestId), ...(errors ? { errors } : {}) }),
  );
}

/**
 * A refusal before the whole body was read (a badly encoded path or query, a body over the limit): the
 * unread rest would be taken for the next request, so the connection ends with this answer. Node
 * closes the socket once the answer is written, because it says `Connection: close`.
 */
function refuseAndClose(response: ServerResponse, status: number, title: string, detail: string, errors?: GatewayFieldError[]) {
  sendProblem(response, status, title, detail, { connection: 'close' }, errors);
}

/** `decodeURIComponent` without the URIError: undefined for a bad escape or bytes that are not UTF-8. */
function percentDecoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function pointerOf(name: string): string {
  return `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * The query's parameters, decoded as a form (`+` is a space) but strictly: URLSearchParams would keep
 * a bad escape as it is and turn bytes that are not UTF-8 into U+FFFD, so each raw name and value is
 * decoded here, and every one that cannot be is named. Repeated names are joined with commas, as
 * API Gateway does.
 */
function parseQuery(search: string): { query: Record<string, string> } | { errors: GatewayFieldError[] } {
  // No prototype: "?__proto__=x" is a parameter like any other (on a plain object it would vanish).
  const query: Record<string, string> = Object.create(null) as Record<string, string>;
  const errors: GatewayFieldError[] = [];
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawName = equals === -1 ? pair : pair.slice(0, equals);
    const rawValue = equals === -1 ? '' : pair.slice(equals + 1);
    const name = percentDecoded(rawName.replace(/\+/g, ' '));
    if (name === undefined) {
      errors.push({ pointer: '', detail: 'a query parameter name is not correctly percent-encoded UTF-8' });
      continue;
    }
    const value = percentDecoded(rawValue.replace(/\+/g, ' '));
    if (value === undefined) {
      errors.push({ pointer: pointerOf(name), detail: 'is not correctly percent-encoded UTF-8' });
      continue;
    }
    query[name] = name in query ? `${query[name]},${value}` : value;
  }
  return errors.length > 0 ? { errors } : { query };
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
  const server = createServer((request, response) => {
    handle(request, response, compiled, options).catch((error: unknown) => {
      console.error('gateway failure', error instanceof Error ? error.name : typeof error);
      if (!response.headersSent) sendProblem(response, 500, 'Internal error', 'The local gateway failed.');
      else response.destroy();
    });
  });
  server.on('clientError', answerUnparsable);
  return server;
}

/**
 * A request Node cannot parse never reaches `handle`: Node would answer a bare 400 or 431 without a
 * body. The gateway answers problem+json instead, and closes the connection (what follows cannot be
 * read as a request). A request line and headers over Node's limit (16 KiB) is a 400, as the contract
 * has a query value that is too long.
 */
function answerUnparsable(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, detail] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'The request did not arrive in time.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [400, 'Bad Request', 'The request line and headers are over 16 KiB.']
        : [400, 'Bad Request', 'The request is not valid HTTP/1.1.'];
  const title = status === 408 ? 'Request timeout' : 'The request is not valid';
  const body = JSON.stringify({ type: 'about:blank', title, status, detail, instance: problemInstance(randomUUID()) });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
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

  // A path or query value that is not percent-encoded UTF-8 makes a malformed request: 400 before
  // anything else, the body unread (docs/token-verification.md, "Request text").
  const pathParameters: Record<string, string> = {};
  const badPath = matched.route.parameterNames.filter((name, i) => {
    const value = percentDecoded(matched.values[i] as string);
    if (value !== undefined) pathParameters[name] = value;
    return value === undefined;
  });
  if (badPath.length > 0) {
    return refuseAndClose(
      response,
      400,
      'The request is not valid',
      `The path is not correctly percent-encoded UTF-8 (${badPath.map((name) => `{${name}}`).join(', ')}).`,
    );
  }
  const parsedQuery = parseQuery(url.search);
  if ('errors' in parsedQuery) {
    return refuseAndClose(
      response,
      400,
      'The request is not valid',
      'One or more query parameters are not correctly percent-encoded UTF-8.',
      parsedQuery.errors,
    );
  }
  const { query } = parsedQuery;

  const body = await readBody(request);
  if (body === 'too-large') return refuseAndClose(response, 413, 'The request body is too large', 'The body is over 10 MiB.');

  let claims: Record<string, string> | undefined;
  if (definition.auth === 'jwt') {
    // The authorizer's identity source may hold the token alone or prefixed with "Bearer".
    const authorization = request.headers.authorization ?? '';
    const token = /^(?:Bearer )?([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization)?.[1];
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
  // Text goes to the function as a string only when it is UTF-8: other bytes go as they are (base64),
  // so the function can refuse them rather than read U+FFFD where they were.
  const textual = isTextual(headers['content-type']) && isUtf8(body);
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
