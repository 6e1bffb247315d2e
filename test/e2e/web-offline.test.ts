/**
 * Never losing typed work and working offline (issue 12, items 3 and 4) in a real browser: the draft
 * kept in IndexedDB (restored after a reload and after signing in again, expired after 12 hours, asked
 * about at sign-out), and the outbox (registrations made offline reach the API exactly once when the
 * network is back, also after a reload offline served by the service worker). Phone size (390×844);
 * each test has a context of its own, with the service worker (test/support/browser.ts blocks it for
 * the other tests). Outcomes are checked through the API with the page's token.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pollUntil } from '../../support/poll';
import type { ServerProcess } from '../../support/server-process';
import { expectAccessible, heldToken, screenshot } from '../support/browser';
import { expectWithMessage } from '../support/expect-with-message';
import { startWebStack, stopWebStack, WEB_STACK_BUDGET_MS } from '../support/web-stack';

let work: string;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  ({ work, server, browser } = await startWebStack('web-offline-e2e'));
}, WEB_STACK_BUDGET_MS);

afterAll(() => stopWebStack({ work, server, browser }));

const SITE = { id: 'ON-SCH-000001', name: 'Josiah Henson Public School' };
const HH_MM = /^\d{2}:\d{2}$/;

/** A phone-sized page in a context of its own, at the app. */
async function phonePage(width = 390, height = 844): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-CA' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(server.url + '/');
  return { context, page };
}

async function waitFor(description: string, probe: () => Promise<void>, timeoutMs = 10_000) {
  await pollUntil(probe, { description, timeoutMs });
}

async function signIn(page: Page, agencyId: string, userId = 'front-desk-1') {
  await page.locator('#signin-agencyId').fill(agencyId);
  await page.locator('#signin-userId').fill(userId);
  await page.locator('#sign-in').click();
  await waitFor('the register form', async () => expect(await page.locator('#register').isVisible()).toBe(true));
}

/** The service worker controls the page (it registers at start and claims the page once active). */
async function serviceWorkerInControl(page: Page) {
  await waitFor(
    'a service worker in control',
    async () =>
      expect(
        await page.evaluate(async () => {
          const container = (globalThis as any).navigator.serviceWorker;
          const registration = await container.getRegistration();
          return {
            controlled: container.controller !== null,
            installing: registration?.installing?.state,
            waiting: registration?.waiting?.state,
            active: registration?.active?.state,
          };
        }),
      ).toMatchObject({ controlled: true }),
    20_000,
  );
}

/** Cache Storage holds config.json, the reference data and the site index (what a reload offline needs). */
async function offlineReadsCached(page: Page) {
  await waitFor('config.json, reference data and the site index in Cache Storage', async () => {
    const urls = await page.evaluate(async () => {
      const caches = (globalThis as any).caches;
      const found: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) found.push(new URL(request.url).pathname);
      return found;
    });
    expect(urls).toEqual(expect.arrayContaining(['/config.json', '/v1/reference-data', '/v1/sites/index', '/index.html']));
  });
}

async function chooseSite(page: Page) {
  await page.locator('#siteId').fill(SITE.name);
  await page.locator(`#siteId-listbox [data-site-id="${SITE.id}"]`).click();
  expect(await page.locator('#siteId-value').inputValue()).toBe(SITE.id);
}

/** The draft is in IndexedDB with what was typed last (the page says when it saved it). */
async function draftSaved(page: Page) {
  await waitFor('the draft saved on this device', async () =>
    expect(await page.locator('#draft-saved').textContent()).toMatch(/^Draft saved on this device at \d{2}:\d{2}\.$/),
  );
}

/** The values of every draft the device database holds. */
function draftsSaved(page: Page): Promise<Record<string, string>[]> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>[]>((resolve, reject) => {
        const opening = (globalThis as any).indexedDB.open('newcomer-intake');
        opening.onerror = () => reject(new Error('no database'));
        opening.onsuccess = () => {
          const all = opening.result.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => {
            resolve(all.result.map((draft: { values: Record<string, string> }) => draft.values));
            opening.result.close();
          };
        };
      }),
  );
}

/** How many drafts the device database holds (of every worker). */
function draftsOnDevice(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const opening = (globalThis as any).indexedDB.open('newcomer-intake');
        opening.onerror = () => reject(new Error('no database'));
        opening.onsuccess = () => {
          const count = opening.result.transaction('drafts').objectStore('drafts').count();
          count.onsuccess = () => {
            resolve(count.result);
            opening.result.close();
          };
        };
      }),
  );
}

/** The comments of the agency's clients, through the API with the page's token. */
async function storedComments(page: Page): Promise<string[]> {
  const token = await heldToken(page);
  const response = await fetch(`${server.url}/v1/anonymous-clients?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  expectWithMessage(response.ok, `GET /v1/anonymous-clients: ${response.status}`).toBe(true);
  const body = (await response.json()) as { items: { comments?: string }[] };
  return body.items.map((item) => item.comments ?? '');
}

const countOf = (comments: string[], word: string) => comments.filter((comment) => comment.split(/\s+/).includes(word)).length;

/** None of the registrations is stored while offline; back online, the outbox empties and each is stored once. */
async function expectEachStoredOnceBackOnline(context: BrowserContext, page: Page, words: string[]) {
  const before = await storedComments(page);
  expect(words.map((word) => countOf(before, word))).toEqual(words.map(() => 0));
  await context.setOffline(false);
  await waitFor(
    `all ${words.length} sent`,
    async () => expect(await page.locator('#outbox-button').textContent()).toBe('Outbox: 0 to send'),
    20_000,
  );
  const after = await storedComments(page);
  expect(words.map((word) => countOf(after, word))).toEqual(words.map(() => 1));
}

async function expectNoSidewaysScroll(page: Page, state: string) {
  const overflow = await page.evaluate(() => {
    const root = (globalThis as any).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expectWithMessage(overflow, `${state}: sideways overflow`).toBeLessThanOrEqual(0);
}

/** Fills and registers one client while offline: the page says it is saved on the device. */
async function registerOffline(page: Page, word: string) {
  await page.locator('#gender').selectOption('FEMALE');
  await page.locator('#comments').fill(`outbox test ${word}`);
  await page.locator('#register-submit').click();
  await waitFor('the saved-on-this-device screen', async () => expect(await page.locator('#outbox-saved').isVisible()).toBe(true));
}

describe('drafts kept on the device', () => {
  it('brings the draft back after a reload, with a notice, and forgets it once registered', async () => {
    const { context, page } = await phonePage();
    await signIn(page, 'agency-draft-reload');
    await page.locator('#gender').selectOption('MALE');
    await page.locator('#postalCode').fill('M5V');
    await chooseSite(page);
    await page.locator('#comments').fill('reload kept draftword1');
    await draftSaved(page);
    await waitFor('the comments in the saved draft', async () =>
      expect((await draftsSaved(page)).map((values) => values.comments)).toEqual(['reload kept draftword1']),
    );

    await page.reload();
    await waitFor('the draft notice', async () => expect(await page.locator('#draft-restored').isVisible()).toBe(true));
    const notice = (await page.locator('#draft-restored-text').textContent()) ?? '';
    expect(notice).toMatch(/^Draft from \d{2}:\d{2} restored\.$/);
    expect(notice.slice(11, 16)).toMatch(HH_MM);
    expect(await page.locator('#gender').inputValue()).toBe('MALE');
    expect(await page.locator('#postalCode').inputValue()).toBe('M5V');
    expect(await page.locator('#comments').inputValue()).toBe('reload kept draftword1');
    expect(await page.locator('#siteId-value').inputValue()).toBe(SITE.id);
    expect(await page.locator('#siteId').inputValue()).toBe(SITE.name);
    await expectAccessible(page, 'draft restored notice (390×844)');
    await expectNoSidewaysScroll(page, 'draft restored notice');
    await screenshot(page, 'offline-draft-restored-390');

    // In French, the notice follows.
    await page.locator('#language').click();
    expect(await page.locator('#draft-restored-text').textContent()).toMatch(/^Brouillon de \d{2}:\d{2} rétabli\.$/);
    await page.locator('#language').click();

    await page.locator('#register-submit').click();
    await waitFor('the wizard', async () => expect(await page.locator('#wizard').isVisible()).toBe(true));
    await waitFor('the draft deleted once registered', async () => expect(await draftsOnDevice(page)).toBe(0));
    await page.reload();
    await waitFor('the register form', async () => expect(await page.locator('#register').isVisible()).toBe(true));
    expect(await page.locator('#draft-restored').isVisible()).toBe(false);
    expect(await page.locator('#comments').inputValue()).toBe('');
    expect(countOf(await storedComments(page), 'draftword1')).toBe(1);
    await context.close();
  }, 120_000);

  it('brings the draft back to the same worker after signing in again, shows another worker nothing, and Discard deletes it', async () => {
    const { context, page } = await phonePage();
    await signIn(page, 'agency-draft-owner', 'worker-a');
    await page.locator('#postalCode').fill('K1A');
    await draftSaved(page);
    // The token expired: the next start finds none and asks to sign in.
    await page.evaluate(() => (globalThis as any).sessionStorage.removeItem('token'));
    await page.reload();
    await waitFor('the sign-in screen', async () => expect(await page.locator('#signin').isVisible()).toBe(true));

    await signIn(page, 'agency-draft-owner', 'worker-b');
    expect(await page.locator('#draft-restored').isVisible()).toBe(false);
    expect(await page.locator('#postalCode').inputValue()).toBe('');
    await page.evaluate(() => (globalThis as any).sessionStorage.removeItem('token'));
    await page.reload();
    await signIn(page, 'agency-other', 'worker-a');
    expect(await page.locator('#postalCode').inputValue()).toBe('');

    await page.evaluate(() => (globalThis as any).sessionStorage.removeItem('token'));
    await page.reload();
    await signIn(page, 'agency-draft-owner', 'worker-a');
    expect(await page.locator('#draft-restored').isVisible()).toBe(true);
    expect(await page.locator('#postalCode').inputValue()).toBe('K1A');

    await page.locator('#draft-discard').click();
    expect(await page.locator('#postalCode').inputValue()).toBe('');
    expect(await page.locator('#draft-restored').isVisible()).toBe(false);
    await waitFor('the draft deleted', async () => expect(await draftsOnDevice(page)).toBe(0));
    await context.close();
  }, 120_000);

  it('asks at sign-out whether to keep an unsent draft: Keep brings it back, Delete does not', async () => {
    const { context, page } = await phonePage();
    await signIn(page, 'agency-sign-out');
    await page.locator('#postalCode').fill('L5B');
    await draftSaved(page);
    if (await page.locator('#menu-button').isVisible()) await page.locator('#menu-button').click();
    await page.locator('#sign-out').click();
    const dialog = page.getByRole('dialog', { name: 'Before you sign out' });
    await dialog.waitFor();
    expect(await page.locator('#sign-out-question-text').textContent()).toMatch(/draft from \d{2}:\d{2}/);
    await expectAccessible(page, 'sign-out question (390×844)');
    await expectNoSidewaysScroll(page, 'sign-out question');
    await screenshot(page, 'offline-sign-out-question-390');
    // Cancel keeps the worker signed in.
    await page.locator('#sign-out-cancel').click();
    expect(await page.locator('#register').isVisible()).toBe(true);

    if (await page.locator('#menu-button').isVisible()) await page.locator('#menu-button').click();
    await page.locator('#sign-out').click();
    await page.locator('#sign-out-keep').click();
    await waitFor('the sign-in screen', async () => expect(await page.locator('#signin').isVisible()).toBe(true));
    await signIn(page, 'agency-sign-out');
    expect(await page.locator('#postalCode').inputValue()).toBe('L5B');

    if (await page.locator('#menu-button').isVisible()) await page.locator('#menu-button').click();
    await page.locator('#sign-out').click();
    await page.locator('#sign-out-delete').click();
    await waitFor('the sign-in screen', async () => expect(await page.locator('#signin').isVisible()).toBe(true));
    expect(await draftsOnDevice(page)).toBe(0);
    await signIn(page, 'agency-sign-out');
    expect(await page.locator('#postalCode').inputValue()).toBe('');
    expect(await page.locator('#draft-restored').isVisible()).toBe(false);
    await context.close();
  }, 120_000);

  it('deletes a draft 12 hours old instead of restoring it', async () => {
    const { context, page } = await phonePage();
    await page.clock.install();
    await page.reload();
    await signIn(page, 'agency-draft-expiry');
    await page.locator('#postalCode').fill('M4C');
    await draftSaved(page);
    if (await page.locator('#menu-button').isVisible()) await page.locator('#menu-button').click();
    await page.locator('#sign-out').click();
    await page.locator('#sign-out-keep').click();
    await waitFor('the sign-in screen', async () => expect(await page.locator('#signin').isVisible()).toBe(true));
    expect(await draftsOnDevice(page)).toBe(1);

    await page.clock.setSystemTime(Date.now() + 12 * 3_600_000 + 60_000);
    await signIn(page, 'agency-draft-expiry');
    expect(await page.locator('#postalCode').inputValue()).toBe('');
    expect(await page.locator('#draft-restored').isVisible()).toBe(false);
    expect(await draftsOnDevice(page)).toBe(0);
    await context.close();
  }, 120_000);
});

describe('the outbox', () => {
  it('keeps three registrations made offline and sends each exactly once when the network is back', async () => {
    const { context, page } = await phonePage();
    await serviceWorkerInControl(page);
    await signIn(page, 'agency-outbox');
    await chooseSite(page);
    await offlineReadsCached(page);
    const words = ['outboxalpha', 'outboxbravo', 'outboxcharlie'];

    await context.setOffline(true);
    await waitFor('the offline mark', async () => expect(await page.locator('#offline-mark').isVisible()).toBe(true));
    await expectAccessible(page, 'offline form (390×844)');
    await expectNoSidewaysScroll(page, 'offline form');
    for (const [index, word] of words.entries()) {
      await registerOffline(page, word);
      if (index === 0) {
        await expectAccessible(page, 'saved on this device (390×844)');
        await expectNoSidewaysScroll(page, 'saved on this device');
        await screenshot(page, 'offline-saved-on-device-390');
        // The receipt and the session wait for the client number.
        expect(await page.locator('#outbox-saved #print-receipt, #outbox-saved #begin-session').count()).toBe(0);
      }
      if (index < words.length - 1) {
        await page.locator('#outbox-saved-another').click();
        // "Register Another Client" keeps the site.
        expect(await page.locator('#siteId-value').inputValue()).toBe(SITE.id);
      }
    }
    await waitFor('the header count', async () => expect(await page.locator('#outbox-button').textContent()).toBe('Outbox: 3 to send'));
    await page.locator('#outbox-button').click();
    expect(await page.locator('#outbox-list .outbox-state').allTextContents()).toEqual(Array(3).fill('Waiting for the network.'));
    await expectAccessible(page, 'outbox panel offline (390×844)');
    await expectNoSidewaysScroll(page, 'outbox panel');
    await screenshot(page, 'offline-outbox-panel-390');
    await page.locator('#outbox-close').click();
    // The header with the offline mark and the count still fits the narrowest phone.
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoSidewaysScroll(page, 'offline header at 320 px');
    await screenshot(page, 'offline-header-320');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectEachStoredOnceBackOnline(context, page, words);
    expect(await storedComments(page)).toHaveLength(3);

    // The screen of the last one offers the stored client now.
    await waitFor('Open on the saved screen', async () => expect(await page.locator('#outbox-saved-open').isVisible()).toBe(true));
    await page.locator('#outbox-saved-open').click();
    await waitFor('the wizard', async () => expect(await page.locator('#wizard').isVisible()).toBe(true));
    expect(await page.locator('#client-id').textContent()).toMatch(/\d/);
    await page.locator('#outbox-button').click();
    expect(await page.locator('#outbox-list .outbox-open').count()).toBe(3);
    await expectAccessible(page, 'outbox panel, all sent (390×844)');
    await context.close();
  }, 180_000);

  it('takes a draft whose answer was lost twice online, and shows a refusal with the server words, to open back in the form', async () => {
    // No service worker here: context.route must see the page's own POSTs.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-CA', serviceWorkers: 'block' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(server.url + '/');
    await signIn(page, 'agency-outbox-refused');
    let answer: 'lose' | 'refuse' | 'pass' = 'lose';
    await context.route(
      (url) => url.pathname === '/v1/anonymous-clients',
      async (route) => {
        if (route.request().method() !== 'POST' || answer === 'pass') return route.continue();
        if (answer === 'lose') return route.abort('connectionreset');
        return route.fulfill({
          status: 400,
          contentType: 'application/problem+json',
          body: JSON.stringify({ title: 'Invalid request', detail: 'The site is closed.', errors: [] }),
        });
      },
    );
    await page.locator('#gender').selectOption('FEMALE');
    await chooseSite(page);
    await page.locator('#comments').fill('outbox test refusedgolf');
    await page.locator('#register-submit').click();
    // The first lost answer is the form's: it says so, and Register tries again with the same key.
    await waitFor('the lost-answer notice', async () =>
      expect(await page.locator('#register-notice').textContent()).toContain('will not be registered twice'),
    );
    // The second goes to the outbox.
    await page.locator('#register-submit').click();
    await waitFor('the saved-on-this-device screen', async () => expect(await page.locator('#outbox-saved').isVisible()).toBe(true));

    // The outbox tries again by itself (backoff: 1-2 s, then 2-4 s): this time the API refuses it.
    answer = 'refuse';
    await page.locator('#outbox-button').click();
    await waitFor('the refusal in the panel', async () =>
      expect(await page.locator('#outbox-list .outbox-state').allTextContents()).toEqual(['Not registered: The site is closed.']),
    );
    expect(await page.locator('#outbox-button').textContent()).toBe('Outbox: 0 to send, 1 not registered');
    await expectAccessible(page, 'outbox panel with a refusal (390×844)');
    await page.locator('#outbox-list .outbox-reopen').click();
    await waitFor('the form with the refused registration', async () =>
      expect(await page.locator('#comments').inputValue()).toBe('outbox test refusedgolf'),
    );
    expect(await page.locator('#siteId-value').inputValue()).toBe(SITE.id);
    expect(await page.locator('#outbox-button').isVisible()).toBe(false);

    answer = 'pass';
    await page.locator('#register-submit').click();
    await waitFor('the wizard', async () => expect(await page.locator('#wizard').isVisible()).toBe(true));
    expect(countOf(await storedComments(page), 'refusedgolf')).toBe(1);
    await context.close();
  }, 120_000);

  it('stops sending at a 401, asks the worker to sign in, and sends once signed in again', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-CA', serviceWorkers: 'block' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(server.url + '/');
    await signIn(page, 'agency-outbox-401');
    await chooseSite(page);
    await context.setOffline(true);
    await registerOffline(page, 'expiredhotel');
    // Routed only now: a routed request is answered even offline.
    let refuseToken = true;
    const tries: string[] = [];
    await context.route(
      (url) => url.pathname === '/v1/anonymous-clients',
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        tries.push(route.request().headers()['idempotency-key'] ?? '');
        if (!refuseToken) return route.continue();
        return route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          body: JSON.stringify({ title: 'Unauthorized', detail: 'The token has expired.' }),
        });
      },
    );
    await context.setOffline(false);
    await waitFor('the sign-in screen', async () => expect(await page.locator('#signin').isVisible()).toBe(true));
    expect(await page.locator('#signin-error').textContent()).toBe('Your session has ended. Please sign in again.');
    expect(await page.locator('#outbox-button').isVisible()).toBe(false);
    expect(tries).toHaveLength(1);

    refuseToken = false;
    await signIn(page, 'agency-outbox-401');
    await waitFor('the registration sent', async () =>
      expect(await page.locator('#outbox-button').textContent()).toBe('Outbox: 0 to send'),
    );
    expect(tries).toHaveLength(2);
    expect(tries[1]).toBe(tries[0]);
    expect(countOf(await storedComments(page), 'expiredhotel')).toBe(1);
    await context.close();
  }, 120_000);

  it('keeps the outbox through a reload offline (the app shell from the service worker) and sends each once afterwards', async () => {
    const { context, page } = await phonePage();
    await serviceWorkerInControl(page);
    await signIn(page, 'agency-outbox-reload');
    await chooseSite(page);
    await offlineReadsCached(page);
    const words = ['reloaddelta', 'reloadecho', 'reloadfoxtrot'];

    await context.setOffline(true);
    for (const [index, word] of words.entries()) {
      await registerOffline(page, word);
      if (index < words.length - 1) await page.locator('#outbox-saved-another').click();
    }
    // Offline, only the service worker can answer: the page, its JS and CSS, config.json, reference data.
    await page.reload();
    await waitFor('the register form, offline', async () => expect(await page.locator('#register').isVisible()).toBe(true));
    await waitFor('the header count after the reload', async () =>
      expect(await page.locator('#outbox-button').textContent()).toBe('Outbox: 3 to send'),
    );
    expect(await page.locator('#offline-mark').isVisible()).toBe(true);
    await expectEachStoredOnceBackOnline(context, page, words);
    await context.close();
  }, 180_000);
});
