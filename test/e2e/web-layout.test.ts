/**
 * The look and layout of every screen at 1280×800, 768×1024, 390×844 and 320×640, in English and
 * French (issue 12, item 2): no sideways scrolling, axe-core clean, buttons and fields at least 44 px
 * high, an open dialog inside the viewport, and on phones the menu folded behind its button. One
 * server, one browser; one sign-in per size and language. Screenshots:
 * test-results/screenshots/layout-<screen>-<width>-<lang>.png.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { pollUntil } from '../../support/poll';
import type { ServerProcess } from '../../support/server-process';
import { expectAccessible, screenshot } from '../support/browser';
import { expectWithMessage } from '../support/expect-with-message';
import { startWebStack, stopWebStack, WEB_STACK_BUDGET_MS } from '../support/web-stack';

let work: string;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  ({ work, server, browser } = await startWebStack('web-layout-e2e'));
}, WEB_STACK_BUDGET_MS);

afterAll(() => stopWebStack({ work, server, browser }));

const SIZES = [
  { width: 1280, height: 800 },
  // The narrowest width with the desktop layout (the menu inline).
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
  { width: 320, height: 640 },
] as const;
const LANGUAGES = ['en', 'fr'] as const;
/** Below this width the menu folds behind its button (styles/frame.css). */
const PHONE_MAX = 767;
const TOUCH = 44;

const SIGN_IN = { en: 'Sign in', fr: 'Se connecter' } as const;

/**
 * What breaks the layout on the page as it is now: each problem in words (empty when none). Plain
 * loops, no named inner functions: the function runs in the page as its source text.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((touch) => {
    const problems: string[] = [];
    const document = (globalThis as any).document;
    const window = globalThis as any;
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) problems.push(`the page is ${root.scrollWidth} px wide in a ${window.innerWidth} px window`);
    for (const element of document.querySelectorAll('button, select, textarea, input, a.ontario-button, [role="button"]')) {
      if (!element.checkVisibility() || element.getBoundingClientRect().width === 0) continue;
      // A radio or a checkbox is reached through its label: the label is the touch target.
      const target =
        element.type === 'radio' || element.type === 'checkbox' ? document.querySelector(`label[for="${element.id}"]`) : element;
      const height = target ? target.getBoundingClientRect().height : 0;
      const shown = target ?? element;
      const text = (shown.textContent || shown.getAttribute('aria-label') || shown.name || '').trim().slice(0, 40);
      if (height < touch - 0.5)
        problems.push(`${shown.tagName.toLowerCase()}${shown.id ? '#' + shown.id : ''} "${text}" is ${height.toFixed(1)} px high`);
    }
    for (const dialog of document.querySelectorAll('dialog[open]')) {
      const box = dialog.getBoundingClientRect();
      if (box.left < 0 || box.top < 0 || box.right > window.innerWidth + 0.5 || box.bottom > window.innerHeight + 0.5)
        problems.push(
          `dialog#${dialog.id} spans ${box.left},${box.top} to ${box.right},${box.bottom} in ${window.innerWidth}×${window.innerHeight}`,
        );
    }
    return problems;
  }, TOUCH);
}

/** The checks every screen passes, and its screenshot (layout-<screen>-<width>-<lang>). */
async function expectGoodLayout(page: Page, screen: string, width: number, language: string) {
  const label = `${screen} at ${width} px (${language})`;
  expectWithMessage(await layoutProblems(page), label).toEqual([]);
  await expectAccessible(page, label);
  await screenshot(page, `layout-${screen}-${width}-${language}`);
}

const isVisible = (page: Page, selector: string) => page.locator(selector).isVisible();

async function waitVisible(page: Page, selector: string, timeoutMs = 10_000) {
  await pollUntil(
    async () => {
      expect(await isVisible(page, selector)).toBe(true);
    },
    { description: `${selector} to be visible`, timeoutMs },
  );
}

/** Opens a menu item: on phones through the Menu button, which folds again once the item is chosen. */
async function openMenuItem(page: Page, width: number, item: string) {
  if (width <= PHONE_MAX) await page.locator('#menu-button').click();
  await page.locator(item).click();
  if (width <= PHONE_MAX) expect(await page.locator('#menu-button').getAttribute('aria-expanded')).toBe('false');
}

describe('the look and layout of every screen, from 320 px to desktop', () => {
  for (const size of SIZES)
    for (const language of LANGUAGES)
      it(`fits ${size.width}×${size.height} in ${language === 'en' ? 'English' : 'French'}: no sideways scrolling, axe clean, 44 px targets, dialogs in view, offline states included`, async () => {
        const context = await browser.newContext({ viewport: size, locale: 'en-CA' });
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        try {
          await page.goto(server.url + '/');
          const phone = size.width <= PHONE_MAX;

          // Sign-in, in the language of the run.
          await waitVisible(page, '#signin');
          if (language === 'fr') await page.locator('#language').click();
          await pollUntil(
            async () => {
              expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe(language);
            },
            { description: `the page in ${language}` },
          );
          expect(await page.locator('#menu-button').isVisible()).toBe(false);
          // The design system's fonts come with the build: the faces on screen load, none fails.
          const fonts = await page.evaluate(async () => {
            const faces = (globalThis as any).document.fonts;
            await faces.ready;
            return [...faces].map((face: any) => `${String(face.family).replace(/"/g, '')} ${face.weight} ${face.status}`);
          });
          expect(fonts).toEqual(expect.arrayContaining(['Open Sans 400 loaded', 'Raleway 700 loaded']));
          expect(fonts.filter((face) => face.endsWith('error'))).toEqual([]);
          await expectGoodLayout(page, 'sign-in', size.width, language);
          // Focus is visible, in the ODS style (a 4 px focus-blue ring), on what the keyboard reaches.
          await page.locator('#signin-agencyId').focus();
          for (let step = 0; step < 3; step += 1) {
            // The ring eases in (0.1 s): wait for it rather than read it mid-transition.
            await pollUntil(
              async () => {
                const ring = await page.evaluate(() => {
                  const focused = (globalThis as any).document.activeElement;
                  return `${focused.id} ${(globalThis as any).getComputedStyle(focused).boxShadow}`;
                });
                expect(ring).toMatch(/ rgb\(0, 154, 219\) 0px 0px 0px 4px$/);
              },
              { description: 'the focused element to show the ODS focus ring' },
            );
            await page.keyboard.press('Tab');
          }
          await page.locator('#signin-agencyId').fill(`layout-${size.width}-${language}`);
          // An agency administrator: the profile's History is one of the screens checked.
          await page.locator('#signin-role').selectOption('agency-admin');
          await page.getByRole('button', { name: SIGN_IN[language], exact: true }).click();
          await waitVisible(page, '#register');
          expect(await page.locator('#nav-register').getAttribute('aria-current')).toBe('page');
          await expectGoodLayout(page, 'register', size.width, language);

          // The menu: inline on desktop; on phones folded behind "Menu", which opens and closes it.
          const menuButton = page.locator('#menu-button');
          if (phone) {
            expect(await menuButton.isVisible()).toBe(true);
            expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
            expect(await isVisible(page, '#nav-find')).toBe(false);
            await menuButton.click();
            expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
            expect(await isVisible(page, '#nav-find')).toBe(true);
            expect(await isVisible(page, '#sign-out')).toBe(true);
            await expectGoodLayout(page, 'menu-open', size.width, language);
            await menuButton.click();
            expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
            expect(await isVisible(page, '#nav-find')).toBe(false);
            // Escape folds it too, and gives focus back to the button.
            await menuButton.click();
            await page.locator('#nav-find').press('Escape');
            expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
            expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('menu-button');
          } else {
            expect(await menuButton.isVisible()).toBe(false);
            for (const item of ['#nav-register', '#nav-find', '#sign-out']) expect(await isVisible(page, item)).toBe(true);
          }

          // The form with its errors: Register on an empty form.
          await page.locator('#register-submit').click();
          await pollUntil(
            async () => {
              expect(await page.locator('#register-form [aria-invalid="true"]').count()).toBeGreaterThan(0);
            },
            { description: 'the empty form to show its errors' },
          );
          await expectGoodLayout(page, 'register-errors', size.width, language);

          // The Find dialog, with matching sites listed; its site goes to the form.
          await page.locator('#find-site').click();
          await waitVisible(page, '#find-dialog');
          await page.locator('#find-dialog input[name="q"]').fill('public school');
          await pollUntil(
            async () => {
              expect(await page.locator('#site-results input[name="site"]').count()).toBeGreaterThan(0);
            },
            { description: 'sites listed in the Find dialog' },
          );
          await page.locator('#site-results input[name="site"]').first().check();
          await expectGoodLayout(page, 'find-dialog', size.width, language);
          await page.locator('#select-site').click();
          expect(await isVisible(page, '#find-dialog')).toBe(false);

          // The wizard after a registration.
          await page.locator('#gender').selectOption('FEMALE');
          await page.locator('#register-submit').click();
          await waitVisible(page, '#wizard');
          await expectGoodLayout(page, 'wizard', size.width, language);

          // From the wizard: the profile's edit form, its history, and room mode; each comes back.
          for (const [button, screenId, name, back] of [
            ['#edit-profile', '#edit-client', 'edit', '#cancel-edit'],
            ['#show-history', '#client-history', 'history', '#history-back'],
            ['#register-room', '#room', 'room', '#room-cancel'],
          ] as const) {
            await page.locator(button).click();
            await waitVisible(page, screenId);
            await expectGoodLayout(page, name, size.width, language);
            await page.locator(back).click();
            await waitVisible(page, '#wizard');
          }

          // The session form.
          await page.locator('#begin-session').click();
          await waitVisible(page, '#session');
          await expectGoodLayout(page, 'session', size.width, language);

          // Find a Client with results, and a profile.
          expect(await page.locator('#nav-register').getAttribute('aria-current')).toBe(null);
          await openMenuItem(page, size.width, '#nav-find');
          await waitVisible(page, '#find-clients');
          // The menu marks the screen on show.
          expect(await page.locator('#nav-find').getAttribute('aria-current')).toBe('page');
          await pollUntil(
            async () => {
              // Each try searches again: the listing may lag the registration by a moment.
              await page.locator('#search-clients').click();
              expect(await page.locator('#client-results li').count()).toBe(1);
            },
            { description: 'the registered client to be listed', timeoutMs: 15_000, intervalMs: 500 },
          );
          await page.locator('#client-results li button').first().click();
          await waitVisible(page, '#client-profile');
          await expectGoodLayout(page, 'find-clients', size.width, language);

          // Reports (agency administrators): this fiscal year to date by month, table and chart.
          await openMenuItem(page, size.width, '#nav-reports');
          await waitVisible(page, '#report-result');
          await expectGoodLayout(page, 'reports', size.width, language);

          // Offline: a registration saved on the device, and the outbox listing it.
          await context.setOffline(true);
          await openMenuItem(page, size.width, '#nav-register');
          await waitVisible(page, '#register');
          await page.locator('#gender').selectOption('MALE');
          // The site from the combobox, over the index the page already holds (no network needed).
          await page.locator('#siteId').fill('public school');
          await pollUntil(
            async () => {
              // More than the one recent site it lists on focus: the matches of what was typed.
              expect(await page.locator('#siteId-listbox [role="option"]').count()).toBeGreaterThan(1);
            },
            { description: 'the sites matching "public school" listed under the combobox' },
          );
          await page.locator('#siteId').press('ArrowDown');
          await page.locator('#siteId').press('Enter');
          expect(await page.locator('#siteId-value').inputValue()).not.toBe('');
          await page.locator('#register-submit').click();
          await waitVisible(page, '#outbox-saved');
          await expectGoodLayout(page, 'offline-saved', size.width, language);
          await page.locator('#outbox-button').click();
          await waitVisible(page, '#outbox-dialog');
          await expectGoodLayout(page, 'outbox', size.width, language);
          await page.locator('#outbox-close').click();
        } finally {
          await context.close();
        }
      }, 120_000);
});
