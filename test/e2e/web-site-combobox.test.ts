/**
 * The registration site as an ARIA 1.2 combobox (web/src/site-combobox.ts) and the Find dialog's
 * grouped tree, in a real browser against a real embedded server (as web.test.ts): names typed with a
 * typo or without accents, the keyboard and the pointer, the site a registration stores (read back
 * through the API), recently used sites first, typed text that is not a site refused before sending,
 * no list in the tree's non-school branch longer than about 50, axe and the popup at phone sizes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { pollUntil } from '../../support/poll';
import type { ServerProcess } from '../../support/server-process';
import { expectAccessible, heldToken, openPage, screenshot } from '../support/browser';
import { expectWithMessage } from '../support/expect-with-message';
import { startWebStack, stopWebStack, WEB_STACK_BUDGET_MS } from '../support/web-stack';

let work: string;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  ({ work, server, browser } = await startWebStack('web-combobox-e2e'));
}, WEB_STACK_BUDGET_MS);

afterAll(() => stopWebStack({ work, server, browser }));

/** From the sample catalog the server loads; five other active sites share "Thérèse Casgrain". */
const THERESE = { siteId: 'ON-SCH-000395', name: 'Thérèse Casgrain Junior Public School' };
const MAX_LIST = 50;

/** The API as the signed-in page's user (GET); the answer must be a success. */
async function apiAs(page: Page, path: string): Promise<any> {
  const token = await heldToken(page);
  const response = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });
  expectWithMessage(response.ok, `${path}: ${response.status}`).toBe(true);
  return response.json();
}

async function signIn(page: Page, agencyId: string) {
  await page.locator('#signin-agencyId').fill(agencyId);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Register New Client/Activity' }).waitFor();
}

const combobox = (page: Page) => page.getByRole('combobox', { name: 'Registration site' });
const options = (page: Page) => page.locator('#siteId-listbox [role="option"]');
const optionIds = (page: Page) => options(page).evaluateAll((items) => items.map((item) => (item as any).dataset.siteId as string));
const activeOption = (page: Page) =>
  page.evaluate(() => {
    const input = (globalThis as any).document.querySelector('#siteId');
    const id = input.getAttribute('aria-activedescendant');
    return id ? ((globalThis as any).document.getElementById(id).dataset.siteId as string) : '';
  });

async function typeInto(page: Page, text: string) {
  await combobox(page).fill('');
  await combobox(page).pressSequentially(text, { delay: 20 });
  await pollUntil(
    async () => {
      expect(await combobox(page).getAttribute('aria-expanded')).toBe('true');
    },
    { description: `the list of sites open after typing ${text}` },
  );
}

describe('the registration site combobox', () => {
  it('lists a site typed with a typo and without accents, chooses it with the arrows and Enter, stores it, and lists it first next time', async () => {
    const page = await openPage(browser, server.url + '/');
    await signIn(page, 'agency-combo');
    const box = combobox(page);
    expect(await box.getAttribute('aria-autocomplete')).toBe('list');
    expect(await box.getAttribute('aria-controls')).toBe('siteId-listbox');
    expect(await box.getAttribute('aria-expanded')).toBe('false');

    // No accents, a swapped pair of letters: the site is listed, and the count says how many match.
    await typeInto(page, 'therese casgrian jun');
    await pollUntil(
      async () => {
        expect(await optionIds(page)).toContain(THERESE.siteId);
      },
      { description: 'Thérèse Casgrain Junior listed for "therese casgrian jun"' },
    );
    const listed = await optionIds(page);
    expect(await page.locator('#siteId-count').textContent()).toBe(
      listed.length === 1 ? '1 site matches.' : `${listed.length} sites match.`,
    );

    // The arrows move the active option (the focus stays in the box); End, Home; Enter chooses.
    await box.press('ArrowDown');
    expect(await activeOption(page)).toBe(listed[0]);
    expect(await page.locator(`#siteId-listbox [aria-selected="true"]`).count()).toBe(1);
    await box.press('End');
    expect(await activeOption(page)).toBe(listed.at(-1));
    await box.press('Home');
    expect(await activeOption(page)).toBe(listed[0]);
    for (let i = 0; i < listed.indexOf(THERESE.siteId); i += 1) await box.press('ArrowDown');
    expect(await activeOption(page)).toBe(THERESE.siteId);
    await expectAccessible(page, 'combobox open, an option active');
    await box.press('Enter');
    expect(await box.inputValue()).toBe(THERESE.name);
    expect(await page.locator('#siteId-value').inputValue()).toBe(THERESE.siteId);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#siteId-listbox').isVisible()).toBe(false);
    // Enter on an option chose it and did not register anything.
    expect(await page.locator('#register').isVisible()).toBe(true);

    await page.locator('#gender').selectOption('FEMALE');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.locator('#wizard').waitFor();
    const stored = (await apiAs(page, '/v1/anonymous-clients')).items;
    expect(stored).toHaveLength(1);
    expect(stored[0].site).toEqual({ siteId: THERESE.siteId, name: THERESE.name });

    // The next form: the box focused empty lists the recent site; among matches it comes first.
    await page.getByRole('button', { name: 'Register New Client/Activity' }).click();
    expect(await box.inputValue()).toBe('');
    await box.focus();
    await pollUntil(
      async () => {
        expect(await optionIds(page)).toEqual([THERESE.siteId]);
      },
      { description: 'the recently used site listed in the empty box' },
    );
    expect(await page.locator('#siteId-count').textContent()).toBe('1 recently used site.');
    await expectAccessible(page, 'combobox open with the recent sites');
    const server25 = (await apiAs(page, `/v1/sites?q=${encodeURIComponent('public sch')}&limit=25`)).items.map((s: any) => s.siteId);
    expect(server25.indexOf(THERESE.siteId)).not.toBe(0);
    await typeInto(page, 'public sch');
    await pollUntil(
      async () => {
        expect(await optionIds(page)).toHaveLength(25);
      },
      { description: 'the first 25 matches of "public sch" listed' },
    );
    expect((await optionIds(page))[0]).toBe(THERESE.siteId);
    // After it, the others in the server's order.
    expect((await optionIds(page)).slice(1, 10)).toEqual(server25.filter((id: string) => id !== THERESE.siteId).slice(0, 9));

    // The pointer: a click on an option chooses it.
    const second = (await optionIds(page))[1]!;
    await options(page).nth(1).click();
    expect(await page.locator('#siteId-value').inputValue()).toBe(second);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    // Escape with the list closed empties the box, and the choice with it.
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    expect(await page.locator('#siteId-value').inputValue()).toBe('');
    // In French, the same count in French.
    await page.getByRole('button', { name: 'Passer au français' }).click();
    await page.locator('#siteId').focus();
    await pollUntil(
      async () => {
        expect(await page.locator('#siteId-count').textContent()).toBe('2 lieux utilisés récemment.');
      },
      { description: 'the recent sites counted in French' },
    );
    await page.context().close();
  }, 90_000);

  it('refuses typed text that is not a site from the list, and sends nothing', async () => {
    const page = await openPage(browser, server.url + '/');
    await signIn(page, 'agency-combo-typed');
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/v1/anonymous-clients')) posts.push(request.url());
    });
    await page.locator('#gender').selectOption('FEMALE');
    // Text typed and left as it is (an id, or part of a name): never sent as the site.
    for (const typed of ['ON-SCH-000001', 'Josiah Hen']) {
      await combobox(page).fill(typed);
      // Leaving the box closes its list (which would cover Register) and chooses nothing.
      await combobox(page).press('Tab');
      await page.getByRole('button', { name: 'Register', exact: true }).click();
      await pollUntil(
        async () => {
          expect(await page.locator('#err-siteId').textContent()).toBe('Choose a registration site');
        },
        { description: `the site's error after typing ${typed}` },
      );
      expect(await combobox(page).getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#siteId-value').inputValue()).toBe('');
    }
    await expectAccessible(page, 'combobox with its error');
    expect(posts).toEqual([]);
    expect((await apiAs(page, '/v1/anonymous-clients')).items).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('groups the Find dialog tree so no list of the non-school branch is longer than about 50, and a site picked there fills the box', async () => {
    const page = await openPage(browser, server.url + '/');
    await signIn(page, 'agency-combo-tree');
    const tree = (await apiAs(page, '/v1/sites/tree')).nodes;
    const nonSchools = tree.find((node: any) => node.key === 'NON_SCHOOLS_OR_RECEPTION_CENTRES');
    // What the grouping is for: the API's node holds far more groups than a list should.
    expect(nonSchools.children.length).toBeGreaterThan(MAX_LIST);

    await page.getByRole('button', { name: 'Find a registration site' }).click();
    await page.getByRole('button', { name: 'Show the locations of Non-schools or Reception Centres' }).click();
    // Open every range and every group under it, down to the sites (the schools branch stays closed).
    const branch = page.locator('#site-tree > li').nth(1);
    await pollUntil(
      async () => {
        const opened = await branch.evaluate((li) => {
          const closed = [...li.querySelectorAll('button.expander[aria-expanded="false"]')] as any[];
          for (const button of closed) button.click();
          return closed.length;
        });
        expect(opened).toBe(0);
        // Every site of the branch is reachable: the radios under it add up to its count.
        expect(await branch.locator('input[name="site"]').count()).toBe(nonSchools.count);
      },
      { description: 'the non-school branch opened down to its sites', timeoutMs: 30_000, intervalMs: 250 },
    );
    const lists = await branch.locator('ul').evaluateAll((uls) => uls.map((ul) => ul.querySelectorAll(':scope > li').length));
    expect(lists.length).toBeGreaterThan(nonSchools.children.length);
    expect(Math.max(...lists)).toBeLessThanOrEqual(MAX_LIST);
    // City of Toronto Community Centres (76 sites) is itself cut into ranges of sites.
    expect(await page.getByRole('button', { name: /^Hide the locations of Sites / }).count()).toBeGreaterThan(1);

    const radio = page.locator('#site-tree input[name="site"]').first();
    const siteId = (await radio.getAttribute('value'))!;
    const name = (await radio.getAttribute('data-name'))!;
    await radio.check();
    await expectAccessible(page, 'Find dialog, the non-school branch opened');
    await page.getByRole('button', { name: 'Select Site' }).click();
    expect(await combobox(page).inputValue()).toBe(name);
    expect(await page.locator('#siteId-value').inputValue()).toBe(siteId);
    await page.context().close();
  }, 120_000);

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 320, height: 640 },
  ]) {
    it(`keeps the open list accessible and inside the viewport at ${viewport.width}×${viewport.height}`, async () => {
      const context = await browser.newContext({ viewport, locale: 'en-CA', hasTouch: true });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(server.url + '/');
      await signIn(page, `agency-combo-${viewport.width}`);
      await combobox(page).scrollIntoViewIfNeeded();
      await typeInto(page, 'public sch');
      await pollUntil(
        async () => {
          expect(await options(page).count()).toBe(25);
        },
        { description: 'the first 25 matches listed' },
      );
      await combobox(page).press('ArrowDown');
      await expectAccessible(page, `combobox open at ${viewport.width} px`);
      await screenshot(page, `combobox-${viewport.width}`);
      const box = (await page.locator('#siteId-listbox').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      const heights = await options(page).evaluateAll((items) => items.map((item) => item.getBoundingClientRect().height));
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
      // A tap on an option chooses it.
      const third = (await optionIds(page))[2]!;
      await options(page).nth(2).tap();
      expect(await page.locator('#siteId-value').inputValue()).toBe(third);
      await screenshot(page, `combobox-${viewport.width}-chosen`);
      await context.close();
    }, 60_000);
  }
});
