/**
 * The built front end (web/dist) as a static host such as S3 and CloudFront serves it, on its own
 * origin, with a config.json the test controls: an object is sent as JSON, a number as that status.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

export async function startStaticSite(root: string, config: () => object | number): Promise<StaticSite> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/config.json') {
      const answer = config();
      if (typeof answer === 'number') {
        response.writeHead(answer, { 'content-type': 'text/plain' });
        response.end(String(answer));
      } else {
        response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' });
        response.end(JSON.stringify(answer));
      }
      return;
    }
    // A page path (no extension) gets index.html, as a CloudFront error response for a single-page app does.
    const file = extname(path) ? normalize(join(root, path)) : join(root, 'index.html');
    if (!file.startsWith(root + sep)) {
      response.writeHead(404);
      response.end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
