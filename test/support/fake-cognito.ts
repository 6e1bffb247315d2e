/**
 * A stand-in for Cognito's hosted UI, for the web front end's sign-in test: /oauth2/authorize answers at
 * once with a code bound to the request's code_challenge and redirect_uri (or with ?error= when told to
 * refuse), /oauth2/token gives the ID token only for that code, once, and only when base64url(SHA-256(
 * code_verifier)) equals the challenge, and /logout sends the browser to its logout_uri. It records what
 * it was asked; it never logs.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCognitoOptions {
  clientId: string;
  redirectUri: string;
  logoutUri: string;
  /** The ID token to hand out for a code redeemed correctly. */
  idToken: () => Promise<string>;
}

export interface FakeCognito {
  url: string;
  /** The query of every authorize request. */
  authorizations: Record<string, string>[];
  /** The form of every token request, with what was answered: 'issued' or the reason it was refused. */
  tokenRequests: { form: Record<string, string>; outcome: string }[];
  /** The ID tokens handed out, to compare with what the page holds. */
  issued: string[];
  logouts: Record<string, string>[];
  /** Set to an OAuth error code to refuse the next authorize request with it. */
  refuseNext: string | undefined;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += (chunk as Buffer).toString('utf8');
  return body;
}

export async function startFakeCognito(options: FakeCognitoOptions): Promise<FakeCognito> {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const fake: Omit<FakeCognito, 'url' | 'close'> = {
    authorizations: [],
    tokenRequests: [],
    issued: [],
    logouts: [],
    refuseNext: undefined,
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // Like Cognito's token endpoint, answer browsers of any origin (the request carries no credentials).
    const cors = { 'access-control-allow-origin': request.headers.origin ?? '*' };
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors });
      response.end(JSON.stringify(body));
    };

    if (request.method === 'GET' && url.pathname === '/oauth2/authorize') {
      const query = Object.fromEntries(url.searchParams);
      fake.authorizations.push(query);
      const valid =
        query.response_type === 'code' &&
        query.client_id === options.clientId &&
        query.redirect_uri === options.redirectUri &&
        query.code_challenge_method === 'S256' &&
        /^[A-Za-z0-9_-]{43}$/.test(query.code_challenge ?? '') &&
        (query.scope ?? '').split(' ').includes('openid') &&
        Boolean(query.state);
      if (!valid) {
        response.writeHead(400, { 'content-type': 'text/plain' });
        response.end('invalid_request');
        return;
      }
      const back = new URL(options.redirectUri);
      if (fake.refuseNext) {
        back.searchParams.set('error', fake.refuseNext);
        back.searchParams.set('error_description', 'The user cancelled.');
        fake.refuseNext = undefined;
      } else {
        const code = randomBytes(18).toString('base64url');
        codes.set(code, { challenge: query.code_challenge as string, redirectUri: query.redirect_uri as string });
        back.searchParams.set('code', code);
      }
      back.searchParams.set('state', query.state as string);
      response.writeHead(302, { location: back.toString() });
      response.end();
      return;
    }

    if (request.method === 'POST' && url.pathname === '/oauth2/token') {
      void readBody(request).then(async (body) => {
        const form = Object.fromEntries(new URLSearchParams(body));
        const refuse = (outcome: string) => {
          fake.tokenRequests.push({ form, outcome });
          json(400, { error: 'invalid_grant' });
        };
        if (!/^application\/x-www-form-urlencoded\b/.test(request.headers['content-type'] ?? '')) return refuse('content type');
        const granted = codes.get(form.code ?? '');
        // A code is good for one attempt, right or wrong, as Cognito's are.
        codes.delete(form.code ?? '');
        if (form.grant_type !== 'authorization_code' || form.client_id !== options.clientId) return refuse('client');
        if (!granted || form.redirect_uri !== granted.redirectUri) return refuse('code');
        const challenge = createHash('sha256')
          .update(form.code_verifier ?? '')
          .digest('base64url');
        if (challenge !== granted.challenge) return refuse('verifier');
        const idToken = await options.idToken();
        fake.issued.push(idToken);
        fake.tokenRequests.push({ form, outcome: 'issued' });
        json(200, {
          id_token: idToken,
          access_token: 'not-used-by-the-api',
          refresh_token: 'not-kept',
          token_type: 'Bearer',
          expires_in: 3600,
        });
      });
      return;
    }

    if (request.method === 'GET' && url.pathname === '/logout') {
      const query = Object.fromEntries(url.searchParams);
      fake.logouts.push(query);
      if (query.client_id !== options.clientId || query.logout_uri !== options.logoutUri) {
        response.writeHead(400, { 'content-type': 'text/plain' });
        response.end('invalid_request');
        return;
      }
      response.writeHead(302, { location: options.logoutUri });
      response.end();
      return;
    }

    response.writeHead(404, cors);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(fake, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
