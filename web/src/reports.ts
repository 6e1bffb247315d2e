/**
 * "Reports" for agency administrators (GET /v1/reports/anonymous-clients, CONTRACT §11): months with
 * fiscal-year quick picks, up to two dimensions, small-count suppression; a table, a bar chart and a
 * CSV download. Loaded only when its menu item is first opened (a dynamic import), so the first load
 * does not carry it. Counts only: nothing here reads or shows a client.
 */
import { answered, apiClient, ApiError, readAnswer, type Schemas, send, tokenClaims } from './api';
import type { operations } from './api-types';
import { dateTimeText } from './client-profile';
import {
  agencyToday,
  clearErrorsOnInput,
  clearFieldErrors,
  errorMessage,
  field,
  h,
  lang,
  m,
  onLanguage,
  showFieldErrors,
  t,
  whileBusy,
} from './dom';
import type { Messages } from './i18n';
import { screen, show } from './layout';
import { referenceData } from './reference-data';
import { drawChart, swatch } from './report-chart';
import { chartData, keyOf, type Measure, OTHERS, type ReportDimensionName, type ReportRowLike } from './report-chart-data';
import {
  fiscalQuarterRange,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearToDate,
  monthOf,
  type MonthRange,
  normalizeMonth,
} from './report-months';
import './reports.css';

type Report = Schemas['AnonymousClientReport'];
type ReportQuery = NonNullable<operations['getAnonymousClientReport']['parameters']['query']>;

const DIMENSIONS: ReportDimensionName[] = ['month', 'site', 'gender', 'immigrationStatus', 'arrivalYear'];
/** Field ids are `report-<query parameter>`, so a problem's pointer (/from, /by) finds its field. */
const PREFIX = 'report-';
const FISCAL_YEARS_OFFERED = 6;

// ---------------------------------------------------------------- the form
const monthBox = (name: string) =>
  h('input', { type: 'text', inputmode: 'numeric', name, autocomplete: 'off', maxlength: 7, spellcheck: 'false' });
const fromInput = monthBox('from');
const toInput = monthBox('to');
const monthHint = (name: string) => t('p', 'reportMonthHint', { class: 'hint', id: `${PREFIX}${name}-hint` });

const fiscalYearSelect = h('select', { name: 'fiscalYear' });
const quickButton = (id: string, onclick: () => void) => h('button', { type: 'button', id, class: 'report-pick', onclick });
const thisYearButton = quickButton('report-pick-this-year', () => pick(fiscalYearToDate(agencyToday())));
const lastYearButton = quickButton('report-pick-last-year', () => pick(fiscalYearRange(currentFiscalYear() - 1)));
const wholeYearButton = quickButton('report-pick-year', () => pick(fiscalYearRange(chosenFiscalYear())));
const quarterButtons = ([1, 2, 3, 4] as const).map((quarter) =>
  quickButton(`report-pick-q${quarter}`, () => pick(fiscalQuarterRange(chosenFiscalYear(), quarter))),
);

const bySelect = h('select', { name: 'by' });
const thenBySelect = h('select', { name: 'by2' });
const suppressBox = h('input', { type: 'checkbox', id: 'report-suppress', name: 'suppress' });
const suppressBelowSelect = h('select', { name: 'suppressBelow' });
for (let n = 2; n <= 10; n += 1) suppressBelowSelect.append(h('option', { value: String(n), selected: n === 5 }, String(n)));
// The threshold is asked only once small counts are to be hidden (shown when the box is ticked).
const suppressBelowField = field(`${PREFIX}suppressBelow`, 'reportSuppressBelow', suppressBelowSelect, {
  hint: t('p', 'reportSuppressHint', { class: 'hint', id: `${PREFIX}suppressBelow-hint` }),
});
const showButton = t('button', 'reportShow', { type: 'submit', id: 'report-show' });

const form = h(
  'form',
  { id: 'report-form', novalidate: true },
  h(
    'fieldset',
    { class: 'report-months' },
    t('legend', 'reportMonths'),
    h(
      'div',
      { class: 'report-months__boxes' },
      field(`${PREFIX}from`, 'reportFrom', fromInput, { hint: monthHint('from') }),
      field(`${PREFIX}to`, 'reportTo', toInput, { hint: monthHint('to') }),
    ),
    h(
      'fieldset',
      { class: 'report-picks' },
      t('legend', 'reportQuickPicks'),
      h('div', { class: 'report-picks__row' }, thisYearButton, lastYearButton),
      field(`${PREFIX}fiscalYear`, 'reportFiscalYear', fiscalYearSelect),
      h('div', { class: 'report-picks__row report-picks__quarters' }, wholeYearButton, ...quarterButtons),
    ),
  ),
  h(
    'div',
    { class: 'report-dimensions' },
    field(`${PREFIX}by`, 'reportBreakDown', bySelect),
    field(`${PREFIX}by2`, 'reportThenBy', thenBySelect),
  ),
  h(
    'div',
    { class: 'report-suppress' },
    h('div', { class: 'choice' }, suppressBox, t('label', 'reportSuppress', { for: 'report-suppress' })),
    suppressBelowField,
  ),
  h('div', { class: 'buttons' }, showButton),
);
const formError = h('p', { class: 'form-error', role: 'alert', id: 'report-error' });

// ---------------------------------------------------------------- the result
const status = h('p', { id: 'report-status', role: 'status' });
const asOfLine = h('p', { id: 'report-as-of', class: 'hint' });
const measureClients = h('input', { type: 'radio', name: 'measure', value: 'clients', id: 'report-measure-clients', checked: true });
const measureSessions = h('input', { type: 'radio', name: 'measure', value: 'sessions', id: 'report-measure-sessions' });
const measures = h(
  'fieldset',
  { class: 'report-measures' },
  t('legend', 'reportChartShows'),
  h('div', { class: 'choice' }, measureClients, t('label', 'reportClients', { for: 'report-measure-clients' })),
  h('div', { class: 'choice' }, measureSessions, t('label', 'reportSessions', { for: 'report-measure-sessions' })),
);
// Scrolling boxes are focusable regions, so a keyboard can scroll them (axe: scrollable-region-focusable).
const chartBox = h('div', { id: 'report-chart', class: 'report-chart-box', role: 'region', tabindex: '0' });
const legend = h('div', { id: 'report-legend', class: 'report-legend' });
const chartNote = h('p', { id: 'report-chart-note', class: 'hint' });
const tableBox = h('div', { id: 'report-table', class: 'report-table-box', role: 'region', tabindex: '0' });
const tableNote = h('p', { id: 'report-table-note', class: 'hint' });
const downloadButton = t('button', 'reportDownload', { type: 'button', id: 'report-download' });
const downloadError = h('p', { class: 'form-error', role: 'alert', id: 'report-download-error' });
const result = h(
  'div',
  { id: 'report-result', hidden: true },
  asOfLine,
  measures,
  chartBox,
  legend,
  chartNote,
  tableBox,
  tableNote,
  h('div', { class: 'buttons' }, downloadButton),
  downloadError,
);

const section = screen('reports', 'reportsTitle', t('p', 'reportsIntro', { class: 'report-intro' }), form, formError, status, result);
section.classList.add('reports-screen');
clearErrorsOnInput(form);

// ---------------------------------------------------------------- state
/** The report on screen, with the query it answers (the CSV asks for the same). */
let shown: { report: Report; query: ReportQuery } | undefined;
/** What made the failure on screen, kept so it is said again in the other language. */
let failure: ((messages: Messages) => string) | undefined;
/** Whose report is on screen: another user of the same browser never sees it. */
let owner: string | undefined;

const currentFiscalYear = () => fiscalYearOf(monthOf(agencyToday()));
const chosenFiscalYear = () => Number(fiscalYearSelect.value) || currentFiscalYear();
const measure = (): Measure => (measureSessions.checked ? 'sessions' : 'clients');

function pick(range: MonthRange) {
  fromInput.value = range.from;
  toInput.value = range.to;
  form.requestSubmit(showButton);
}

function fillFiscalYears() {
  const current = currentFiscalYear();
  const chosen = fiscalYearSelect.value || String(current);
  fiscalYearSelect.replaceChildren(
    ...Array.from({ length: FISCAL_YEARS_OFFERED }, (_, back) => {
      const year = current - back;
      const which = back === 0 ? 'this' : back === 1 ? 'last' : 'other';
      return h(
        'option',
        { value: String(year), selected: String(year) === chosen },
        m().reportFiscalYearOption(fiscalYearLabel(year), which),
      );
    }),
  );
}

/** The second select offers every dimension but the first one: no dimension twice. */
function fillDimensions() {
  const first = bySelect.value || 'month';
  const second = thenBySelect.value;
  bySelect.replaceChildren(
    h('option', { value: 'none', selected: first === 'none' }, m().reportNoDimension),
    ...DIMENSIONS.map((dimension) => h('option', { value: dimension, selected: dimension === first }, m().reportDimension(dimension))),
  );
  thenBySelect.replaceChildren(
    h('option', { value: '' }, m().reportNoSecond),
    ...DIMENSIONS.filter((dimension) => dimension !== first).map((dimension) =>
      h('option', { value: dimension, selected: dimension === second }, m().reportDimension(dimension)),
    ),
  );
  thenBySelect.disabled = first === 'none';
  if (first === 'none') thenBySelect.value = '';
}
bySelect.addEventListener('change', fillDimensions);
suppressBox.addEventListener('change', () => (suppressBelowField.hidden = !suppressBox.checked));

function fillQuickPicks() {
  const messages = m();
  thisYearButton.textContent = messages.reportThisYearToDate;
  lastYearButton.textContent = `${messages.reportLastYear} (${fiscalYearLabel(currentFiscalYear() - 1)})`;
  wholeYearButton.textContent = messages.reportWholeYear;
  quarterButtons.forEach((button, index) => (button.textContent = messages.reportQuarter(index + 1)));
}

function resetForm() {
  const range = fiscalYearToDate(agencyToday());
  fromInput.value = range.from;
  toInput.value = range.to;
  fiscalYearSelect.value = '';
  bySelect.value = 'month';
  thenBySelect.value = '';
  suppressBox.checked = false;
  suppressBelowSelect.value = '5';
  suppressBelowField.hidden = true;
  measureClients.checked = true;
  fillFiscalYears();
  fillDimensions();
  clearFieldErrors(form, formError);
  shown = undefined;
  failure = undefined;
  render();
}

function queryOfForm(): ReportQuery {
  fromInput.value = normalizeMonth(fromInput.value);
  toInput.value = normalizeMonth(toInput.value);
  const by = [bySelect.value, thenBySelect.value].filter((value) => value && value !== 'none');
  return {
    from: fromInput.value,
    to: toInput.value,
    ...(by.length > 0 ? { by: by.join(',') } : {}),
    ...(suppressBox.checked ? { suppressBelow: Number(suppressBelowSelect.value) } : {}),
  };
}

/** The same query in a URL, for the CSV (a raw response, read as a file). */
function searchOf(query: ReportQuery): string {
  return new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)])).toString();
}

// ---------------------------------------------------------------- words
const locale = () => (lang() === 'fr' ? 'fr-CA' : 'en-CA');
const monthDate = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
const monthName = (month: string, style: 'long' | 'short') =>
  new Intl.DateTimeFormat(locale(), { month: style, ...(style === 'long' ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(
    monthDate(month),
  );
const formatCount = (value: number) => new Intl.NumberFormat(locale()).format(value);

function codeLabel(list: { code: string; label: { en: string; fr: string } }[] | undefined, code: string): string {
  return list?.find((item) => item.code === code)?.label[lang()] ?? code;
}

/** A row's value for `dimension` as people read it: a month's name, a site's name, a code's label. */
function valueLabel(row: ReportRowLike, dimension: ReportDimensionName): string {
  const reference = referenceData();
  switch (dimension) {
    case 'month':
      return row.month ? monthName(row.month, 'long') : '';
    case 'site':
      return row.site?.name ?? '';
    case 'gender':
      return codeLabel(reference?.genders, row.gender ?? '');
    case 'immigrationStatus':
      return codeLabel(reference?.immigrationStatuses, row.immigrationStatus ?? '');
    case 'arrivalYear':
      return row.arrivalYear === null || row.arrivalYear === undefined || row.arrivalYear === 'UNKNOWN'
        ? m().unknown
        : String(row.arrivalYear);
  }
}

const dimensionNames = (by: readonly ReportDimensionName[]) =>
  by.map((dimension) => m().reportDimension(dimension).toLowerCase()).join(lang() === 'fr' ? ' et ' : ' and ');

// ---------------------------------------------------------------- drawing
function countCell(value: number | null, below: number | undefined, tag: 'td' | 'th' = 'td'): HTMLElement {
  const cell = h(tag, { class: 'report-count' }, value === null ? m().reportWithheld(below ?? 0) : formatCount(value));
  if (value === null) cell.classList.add('report-count--withheld');
  return cell;
}

function table(report: Report): HTMLTableElement {
  const messages = m();
  const below = report.suppressBelow ?? undefined;
  const from = monthName(report.from, 'long');
  const to = monthName(report.to, 'long');
  const head = h(
    'tr',
    {},
    ...report.by.map((dimension) => h('th', { scope: 'col' }, messages.reportDimension(dimension))),
    // With no dimension the rows' headers need no heading of their own (an empty th is one axe refuses).
    report.by.length === 0 ? h('td', {}) : null,
    h('th', { scope: 'col', class: 'report-count' }, messages.reportClients),
    h('th', { scope: 'col', class: 'report-count' }, messages.reportSessions),
  );
  const rows =
    report.by.length === 0
      ? [
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, messages.reportAll),
            countCell(report.totals.clients, below),
            countCell(report.totals.sessions, below),
          ),
        ]
      : report.rows.map((row) =>
          h(
            'tr',
            {},
            ...report.by.map((dimension, index) =>
              h(index === 0 ? 'th' : 'td', index === 0 ? { scope: 'row' } : {}, valueLabel(row, dimension)),
            ),
            countCell(row.clients, below),
            countCell(row.sessions, below),
          ),
        );
  const totals =
    report.by.length === 0
      ? null
      : h(
          'tfoot',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'row', colspan: report.by.length }, messages.reportTotal),
            countCell(report.totals.clients, below),
            countCell(report.totals.sessions, below),
          ),
        );
  return h(
    'table',
    { class: 'report-table' },
    h('caption', {}, messages.reportCaption(from, to, dimensionNames(report.by))),
    h('thead', {}, head),
    h('tbody', {}, ...rows),
    totals,
  );
}

function chart(report: Report) {
  const messages = m();
  const data = chartData(report, measure());
  const labels = new Map<string, string>();
  for (const row of report.rows)
    for (const dimension of report.by) labels.set(`${dimension}:${keyOf(row, dimension)}`, valueLabel(row, dimension));
  const label = (dimension: ReportDimensionName | null, key: string) =>
    key === OTHERS ? messages.reportOthers : dimension ? (labels.get(`${dimension}:${key}`) ?? key) : messages.reportAll;
  const svg = drawChart(data, {
    summary: messages.reportChartLabel(
      measure(),
      data.axis ? messages.reportDimension(data.axis).toLowerCase() : messages.reportTotal.toLowerCase(),
      data.stack ? messages.reportDimension(data.stack).toLowerCase() : '',
      monthName(report.from, 'long'),
      monthName(report.to, 'long'),
    ),
    category: (key) => label(data.axis, key),
    monthTick: (month, first) => ({
      month: monthName(month, 'short').replace(/\.$/, ''),
      year: first || month.endsWith('-01') ? month.slice(0, 4) : undefined,
    }),
    number: formatCount,
  });
  chartBox.replaceChildren(svg);
  chartBox.setAttribute('aria-label', messages.reportChartScroll);
  if (data.stack) {
    legend.replaceChildren(
      h('p', { class: 'report-legend__title' }, messages.reportLegend(messages.reportDimension(data.stack), data.axis === 'month')),
      h(
        'ul',
        { class: 'report-legend__items' },
        ...data.series.map((key, index) => h('li', { 'data-series': key }, swatch(index), h('span', {}, label(data.stack, key)))),
      ),
    );
  } else legend.replaceChildren();
  const withheld = data.cells.some((row) => row.some((cell) => cell.withheld));
  chartNote.textContent = withheld ? messages.reportChartWithheld(report.suppressBelow ?? 0) : '';
}

/** Everything shown, from the state, in the current language (called again after a language switch). */
function render() {
  const messages = m();
  fillQuickPicks();
  if (failure) formError.textContent = failure(messages);
  if (!shown) {
    result.hidden = true;
    status.textContent = '';
    return;
  }
  const { report } = shown;
  const empty = report.rows.length === 0 || (report.totals.clients === 0 && report.totals.sessions === 0);
  status.textContent = empty ? messages.reportEmpty : '';
  asOfLine.textContent = messages.reportAsOf(dateTimeText(report.asOf));
  result.hidden = false;
  measures.hidden = empty;
  chartBox.hidden = empty;
  legend.hidden = empty;
  chartNote.hidden = empty;
  if (!empty) chart(report);
  tableBox.replaceChildren(table(report));
  tableBox.setAttribute('aria-label', messages.reportTableScroll);
  const anyWithheld =
    report.totals.clients === null ||
    report.totals.sessions === null ||
    report.rows.some((row) => row.clients === null || row.sessions === null);
  tableNote.textContent = anyWithheld ? messages.reportWithheldNote(report.suppressBelow ?? 0) : '';
}
onLanguage(() => {
  fillFiscalYears();
  fillDimensions();
  render();
});
for (const radio of [measureClients, measureSessions]) radio.addEventListener('change', () => shown && chart(shown.report));

// ---------------------------------------------------------------- requests
const REPORT_PATH = '/v1/reports/anonymous-clients' as const;

/** Why a request failed, in words; field errors go beside their fields instead. */
function sayFailure(error: unknown, general: HTMLElement): ((messages: Messages) => string) | undefined {
  if (!navigator.onLine || error instanceof TypeError) return (messages) => messages.reportOffline;
  if (error instanceof ApiError && error.status === 403) return (messages) => messages.reportForbidden;
  if (error instanceof ApiError && error.errors.length > 0) {
    showFieldErrors(form, error.errors, general, m().fixErrors, PREFIX);
    return undefined;
  }
  const text = errorMessage(error);
  return () => text;
}

async function run() {
  clearFieldErrors(form, formError);
  failure = undefined;
  downloadError.textContent = '';
  const query = queryOfForm();
  await whileBusy(showButton, 'reportLoading', section, async () => {
    try {
      // Offline there is nothing to count with: say so at once instead of waiting for the fetch to fail.
      if (!navigator.onLine) throw new TypeError('offline');
      const report = await answered(apiClient().GET(REPORT_PATH, { params: { query } }));
      // The route also speaks text/csv; this request asks for JSON (the client's Accept), so text is a fault.
      if (typeof report === 'string') throw new ApiError(0, 'The answer is not JSON', '', []);
      shown = { report, query };
    } catch (error) {
      shown = undefined;
      failure = sayFailure(error, formError);
    }
    render();
  });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!showButton.disabled) void run();
});

/** The CSV of the report on screen, in the page's language, saved as anonymous-clients-<from>-<to>.csv. */
async function download() {
  if (!shown) return;
  const { query } = shown;
  downloadError.textContent = '';
  await whileBusy(downloadButton, 'reportDownloading', result, async () => {
    try {
      if (!navigator.onLine) throw new TypeError('offline');
      const response = await send('GET', `${REPORT_PATH}?${searchOf(query)}`, { headers: { accept: 'text/csv' } });
      if (!response.ok) await readAnswer(response);
      const url = URL.createObjectURL(await response.blob());
      const link = h('a', { href: url, download: `anonymous-clients-${query.from}-${query.to}.csv`, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started from the link; the object URL is not needed after this turn.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      const say = sayFailure(error, downloadError);
      downloadError.textContent = say ? say(m()) : m().fixErrors;
    }
  });
}
downloadButton.addEventListener('click', () => void download());

/**
 * Shows the page. The first time for a signed-in user it shows this fiscal year to date, by month;
 * afterwards the page is as it was left. Another user (same browser) starts afresh.
 */
export function openReports() {
  const claims = tokenClaims();
  const who = `${String(claims['custom:agency_id'] ?? '')}:${String(claims.sub ?? claims['cognito:username'] ?? '')}`;
  show(section);
  if (who !== owner) {
    owner = who;
    resetForm();
    void run();
  }
}
