/**
 * The rest of the journey in a real browser (issue 12, item 8): the success screen listing everything
 * stored, the client number in groups of four, Find a Client by number, editing (If-Match, 412),
 * history for agency administrators, room mode (one batch), and one request per double click on the
 * receipt and session buttons. Phone-sized (390×844) pages, embedded mode, a real `npm start` server
 * with a fresh DATA_DIR; outcomes checked through the API. Service workers are blocked so every request
 * the page makes is seen (and counted) here.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page, Request } from 'playwright-core';
import { pollUntil } from '../../support/poll';
import type { ServerProcess } from '../../support/server-process';
import { expectAccessible, heldToken, screenshot } from '../support/browser';
import { expectWithMessage } from '../support/expect-with-message';
import { startWebStack, stopWebStack, WEB_STACK_BUDGET_MS } from '../support/web-stack';

let work: string;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  ({ work, server, browser } = await startWebStack('web-journey-e2e'));
}, WEB_STACK_BUDGET_MS);

afterAll(() => stopWebStack({ work, server, browser }));

const SITE = { siteId: 'ON-SCH-000001', name: 'Josiah Henson Public School' };

/** A phone-sized page of its own (its own sessionStorage), signed in to `agencyId` with `role`. */
async function signedInPhone(agencyId: string, role: 'staff' | 'agency-admin'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-CA', serviceWorkers: 'block' });
  const page = await context.newPage();
  // Printing also opens the receipt in a new tab: the tests read the link instead.
  context.on('page', (opened) => {
    if (opened !== page) void opened.close();
  });
  page.setDefaultTimeout(15_000);
  await page.goto(server.url + '/');
  await page.locator('#signin-agencyId').fill(agencyId);
  await page.locator('#signin-role').selectOption(role);
  await page.locator('#sign-in').click();
  await page.locator('#register-form').waitFor();
  return page;
}

/** The API as the page's signed-in user; returns the status and the JSON body. */
async function apiAs(page: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const token = await heldToken(page);
  const response = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get('etag'), body: text ? JSON.parse(text) : undefined };
}

async function stored(page: Page, clientId: string) {
  const answer = await apiAs(page, 'GET', `/v1/anonymous-clients/${clientId}`);
  expectWithMessage(answer.status, `GET client: ${answer.status}`).toBe(200);
  return answer.body;
}

/** The requests the page sends to `method` + a path matching `path`. */
function recorded(page: Page, method: string, path: RegExp): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === method && path.test(new URL(request.url()).pathname)) requests.push(request);
  });
  return requests;
}

/** Goes to a menu item; on a phone the menu is folded behind its button. */
async function menu(page: Page, id: string) {
  if (await page.locator('#menu-button').isVisible()) await page.locator('#menu-button').click();
  await page.locator(`#${id}`).click();
}

async function expectNoSidewaysScroll(page: Page, screen: string) {
  const widths = await page.evaluate(() => ({
    page: (globalThis as any).document.documentElement.scrollWidth as number,
    view: (globalThis as any).innerWidth as number,
  }));
  expectWithMessage(widths.page, `${screen}: ${JSON.stringify(widths)}`).toBeLessThanOrEqual(widths.view);
}

/** axe-core, no sideways scrolling, and a screenshot of the screen as it is. */
async function checkScreen(page: Page, name: string) {
  await expectAccessible(page, name);
  await expectNoSidewaysScroll(page, name);
  await screenshot(page, `journey-${name}`);
}

/** Registers one client through the form and waits for the success screen; returns its id. */
async function registerThroughForm(
  page: Page,
  values: { gender: string; arrivalYear?: string; status?: string; postalCode?: string; comments?: string },
) {
  await page.locator('#gender').selectOption(values.gender);
  if (values.arrivalYear) await page.locator('#arrivalYear').selectOption(values.arrivalYear);
  if (values.status) await page.locator('#immigrationStatus').selectOption(values.status);
  if (values.postalCode) await page.locator('#postalCode').fill(values.postalCode);
  await page.locator('#siteId').fill(SITE.name);
  await page.locator(`#siteId-listbox [data-site-id="${SITE.siteId}"]`).click();
  if (values.comments) await page.locator('#comments').fill(values.comments);
  await page.locator('#register-submit').click();
  await page.locator('#wizard').waitFor();
  return (await page.locator('#client-id').textContent())!;
}

const groupsOfFour = (id: string) => id.match(/.{1,4}/g)!;

describe('after registering, in chromium on a phone', () => {
  it('shows everything stored as labels, the number in groups of four, finds the client by number, and edits it', async () => {
    const page = await signedInPhone('agency-journey', 'agency-admin');
    const reference = (await apiAs(page, 'GET', '/v1/reference-data')).body;
    const label = (list: { code: string; label: { en: string; fr: string } }[], code: string) =>
      list.find((item) => item.code === code)!.label;
    const clientId = await registerThroughForm(page, {
      gender: 'FEMALE',
      arrivalYear: '2020',
      status: 'REFUGEE_CLAIMANT',
      postalCode: 'm5v2t6',
      comments: 'Came with two children.\nAsked about English classes.',
    });

    // Every stored field, as the API has it, with reference-data labels, never codes.
    const client = await stored(page, clientId);
    const shown = async (field: string) => (await page.locator(`#wizard-summary dd[data-field="${field}"]`).innerText()).trim();
    expect(await shown('agency')).toBe(client.agency.name);
    expect(await shown('clientName')).toBe('Anonymous Client');
    expect(await shown('gender')).toBe(label(reference.genders, 'FEMALE').en);
    expect(await shown('arrivalYear')).toBe('2020');
    expect(await shown('immigrationStatus')).toBe(label(reference.immigrationStatuses, 'REFUGEE_CLAIMANT').en);
    expect(await shown('postalCode')).toBe('M5V 2T6');
    expect(await shown('registrationDate')).toBe(client.registrationDate);
    expect(await shown('registrationDate')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await shown('siteName')).toBe(SITE.name);
    expect(await shown('comments')).toBe('Came with two children.\nAsked about English classes.');
    expect(await shown('createdAt')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await shown('createdBy')).toBe(client.createdBy);
    expect(await page.locator('#wizard-summary').innerText()).not.toMatch(/FEMALE|REFUGEE_CLAIMANT/);

    // The number: groups of four on screen, the plain id as text (what a copy gives), one character at a
    // time for screen readers.
    expect(await page.locator('#client-id').textContent()).toBe(client.clientId);
    expect(await page.locator('#client-id .client-number-group').allTextContents()).toEqual(groupsOfFour(client.clientId));
    const [first, second] = await Promise.all([0, 1].map((i) => page.locator('#client-id .client-number-group').nth(i).boundingBox()));
    expect(second!.x - (first!.x + first!.width)).toBeGreaterThan(4);
    expect(await page.locator('#wizard-summary .journey-sr-only').textContent()).toBe(
      groupsOfFour(client.clientId)
        .map((group) => [...group].join(' '))
        .join(', '),
    );
    // Copying: a selection of the number is the plain id, and a copy that starts in it gives the id alone.
    const copied = await page.locator('#wizard-summary dd[data-field="clientId"]').evaluate((cell) => {
      const g = globalThis as any;
      const selection = g.getSelection();
      selection.selectAllChildren(cell.querySelector('.client-number'));
      const selected = selection.toString();
      const data = new g.DataTransfer();
      cell
        .querySelector('.client-number-group')
        .dispatchEvent(new g.ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      selection.removeAllRanges();
      return { selected, copied: data.getData('text/plain') };
    });
    expect(copied).toEqual({ selected: client.clientId, copied: client.clientId });
    await checkScreen(page, 'success-en');
    // The labels follow the language.
    await page.locator('#language').click();
    expect(await shown('gender')).toBe(label(reference.genders, 'FEMALE').fr);
    expect(await shown('clientName')).toBe('Client anonyme');
    await checkScreen(page, 'success-fr');
    await page.locator('#language').click();

    // Find a Client by the number as read aloud: spaced, lower case, a letter O for a zero.
    await menu(page, 'nav-find');
    const typed = groupsOfFour(client.clientId).join(' ').toLowerCase().replace(/0/g, 'o');
    await page.locator('#client-q').fill(typed);
    await page.locator('#search-clients').click();
    await page.locator('#client-profile').waitFor();
    expect(await page.locator('#client-profile dd[data-field="postalCode"]').innerText()).toBe('M5V 2T6');
    expect(await page.locator('#client-profile .client-number').getAttribute('data-client-id')).toBe(client.clientId);
    expect(await page.locator(`#client-results li[data-client-id="${client.clientId}"]`).count()).toBe(1);
    await checkScreen(page, 'find-by-number');
    // A number no client has says so.
    await page.locator('#client-q').fill('7ZZZ ZZZZ ZZZZ ZZZZ ZZZZ ZZZZ ZZ');
    await page.locator('#search-clients').click();
    await pollUntil(
      async () => {
        expect(await page.locator('#client-count').textContent()).toBe('No client has this number.');
      },
      { description: 'the unknown number to be reported' },
    );
    expect(await page.locator('#client-profile').isVisible()).toBe(false);

    // Edit from the profile found: the registration date is permanent; a double click saves once.
    await page.locator('#client-q').fill(client.clientId);
    await page.locator('#search-clients').click();
    await page.locator('#found-edit-profile').click();
    await page.locator('#edit-form').waitFor();
    expect(await page.locator('#edit-registration-date').innerText()).toContain(`${client.registrationDate} (cannot be changed)`);
    expect(await page.locator('#edit-registrationDate').count()).toBe(0);
    expect(await page.locator('#edit-gender').inputValue()).toBe('FEMALE');
    await checkScreen(page, 'edit');
    const patches = recorded(page, 'PATCH', /^\/v1\/anonymous-clients\/[^/]+$/);
    await page.locator('#edit-gender').selectOption('MALE');
    await page.locator('#save-changes').dblclick();
    await pollUntil(
      async () => {
        expect(await page.locator('#found-profile-status').textContent()).toBe('The changes are saved.');
      },
      { description: 'the saved edit to be confirmed' },
    );
    expect(await page.locator('#client-profile dd[data-field="gender"]').innerText()).toBe(label(reference.genders, 'MALE').en);
    expect(patches).toHaveLength(1);
    expect(patches[0]!.headers()['if-match']).toBe('"1"');
    expect(JSON.parse(patches[0]!.postData()!)).toEqual({ gender: 'MALE' });
    const edited = await stored(page, clientId);
    expect(edited.gender).toBe('MALE');
    expect(edited.registrationDate).toBe(client.registrationDate);

    // Someone else saves between opening the form and saving: 412, said plainly, and their version shown.
    await page.locator('#found-edit-profile').click();
    await page.locator('#edit-form').waitFor();
    const current = await apiAs(page, 'GET', `/v1/anonymous-clients/${clientId}`);
    const theirs = await apiAs(
      page,
      'PATCH',
      `/v1/anonymous-clients/${clientId}`,
      { gender: 'GENDER_DIVERSE', immigrationStatus: 'PROTECTED_PERSON' },
      { 'if-match': current.etag! },
    );
    expect(theirs.status).toBe(200);
    await page.locator('#edit-postalCode').fill('M4C 1A1');
    await page.locator('#save-changes').click();
    await pollUntil(
      async () => {
        expect(await page.locator('#edit-notice').textContent()).toContain('Someone else changed this profile');
      },
      { description: 'the conflict to be reported' },
    );
    expect(await page.locator('#edit-gender').inputValue()).toBe('GENDER_DIVERSE');
    expect(await page.locator('#edit-immigrationStatus').inputValue()).toBe('PROTECTED_PERSON');
    expect(await page.locator('#edit-postalCode').inputValue()).toBe('M5V 2T6');
    expect((await stored(page, clientId)).postalCode).toBe('M5V 2T6');
    await checkScreen(page, 'edit-conflict');
    // Re-applied on their version, it is saved, and theirs is kept.
    await page.locator('#edit-postalCode').fill('M4C 1A1');
    await page.locator('#save-changes').click();
    await page.locator('#found-profile-status').getByText('The changes are saved.').waitFor();
    const merged = await stored(page, clientId);
    expect([merged.postalCode, merged.gender, merged.immigrationStatus]).toEqual(['M4C 1A1', 'GENDER_DIVERSE', 'PROTECTED_PERSON']);

    // History, for an agency administrator: who did what, and which fields, never the values.
    await page.locator('#found-show-history').click();
    await page.locator('#history-list').waitFor();
    const actions = await page.locator('#history-list > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
    expect(actions).toEqual(['REGISTERED', 'EDITED', 'EDITED', 'EDITED']);
    const history = await page.locator('#history-list').innerText();
    expect(history).toContain('Edited');
    expect(history).toContain('Gender');
    expect(history).toContain('front-desk-1');
    expect(history).not.toMatch(/M4C|M5V|GENDER_DIVERSE|children/);
    await checkScreen(page, 'history');
    await page.locator('#history-back').click();
    await page.locator('#client-profile').waitFor();
    await page.context().close();
  }, 120_000);

  it('shows staff no History button (the API refuses them), and edits from the success screen', async () => {
    const page = await signedInPhone('agency-journey-staff', 'staff');
    const clientId = await registerThroughForm(page, { gender: 'FEMALE' });
    expect(await page.locator('#edit-profile').isVisible()).toBe(true);
    expect(await page.locator('#show-history').count()).toBe(1);
    expect(await page.locator('#show-history').isVisible()).toBe(false);
    expect((await apiAs(page, 'GET', `/v1/anonymous-clients/${clientId}/history`)).status).toBe(403);
    // The same screens at desktop size.
    await page.setViewportSize({ width: 1280, height: 800 });
    await checkScreen(page, 'success-desktop');
    await page.locator('#edit-profile').click();
    await page.locator('#edit-form').waitFor();
    await checkScreen(page, 'edit-desktop');
    await page.locator('#cancel-edit').click();
    await page.locator('#wizard').waitFor();
    await page.locator('#register-room').click();
    await page.locator('#room-form').waitFor();
    await checkScreen(page, 'room-desktop');
    // At most 25 people, the API's limit for one batch.
    for (let added = 3; added < 25; added += 1) await page.locator('#room-add').click();
    expect(await page.locator('#room-rows > li').count()).toBe(25);
    expect(await page.locator('#room-add').isDisabled()).toBe(true);
    expect(await page.locator('#room-full').textContent()).toBe('A group has at most 25 people.');
    await page.locator('#room-cancel').click();
    await page.locator('#wizard').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });

    await page.locator('#edit-profile').click();
    await page.locator('#edit-form').waitFor();
    await page.locator('#edit-gender').selectOption('PREFER_NOT_TO_SAY');
    await page.locator('#save-changes').click();
    await page.locator('#profile-status').getByText('The changes are saved.').waitFor();
    expect((await stored(page, clientId)).gender).toBe('PREFER_NOT_TO_SAY');
    const genders = (await apiAs(page, 'GET', '/v1/reference-data')).body.genders;
    const preferNot = genders.find((item: any) => item.code === 'PREFER_NOT_TO_SAY').label.en;
    expect(await page.locator('#wizard-summary dd[data-field="gender"]').innerText()).toBe(preferNot);
    // A bad postal code is found in the browser (the API's rules) and said beside its field and in the
    // summary; nothing is sent.
    await page.locator('#edit-profile').click();
    await page.locator('#edit-form').waitFor();
    const patches = recorded(page, 'PATCH', /^\/v1\/anonymous-clients\/[^/]+$/);
    await page.locator('#edit-postalCode').fill('D1A 1A1');
    await page.locator('#save-changes').click();
    await pollUntil(
      async () => {
        expect(await page.locator('#err-edit-postalCode').textContent()).toContain('Enter a Canadian postal code');
      },
      { description: 'the postal code problem to be shown beside its field' },
    );
    expect(await page.locator('#edit-postalCode').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#edit-error-summary').textContent()).toContain('Enter a Canadian postal code');
    expect(patches).toHaveLength(0);
    await checkScreen(page, 'edit-error');
    await page.context().close();
  }, 120_000);

  it('sends one request per double click on Print and on Save the session', async () => {
    const page = await signedInPhone('agency-journey-receipts', 'agency-admin');
    const clientId = await registerThroughForm(page, { gender: 'MALE' });
    const receipts = recorded(page, 'POST', /\/receipts$/);
    await page.locator('#format-pdf').check();
    await page.locator('#print-receipt').dblclick();
    await page.locator('#receipt-link').waitFor();
    expect(receipts).toHaveLength(1);

    await page.locator('#begin-session').click();
    await page.locator('#session-form').waitFor();
    const sessions = recorded(page, 'POST', /\/sessions$/);
    await page.locator('#sessionType').selectOption({ index: 1 });
    await page.locator('#save-session').dblclick();
    await page.locator('#session-status').getByText('The session is saved.').waitFor();
    expect(sessions).toHaveLength(1);
    const history = (await apiAs(page, 'GET', `/v1/anonymous-clients/${clientId}/history`)).body.items.map((entry: any) => entry.action);
    expect(history).toEqual(['REGISTERED', 'RECEIPT_CREATED', 'SESSION_BEGUN']);
    await page.context().close();
  }, 120_000);

  it('registers a room of people in one batch, with errors on their row, on a phone', async () => {
    const page = await signedInPhone('agency-journey-room', 'staff');
    await registerThroughForm(page, { gender: 'FEMALE' });
    await page.locator('#register-room').click();
    await page.locator('#room-form').waitFor();
    const rows = page.locator('#room-rows > li');
    expect(await rows.count()).toBe(3);
    expect(await page.locator('#room-siteId').inputValue()).toBe(SITE.name);
    expect(await page.locator('#room-siteId-value').inputValue()).toBe(SITE.siteId);
    expect(await page.locator('#room-registrationDate').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Add a person, then remove them: the cards stay numbered in order.
    await page.locator('#room-add').click();
    expect(await rows.count()).toBe(4);
    await page.getByRole('button', { name: 'Remove person 4' }).click();
    expect(await rows.count()).toBe(3);
    expect(await rows.locator('legend').allTextContents()).toEqual(['Person 1', 'Person 2', 'Person 3']);
    await checkScreen(page, 'room');

    const batches = recorded(page, 'POST', /^\/v1\/anonymous-clients\/batch$/);
    await page.locator('#room-0-gender').selectOption('FEMALE');
    await page.locator('#room-1-gender').selectOption('MALE');
    await page.locator('#room-2-gender').selectOption('GENDER_DIVERSE');
    await page.locator('#room-1-arrivalYear').selectOption('2019');
    await page.locator('#room-2-comments').fill('Youngest of the family.');
    // D is never a letter of a postal code: the browser's check (the API's own rules) finds person 2's
    // before anything is sent, and says so on person 2's card and in the summary.
    await page.locator('#room-1-postalCode').fill('D1A 1A1');
    await page.locator('#room-register').click();
    await pollUntil(
      async () => {
        expect(await page.locator('#err-room-1-postalCode').textContent()).toContain('Enter a Canadian postal code');
      },
      { description: "person 2's postal code problem to be shown on person 2's card" },
    );
    expect(batches).toHaveLength(0);
    expect(await page.locator('#room-1-postalCode').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#room-0-postalCode').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#room-2-postalCode').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#room-error-summary a').allTextContents()).toEqual([
      expect.stringMatching(/^Person 2, Postal code: Enter a Canadian/),
    ]);
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id as string | undefined)).toBe('room-error-summary');
    await checkScreen(page, 'room-errors');
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoSidewaysScroll(page, 'room-errors at 320 px');
    await page.setViewportSize({ width: 390, height: 844 });
    // In French, the problems are said in French.
    await page.locator('#language').click();
    expect(await page.locator('#room-error-summary a').allTextContents()).toEqual([expect.stringMatching(/^Personne 2, Code postal/)]);
    expect(await page.locator('#room-row-2 legend').textContent()).toBe('Personne 2');
    await checkScreen(page, 'room-errors-fr');
    await page.locator('#language').click();
    // The summary's link goes to the field.
    await page.locator('#room-error-summary a').click();
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id as string | undefined)).toBe('room-1-postalCode');

    // What only the server can refuse comes back as pointers: /clients/2/postalCode is person 3's.
    await page.locator('#room-1-postalCode').fill('M4C 1A1');
    expect(await page.locator('#room-error-summary').isVisible()).toBe(false);
    await page.route('**/v1/anonymous-clients/batch', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          title: 'Bad request',
          status: 400,
          detail: 'The request body is not valid.',
          errors: [{ pointer: '/clients/2/postalCode', detail: 'not a postal code' }],
        }),
      }),
    );
    await page.locator('#room-register').click();
    await pollUntil(
      async () => {
        expect(await page.locator('#room-2-postalCode').getAttribute('aria-invalid')).toBe('true');
      },
      { description: "the server's /clients/2/postalCode to land on person 3's postal code" },
    );
    expect(await page.locator('#err-room-2-postalCode').textContent()).toContain('Enter a Canadian postal code');
    expect(await page.locator('#room-1-postalCode').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#room-error-summary a').allTextContents()).toEqual([expect.stringMatching(/^Person 3, Postal code: /)]);
    await page.unroute('**/v1/anonymous-clients/batch');
    expect((await apiAs(page, 'GET', '/v1/anonymous-clients')).body.items).toHaveLength(1);

    await page.locator('#room-register').dblclick();
    await page.locator('#room-done').waitFor();
    // One request for the double click; both sendings of this form carry its one key.
    expect(batches).toHaveLength(2);
    const keys = batches.map((request) => request.headers()['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const all = (await apiAs(page, 'GET', '/v1/anonymous-clients')).body.items;
    expect(all).toHaveLength(4);
    // Every client stored, with its number in groups of four, and a receipt of its own.
    const done = page.locator('#room-done-list > li');
    expect(await done.count()).toBe(3);
    const ids = await done.evaluateAll((items) => items.map((item) => item.getAttribute('data-client-id')!));
    // In the order of the cards, each as typed, sharing the group's site and date.
    const group = ids.map((id) => all.find((c: any) => c.clientId === id));
    expect(group.map((c: any) => [c.gender, c.arrivalYear, c.postalCode, c.comments, c.site.siteId])).toEqual([
      ['FEMALE', 'UNKNOWN', null, null, SITE.siteId],
      ['MALE', 2019, 'M4C 1A1', null, SITE.siteId],
      ['GENDER_DIVERSE', 'UNKNOWN', null, 'Youngest of the family.', SITE.siteId],
    ]);
    expect(new Set(group.map((c: any) => c.registrationDate)).size).toBe(1);
    expect(await done.nth(1).locator('.client-number-group').allTextContents()).toEqual(groupsOfFour(ids[1]!));
    await checkScreen(page, 'room-done');
    const receipts = recorded(page, 'POST', /\/receipts$/);
    await page.getByRole('button', { name: 'Print the receipt of person 2' }).dblclick();
    await done.nth(1).locator('.receipt-link').waitFor();
    expect(receipts).toHaveLength(1);
    expect(new URL(receipts[0]!.url()).pathname).toBe(`/v1/anonymous-clients/${ids[1]}/receipts`);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoSidewaysScroll(page, 'room-done at 320 px');
    await page.context().close();
  }, 120_000);
});
