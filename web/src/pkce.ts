/**
 * The pieces of Cognito's hosted-UI sign-in (OAuth 2.0 authorization code with PKCE, RFC 7636) that
 * need no browser state: random values, the S256 challenge, and the three URLs/bodies Cognito expects.
 * Web Crypto only (in browsers and in Node 20), so the unit tests run them as the page does.
 */

export interface CognitoSettings {
  mode: 'cognito';
  /** The hosted-UI origin, e.g. https://<prefix>.auth.<region>.amazoncognito.com */
  domain: string;
  clientId: string;
  redirectUri: string;
  logoutUri: string;
  scopes: string[];
}

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * `bytes` random bytes as base64url: 32 give a 43-character code verifier (RFC 7636 asks for 43 to 128
 * unreserved characters with 256 bits of entropy), 16 an unguessable state.
 */
export function randomToken(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** code_challenge for code_challenge_method=S256: base64url(SHA-256(verifier)), no padding. */
export async function codeChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function endpoint(settings: CognitoSettings, path: string): URL {
  return new URL(path, settings.domain.replace(/\/+$/, '') + '/');
}

export function authorizeUrl(settings: CognitoSettings, state: string, challenge: string): string {
  const url = endpoint(settings, 'oauth2/authorize');
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    scope: settings.scopes.join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

export function tokenEndpoint(settings: CognitoSettings): string {
  return endpoint(settings, 'oauth2/token').toString();
}

/** The token request's form body (application/x-www-form-urlencoded). */
export function tokenRequestBody(settings: CognitoSettings, code: string, verifier: string): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: settings.clientId,
    code,
    redirect_uri: settings.redirectUri,
    code_verifier: verifier,
  });
}

export function logoutUrl(settings: CognitoSettings): string {
  const url = endpoint(settings, 'logout');
  url.search = new URLSearchParams({ client_id: settings.clientId, logout_uri: settings.logoutUri }).toString();
  return url.toString();
}

/** The query parameters Cognito appends when it sends the browser back, removed from `url`. */
export const CALLBACK_PARAMETERS = ['code', 'state', 'error', 'error_description'] as const;

export function withoutCallbackParameters(url: string): string {
  const clean = new URL(url);
  for (const name of CALLBACK_PARAMETERS) clean.searchParams.delete(name);
  return clean.toString();
}
