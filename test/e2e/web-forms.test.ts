/**
 * The web forms' checks in the browser and their error messages (issue 12, items 5 and 9), in
 * chromium against a real embedded server: nothing wrong is sent, the error summary links to its
 * fields, every message is re-rendered in French on the language switch, a refusal only the server
 * can make lands on its field, and the error state passes axe at desktop and phone sizes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { pollUntil } from '../../support/poll';
import type { ServerProcess } from '../../support/server-process';
import { expectAccessible, openPage, screenshot } from '../support/browser';
import { startWebStack, stopWebStack, WEB_STACK_BUDGET_MS } from '../support/web-stack';

let work: string;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  ({ work, server, browser } = await startWebStack('web-forms-e2e'));
}, WEB_STACK_BUDGET_MS);

afterAll(() => stopWebStack({ work, server, browser }));

const SITE = { id: 'ON-SCH-000001', name: 'Josiah Henson Public School' };

/** Every request the page makes to register a client, counted from the moment it is called. */
function countRegistrations(page: Page): { readonly count: number } {
  const seen = { count: 0 };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/v1/anonymous-clients') seen.count += 1;
  });
  return seen;
}

async function signIn(page: Page, agencyId: string) {
  await page.locator('#signin-agencyId').fill(agencyId);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Register New Client/Activity' }).waitFor();
}

async function chooseSite(page: Page) {
  await page.locator('#siteId').fill(SITE.name);
  await page.locator(`#siteId-listbox [data-site-id="${SITE.id}"]`).click();
  expect(await page.locator('#siteId-value').inputValue()).toBe(SITE.id);
}

/** The summary's heading and the text of its entries. */
async function summary(page: Page, id = 'register-error-summary') {
  const box = page.locator(`#${id}`);
  await box.waitFor();
  return { title: await box.locator('h2').textContent(), items: await box.locator('li').allTextContents() };
}

const focusedId = (page: Page) => page.evaluate(() => ((globalThis as any).document.activeElement?.id as string | undefined) ?? '');

/** No sideways scrolling: the page is no wider than the viewport. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => {
    const root = (globalThis as any).document.documentElement;
    return { scroll: root.scrollWidth as number, view: root.clientWidth as number };
  });
  expect(widths.scroll).toBeLessThanOrEqual(widths.view);
}

describe('the web forms check before sending and speak plainly, in English and French', () => {
  it('shows an empty form’s problems in a summary without sending it; links focus their fields; French re-renders every message', async () => {
    const page = await openPage(browser, server.url + '/');
    const registrations = countRegistrations(page);
    await signIn(page, 'agency-forms-empty');
    // The date box shows and takes YYYY-MM-DD, with its format beside it, whatever the browser's locale.
    expect(await page.locator('#registrationDate').getAttribute('type')).toBe('text');
    expect(await page.locator('#registrationDate').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('#registrationDate-hint').textContent()).toBe('YYYY-MM-DD, for example 2026-11-30');
    await page.locator('#registrationDate').fill('');

    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const shown = await summary(page);
    expect(shown).toEqual({
      title: 'There is a problem',
      items: ['Choose a gender', 'Enter the registration date as YYYY-MM-DD, for example 2026-11-30', 'Choose a registration site'],
    });
    expect(await focusedId(page)).toBe('register-error-summary');
    expect(registrations.count).toBe(0);
    // Each field says it too, and is marked invalid and described by its message.
    for (const [id, text] of [
      ['gender', 'Choose a gender'],
      ['registrationDate', 'Enter the registration date as YYYY-MM-DD, for example 2026-11-30'],
      ['siteId', 'Choose a registration site'],
    ] as const) {
      expect(await page.locator(`#err-${id}`).textContent()).toBe(text);
      expect(await page.locator(`#${id}`).getAttribute('aria-invalid')).toBe('true');
      expect((await page.locator(`#${id}`).getAttribute('aria-describedby'))?.split(' ')).toContain(`err-${id}`);
    }
    await expectAccessible(page, 'register form with an error summary');
    await screenshot(page, 'forms-en-error-summary');

    // Each link moves focus to its field.
    await page.locator('#register-error-summary').getByRole('link', { name: 'Choose a gender' }).click();
    expect(await focusedId(page)).toBe('gender');
    await page
      .locator('#register-error-summary')
      .getByRole('link', { name: /registration date/ })
      .click();
    expect(await focusedId(page)).toBe('registrationDate');
    await page.locator('#register-error-summary').getByRole('link', { name: 'Choose a registration site' }).click();
    expect(await focusedId(page)).toBe('siteId');

    // The language switch rebuilds the summary and the fields' messages.
    await page.getByRole('button', { name: 'Passer au français' }).click();
    expect(await summary(page)).toEqual({
      title: 'Il y a un problème',
      items: [
        'Choisissez un genre',
        "Saisissez la date d'inscription au format AAAA-MM-JJ, par exemple 2026-11-30",
        "Choisissez un lieu d'inscription",
      ],
    });
    expect(await page.locator('#err-gender').textContent()).toBe('Choisissez un genre');
    expect(await page.locator('#registrationDate-hint').textContent()).toBe('AAAA-MM-JJ, par exemple 2026-11-30');
    await expectAccessible(page, 'register form with an error summary, in French');
    await screenshot(page, 'forms-fr-error-summary');

    // A fixed field loses its message, and the summary its entry.
    await page.locator('#gender').selectOption('FEMALE');
    expect(await page.locator('#err-gender').textContent()).toBe('');
    expect(await page.locator('#gender').getAttribute('aria-invalid')).toBeNull();
    expect((await summary(page)).items).toEqual([
      "Saisissez la date d'inscription au format AAAA-MM-JJ, par exemple 2026-11-30",
      "Choisissez un lieu d'inscription",
    ]);

    // A date after today is refused before sending, by the API's own rule.
    await page.locator('#registrationDate').fill('2999-01-01');
    await chooseSite(page);
    await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
    await pollUntil(
      async () => {
        expect((await summary(page)).items).toEqual([
          expect.stringMatching(/^La date d'inscription ne peut pas être postérieure à aujourd'hui \(\d{4}-\d{2}-\d{2}\)$/),
        ]);
      },
      { description: 'the summary to name only the date after today' },
    );
    expect(registrations.count).toBe(0);
    await page.context().close();
  });

  it.each([
    { width: 390, height: 844 },
    { width: 320, height: 640 },
  ])('keeps the error state accessible and within a $width×$height screen', async (viewport) => {
    const context = await browser.newContext({ viewport, locale: 'en-CA' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(server.url + '/');
    await signIn(page, `agency-forms-${viewport.width}`);
    await page.locator('#postalCode').fill('ZZZ 999');
    await page.locator('#comments').fill('Needs \u0007 help');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    expect((await summary(page)).items).toEqual([
      'Choose a gender',
      'Enter a Canadian postal code such as K1A 0B1, or its first three characters, such as K1A',
      'Choose a registration site',
      'Comments: remove the special control characters (line breaks and tabs are fine)',
    ]);
    await expectAccessible(page, `error summary at ${viewport.width}×${viewport.height}`);
    await expectNoSidewaysScroll(page);
    await screenshot(page, `forms-en-error-summary-${viewport.width}`);
    await page.getByRole('button', { name: 'Passer au français' }).click();
    expect((await summary(page)).title).toBe('Il y a un problème');
    await expectAccessible(page, `error summary at ${viewport.width}×${viewport.height}, in French`);
    await expectNoSidewaysScroll(page);
    await context.close();
  });

  it('puts a refusal only the server can make on its field and in the summary, in the page’s language', async () => {
    const page = await openPage(browser, server.url + '/');
    await signIn(page, 'agency-forms-server');
    const today = await page.locator('#registrationDate').inputValue();
    // Typed as a phone's number pad types it: sent as YYYY-MM-DD.
    await page.locator('#registrationDate').fill(today.replaceAll('-', ''));
    await page.locator('#gender').selectOption('MALE');
    await chooseSite(page);
    // The request leaves the browser valid and is changed on the way to name a site no catalog has.
    const sent: unknown[] = [];
    await page.context().route('**/v1/anonymous-clients', async (route) => {
      const body = route.request().postDataJSON() as Record<string, unknown>;
      sent.push(body);
      await route.continue({ postData: JSON.stringify({ ...body, siteId: 'NO-SUCH-SITE-1' }) });
    });
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const shown = await summary(page);
    expect(shown.items).toEqual(['The registration site chosen is unknown or no longer active: choose another site']);
    expect(sent).toEqual([expect.objectContaining({ registrationDate: today, siteId: SITE.id, gender: 'MALE' })]);
    expect(await page.locator('#err-siteId').textContent()).toBe(shown.items[0]);
    expect(await page.locator('#siteId').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#registrationDate').inputValue()).toBe(today);
    await expectAccessible(page, 'register form with a server refusal');
    await page.getByRole('button', { name: 'Passer au français' }).click();
    expect((await summary(page)).items).toEqual(["Le lieu d'inscription choisi est inconnu ou n'est plus actif : choisissez-en un autre"]);
    expect(await page.locator('#err-siteId').textContent()).toBe(
      "Le lieu d'inscription choisi est inconnu ou n'est plus actif : choisissez-en un autre",
    );
    await page.context().close();
  });

  it('checks the session form the same way before saving it', async () => {
    const page = await openPage(browser, server.url + '/');
    await signIn(page, 'agency-forms-session');
    await page.locator('#gender').selectOption('FEMALE');
    await chooseSite(page);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.locator('#wizard').waitFor();
    await page.getByRole('button', { name: 'Begin Session with Client' }).click();
    await page.locator('#session').waitFor();
    expect(await page.locator('#serviceDate').getAttribute('type')).toBe('text');
    expect(await page.locator('#serviceDate-hint').textContent()).toBe('YYYY-MM-DD, for example 2026-11-30');
    const sessions = { count: 0 };
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/sessions')) sessions.count += 1;
    });
    await page.locator('#serviceDate').fill('30/11/2026');
    await page.locator('#durationMinutes').fill('0');
    await page.getByRole('button', { name: 'Save the session' }).click();
    expect(await summary(page, 'session-error-summary')).toEqual({
      title: 'There is a problem',
      items: [
        'Enter the service date as YYYY-MM-DD, for example 2026-11-30',
        'Enter the duration as a whole number of minutes from 1 to 1,440, or leave it empty',
      ],
    });
    expect(await focusedId(page)).toBe('session-error-summary');
    expect(sessions.count).toBe(0);
    await expectAccessible(page, 'session form with an error summary');
    await page.getByRole('button', { name: 'Passer au français' }).click();
    expect(await page.locator('#err-durationMinutes').textContent()).toBe(
      'Saisissez la durée en minutes, un nombre entier de 1 à 1 440, ou laissez le champ vide',
    );
    await page.context().close();
  });
});
