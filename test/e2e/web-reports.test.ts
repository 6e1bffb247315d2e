/**
 * The Reports page in a real browser (issue 15, point 5): an agency administrator registers clients
 * through the API (two sites, three genders, three months of the last fiscal year, one session), waits
 * through the API until the report counts them, then on the page: the empty default (this fiscal year
 * to date), the "Last fiscal year" quick pick by month then gender (the table's numbers, a column per
 * month with a part per gender, sessions switchable), small counts withheld, the CSV download, French,
 * a staff user without the menu item; axe at every size, no sideways scrolling and 44 px targets on
 * phones. A real `npm start` server with a fresh DATA_DIR; service workers blocked so every request is
 * seen. Screenshots: docs/web-reports-desktop-en.png, docs/web-reports-phone-fr.png, and
 * test-results/screenshots/reports-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { pollUntil } from '../../support/poll';
import type { ServerProcess } from '../../support/server-process';
import { fiscalYearLabel, fiscalYearOf, fiscalYearToDate } from '../../web/src/report-months';
import { expectAccessible, heldToken, screenshot } from '../support/browser';
import { expectWithMessage } from '../support/expect-with-message';
import { startWebStack, stopWebStack, WEB_STACK_BUDGET_MS } from '../support/web-stack';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

let work: string;
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  ({ work, server, browser } = await startWebStack('web-reports-e2e'));
}, WEB_STACK_BUDGET_MS);

afterAll(() => stopWebStack({ work, server, browser }));

const SITES = ['ON-SCH-000001', 'ON-SCH-000002'];
const TOUCH = 44;

/** Today in the agency's time zone, and the fiscal year before this one (wholly in the past). */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
  new Date(),
);
const lastYear = fiscalYearOf(today.slice(0, 7)) - 1;
const MAY = `${lastYear}-05`;
const SEPTEMBER = `${lastYear}-09`;
const FEBRUARY = `${lastYear + 1}-02`;

/** Who is registered, when and where: 7 clients, one of them with a session in September. */
const CLIENTS = [
  { month: MAY, gender: 'FEMALE', site: SITES[0]! },
  { month: MAY, gender: 'FEMALE', site: SITES[1]! },
  { month: MAY, gender: 'MALE', site: SITES[0]! },
  { month: SEPTEMBER, gender: 'FEMALE', site: SITES[0]! },
  { month: FEBRUARY, gender: 'MALE', site: SITES[1]! },
  { month: FEBRUARY, gender: 'MALE', site: SITES[1]! },
  { month: FEBRUARY, gender: 'GENDER_DIVERSE', site: SITES[0]! },
];

/** A page of its own (its own sessionStorage), signed in to `agencyId` with `role`. */
async function signedIn(agencyId: string, role: 'staff' | 'agency-admin', viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-CA', serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(server.url + '/');
  await page.locator('#signin-agencyId').fill(agencyId);
  await page.locator('#signin-role').selectOption(role);
  await page.locator('#sign-in').click();
  await page.locator('#register-form').waitFor();
  return page;
}

/** The API as the page's signed-in user: status and JSON body. */
async function apiAs(page: Page, method: string, path: string, body?: unknown) {
  const token = await heldToken(page);
  const response = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function openReports(page: Page) {
  if (await page.locator('#menu-button').isVisible()) await page.locator('#menu-button').click();
  await page.locator('#nav-reports').click();
  await page.locator('#reports').waitFor();
}

/** Waits until the page has answered its last request (the Show button is idle again) and shows `selector`. */
async function settled(page: Page, selector: string) {
  await page.locator(selector).waitFor();
  await pollUntil(
    async () => {
      expect(await page.locator('#report-show').isDisabled()).toBe(false);
    },
    { description: 'the report to be answered', timeoutMs: 10_000 },
  );
}

/** The table on screen: header cells, then each body row's cells, then the totals row, as text. */
async function tableText(page: Page) {
  return page.evaluate(() => {
    const table = (globalThis as any).document.querySelector('#report-table table');
    const cells = (row: any) => [...row.querySelectorAll('th, td')].map((cell: any) => cell.textContent.trim());
    return {
      caption: table.querySelector('caption').textContent as string,
      head: cells(table.querySelector('thead tr')) as string[],
      rows: [...table.querySelectorAll('tbody tr')].map(cells) as string[][],
      totals: cells(table.querySelector('tfoot tr')) as string[],
    };
  });
}

/** What breaks a phone layout: sideways scrolling, a control under 44 px high (a radio's or checkbox's label). */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((touch) => {
    const problems: string[] = [];
    const document = (globalThis as any).document;
    const window = globalThis as any;
    if (document.documentElement.scrollWidth > window.innerWidth)
      problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window`);
    for (const element of document.querySelectorAll('#reports button, #reports select, #reports input, header button')) {
      if (!element.checkVisibility() || element.getBoundingClientRect().width === 0) continue;
      const target =
        element.type === 'radio' || element.type === 'checkbox' ? document.querySelector(`label[for="${element.id}"]`) : element;
      const height = target ? target.getBoundingClientRect().height : 0;
      if (height < touch - 0.5) problems.push(`${element.tagName.toLowerCase()}#${element.id} is ${height.toFixed(1)} px high`);
    }
    return problems;
  }, TOUCH);
}

const monthName = (month: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)),
  );

describe('the Reports page, in chromium', () => {
  const agency = `agency-reports-${Math.random().toString(36).slice(2, 8)}`;
  let admin: Page;

  beforeAll(async () => {
    admin = await signedIn(agency, 'agency-admin');
    const ids: string[] = [];
    for (const [index, client] of CLIENTS.entries()) {
      const answer = await apiAs(admin, 'POST', '/v1/anonymous-clients', {
        gender: client.gender,
        registrationDate: `${client.month}-1${index}`,
        siteId: client.site,
      });
      expectWithMessage(answer.status, `register ${index}: ${JSON.stringify(answer.body)}`).toBe(201);
      ids.push(answer.body.clientId);
    }
    const session = await apiAs(admin, 'POST', `/v1/anonymous-clients/${ids[3]}/sessions`, {
      sessionType: 'DIRECT_SERVICE',
      serviceDate: `${SEPTEMBER}-20`,
      siteId: SITES[0],
      deliveryMethod: 'IN_PERSON',
    });
    expectWithMessage(session.status, `session: ${JSON.stringify(session.body)}`).toBe(201);
    // The counts follow the records through the table's stream: wait until the report has them all.
    await pollUntil(() => apiAs(admin, 'GET', `/v1/reports/anonymous-clients?from=${lastYear}-04&to=${lastYear + 1}-03`), {
      description: 'the report to count 7 clients and 1 session',
      timeoutMs: 15_000,
      until: (answer) => answer.status === 200 && answer.body.totals.clients === 7 && answer.body.totals.sessions === 1,
    });
  });

  afterAll(() => admin?.context().close());

  it('opens on this fiscal year to date by month, and says when no client was registered in those months', async () => {
    await openReports(admin);
    await settled(admin, '#report-status:has-text("No clients in these months.")');
    const { from, to } = fiscalYearToDate(today);
    expect(await admin.locator('#report-from').inputValue()).toBe(from);
    expect(await admin.locator('#report-to').inputValue()).toBe(to);
    expect(await admin.locator('#report-by').inputValue()).toBe('month');
    expect(await admin.locator('#report-chart').isVisible()).toBe(false);
    expect(await admin.locator('#nav-reports').getAttribute('aria-current')).toBe('page');
    // The asOf line says how fresh the counts are.
    expect(await admin.locator('#report-as-of').textContent()).toMatch(
      /^Counts include every change up to \d{4}-\d{2}-\d{2} \d{2}:\d{2}\.$/,
    );
    await expectAccessible(admin, 'reports, empty');
  });

  it('shows last fiscal year by month then gender: the right numbers in the table, a column per month with a part per gender', async () => {
    await admin.locator('#report-by2').selectOption('gender');
    // "then by" never offers the first dimension again.
    expect(await admin.locator('#report-by2 option').evaluateAll((options) => options.map((o: any) => o.value))).not.toContain('month');
    await admin.locator('#report-pick-last-year').click();
    await settled(admin, '#report-table table');
    expect(await admin.locator('#report-from').inputValue()).toBe(`${lastYear}-04`);
    expect(await admin.locator('#report-to').inputValue()).toBe(`${lastYear + 1}-03`);
    expect(await admin.locator('#report-pick-last-year').textContent()).toContain(fiscalYearLabel(lastYear));

    const table = await tableText(admin);
    expect(table.caption).toBe(
      `Anonymous clients and sessions, ${monthName(`${lastYear}-04`, 'en-CA')} to ${monthName(`${lastYear + 1}-03`, 'en-CA')}, by month and gender`,
    );
    expect(table.head).toEqual(['Month', 'Gender', 'Clients', 'Sessions']);
    expect(table.rows).toEqual([
      [monthName(MAY, 'en-CA'), 'Female', '2', '0'],
      [monthName(MAY, 'en-CA'), 'Male', '1', '0'],
      [monthName(SEPTEMBER, 'en-CA'), 'Female', '1', '1'],
      [monthName(FEBRUARY, 'en-CA'), 'Male', '2', '0'],
      [monthName(FEBRUARY, 'en-CA'), 'Gender diverse', '1', '0'],
    ]);
    expect(table.totals).toEqual(['Total', '7', '1']);
    // Numbers are right-aligned; row headers name the rows.
    expect(
      await admin
        .locator('#report-table tbody td.report-count')
        .first()
        .evaluate((cell) => (globalThis as any).getComputedStyle(cell).textAlign),
    ).toBe('right');
    expect(await admin.locator('#report-table tbody th[scope="row"]').count()).toBe(5);

    // The chart: one image with a text alternative; twelve months on the axis, parts stacked by gender.
    const chart = admin.locator('#report-chart svg');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toContain('Bar chart of clients by month, each bar divided by gender');
    expect(await admin.locator('#report-chart .report-chart__total').count()).toBe(12);
    const parts = await admin.locator('#report-chart rect[data-category]').evaluateAll((rects) =>
      rects.map((rect: any) => ({
        month: rect.dataset.category,
        gender: rect.dataset.series,
        height: Number(rect.getAttribute('height')),
        y: Number(rect.getAttribute('y')),
      })),
    );
    expect(parts.map((part) => `${part.month} ${part.gender}`)).toEqual([
      `${MAY} FEMALE`,
      `${MAY} MALE`,
      `${SEPTEMBER} FEMALE`,
      `${FEBRUARY} MALE`,
      `${FEBRUARY} GENDER_DIVERSE`,
    ]);
    // Heights in proportion to the counts (2 : 1), the second part sitting on the first.
    const [mayFemale, mayMale] = parts;
    expect(mayFemale!.height / mayMale!.height).toBeCloseTo(2);
    expect(mayMale!.y + mayMale!.height).toBeCloseTo(mayFemale!.y);
    const totals = await admin.locator('#report-chart .report-chart__total').allTextContents();
    expect(totals.filter((text) => text !== '0')).toEqual(['3', '1', '3']);
    // The legend lists the genders in stack order, with their swatches.
    expect(await admin.locator('#report-legend li').allTextContents()).toEqual(['Female', 'Male', 'Gender diverse']);
    await expectAccessible(admin, 'reports, last fiscal year by month and gender');
    await admin.screenshot({ path: join(SCREENSHOTS, 'reports-desktop-en-full.png'), fullPage: true });
    // At 1280 px the choices and the report are side by side: the top of the page shows both.
    await admin.evaluate(() => (globalThis as any).scrollTo(0, 0));
    await admin.screenshot({ path: join(DOCS, 'web-reports-desktop-en.png') });
    await screenshot(admin, 'reports-desktop-en');

    // Sessions instead of clients: one column, September.
    await admin.locator('label[for="report-measure-sessions"]').click();
    const sessionChart = admin.locator('#report-chart svg');
    expect(await sessionChart.getAttribute('aria-label')).toContain('Bar chart of sessions by month');
    expect(
      await admin.locator('#report-chart rect[data-category]').evaluateAll((rects) => rects.map((r: any) => r.dataset.category)),
    ).toEqual([SEPTEMBER]);
    await admin.locator('label[for="report-measure-clients"]').click();
  });

  it('downloads the same table as CSV, with a BOM and the totals, named after its months', async () => {
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.locator('#report-download').click()]);
    expect(download.suggestedFilename()).toBe(`anonymous-clients-${lastYear}-04-${lastYear + 1}-03.csv`);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Month,Gender,Clients,Sessions');
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines.at(-1)).toBe('Total,,7,1');
  });

  it('withholds small counts when asked, showing "< 5" with what it means', async () => {
    expect(await admin.locator('#report-suppressBelow').isVisible()).toBe(false);
    await admin.locator('label[for="report-suppress"]').click();
    expect(await admin.locator('#report-suppressBelow').isVisible()).toBe(true);
    expect(await admin.locator('#report-suppressBelow').inputValue()).toBe('5');
    await admin.locator('#report-show').click();
    await settled(admin, '#report-table-note:has-text("< 5")');
    const table = await tableText(admin);
    // Every count here is under 5 or would give one away: nothing but totals of 0 could be published.
    const counts = table.rows.flatMap((row) => row.slice(2));
    expect(counts.filter((count) => count === '< 5').length).toBeGreaterThan(0);
    expect(counts.every((count) => count === '< 5' || count === '0' || Number(count) >= 5)).toBe(true);
    expect(await admin.locator('#report-table-note').textContent()).toContain('withheld');
    await expectAccessible(admin, 'reports, small counts withheld');
    await admin.locator('label[for="report-suppress"]').click();
    await admin.locator('#report-show').click();
    await settled(admin, '#report-table table');
    expect((await tableText(admin)).totals).toEqual(['Total', '7', '1']);
  });

  it('switches to French: labels, months, numbers and the chart’s words change, and the CSV comes in French', async () => {
    await admin.locator('#language').click();
    await pollUntil(async () => expect((await tableText(admin)).head).toEqual(['Mois', 'Genre', 'Clients', 'Séances']), {
      description: 'the table in French',
    });
    const table = await tableText(admin);
    expect(table.caption).toContain('Clients anonymes et séances');
    expect(table.rows[0]).toEqual([monthName(MAY, 'fr-CA'), 'Femme', '2', '0']);
    expect(table.rows[4]!.slice(0, 2)).toEqual([monthName(FEBRUARY, 'fr-CA'), 'Diversité de genre']);
    expect(await admin.locator('#nav-reports').textContent()).toBe('Rapports');
    expect(await admin.locator('#report-show').textContent()).toBe('Afficher le rapport');
    expect(await admin.locator('#report-chart svg').getAttribute('aria-label')).toContain('Graphique à barres des clients par mois');
    expect(await admin.locator('#report-legend li').allTextContents()).toEqual(['Femme', 'Homme', 'Diversité de genre']);
    expect(await admin.locator('#report-as-of').textContent()).toMatch(/^Les nombres comprennent/);
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.locator('#report-download').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.slice(1).split('\r\n')[0]).toBe('Mois,Genre,Clients,Séances');
    await expectAccessible(admin, 'reports in French');
    await screenshot(admin, 'reports-desktop-fr');
    await admin.locator('#language').click();
  });

  it('shows the totals alone when broken down by nothing, as one bar', async () => {
    await admin.locator('#report-by').selectOption('none');
    expect(await admin.locator('#report-by2').isDisabled()).toBe(true);
    await admin.locator('#report-show').click();
    await settled(admin, '#report-table table:not(:has(tfoot))');
    const rows = await admin
      .locator('#report-table tbody tr')
      .evaluateAll((trs) => trs.map((tr: any) => [...tr.querySelectorAll('th, td')].map((cell: any) => cell.textContent.trim())));
    expect(rows).toEqual([['All clients', '7', '1']]);
    expect(await admin.locator('#report-chart .report-chart__total').allTextContents()).toEqual(['7']);
    await expectAccessible(admin, 'reports, totals only');
    await admin.locator('#report-by').selectOption('month');
    await admin.locator('#report-by2').selectOption('gender');
  });

  it('puts the server’s field errors beside the fields', async () => {
    await admin.locator('#report-from').fill('2026-13');
    await admin.locator('#report-show').click();
    await settled(admin, '#err-report-from:not(:empty)');
    expect(await admin.locator('#report-from').getAttribute('aria-invalid')).toBe('true');
    expect(await admin.locator('#report-error').textContent()).toContain('Please correct the marked fields.');
    await expectAccessible(admin, 'reports, a field error');
    // Forgiving input: digits alone become YYYY-MM.
    await admin.locator('#report-from').fill(`${lastYear}04`);
    await admin.locator('#report-show').click();
    await settled(admin, '#report-table table');
    expect(await admin.locator('#report-from').inputValue()).toBe(`${lastYear}-04`);
    expect(await admin.locator('#err-report-from').textContent()).toBe('');
  });

  it('says plainly that reports need the network when offline', async () => {
    await admin.context().setOffline(true);
    try {
      await admin.locator('#report-show').click();
      await settled(admin, '#report-error:has-text("Reports need the network")');
    } finally {
      await admin.context().setOffline(false);
    }
  });

  it('is not offered to staff, and the API refuses them', async () => {
    const staff = await signedIn(agency, 'staff', { width: 390, height: 844 });
    try {
      await staff.locator('#menu-button').click();
      expect(await staff.locator('#nav-find').isVisible()).toBe(true);
      expect(await staff.locator('#nav-reports').isVisible()).toBe(false);
      expect((await apiAs(staff, 'GET', `/v1/reports/anonymous-clients?from=${lastYear}-04&to=${lastYear + 1}-03`)).status).toBe(403);
    } finally {
      await staff.context().close();
    }
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 320, height: 640 },
  ])
    for (const language of ['en', 'fr'] as const)
      it(`fits ${viewport.width}×${viewport.height} in ${language === 'en' ? 'English' : 'French'}: no sideways scrolling, 44 px targets, axe clean`, async () => {
        const page = await signedIn(agency, 'agency-admin', viewport);
        try {
          if (language === 'fr') await page.locator('#language').click();
          await openReports(page);
          await settled(page, '#report-status');
          await page.locator('#report-by2').selectOption('gender');
          await page.locator('#report-pick-last-year').click();
          await settled(page, '#report-table table');
          expectWithMessage(await layoutProblems(page), `${viewport.width} ${language}`).toEqual([]);
          await expectAccessible(page, `reports at ${viewport.width} px (${language})`);
          // A year of months is wider than a phone: its own box scrolls, the page does not.
          const box = await page.locator('#report-chart').evaluate((element: any) => ({
            scroll: element.scrollWidth as number,
            client: element.clientWidth as number,
          }));
          expect(box.scroll).toBeGreaterThan(box.client);
          // By gender alone the bars are horizontal and fit the screen.
          await page.locator('#report-by').selectOption('gender');
          await page.locator('#report-show').click();
          await settled(page, '#report-chart svg[width="100%"]');
          expectWithMessage(await layoutProblems(page), `${viewport.width} ${language}, by gender`).toEqual([]);
          await expectAccessible(page, `reports by gender at ${viewport.width} px (${language})`);
          await page.locator('#report-by').selectOption('month');
          await page.locator('#report-by2').selectOption('gender');
          await page.locator('#report-show').click();
          await settled(page, '#report-table table');
          await page.locator('#report-result').scrollIntoViewIfNeeded();
          await screenshot(page, `reports-${viewport.width}-${language}`);
          if (viewport.width === 390 && language === 'fr') await page.screenshot({ path: join(DOCS, 'web-reports-phone-fr.png') });
        } finally {
          await page.context().close();
        }
      });
});
