/**
 * The public API, with the bearer token of the signed-in user (kept in the tab's sessionStorage, never
 * logged); problem+json answers become ApiError. Paths are prefixed with config.json's apiBaseUrl.
 */
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

export function setApiBase(url: string) {
  baseUrl = url;
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
  if (!response.ok) {
    if (response.status === 401 && token) onUnauthorized?.();
    const problem = (data ?? {}) as { title?: string; detail?: string; errors?: FieldError[] };
    throw new ApiError(response.status, problem.title ?? String(response.status), problem.detail ?? '', problem.errors ?? []);
  }
  return data as T;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return readAnswer<T>(await send(method, path, { body }));
}

export function query(parameters: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) if (value) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}
