/**
 * The reference web front end in a real browser: Debian's chromium driven by playwright-core (.ci/run
 * installs it; `npx playwright install` cannot download a browser here). A real `npm start` server with
 * a fresh DATA_DIR serves web/dist (built first) and the API. Screenshots: test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = join(REPOSITORY, 'test-results', 'screenshots');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let work: string;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  await build({ root: join(REPOSITORY, 'web'), configFile: join(REPOSITORY, 'web', 'vite.config.ts'), logLevel: 'warn' });
  work = mkdtempSync(join(tmpdir(), 'web-e2e-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServerProcess({ dataDir: join(work, 'data'), logFile: join(work, 'server.log') });
  // playwright's launch() gives the browser a fresh temporary profile (--user-data-dir) of its own.
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-CA' });
  // "Print the Registration Receipt" also opens the link in a new tab: the test reads the link instead.
  const page = await context.newPage();
  context.on('page', (opened) => {
    if (opened !== page) void opened.close();
  });
  page.setDefaultTimeout(15_000);
  await page.goto(server.url + '/');
  return page;
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** axe-core on the page as it is now: no serious or critical violation. */
async function expectAccessible(page: Page, screen: string) {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => n.target.join(' ')) }));
  });
  const serious = violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${screen}: ${JSON.stringify(serious)}`).toEqual([]);
}

async function apiAs(page: Page, path: string): Promise<any> {
  const token = await page.evaluate(() => (globalThis as any).sessionStorage.getItem('token') as string | null);
  const response = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.json();
}

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
    another: 'Register Another Client',
    begin: 'Begin Session with Client',
    save: 'Save the session',
    saved: 'The session is saved.',
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
    another: 'Inscrire un autre client',
    begin: 'Commencer une séance avec le client',
    save: 'Enregistrer la séance',
    saved: 'La séance est enregistrée.',
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
  await expect.poll(() => page.getByRole('heading', { level: 1, name: WORDS[language].title }).isVisible()).toBe(true);
}

async function pickSiteByFilter(page: Page, language: 'en' | 'fr', text: string, siteId: string) {
  const w = WORDS[language];
  await page.getByRole('button', { name: w.find }).click();
  await page.getByLabel(w.filterBox).fill(text);
  await page.getByLabel(w.filterBox).press('Enter');
  await page.locator(`#site-results input[value="${siteId}"]`).check();
  await page.getByRole('button', { name: w.select }).click();
  await expect.poll(() => page.locator('#siteId').inputValue()).toBe(siteId);
}

async function registerAndSearch(page: Page, language: 'en' | 'fr', comment: string, word: string) {
  const w = WORDS[language];
  await page.getByLabel(w.gender, { exact: true }).selectOption('FEMALE');
  await page.getByLabel(w.comments, { exact: true }).fill(comment);
  await page.getByRole('button', { name: w.register, exact: true }).click();
  await expect.poll(() => page.locator('#wizard').isVisible()).toBe(true);
  const clientId = await page.locator('#client-id').textContent();

  // Print the receipt as a PDF in the page's language, and read the link it gives.
  await page.locator('#format-pdf').check();
  await page.getByRole('button', { name: w.print }).click();
  const href = await page.locator('#receipt-link').getAttribute('href');
  const pdf = Buffer.from(await (await fetch(href!)).arrayBuffer());
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');

  // Begin a session: the form is pre-filled from the draft; a second one gets the server's 409 message.
  await page.getByRole('button', { name: w.begin }).click();
  await expect.poll(() => page.locator('#session').isVisible()).toBe(true);
  expect(await page.locator('#serviceDate').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(await page.locator('#deliveryMethod').inputValue()).toBe('IN_PERSON');
  await page.getByRole('button', { name: w.save }).click();
  await expect.poll(() => page.locator('#session-status').textContent()).toBe(w.saved);
  await page.getByRole('button', { name: w.save }).click();
  await expect.poll(() => page.locator('#session-error').textContent()).toMatch(/register a new anonymous client/);

  // Find the client by a word of its comment (the index is fed asynchronously).
  await page.getByRole('button', { name: w.navFind }).click();
  await page.getByLabel(w.searchBox).fill(word);
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: w.search, exact: true }).click();
        await page.waitForTimeout(300);
        return page.locator(`#client-results li[data-client-id="${clientId}"]`).count();
      },
      { timeout: 15_000, interval: 500 },
    )
    .toBe(1);
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
    await page.getByLabel(WORDS.en.postal).fill('M5V');
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await expect.poll(() => page.locator('#postalCode').inputValue()).toBe('');
    expect(asked).toBe('Clear everything typed on this form?');

    // Find dialog: through Filter, then through the tree.
    await pickSiteByFilter(page, 'en', 'josiah henson', 'ON-SCH-000001');
    expect(await page.locator('#siteName').inputValue()).toBe('Josiah Henson Public School');
    await page.getByRole('button', { name: WORDS.en.find }).click();
    await page.getByRole('button', { name: WORDS.en.expand(WORDS.en.nonSchools) }).click();
    await page.getByRole('button', { name: WORDS.en.expand('Aurora Public Library') }).click();
    const treeSite = page.locator('#site-tree input[name="site"]').first();
    const treeSiteId = await treeSite.getAttribute('value');
    await treeSite.check();
    await expectAccessible(page, 'Find dialog');
    await screenshot(page, 'en-2-find-dialog');
    await page.getByRole('button', { name: WORDS.en.select }).click();
    expect(await page.locator('#siteId').inputValue()).toBe(treeSiteId);
    expect(await page.locator('#siteName').inputValue()).toMatch(/Aurora/);

    // A bad postal code: its error beside the field, nothing registered.
    await page.getByLabel(WORDS.en.gender, { exact: true }).selectOption('FEMALE');
    await page.getByLabel(WORDS.en.postal).fill('DDD 1D1');
    await page.getByRole('button', { name: WORDS.en.register, exact: true }).click();
    await expect.poll(() => page.locator('#err-postalCode').textContent()).not.toBe('');
    expect(await page.locator('#postalCode').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#register-submit').isVisible()).toBe(true);
    await expectAccessible(page, 'form with errors');
    await page.getByLabel(WORDS.en.postal).fill('M6M 4B1');
    await page.getByLabel(WORDS.en.comments, { exact: true }).fill('typing');
    await page.waitForFunction("document.querySelector('#comments-counter')?.textContent === '6 / 4000 characters'");
    await screenshot(page, 'en-3-form');

    // Register; the wizard; register another keeps site and date.
    await page.getByLabel(WORDS.en.date).fill(await page.locator('#registrationDate').inputValue());
    const word = `kingfisher${Date.now().toString(36)}`;
    await page.getByLabel(WORDS.en.gender, { exact: true }).selectOption('FEMALE');
    await page.getByLabel(WORDS.en.comments, { exact: true }).fill(`Family of four asked about ${word} English classes.`);
    await page.getByRole('button', { name: WORDS.en.register, exact: true }).click();
    await expect.poll(() => page.locator('#wizard').isVisible()).toBe(true);
    await expectAccessible(page, 'wizard');
    await screenshot(page, 'en-4-wizard');
    const date = await page.locator('#registrationDate').inputValue();
    await page.getByRole('button', { name: WORDS.en.another }).click();
    expect(await page.locator('#siteId').inputValue()).toBe(treeSiteId);
    expect(await page.locator('#registrationDate').inputValue()).toBe(date);
    expect(await page.locator('#comments').inputValue()).toBe('');
    expect(await page.locator('#postalCode').inputValue()).toBe('');
    expect(await page.locator('#gender').inputValue()).toBe('');

    // The core journey: register, receipt, session twice, find by a comment word.
    const clientId = await registerAndSearch(page, 'en', `Second person; needs ${word} help with housing.`, word);
    await expectAccessible(page, 'find clients');
    await page.locator(`#client-results li[data-client-id="${clientId}"] button`).click();
    await expect.poll(() => page.locator('#client-profile').textContent()).toContain(clientId);
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

    await page.getByLabel(WORDS.fr.gender, { exact: true }).selectOption('FEMALE');
    await page.getByLabel(WORDS.fr.postal).fill('W1A');
    await page.getByRole('button', { name: WORDS.fr.register, exact: true }).click();
    await expect.poll(() => page.locator('#err-postalCode').textContent()).not.toBe('');
    await page.getByLabel(WORDS.fr.postal).fill('');

    const word = `mésange${Date.now().toString(36)}`;
    await registerAndSearch(page, 'fr', `Famille arrivée récemment; ${word} cours de français.`, word);
    await expectAccessible(page, 'recherche');
    await screenshot(page, 'fr-3-recherche');
    expect((await apiAs(page, '/v1/anonymous-clients')).items).toHaveLength(1);
    await page.context().close();
  }, 120_000);
});
