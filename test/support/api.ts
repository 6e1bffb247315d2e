/** A small HTTP client for tests: tokens from the server's data directory, JSON in and out. */
import type { Role } from '../../functions/domain/caller';
import { issueLocalToken } from '../../local/tokens';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** The embedded server test/integration/global-setup.ts started for this run. */
export function server() {
  return { url: startedBy('IT_SERVER_URL'), dataDir: startedBy('IT_DATA_DIR'), logFile: startedBy('IT_SERVER_LOG_FILE') };
}

function startedBy(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this test in the integration project, whose global setup starts the server`);
  return value;
}

export function tokenFor(agencyId: string, options: { role?: Role; userId?: string; agencyName?: string; ttlSeconds?: number } = {}) {
  return issueLocalToken(server().dataDir, { agencyId, agencyName: options.agencyName ?? `Agency ${agencyId}`, ...options });
}

export async function call<T = any>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; baseUrl?: string } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${options.baseUrl ?? server().url}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

/** A fresh agency id per test, so tests never see each other's records. */
export function uniqueAgency(label = 'agency'): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}`;
}
