/**
 * The reference web front end in a real browser (Debian's chromium driven by playwright-core; see
 * test/support/browser.ts), embedded mode: a real `npm start` server with a fresh DATA_DIR serves
 * web/dist (built first), its config.json (local sign-in) and the API. Screenshots:
 * test-results/screenshots/.
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
  ({ work, server, browser } = await startWebStack('web-e2e'));
}, WEB_STACK_BUDGET_MS);

afterAll(() => stopWebStack({ work, server, browser }));

const newPage = () => openPage(browser, server.url + '/');

/** The API as the signed-in page's user: GET, or POST with a body; the answer must be a success. */
async function apiAs(page: Page, path: string, body?: unknown): Promise<any> {
  const token = await heldToken(page);
  const response = await fetch(server.url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expectWithMessage(response.ok, `${path}: ${response.status}`).toBe(true);
  return response.json();
}

/** The registration form: its labels (Gender, Postal code, …) are also the profile-edit form's. */
const registerForm = (page: Page) => page.locator('#register-form');

/** The sites the Find dialog lists now, in order. */
const listedSites = (page: Page) =>
  page.locator('#site-results input[name="site"]').evaluateAll((inputs) => inputs.map((input) => (input as any).value as string));

const WORDS = {
  en: {
    signIn: 'Sign in',
    find: 'Find a registration site',
    filterBox: 'Part of the site name',
    filter: 'Filter',
    select: 'Select Site',
    expand: (label: string) => `Show the locations of ${label}`,
    nonSchools: 'Non-schools or Reception Centres',
    gender: 'Gender',
    postal: 'Postal code',
    comments: 'Comments',
    date: 'Registration date',
    register: 'Register',
    print: 'Print the Registration Receipt',
    saveReceipt: 'Save the receipt',
    another: 'Register Another Client',
    begin: 'Begin Session with Client',
    save: 'Save the session',
    saved: 'The session is saved.',
    sessionTaken: 'register a new anonymous client for this service',
    navFind: 'Find a Client in my Agency',
    search: 'Search',
    searchBox: 'Words of the comments',
    title: 'Register New Client/Activity',
  },
  fr: {
    signIn: 'Se connecter',
    find: "Trouver un lieu d'inscription",
    filterBox: 'Une partie du nom du lieu',
    filter: 'Filtrer',
    select: 'Choisir le lieu',
    expand: (label: string) => `Afficher les lieux de ${label}`,
    nonSchools: "Non-écoles ou centres d'accueil",
    gender: 'Genre',
    postal: 'Code postal',
    comments: 'Commentaires',
    date: "Date d'inscription",
    register: 'Inscrire',
    print: "Imprimer le reçu d'inscription",
    saveReceipt: 'Enregistrer le reçu',
    another: 'Inscrire un autre client',
    begin: 'Commencer une séance avec le client',
    save: 'Enregistrer la séance',
    saved: 'La séance est enregistrée.',
    sessionTaken: 'inscrivez un nouveau client anonyme pour ce service',
    navFind: 'Trouver un client de mon organisme',
    search: 'Rechercher',
    searchBox: 'Mots des commentaires',
    title: 'Inscrire un nouveau client ou une activité',
  },
} as const;

async function signIn(page: Page, language: 'en' | 'fr', agencyId: string) {
  if (language === 'fr') await page.getByRole('button', { name: 'Passer au français' }).click();
  await page.locator('#signin-agencyId').fill(agencyId);
  await page.getByRole('button', { name: WORDS[language].signIn, exact: true }).click();
  await pollUntil(
    async () => {
      expect(await page.getByRole('heading', { level: 1, name: WORDS[language].title }).isVisible()).toBe(true);
    },
    { description: "page.getByRole('heading', { level: 1, name: WORDS[language].title }).isVisible() toBe(true)" },
  );
}

async function pickSiteByFilter(page: Page, language: 'en' | 'fr', text: string, siteId: string) {
  const w = WORDS[language];
  await page.getByRole('button', { name: w.find }).click();
  await page.getByLabel(w.filterBox).fill(text);
  await page.getByLabel(w.filterBox).press('Enter');
  await page.locator(`#site-results input[value="${siteId}"]`).check();
  await page.getByRole('button', { name: w.select }).click();
  await pollUntil(
    async () => {
      expect(await page.locator('#siteId-value').inputValue()).toBe(siteId);
    },
    { description: "page.locator('#siteId-value').inputValue() toBe(siteId)" },
  );
}

/** The registration site as a worker picks it: its name typed in the combobox, its option clicked. */
async function chooseSite(page: Page, name: string, siteId: string) {
  await page.locator('#siteId').fill(name);
  await page.locator(`#siteId-listbox [data-site-id="${siteId}"]`).click();
  expect(await page.locator('#siteId-value').inputValue()).toBe(siteId);
}

async function registerAndSearch(page: Page, language: 'en' | 'fr', comment: string, word: string) {
  const w = WORDS[language];
  await registerForm(page).getByLabel(w.gender, { exact: true }).selectOption('FEMALE');
  await registerForm(page).getByLabel(w.comments, { exact: true }).fill(comment);
  await page.getByRole('button', { name: w.register, exact: true }).click();
  await pollUntil(
    async () => {
      expect(await page.locator('#wizard').isVisible()).toBe(true);
    },
    { description: "page.locator('#wizard').isVisible() toBe(true)" },
  );
  const clientId = await page.locator('#client-id').textContent();

  // Print the receipt as a PDF in the page's language, and read the link it gives.
  await page.locator('#format-pdf').check();
  await page.getByRole('button', { name: w.print }).click();
  const href = await page.locator('#receipt-link').getAttribute('href');
  const printed = await fetch(href!);
  // Printing opens the PDF in the browser's own viewer: the link serves it inline, not as a download.
  expect(printed.headers.get('content-disposition')).toMatch(/^inline; filename="anonymous-client-.*-receipt\.pdf"$/);
  const pdf = Buffer.from(await printed.arrayBuffer());
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  // "Save the receipt" downloads it as a file (an attachment) and leaves the screen as it is.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.saveReceipt }).click()]);
  expect(download.suggestedFilename()).toMatch(/^anonymous-client-.*-receipt\.pdf$/);
  expect((await fetch(download.url())).headers.get('content-disposition')).toMatch(/^attachment; /);
  expect(await page.locator('#wizard').isVisible()).toBe(true);

  // Begin a session: the form is pre-filled from the draft; a second one gets the server's 409 message,
  // in the UI's language.
  await page.getByRole('button', { name: w.begin }).click();
  await pollUntil(
    async () => {
      expect(await page.locator('#session').isVisible()).toBe(true);
    },
    { description: "page.locator('#session').isVisible() toBe(true)" },
  );
  expect(await page.locator('#serviceDate').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(await page.locator('#deliveryMethod').inputValue()).toBe('IN_PERSON');
  await page.getByRole('button', { name: w.save }).click();
  await pollUntil(
    async () => {
      expect(await page.locator('#session-status').textContent()).toBe(w.saved);
    },
    { description: "page.locator('#session-status').textContent() toBe(w.saved)" },
  );
  await page.getByRole('button', { name: w.save }).click();
  await pollUntil(
    async () => {
      expect(await page.locator('#session-error').textContent()).toContain(w.sessionTaken);
    },
    { description: "page.locator('#session-error').textContent() toContain(w.sessionTaken)" },
  );

  // Find the client by a word of its comment (the index is fed asynchronously).
  await page.getByRole('button', { name: w.navFind }).click();
  await page.getByLabel(w.searchBox).fill(word);
  await pollUntil(
    // Each try searches again and reads what the tries before it have listed by then.
    async () => {
      await page.getByRole('button', { name: w.search, exact: true }).click();
      expect(await page.locator(`#client-results li[data-client-id="${clientId}"]`).count()).toBe(1);
    },
    { description: 'the client to be found by a word of its comment', timeoutMs: 15_000, intervalMs: 500 },
  );
  return clientId!;
}

describe('the web front end in chromium', () => {
  it('serves the app at / and never shadows /v1', async () => {
    const page = await fetch(server.url + '/');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<div id="app">');
    expect((await fetch(server.url + '/find-clients')).headers.get('content-type')).toMatch(/^text\/html/);
    expect((await fetch(server.url + '/assets/missing.js')).status).toBe(404);
    expect((await fetch(server.url + '/v1/nothing-here')).status).toBe(404);
    expect((await fetch(server.url + '/v1/health')).status).toBe(200);
    expect((await fetch(server.url + '/', { method: 'POST' })).status).toBe(404);
    expect((await fetch(server.url + '/local/token', { method: 'POST', body: '{"agencyId":"a b"}' })).status).toBe(400);
  });

  it('runs the whole journey in English', async () => {
    const page = await newPage();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'en-1-sign-in');
    await signIn(page, 'en', 'agency-en');
    expect(await page.locator('#clientName').inputValue()).toBe('Anonymous Client');
    expect(await page.locator('#immigrationStatus').inputValue()).toBe('UNKNOWN');
    expect(await page.locator('#arrivalYear').inputValue()).toBe('UNKNOWN');
    expect(await page.locator('#agency').inputValue()).toBe('Newcomer Centre of Peel');
    await expectAccessible(page, 'form');
    // Clear asks first when something was typed.
    await registerForm(page).getByLabel(WORDS.en.postal).fill('M5V');
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await pollUntil(
      async () => {
        expect(await page.locator('#postalCode').inputValue()).toBe('');
      },
      { description: "page.locator('#postalCode').inputValue() toBe('')" },
    );
    expect(asked).toBe('Clear everything typed on this form?');

    // The site is picked by part of its name in the combobox (no one types an id); editing the text
    // lets go of the site (test/e2e/web-site-combobox.test.ts covers the combobox itself).
    await page.locator('#siteId').pressSequentially('josiah hen', { delay: 20 });
    await page.locator('#siteId-listbox [data-site-id="ON-SCH-000001"]').waitFor();
    const position = await page
      .locator('#siteId-listbox [role="option"]')
      .evaluateAll((options) => options.findIndex((option) => (option as any).dataset.siteId === 'ON-SCH-000001'));
    for (let i = 0; i <= position; i += 1) await page.locator('#siteId').press('ArrowDown');
    await page.locator('#siteId').press('Enter');
    expect(await page.locator('#siteId').inputValue()).toBe('Josiah Henson Public School');
    expect(await page.locator('#siteId-value').inputValue()).toBe('ON-SCH-000001');
    await page.locator('#siteId').press('Backspace');
    expect(await page.locator('#siteId-value').inputValue()).toBe('');

    // Find dialog: through Filter, then through the tree.
    await pickSiteByFilter(page, 'en', 'josiah henson', 'ON-SCH-000001');
    expect(await page.locator('#siteId').inputValue()).toBe('Josiah Henson Public School');
    await page.getByRole('button', { name: WORDS.en.find }).click();
    await page.getByRole('button', { name: WORDS.en.expand(WORDS.en.nonSchools) }).click();
    // The non-school groups are in alphabetical ranges (Groups A–C, …): Aurora's first.
    await page.getByRole('button', { name: /^Show the locations of Groups A/ }).click();
    await page.getByRole('button', { name: WORDS.en.expand('Aurora Public Library') }).click();
    const treeSite = page.locator('#site-tree input[name="site"]').first();
    const treeSiteId = await treeSite.getAttribute('value');
    await treeSite.check();
    await expectAccessible(page, 'Find dialog');
    await screenshot(page, 'en-2-find-dialog');
    await page.getByRole('button', { name: WORDS.en.select }).click();
    expect(await page.locator('#siteId-value').inputValue()).toBe(treeSiteId);
    expect(await page.locator('#siteId').inputValue()).toMatch(/Aurora/);

    // A bad postal code: its error beside the field, nothing registered.
    await registerForm(page).getByLabel(WORDS.en.gender, { exact: true }).selectOption('FEMALE');
    await registerForm(page).getByLabel(WORDS.en.postal).fill('DDD 1D1');
    await page.getByRole('button', { name: WORDS.en.register, exact: true }).click();
    await pollUntil(
      async () => {
        expect(await page.locator('#err-postalCode').textContent()).not.toBe('');
      },
      { description: "page.locator('#err-postalCode').textContent() not.toBe('')" },
    );
    expect(await page.locator('#err-postalCode').textContent()).toBe(
      'Enter a Canadian postal code such as K1A 0B1, or its first three characters, such as K1A',
    );
    expect(await page.locator('#postalCode').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#register-submit').isVisible()).toBe(true);
    await expectAccessible(page, 'form with errors');
    await registerForm(page).getByLabel(WORDS.en.postal).fill('M6M 4B1');
    await registerForm(page).getByLabel(WORDS.en.comments, { exact: true }).fill('typing');
    await page.waitForFunction("document.querySelector('#comments-counter')?.textContent === '6 / 4000 characters'");
    await screenshot(page, 'en-3-form');

    // Register; the wizard; register another keeps site and date.
    await registerForm(page)
      .getByLabel(WORDS.en.date)
      .fill(await page.locator('#registrationDate').inputValue());
    const word = `kingfisher${Date.now().toString(36)}`;
    await registerForm(page).getByLabel(WORDS.en.gender, { exact: true }).selectOption('FEMALE');
    await registerForm(page).getByLabel(WORDS.en.comments, { exact: true }).fill(`Family of four asked about ${word} English classes.`);
    await page.getByRole('button', { name: WORDS.en.register, exact: true }).click();
    await pollUntil(
      async () => {
        expect(await page.locator('#wizard').isVisible()).toBe(true);
      },
      { description: "page.locator('#wizard').isVisible() toBe(true)" },
    );
    await expectAccessible(page, 'wizard');
    await screenshot(page, 'en-4-wizard');
    const date = await page.locator('#registrationDate').inputValue();
    await page.getByRole('button', { name: WORDS.en.another }).click();
    expect(await page.locator('#siteId-value').inputValue()).toBe(treeSiteId);
    expect(await page.locator('#registrationDate').inputValue()).toBe(date);
    expect(await page.locator('#comments').inputValue()).toBe('');
    expect(await page.locator('#postalCode').inputValue()).toBe('');
    expect(await page.locator('#gender').inputValue()).toBe('');

    // The core journey: register, receipt, session twice, find by a comment word.
    const clientId = await registerAndSearch(page, 'en', `Second person; needs ${word} help with housing.`, word);
    await expectAccessible(page, 'find clients');
    await page.locator(`#client-results li[data-client-id="${clientId}"] button`).click();
    await pollUntil(
      async () => {
        expect(await page.locator('#client-profile').textContent()).toContain(clientId);
      },
      { description: "page.locator('#client-profile').textContent() toContain(clientId)" },
    );
    await expectAccessible(page, 'client profile');
    await screenshot(page, 'en-5-find-clients');
    // Both registrations (and not the refused one) are the agency's.
    const all = await apiAs(page, '/v1/anonymous-clients');
    expect(all.items).toHaveLength(2);
    await page.context().close();
  }, 120_000);

  it('runs the same journey in French', async () => {
    const page = await newPage();
    await signIn(page, 'fr', 'agency-fr');
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang as string)).toBe('fr');
    expect(await page.locator('#clientName').inputValue()).toBe('Client anonyme');
    expect(await page.locator('#immigrationStatus option:checked').textContent()).toBe('Inconnu');
    await expectAccessible(page, 'formulaire');
    await screenshot(page, 'fr-1-formulaire');
    await pickSiteByFilter(page, 'fr', 'nellie mcclung', 'ON-SCH-000002');
    await page.getByRole('button', { name: WORDS.fr.find }).click();
    await page.getByRole('button', { name: WORDS.fr.expand(WORDS.fr.nonSchools) }).click();
    await expectAccessible(page, 'dialogue Trouver');
    await screenshot(page, 'fr-2-dialogue');
    await page.getByRole('button', { name: 'Annuler' }).click();

    await registerForm(page).getByLabel(WORDS.fr.gender, { exact: true }).selectOption('FEMALE');
    await registerForm(page).getByLabel(WORDS.fr.postal).fill('W1A');
    await page.getByRole('button', { name: WORDS.fr.register, exact: true }).click();
    await pollUntil(
      async () => {
        expect(await page.locator('#err-postalCode').textContent()).not.toBe('');
      },
      { description: "page.locator('#err-postalCode').textContent() not.toBe('')" },
    );
    // Checked in the browser by the API's own rule, and said in the UI's language.
    expect(await page.locator('#err-postalCode').textContent()).toBe(
      'Saisissez un code postal canadien comme K1A 0B1, ou ses trois premiers caractères, comme K1A',
    );
    await registerForm(page).getByLabel(WORDS.fr.postal).fill('');

    const word = `mésange${Date.now().toString(36)}`;
    await registerAndSearch(page, 'fr', `Famille arrivée récemment; ${word} cours de français.`, word);
    await expectAccessible(page, 'recherche');
    await screenshot(page, 'fr-3-recherche');
    expect((await apiAs(page, '/v1/anonymous-clients')).items).toHaveLength(1);
    await page.context().close();
  }, 120_000);

  it('registers each draft exactly once: a double click stores one client, and the menu item opens an empty form', async () => {
    const page = await newPage();
    await signIn(page, 'en', 'agency-once');
    const today = await page.locator('#registrationDate').inputValue();
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/v1/anonymous-clients')
        keys.push(request.headers()['idempotency-key'] ?? '');
    });
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    // The registration waits until the test lets it through, so the busy state can be looked at.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      (url) => url.pathname === '/v1/anonymous-clients',
      async (route) => {
        if (route.request().method() === 'POST') await released;
        await route.continue();
      },
    );
    const register = page.locator('#register-submit');
    const names: Record<string, string> = {
      'ON-SCH-000001': 'Josiah Henson Public School',
      'ON-SCH-000002': 'Nellie McClung Elementary School',
    };
    const fill = async (siteId: string, comment: string) => {
      await registerForm(page).getByLabel(WORDS.en.gender, { exact: true }).selectOption('FEMALE');
      if (siteId) await chooseSite(page, names[siteId]!, siteId);
      await registerForm(page).getByLabel(WORDS.en.comments, { exact: true }).fill(comment);
    };
    const toWizard = () =>
      pollUntil(
        async () => {
          expect(await page.locator('#wizard').isVisible()).toBe(true);
        },
        { description: "page.locator('#wizard').isVisible() toBe(true)" },
      );

    await fill('ON-SCH-000001', 'First visit, double-clicked.');
    await register.dblclick();
    // While it is on its way: disabled, saying so in the current language, the form aria-busy.
    expect(await register.isDisabled()).toBe(true);
    expect(await register.textContent()).toBe('Registering…');
    expect(await page.locator('#register-form').getAttribute('aria-busy')).toBe('true');
    await register.click({ force: true });
    await page.locator('#register-form').press('Enter');
    await expectAccessible(page, 'form, registering');
    await screenshot(page, 'en-8-registering');
    await page.getByRole('button', { name: 'Passer au français' }).click();
    expect(await register.textContent()).toBe('Enregistrement…');
    await expectAccessible(page, 'formulaire, enregistrement');
    await screenshot(page, 'fr-6-enregistrement');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    release();
    await toWizard();
    const first = await page.locator('#client-id').textContent();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await apiAs(page, '/v1/anonymous-clients')).items.map((client: any) => client.clientId)).toEqual([first]);

    // The menu item after a registration: an empty form (nothing of that client), without asking.
    await page.getByRole('button', { name: WORDS.en.title }).click();
    expect(await page.locator('#register').isVisible()).toBe(true);
    const empty: [string, string][] = [
      ['#gender', ''],
      ['#siteId', ''],
      ['#siteId-value', ''],
      ['#comments', ''],
      ['#postalCode', ''],
      ['#arrivalYear', 'UNKNOWN'],
      ['#immigrationStatus', 'UNKNOWN'],
      ['#registrationDate', today],
    ];
    for (const [id, value] of empty) expectWithMessage(await page.locator(id).inputValue(), id).toBe(value);
    expect(await register.isEnabled()).toBe(true);
    expect(await register.textContent()).toBe('Register');
    expect(await page.locator('#register-form').getAttribute('aria-busy')).toBeNull();
    expect(asked).toEqual([]);
    // Register on that form without a gender is refused in the browser: nothing is sent or stored.
    await register.click();
    await pollUntil(
      async () => {
        expect(await page.locator('#err-gender').textContent()).not.toBe('');
      },
      { description: "page.locator('#err-gender').textContent() not.toBe('')" },
    );
    // A new draft has a new key; Register Another Client keeps site and date, with a new key too.
    await fill('ON-SCH-000002', 'Second visit.');
    await register.click();
    await toWizard();
    await page.getByRole('button', { name: WORDS.en.another }).click();
    expect(await page.locator('#siteId-value').inputValue()).toBe('ON-SCH-000002');
    await fill('', 'Third visit.');
    await register.click();
    await toWizard();
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
    expect((await apiAs(page, '/v1/anonymous-clients')).items).toHaveLength(3);

    // A half-typed form is cleared by the menu item only if the worker says so.
    await page.getByRole('button', { name: WORDS.en.title }).click();
    await page.locator('#postalCode').fill('M5V');
    await page.getByRole('button', { name: WORDS.en.navFind }).click();
    await page.getByRole('button', { name: WORDS.en.title }).click();
    expect(asked).toEqual(['Start a new registration? What is typed on this form will be cleared.']);
    expect(await page.locator('#postalCode').inputValue()).toBe('M5V');
    await page.context().close();
  }, 90_000);

  it('sends a retry after a lost answer with the same key: one client, in French', async () => {
    const page = await newPage();
    await signIn(page, 'fr', 'agency-retry');
    const posts: { key: string; body: string }[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/v1/anonymous-clients')
        posts.push({ key: request.headers()['idempotency-key'] ?? '', body: request.postData() ?? '' });
    });
    // The first registration reaches the server and is stored, but its answer never reaches the page.
    let lost = 0;
    await page.route(
      (url) => url.pathname === '/v1/anonymous-clients',
      async (route) => {
        if (route.request().method() !== 'POST' || lost > 0) return route.continue();
        lost += 1;
        await route.fetch();
        await route.abort('connectionreset');
      },
    );
    const register = page.getByRole('button', { name: WORDS.fr.register, exact: true });
    await registerForm(page).getByLabel(WORDS.fr.gender, { exact: true }).selectOption('MALE');
    await chooseSite(page, 'Josiah Henson Public School', 'ON-SCH-000001');
    await registerForm(page).getByLabel(WORDS.fr.comments, { exact: true }).fill('Réponse perdue.');
    await register.click();
    await pollUntil(
      async () => {
        expect(await page.locator('#register-notice').textContent()).toContain('le client ne sera pas inscrit deux fois');
      },
      { description: "page.locator('#register-notice').textContent() toContain('le client ne sera pas inscrit deux fois')" },
    );
    expect(await register.isEnabled()).toBe(true);
    expect(await page.locator('#register-form').getAttribute('aria-busy')).toBeNull();
    await expectAccessible(page, 'formulaire, réponse perdue');
    await screenshot(page, 'fr-7-reponse-perdue');
    // The message follows the language.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.locator('#register-notice').textContent()).toContain('the client will not be registered twice');
    await page.getByRole('button', { name: 'Passer au français' }).click();
    const stored = (await apiAs(page, '/v1/anonymous-clients')).items;
    expect(stored).toHaveLength(1);

    // Changed values under the same key: the server refuses them, and the page says why.
    await registerForm(page).getByLabel(WORDS.fr.comments, { exact: true }).fill('Réponse perdue, valeurs changées.');
    await register.click();
    await pollUntil(
      async () => {
        expect(await page.locator('#register-notice').textContent()).toContain('a peut-être déjà inscrit le client');
      },
      { description: "page.locator('#register-notice').textContent() toContain('a peut-être déjà inscrit le client')" },
    );

    // The retry of the same draft: the server replays the first answer, nothing new is stored.
    await registerForm(page).getByLabel(WORDS.fr.comments, { exact: true }).fill('Réponse perdue.');
    const answer = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith('/v1/anonymous-clients'),
    );
    await register.click();
    expect((await answer).headers()['idempotent-replayed']).toBe('true');
    await pollUntil(
      async () => {
        expect(await page.locator('#wizard').isVisible()).toBe(true);
      },
      { description: "page.locator('#wizard').isVisible() toBe(true)" },
    );
    expect(await page.locator('#client-id').textContent()).toBe(stored[0].clientId);
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((post) => post.key)).size).toBe(1);
    expect(posts[2]!.body).toBe(posts[0]!.body);
    expect((await apiAs(page, '/v1/anonymous-clients')).items).toHaveLength(1);
    await page.context().close();
  }, 60_000);

  it('refuses at sign-in an agency id the API refuses, in English and French', async () => {
    const page = await newPage();
    const tokens: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/local/token') tokens.push(request.url());
    });
    for (const id of ['-agency', '_agency']) {
      await page.locator('#signin-agencyId').fill(id);
      await page.getByRole('button', { name: WORDS.en.signIn, exact: true }).click();
      expect(await page.locator('#err-signin-agencyId').textContent()).toBe(
        'Enter an agency id of 1 to 64 letters, digits, hyphens (-) or underscores (_) that begins with a letter or a digit.',
      );
      expect(await page.locator('#signin-agencyId').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#signin-error').textContent()).toBe('Please correct the marked fields.');
    }
    await expectAccessible(page, 'sign-in with a refused agency id');
    await page.getByRole('button', { name: 'Passer au français' }).click();
    expect(await page.locator('#err-signin-agencyId').textContent()).toBe(
      "Saisissez un identifiant d'organisme de 1 à 64 lettres, chiffres, traits d'union (-) ou traits de soulignement (_) qui commence par une lettre ou un chiffre.",
    );
    expect(await page.locator('#signin-error').textContent()).toBe('Veuillez corriger les champs indiqués.');
    await screenshot(page, 'fr-8-connexion-refusee');
    expect(tokens).toEqual([]);
    // Editing the id takes the error away; a good one signs in.
    await page.locator('#signin-agencyId').fill('agency-signin');
    expect(await page.locator('#err-signin-agencyId').textContent()).toBe('');
    expect(await page.locator('#signin-agencyId').getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: WORDS.fr.signIn, exact: true }).click();
    await pollUntil(
      async () => {
        expect(await page.getByRole('heading', { level: 1, name: WORDS.fr.title }).isVisible()).toBe(true);
      },
      { description: 'the French form after signing in' },
    );
    expect(tokens).toHaveLength(1);
    await page.context().close();
  }, 60_000);

  it('lists sites as the name is typed, from the compact index fetched once', async () => {
    const page = await newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/v1/sites')) asked.push(url.pathname + url.search);
    });
    await signIn(page, 'en', 'agency-typeahead');
    const box = page.getByLabel(WORDS.en.filterBox);

    // Typing part of a name is enough: no Filter, no Enter.
    await page.getByRole('button', { name: WORDS.en.find }).click();
    await box.pressSequentially('josiah hen', { delay: 30 });
    await pollUntil(
      async () => {
        expect(await listedSites(page)).toContain('ON-SCH-000001');
      },
      { description: "listedSites(page) toContain('ON-SCH-000001')" },
    );
    expect(await listedSites(page)).toHaveLength(9);
    expect(await page.locator('#site-count').textContent()).toBe('9 sites match.');
    // Accents, case and word order do not matter; a typo in a long word is forgiven, as on the server.
    await box.fill('CASGRAIN therese');
    await pollUntil(
      async () => {
        expect(await page.locator('#site-results input').evaluateAll((inputs) => inputs.map((i) => (i as any).dataset.name))).toContain(
          'Thérèse Casgrain Public School',
        );
      },
      {
        description:
          "page.locator('#site-results input').evaluateAll((inputs) => inputs.map((i) => (i as any).dataset.name)) toContain('Thérèse Casgrain Public School')",
      },
    );
    for (const q of ['public sch', 'elementry nel', 'st jean']) {
      await box.fill(q);
      const server = await apiAs(page, `/v1/sites?q=${encodeURIComponent(q)}&limit=25`);
      await pollUntil(
        async () => {
          expect(await listedSites(page)).toEqual(server.items.map((site: any) => site.siteId));
        },
        { description: `${q}: listedSites(page) toEqual(server.items.map((site: any) => site.siteId))` },
      );
      const count =
        server.total > 25
          ? `${server.total} sites match; the first 25 are shown. Type more of the name to narrow them.`
          : server.total === 1
            ? '1 site matches.'
            : `${server.total} sites match.`;
      expectWithMessage(await page.locator('#site-count').textContent(), q).toBe(count);
    }
    await box.fill('zzzq xxqz');
    await pollUntil(
      async () => {
        expect(await page.locator('#site-count').textContent()).toBe('No site matches.');
      },
      { description: "page.locator('#site-count').textContent() toBe('No site matches.')" },
    );
    expect(await listedSites(page)).toEqual([]);

    // The keyboard: the down arrow goes to the results, arrows move, Enter selects.
    await box.fill('nellie mcclung');
    await pollUntil(
      async () => {
        expect((await listedSites(page)).length).toBe(8);
      },
      { description: '(await listedSites(page)).length toBe(8)' },
    );
    await box.press('ArrowDown');
    await box.page().keyboard.press('ArrowDown');
    const second = (await listedSites(page))[1];
    expect(await page.evaluate(() => ((globalThis as any).document.activeElement as any).value)).toBe(second);
    await expectAccessible(page, 'Find dialog with typed results');
    await page.keyboard.press('Enter');
    await pollUntil(
      async () => {
        expect(await page.locator('#siteId-value').inputValue()).toBe(second);
      },
      { description: "page.locator('#siteId-value').inputValue() toBe(second)" },
    );
    expect(await page.locator('#find-dialog').isVisible()).toBe(false);

    // Filter and Enter still filter at once; the index is not fetched again for a second opening.
    await page.getByRole('button', { name: WORDS.en.find }).click();
    expect(await box.inputValue()).toBe('');
    await box.fill('newcomer cen');
    await box.press('Enter');
    await pollUntil(
      async () => {
        expect((await listedSites(page)).length).toBeGreaterThan(3);
      },
      { description: '(await listedSites(page)).length toBeGreaterThan(3)' },
    );
    await page.getByRole('button', { name: WORDS.en.filter, exact: true }).click();
    await page.locator('#site-results input[name="site"]').nth(2).check();
    await screenshot(page, 'en-6-type-ahead');
    expect(asked.filter((path) => path === '/v1/sites/index')).toHaveLength(1);
    expect(asked.filter((path) => path.startsWith('/v1/sites?q='))).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('pages Find a Client with More results, and filters it by site and registration date', async () => {
    const page = await newPage();
    await signIn(page, 'en', 'agency-pages');
    const today = await page.locator('#registrationDate').inputValue();
    const word = `heron${Date.now().toString(36)}`;
    const body = (siteId: string, i: number) => ({
      gender: 'FEMALE',
      registrationDate: today,
      siteId,
      comments: `Visit ${i} about ${word} classes.`,
    });
    const registered = [
      ...(await apiAs(page, '/v1/anonymous-clients/batch', { clients: Array.from({ length: 25 }, (_, i) => body('ON-SCH-000001', i)) }))
        .items,
      ...(
        await apiAs(page, '/v1/anonymous-clients/batch', {
          clients: Array.from({ length: 5 }, (_, i) => body(i < 2 ? 'ON-SCH-000001' : 'ON-SCH-000002', 25 + i)),
        })
      ).items,
    ];
    const rows = page.locator('#client-results li');
    const search = () => page.getByRole('button', { name: WORDS.en.search, exact: true }).click();

    // The comment index is fed asynchronously (the table's stream): page only once it holds all 30,
    // or the second page is short by those still on their way.
    await pollUntil(async () => expect((await apiAs(page, `/v1/anonymous-clients?q=${word}&limit=100`)).items).toHaveLength(30), {
      description: `all 30 clients in the comment index for "${word}"`,
      timeoutMs: 20_000,
      intervalMs: 500,
    });
    await page.getByRole('button', { name: WORDS.en.navFind }).click();
    await page.getByLabel(WORDS.en.searchBox).fill(word);
    await search();
    await pollUntil(
      async () => {
        expect(await page.locator('#client-count').textContent()).toBe('25 clients shown; there are more.');
      },
      { description: "page.locator('#client-count').textContent() toBe('25 clients shown; there are more.')" },
    );
    expect(await rows.count()).toBe(25);
    await page.getByRole('button', { name: 'More results' }).click();
    await pollUntil(
      async () => {
        expect(await rows.count()).toBe(30);
      },
      { description: 'rows.count() toBe(30)' },
    );
    expect(await page.locator('#client-count').textContent()).toBe('30 client(s) found');
    expect(await page.locator('#more-clients').isVisible()).toBe(false);
    const ids = await rows.evaluateAll((items) => items.map((item) => (item as any).dataset.clientId as string));
    expect(new Set(ids)).toEqual(new Set(registered.map((client: any) => client.clientId)));
    // Keyboard users carry on from the first result of the new page.
    expect(await page.evaluate(() => ((globalThis as any).document.activeElement as any).closest('li')?.dataset.clientId)).toBe(ids[25]);
    await expectAccessible(page, 'find clients, two pages');
    await screenshot(page, 'en-7-find-clients-pages');

    // The site filter, chosen through the Find dialog's type-ahead.
    await page.getByRole('button', { name: 'Find a registration site to search in' }).click();
    await page.getByLabel(WORDS.en.filterBox).fill('nellie mcclung elem');
    await page.locator('#site-results input[value="ON-SCH-000002"]').check();
    await page.getByRole('button', { name: WORDS.en.select }).click();
    expect(await page.locator('#client-siteId-value').inputValue()).toBe('ON-SCH-000002');
    expect(await page.locator('#client-siteId').inputValue()).toBe('Nellie McClung Elementary School');
    await search();
    await pollUntil(
      async () => {
        expect(await page.locator('#client-count').textContent()).toBe('3 client(s) found');
      },
      { description: "page.locator('#client-count').textContent() toBe('3 client(s) found')" },
    );
    expect(await rows.evaluateAll((items) => items.map((item) => item.textContent))).toEqual(
      Array(3).fill(expect.stringContaining('Nellie McClung Elementary School')),
    );
    expect(await page.locator('#more-clients').isVisible()).toBe(false);

    // Registration dates: a range holding today keeps them, one before today finds nothing.
    await page.getByLabel('Registered from').fill(today);
    await page.getByLabel('Registered to').fill(today);
    await search();
    await pollUntil(
      async () => {
        expect(await rows.count()).toBe(3);
      },
      { description: 'rows.count() toBe(3)' },
    );
    await page.getByLabel('Registered from').fill('2001-01-01');
    await page.getByLabel('Registered to').fill('2001-01-31');
    await search();
    await pollUntil(
      async () => {
        expect(await page.locator('#client-count').textContent()).toBe('No client matches.');
      },
      { description: "page.locator('#client-count').textContent() toBe('No client matches.')" },
    );
    // A range the server refuses: its message beside the field its pointer names.
    await page.getByLabel('Registered from').fill('2001-02-01');
    await search();
    await pollUntil(
      async () => {
        expect(await page.locator('#err-client-to').textContent()).not.toBe('');
      },
      { description: "page.locator('#err-client-to').textContent() not.toBe('')" },
    );
    expect(await page.locator('#client-to').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'find clients with a field error');
    await page.context().close();
  }, 90_000);
});
