/** The embedded mode's web host: static files from web/dist, the index.html fallback, /config.json, POST /local/token. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalTokenVerifier } from '../../local/tokens';
import { expectWithMessage } from '../support/expect-with-message';
import { serveWebHost } from '../support/web-host-server';

let work: string;
let closeServer: () => Promise<void>;
let base: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'web-host-'));
  const root = join(work, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(root, 'assets', 'app-1.js'), 'export {};');
  writeFileSync(join(work, 'secret.txt'), 'outside the web root');
  ({ base, close: closeServer } = await serveWebHost({ dataDir: join(work, 'data'), webRoot: root }));
});

afterAll(async () => {
  await closeServer();
  rmSync(work, { recursive: true, force: true });
});

/** A raw request, so that paths such as /../ reach the server as written. */
function raw(path: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}/`, { method, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web host', () => {
  it('serves files with their content types and index.html for pages', async () => {
    expect(await raw('/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await raw('/assets/app-1.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'export {};' });
    expect((await raw('/find-clients')).body).toContain('id="app"');
    expect((await raw('/assets/missing.js')).status).toBe(404);
  });

  it('serves the service worker and the web app manifest with their types, revalidated on every use', async () => {
    writeFileSync(join(work, 'dist', 'sw.js'), 'self.skipWaiting();');
    writeFileSync(join(work, 'dist', 'manifest.webmanifest'), '{"name":"Newcomer intake"}');
    const worker = await fetch(`${base}/sw.js`);
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    const manifest = await fetch(`${base}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    expect(await manifest.json()).toEqual({ name: 'Newcomer intake' });
    const hashed = await fetch(`${base}/assets/app-1.js`);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers /config.json with local sign-in and the API on this origin, whatever web/dist holds', async () => {
    writeFileSync(join(work, 'dist', 'config.json'), '{"apiBaseUrl":"https://elsewhere.example","auth":{"mode":"cognito"}}');
    const answer = await fetch(`${base}/config.json`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.headers.get('cache-control')).toBe('no-cache');
    expect(await answer.json()).toEqual({ apiBaseUrl: '', auth: { mode: 'local' } });
    expect(await raw('/config.json', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('never serves a file outside the web root, and only GET and HEAD', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const answer = await raw(path);
      expectWithMessage(answer.body, path).not.toContain('outside the web root');
    }
    expect((await raw('/', 'POST')).status).toBe(404);
    expect((await raw('/', 'HEAD')).status).toBe(200);
  });

  it('issues a local token that the local verifier accepts, and refuses bad input', async () => {
    const answer = await fetch(`${base}/local/token`, {
      method: 'POST',
      body: JSON.stringify({ agencyId: 'agency-7', agencyName: 'Centre', userId: 'desk-1', role: 'agency-admin' }),
    });
    expect(answer.status).toBe(200);
    const { token } = (await answer.json()) as { token: string };
    const claims = await (await createLocalTokenVerifier(join(work, 'data')))(token);
    expect(claims).toMatchObject({
      sub: 'desk-1',
      'custom:agency_id': 'agency-7',
      'custom:agency_name': 'Centre',
      'cognito:groups': ['agency-admin'],
    });
    for (const body of ['not json', '{}', '{"agencyId":"a b"}', '{"agencyId":"a","role":"root"}', '{"agencyId":"a","extra":1}']) {
      expectWithMessage((await fetch(`${base}/local/token`, { method: 'POST', body })).status, body).toBe(400);
    }
    expect((await fetch(`${base}/local/token`)).status).toBe(405);
  });
});
