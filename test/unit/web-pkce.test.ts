/** The web front end's PKCE helpers (web/src/pkce.ts), with Node's Web Crypto as the browser's stand-in. */
import { describe, expect, it } from '@jest/globals';
import {
  authorizeUrl,
  base64url,
  codeChallenge,
  logoutUrl,
  randomToken,
  tokenEndpoint,
  tokenRequestBody,
  withoutCallbackParameters,
  type CognitoSettings,
} from '../../web/src/pkce';

const SETTINGS: CognitoSettings = {
  mode: 'cognito',
  domain: 'https://intake-prod.auth.ca-central-1.amazoncognito.com/',
  clientId: '4abc123client',
  redirectUri: 'https://d123.cloudfront.net/',
  logoutUri: 'https://d123.cloudfront.net/signed-out',
  scopes: ['openid', 'email', 'profile'],
};

describe('PKCE values', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('encodes base64url without padding', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(base64url(new Uint8Array([0x66]))).toBe('Zg');
  });

  it('makes 43-character verifiers of unreserved characters, never the same twice', () => {
    const verifiers = Array.from({ length: 200 }, () => randomToken(32));
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(verifiers).size).toBe(verifiers.length);
    expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('Cognito endpoints', () => {
  it('sends the browser to /oauth2/authorize with every parameter of the code flow with PKCE', () => {
    const url = new URL(authorizeUrl(SETTINGS, 'state-1', 'challenge-1'));
    expect(url.origin + url.pathname).toBe('https://intake-prod.auth.ca-central-1.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: '4abc123client',
      redirect_uri: 'https://d123.cloudfront.net/',
      scope: 'openid email profile',
      state: 'state-1',
      code_challenge: 'challenge-1',
      code_challenge_method: 'S256',
    });
  });

  it('redeems the code at /oauth2/token with the verifier, as a form', () => {
    expect(tokenEndpoint(SETTINGS)).toBe('https://intake-prod.auth.ca-central-1.amazoncognito.com/oauth2/token');
    expect(Object.fromEntries(tokenRequestBody(SETTINGS, 'code-1', 'verifier-1'))).toEqual({
      grant_type: 'authorization_code',
      client_id: '4abc123client',
      code: 'code-1',
      redirect_uri: 'https://d123.cloudfront.net/',
      code_verifier: 'verifier-1',
    });
    expect(tokenRequestBody(SETTINGS, 'a+b', 'c').toString()).toContain('code=a%2Bb');
  });

  it('signs out through /logout with the client id and the sign-out URL', () => {
    const url = new URL(logoutUrl(SETTINGS));
    expect(url.origin + url.pathname).toBe('https://intake-prod.auth.ca-central-1.amazoncognito.com/logout');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: '4abc123client',
      logout_uri: 'https://d123.cloudfront.net/signed-out',
    });
  });

  it('takes the code, state and error out of the address, keeping the rest', () => {
    expect(withoutCallbackParameters('https://d123.cloudfront.net/?code=c&state=s&lang=fr#top')).toBe(
      'https://d123.cloudfront.net/?lang=fr#top',
    );
    expect(withoutCallbackParameters('https://d123.cloudfront.net/?error=access_denied&error_description=No&state=s')).toBe(
      'https://d123.cloudfront.net/',
    );
  });
});
