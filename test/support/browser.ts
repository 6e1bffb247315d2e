/**
 * The web front end's browser tests share these: Debian's chromium (support/chromium.ts, which the web
 * benchmark uses too), screenshots (test-results/screenshots/) and the axe-core check.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchHeadlessChromium } from '../../support/chromium';
import { expectWithMessage } from './expect-with-message';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = join(REPOSITORY, 'test-results', 'screenshots');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return launchHeadlessChromium();
}

/** A page in a context of its own (its own sessionStorage), at `url`. */
export async function openPage(browser: Browser, url: string): Promise<Page> {
  // No service worker (web/vite.config.ts): with one in control, page.route sees no request at all.
  // test/e2e/web-offline.test.ts makes its own contexts, with the worker.
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-CA', serviceWorkers: 'block' });
  // "Print the Registration Receipt" also opens the link in a new tab: the tests read the link instead.
  const page = await context.newPage();
  context.on('page', (opened) => {
    if (opened !== page) void opened.close();
  });
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  return page;
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** axe-core on the page as it is now: no violation of any impact. */
export async function expectAccessible(page: Page, screen: string) {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => n.target.join(' ')) }));
  });
  // None at all, minor and best-practice rules included (issue 12: "axe-core with no violations").
  expectWithMessage(violations, `${screen}: ${JSON.stringify(violations)}`).toEqual([]);
}

/** The bearer token the page holds (compared, never printed). */
export function heldToken(page: Page): Promise<string | null> {
  return page.evaluate(() => (globalThis as any).sessionStorage.getItem('token') as string | null);
}
