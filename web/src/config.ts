/**
 * The deployment's settings, read at start from `config.json` beside the page: where the API is and how
 * staff sign in. The CDK static site writes it for Cognito; the embedded gateway answers local mode; a
 * 404 also means local mode with the API on the page's origin. A config.json that is there but wrong
 * stops the app with a message rather than guessing.
 */
import type { CognitoSettings } from './pkce';

export interface AppConfig {
  /** Prefix of every API path: '' for the page's own origin, else an absolute URL without a trailing slash. */
  apiBaseUrl: string;
  auth: { mode: 'local' } | CognitoSettings;
  /** Hours a form draft (and a finished outbox item) stays on the device; 12 when absent. */
  draftHours?: number;
}

export const LOCAL_CONFIG: AppConfig = { apiBaseUrl: '', auth: { mode: 'local' } };

export class ConfigError extends Error {}

function absoluteUrl(value: unknown, name: string): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new ConfigError(`${name} must be an absolute http(s) URL`);
  return value as string;
}

/** Checks the shape of config.json; throws a ConfigError naming the first bad field. */
export function parseConfig(value: unknown): AppConfig {
  const config = (value ?? {}) as { apiBaseUrl?: unknown; auth?: Record<string, unknown>; draftHours?: unknown };
  if (typeof config.apiBaseUrl !== 'string') throw new ConfigError('apiBaseUrl must be a string');
  const apiBaseUrl = config.apiBaseUrl === '' ? '' : absoluteUrl(config.apiBaseUrl, 'apiBaseUrl').replace(/\/+$/, '');
  const draftHours = config.draftHours;
  if (draftHours !== undefined && (typeof draftHours !== 'number' || !(draftHours > 0) || draftHours > 168)) {
    throw new ConfigError('draftHours must be a number of hours above 0 and at most 168');
  }
  const kept = draftHours === undefined ? {} : { draftHours };
  const auth = config.auth ?? {};
  if (auth.mode === 'local') return { apiBaseUrl, auth: { mode: 'local' }, ...kept };
  if (auth.mode !== 'cognito') throw new ConfigError('auth.mode must be "local" or "cognito"');
  if (typeof auth.clientId !== 'string' || auth.clientId === '') throw new ConfigError('auth.clientId must be a non-empty string');
  const scopes = auth.scopes;
  // Without openid Cognito hands out no ID token, and the ID token is what the API checks.
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string') || !scopes.includes('openid')) {
    throw new ConfigError('auth.scopes must be a list of strings that includes "openid"');
  }
  return {
    apiBaseUrl,
    auth: {
      mode: 'cognito',
      domain: absoluteUrl(auth.domain, 'auth.domain').replace(/\/+$/, ''),
      clientId: auth.clientId,
      redirectUri: absoluteUrl(auth.redirectUri, 'auth.redirectUri'),
      logoutUri: absoluteUrl(auth.logoutUri, 'auth.logoutUri'),
      scopes: scopes as string[],
    },
    ...kept,
  };
}

/** config.json relative to the page (so a site under a path prefix finds its own). */
export async function loadConfig(pageUrl: string): Promise<AppConfig> {
  // Never a copy from the browser's cache: a deployment that switches sign-in must take effect at once.
  // (The cast: Node's RequestInit type, which the unit tests compile against, lacks `cache`.)
  const init = { cache: 'no-store', headers: { accept: 'application/json' } } as RequestInit;
  const response = await fetch(new URL('config.json', pageUrl), init);
  if (response.status === 404) return LOCAL_CONFIG;
  if (!response.ok) throw new ConfigError(`config.json answered ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ConfigError('config.json is not JSON');
  }
  return parseConfig(body);
}
