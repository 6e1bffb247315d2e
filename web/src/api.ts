/**
 * The public API, with the bearer token of the signed-in user (kept in the tab's sessionStorage, never
 * logged); problem+json answers become ApiError. Paths are prefixed with config.json's apiBaseUrl.
 * Requests and answers are typed by `paths` and `components`, generated from the API's own OpenAPI
 * document into api-types.ts (`npm run web:api-types`): `apiClient()` is an openapi-fetch client, and
 * `answered()` turns its result into the data or an ApiError.
 */
import createClient, { type Middleware, type Client as OpenApiClient } from 'openapi-fetch';
import type { components, paths } from './api-types';

/** The API's schemas (components/schemas of /v1/openapi.json), by name. */
export type Schemas = components['schemas'];

export interface FieldError {
  pointer: string;
  detail: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[],
  ) {
    super(detail || title);
  }
}

let baseUrl = '';
let language = 'en';
let token: string | undefined = sessionStorage.getItem('token') ?? undefined;
let onUnauthorized: (() => void) | undefined;

/** The same headers as send(): JSON, the UI's language and the bearer token, on every typed request. */
const sessionHeaders: Middleware = {
  onRequest({ request }) {
    if (!request.headers.has('accept')) request.headers.set('accept', 'application/json');
    request.headers.set('accept-language', language);
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
};

function typedClient(url: string): OpenApiClient<paths> {
  // fetch looked up per request (not captured once), as send() does.
  const created = createClient<paths>({ baseUrl: url, fetch: (request) => fetch(request) });
  created.use(sessionHeaders);
  return created;
}
let client = typedClient('');

export function setApiBase(url: string) {
  baseUrl = url;
  client = typedClient(url);
}

/** The typed client of the API at config.json's apiBaseUrl; pair each call with answered(). */
export function apiClient(): OpenApiClient<paths> {
  return client;
}

/** The UI's language: sent as Accept-Language, so the server writes its error texts in it. */
export function setApiLanguage(value: string) {
  language = value;
}

export function setToken(value: string | undefined) {
  token = value;
  if (value) sessionStorage.setItem('token', value);
  else sessionStorage.removeItem('token');
}

/** The held token, unless it has expired (an ID token lasts an hour; the API would answer 401). */
export function currentToken(): string | undefined {
  const expires = tokenClaims().exp;
  if (typeof expires === 'number' && expires * 1000 <= Date.now()) setToken(undefined);
  return token;
}

/** Called when the API refuses the token the user holds (expired or revoked). */
export function whenUnauthorized(handler: () => void) {
  onUnauthorized = handler;
}

/** The token's claims, for display only (the server verifies the token). */
export function tokenClaims(): Record<string, unknown> {
  const payload = token?.split('.')[1];
  if (!payload) return {};
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The raw response, for callers that read headers or a 304. */
export function send(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; cache?: RequestCache } = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language, ...options.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return fetch(baseUrl + path, { method, headers, body, ...(options.cache ? { cache: options.cache } : {}) });
}

/** The JSON body of a 2xx answer; an ApiError for anything else. */
export async function readAnswer<T>(response: Response): Promise<T> {
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    if (response.ok) throw new ApiError(response.status, 'The answer is not JSON', '', []);
  }
  if (!response.ok) throw problemError(response, data);
  return data as T;
}

/** The ApiError for a non-2xx answer (its problem+json body, if any); a 401 to a held token signs out. */
function problemError(response: Response, data: unknown): ApiError {
  if (response.status === 401 && token) onUnauthorized?.();
  const problem = (data && typeof data === 'object' ? data : {}) as { title?: string; detail?: string; errors?: FieldError[] };
  return new ApiError(response.status, problem.title ?? String(response.status), problem.detail ?? '', problem.errors ?? []);
}

/** The data of an openapi-fetch call's 2xx answer; an ApiError for anything else (as readAnswer). */
export async function answered<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (error) {
    // openapi-fetch parses a 2xx body as JSON itself; a network error stays what it is.
    if (error instanceof SyntaxError) throw new ApiError(0, 'The answer is not JSON', '', []);
    throw error;
  }
  if (!result.response.ok) throw problemError(result.response, result.error);
  return result.data as T;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return readAnswer<T>(await send(method, path, { body }));
}

/** Query parameters without the empty ones (an empty box is no filter), as openapi-fetch would send them. */
export function presentOnly<T extends Record<string, string | undefined>>(parameters: T): Partial<T> {
  return Object.fromEntries(Object.entries(parameters).filter(([, value]) => value)) as Partial<T>;
}
