/**
 * A CORS-answering proxy in front of the local gateway, which sends no CORS headers of its own (it
 * serves the front end on its own origin). It plays the part of the deployed HTTP API's CORS settings,
 * so a front end on another origin (the Cognito-mode test's static site) calls the real API with real
 * preflights. Only `allowOrigin` is answered with CORS headers, as API Gateway does for its allowOrigins.
 */
import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CORS_ALLOW_HEADERS = 'authorization,content-type,if-none-match,if-match,idempotency-key';
export const CORS_EXPOSE_HEADERS = 'etag,location,idempotent-replayed';

export interface CorsProxy {
  url: string;
  /** How many preflight requests it answered. */
  preflights: number;
  close(): Promise<void>;
}

export async function startCorsProxy(target: string, allowOrigin: () => string): Promise<CorsProxy> {
  const state = { preflights: 0 };
  const server = createServer((request, response) => {
    const allowed = request.headers.origin === allowOrigin();
    const cors: Record<string, string> = allowed
      ? { 'access-control-allow-origin': allowOrigin(), 'access-control-expose-headers': CORS_EXPOSE_HEADERS, vary: 'Origin' }
      : {};
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      state.preflights += 1;
      response.writeHead(
        204,
        allowed
          ? {
              ...cors,
              'access-control-allow-methods': 'GET,POST,PATCH,OPTIONS',
              'access-control-allow-headers': CORS_ALLOW_HEADERS,
              'access-control-max-age': '600',
            }
          : {},
      );
      response.end();
      return;
    }
    const headers = { ...request.headers };
    delete headers.host;
    const upstream = forward(new URL(request.url ?? '/', target), { method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...cors });
      answer.pipe(response);
    });
    upstream.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
