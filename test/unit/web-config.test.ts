/** The web front end's config.json (web/src/config.ts): its shape, and what a missing or broken file means. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, LOCAL_CONFIG, loadConfig, parseConfig } from '../../web/src/config';

const COGNITO = {
  apiBaseUrl: 'https://abc.execute-api.ca-central-1.amazonaws.com',
  auth: {
    mode: 'cognito',
    domain: 'https://intake.auth.ca-central-1.amazoncognito.com',
    clientId: '4abc123client',
    redirectUri: 'https://d123.cloudfront.net/',
    logoutUri: 'https://d123.cloudfront.net/',
    scopes: ['openid', 'email', 'profile'],
  },
};

describe('parseConfig', () => {
  it('reads both modes as the CDK app and the embedded gateway write them', () => {
    expect(parseConfig(COGNITO)).toEqual(COGNITO);
    expect(parseConfig({ apiBaseUrl: '', auth: { mode: 'local' } })).toEqual(LOCAL_CONFIG);
    expect(parseConfig({ ...COGNITO, apiBaseUrl: 'https://api.example.ca/' }).apiBaseUrl).toBe('https://api.example.ca');
  });

  it.each([
    ['no apiBaseUrl', { auth: { mode: 'local' } }, /apiBaseUrl/],
    ['a relative apiBaseUrl', { apiBaseUrl: '/api', auth: { mode: 'local' } }, /apiBaseUrl/],
    ['an unknown mode', { apiBaseUrl: '', auth: { mode: 'saml' } }, /auth\.mode/],
    ['no client id', { ...COGNITO, auth: { ...COGNITO.auth, clientId: '' } }, /clientId/],
    ['scopes without openid', { ...COGNITO, auth: { ...COGNITO.auth, scopes: ['email'] } }, /openid/],
    [
      'a domain without its scheme',
      { ...COGNITO, auth: { ...COGNITO.auth, domain: 'intake.auth.ca-central-1.amazoncognito.com' } },
      /auth\.domain/,
    ],
    ['a javascript: redirect', { ...COGNITO, auth: { ...COGNITO.auth, redirectUri: 'javascript:alert(1)' } }, /redirectUri/],
  ])('refuses %s', (_, value, message) => {
    expect(() => parseConfig(value)).toThrow(ConfigError);
    expect(() => parseConfig(value)).toThrow(message);
  });
});

describe('loadConfig', () => {
  let server: Server;
  let base: string;
  const answers: Record<string, [number, string]> = {
    '/aws/config.json': [200, JSON.stringify(COGNITO)],
    '/broken/config.json': [200, '{"apiBaseUrl":'],
    '/failing/config.json': [500, 'oops'],
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      const [status, body] = answers[request.url ?? ''] ?? [404, 'not found'];
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reads config.json beside the page', async () => {
    expect(await loadConfig(`${base}/aws/index.html`)).toEqual(COGNITO);
    expect(await loadConfig(`${base}/aws/?code=1`)).toEqual(COGNITO);
  });

  it('takes a 404 for local mode with the API on the same origin', async () => {
    expect(await loadConfig(`${base}/`)).toEqual(LOCAL_CONFIG);
  });

  it('stops on a file that is there but unreadable', async () => {
    await expect(loadConfig(`${base}/broken/`)).rejects.toThrow('config.json is not JSON');
    await expect(loadConfig(`${base}/failing/`)).rejects.toThrow('config.json answered 500');
  });
});
