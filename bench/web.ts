/**
 * Issue 12's figures for the front-desk web app, in Debian's chromium against a real `npm start`
 * server with a fresh data directory:
 * - the app shell's first load: the JS and CSS index.html loads, gzipped (fonts apart), against 150 KB;
 * - a repeat visit: requests that reach the server for the app shell once the service worker is in
 *   control, counted by a proxy in front of the server (not by the browser's own events, which also
 *   list what the worker answers from its cache);
 * - click on Register to the success screen, p50 over 50 registrations, divided by the API's own POST
 *   p50 measured from the same page in the same run (one of each per round, so noise falls on both).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { viteBuildWeb } from '../lib/web-site-build';
import { launchHeadlessChromium } from '../support/chromium';
import { startServerProcess } from '../support/server-process';
import { markdownTable, percentile, recordSection } from './report';

/** The few browser globals the page functions use: the benchmark's TypeScript has no DOM library. */
interface InPage {
  document: { querySelector(selector: string): { hidden: boolean; click(): void } };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  sessionStorage: { getItem(key: string): string | null };
  navigator: { serviceWorker?: { ready: Promise<unknown>; controller: unknown } };
}

const DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));
const SHELL_BUDGET_BYTES = 150 * 1024;
const REGISTRATIONS = 50;
const WARM_UP = 3;

/** The files index.html makes the browser load first (scripts, module preloads, style sheets), gzipped. */
interface BuiltFile {
  path: string;
  bytes: number;
  gzip: number;
}

async function gzipped(path: string): Promise<BuiltFile> {
  const bytes = await readFile(join(DIST, path));
  return { path, bytes: bytes.length, gzip: gzipSync(bytes).length };
}

/** The JS and CSS that index.html does not load: chunks the app imports later (the form rules). */
async function laterChunks(shell: string[]): Promise<BuiltFile[]> {
  const assets = (await readdir(join(DIST, 'assets'))).map((name) => `assets/${name}`);
  return Promise.all(assets.filter((path) => /\.(js|css)$/.test(path) && !shell.includes(path)).map(gzipped));
}

async function appShellSize(): Promise<{ files: BuiltFile[]; gzip: number }> {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const paths = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/?([^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const files = await Promise.all([...new Set(paths)].map(gzipped));
  return { files, gzip: files.reduce((sum, file) => sum + file.gzip, 0) };
}

/** A pass-through proxy that counts the requests reaching the server, by path. */
async function countingProxy(target: string): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    seen.push(new URL(incoming.url ?? '/', 'http://proxy').pathname);
    const forwarded = httpRequest(
      { host: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  return { url: `http://127.0.0.1:${address.port}`, seen, server };
}

async function signIn(page: Page, agencyId: string) {
  await page.locator('#signin-agencyId').fill(agencyId);
  await page.locator('#signin-form button[type="submit"]').click();
  await page.locator('#register-form').waitFor({ state: 'visible' });
}

/** The first client of the run chooses its site through the form; "Register Another Client" keeps it. */
async function chooseFirstSite(page: Page) {
  await page.locator('#find-site').click();
  await page.locator('#find-dialog input[type="search"]').fill('library');
  await page.locator('#find-dialog button[type="submit"]').click();
  await page.locator('#site-results input[name="site"]').first().check();
  await page.locator('#select-site').click();
}

/** Milliseconds from the click on Register to the success screen being shown, measured in the page. */
function clickToSuccess(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const { document, MutationObserver } = globalThis as unknown as InPage;
        const wizard = document.querySelector('#wizard');
        const button = document.querySelector('#register-submit');
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!wizard.hidden) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(wizard, { attributes: true, attributeFilter: ['hidden'] });
        button.click();
      }),
  );
}

/** One POST /v1/anonymous-clients from the page's own fetch, as the app sends it; milliseconds. */
function apiPost(page: Page, siteId: string, date: string): Promise<number> {
  return page.evaluate(
    async ({ siteId, date }) => {
      const token = (globalThis as unknown as InPage).sessionStorage.getItem('token');
      const started = performance.now();
      const answer = await fetch('/v1/anonymous-clients', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ gender: 'UNKNOWN', registrationDate: date, siteId }),
      });
      await answer.json();
      if (answer.status !== 201) throw new Error(`POST answered ${answer.status}`);
      return performance.now() - started;
    },
    { siteId, date },
  );
}

export async function runWebBenchmark(): Promise<void> {
  viteBuildWeb();
  const shell = await appShellSize();
  const later = await laterChunks(shell.files.map((file) => file.path));
  const work = await mkdtemp(join(tmpdir(), 'bench-web-'));
  const server = await startServerProcess({ dataDir: join(work, 'data'), logFile: join(work, 'server.log') });
  const proxy = await countingProxy(server.url);
  const browser = await launchHeadlessChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-CA' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);

    // First visit: the worker installs and takes control; a second load makes sure it is in control.
    await page.goto(proxy.url + '/');
    await page.evaluate(() => (globalThis as unknown as InPage).navigator.serviceWorker?.ready);
    await page.reload();
    const controlled = await page.evaluate(() => Boolean((globalThis as unknown as InPage).navigator.serviceWorker?.controller));
    proxy.seen.length = 0;
    await page.reload();
    await page.locator('#signin-agencyId').waitFor({ state: 'visible' });
    const repeatVisit = [...proxy.seen];
    const shellRequests = repeatVisit.filter((path) => path === '/' || path.endsWith('.html') || /\.(js|css|woff2?)$/.test(path));

    await signIn(page, 'bench-web-agency');
    await chooseFirstSite(page);
    const clicks: number[] = [];
    const posts: number[] = [];
    for (let round = 0; round < WARM_UP + REGISTRATIONS; round += 1) {
      await page.locator('#gender').selectOption('UNKNOWN');
      const click = await clickToSuccess(page);
      // Shown in groups of four for reading aloud: the id is the text without its spaces.
      const client = ((await page.locator('#client-id').textContent()) ?? '').replace(/\s/g, '');
      const stored = await page.evaluate(async (clientId) => {
        const answer = await fetch(`/v1/anonymous-clients/${clientId}`, {
          headers: { authorization: `Bearer ${(globalThis as unknown as InPage).sessionStorage.getItem('token')}` },
        });
        return answer.ok ? ((await answer.json()) as { site: { siteId: string }; registrationDate: string }) : undefined;
      }, client);
      if (!stored) throw new Error(`the success screen shows ${client}, which the API does not know`);
      const post = await apiPost(page, stored.site.siteId, stored.registrationDate);
      if (round >= WARM_UP) {
        clicks.push(click);
        posts.push(post);
      }
      await page.locator('#register-another').click();
      await page.locator('#register-form').waitFor({ state: 'visible' });
    }

    const clickP50 = percentile(clicks, 50);
    const postP50 = percentile(posts, 50);
    const body = [
      markdownTable(
        ['measure', 'figure', 'target'],
        [
          [
            'app shell, first load (JS + CSS, gzip, fonts apart)',
            `${(shell.gzip / 1024).toFixed(1)} KB (${shell.files.map((f) => `${f.path} ${(f.gzip / 1024).toFixed(1)} KB`).join(', ')})`,
            `≤ ${SHELL_BUDGET_BYTES / 1024} KB`,
          ],
          [
            'loaded after sign-in, not part of the first load',
            later.map((f) => `${f.path} ${(f.gzip / 1024).toFixed(1)} KB`).join(', ') || 'none',
            '',
          ],
          [
            'repeat visit: app-shell requests reaching the server',
            `${shellRequests.length}${controlled ? '' : ' (no service worker in control!)'}; all requests: ${repeatVisit.join(', ') || 'none'}`,
            '0',
          ],
          [
            `click on Register → success screen, p50 of ${REGISTRATIONS}`,
            `${clickP50.toFixed(1)} ms (p99 ${percentile(clicks, 99).toFixed(1)} ms)`,
            '',
          ],
          [`the API's own POST from the same page, p50 of ${REGISTRATIONS}`, `${postP50.toFixed(1)} ms`, ''],
          ['click → success ÷ API POST (p50)', (clickP50 / postP50).toFixed(2), '≤ 1.5'],
        ],
      ),
      '',
      'The repeat visit counts what reaches the server through a proxy once the service worker controls the page; ' +
        "the browser's update check of the worker script (`/sw.js`), if any, is listed but is not the app shell.",
    ].join('\n');
    console.log(body);
    await recordSection('web', 'Front-desk web app (issue 12)', body);
  } finally {
    await browser.close();
    proxy.server.close();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}
