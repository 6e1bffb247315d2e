/**
 * The reference front end: local sign-in, "Register New Client/Activity", the Find dialog, the
 * registration wizard, "Begin Session with Client" and "Find a Client in my Agency". It uses only the
 * public API (and, in the embedded mode, POST /local/token to sign in).
 */
import { api, ApiError, currentToken, query, setToken, tokenClaims } from './api';
import { agencyToday, bilingual, clearErrorsOnInput, clearFieldErrors, field, h, lang, m, onLanguage, setLanguage, showFieldErrors, t } from './dom';
import './style.css';

interface Label {
  en: string;
  fr: string;
}
interface Coded {
  code: string;
  label: Label;
}
interface ReferenceData {
  genders: Coded[];
  immigrationStatuses: Coded[];
  sessionTypes: Coded[];
  deliveryMethods: Coded[];
  arrivalYear: { min: number; max: number };
}
interface Site {
  siteId: string;
  name: string;
  city?: string;
}
interface TreeNode {
  key: string;
  label: Label;
  count: number;
  children?: TreeNode[];
}
interface Client {
  clientId: string;
  agency: { agencyId: string; name: string };
  site: { siteId: string; name: string };
  registrationDate: string;
  comments: string | null;
  gender: string;
  arrivalYear: number | 'UNKNOWN';
  immigrationStatus: string;
  postalCode: string | null;
}
interface SessionDraft {
  clientId: string;
  site: { siteId: string; name: string };
  serviceDate: string;
  deliveryMethod: string;
}

const MAX_COMMENTS = 4000;
let reference: ReferenceData | undefined;
let registered: Client | undefined;

const app = document.querySelector<HTMLElement>('#app')!;
document.documentElement.lang = lang();

function options(select: HTMLSelectElement, items: Coded[], selected?: string) {
  select.replaceChildren(...items.map((item) => bilingual('option', item.label, { value: item.code, selected: item.code === selected })));
}

function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.detail || error.title : m().failed;
}

// ---------------------------------------------------------------- layout
const languageButton = h('button', { type: 'button', id: 'language', onclick: () => setLanguage(lang() === 'en' ? 'fr' : 'en') });
onLanguage(() => {
  languageButton.textContent = m().switchLanguage;
  languageButton.lang = lang() === 'en' ? 'fr' : 'en';
  languageButton.setAttribute('aria-label', m().switchLanguageName);
});
const nav = h(
  'nav',
  { 'aria-label': 'Main', hidden: true },
  t('button', 'navRegister', { type: 'button', id: 'nav-register', onclick: () => show(registerScreen) }),
  t('button', 'navFind', { type: 'button', id: 'nav-find', onclick: () => show(findClientsScreen) }),
  t('button', 'signOut', { type: 'button', id: 'sign-out', onclick: () => signOut() }),
);
const main = h('main', { id: 'main' });
app.append(h('header', {}, t('p', 'appTitle', { class: 'brand' }), nav, languageButton), main);

const screens: HTMLElement[] = [];
function screen(id: string, title: Parameters<typeof t>[1], ...children: HTMLElement[]): HTMLElement {
  const section = h('section', { id, hidden: true, 'aria-labelledby': `${id}-title` }, t('h1', title, { id: `${id}-title`, tabindex: '-1' }), ...children);
  screens.push(section);
  main.append(section);
  return section;
}
function show(section: HTMLElement) {
  for (const s of screens) s.hidden = s !== section;
  section.querySelector<HTMLElement>('h1')?.focus();
}

// ---------------------------------------------------------------- sign-in (embedded mode only)
const signInError = h('p', { class: 'form-error', role: 'alert' });
const roleSelect = h(
  'select',
  {},
  t('option', 'roleStaff', { value: 'staff' }),
  t('option', 'roleAdmin', { value: 'agency-admin' }),
  t('option', 'roleOperator', { value: 'operator' }),
);
const signInForm = h(
  'form',
  { id: 'signin-form', novalidate: true },
  field('signin-agencyId', 'agencyId', h('input', { name: 'agencyId', value: 'agency-1', autocomplete: 'organization' }), { required: true }),
  field('signin-agencyName', 'agencyName', h('input', { name: 'agencyName', value: 'Newcomer Centre of Peel' })),
  field('signin-userId', 'userId', h('input', { name: 'userId', value: 'front-desk-1', autocomplete: 'username' })),
  field('signin-role', 'role', roleSelect),
  signInError,
  h('div', { class: 'buttons' }, t('button', 'signIn', { type: 'submit', id: 'sign-in' })),
);
const signInScreen = screen('signin', 'signInTitle', t('p', 'signInNote'), signInForm);
signInForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(signInForm);
  void (async () => {
    try {
      const answer = await api<{ token: string }>('POST', '/local/token', {
        agencyId: String(data.get('agencyId')).trim(),
        agencyName: String(data.get('agencyName')).trim() || undefined,
        userId: String(data.get('userId')).trim() || undefined,
        role: roleSelect.value,
      });
      setToken(answer.token);
      await enter();
    } catch (error) {
      signInError.textContent = errorMessage(error);
    }
  })();
});

function signOut() {
  setToken(undefined);
  nav.hidden = true;
  show(signInScreen);
}

// ---------------------------------------------------------------- register form
const agencyInput = h('input', { readonly: true, name: 'agency' });
const clientNameInput = h('input', { readonly: true, name: 'clientName' });
onLanguage(() => (clientNameInput.value = m().anonymousClient));
const genderSelect = h('select', { name: 'gender' });
const arrivalYearSelect = h('select', { name: 'arrivalYear' });
const statusSelect = h('select', { name: 'immigrationStatus' });
const postalInput = h('input', { name: 'postalCode', autocomplete: 'off', size: 8 });
const dateInput = h('input', { type: 'date', name: 'registrationDate' });
const siteIdInput = h('input', { name: 'siteId', autocomplete: 'off' });
const siteNameInput = h('input', { readonly: true, name: 'siteName' });
const commentsInput = h('textarea', { name: 'comments', rows: 5, maxlength: MAX_COMMENTS });
const counter = h('p', { id: 'comments-counter', class: 'hint', 'aria-live': 'polite' });
const updateCounter = () => (counter.textContent = m().characters(commentsInput.value.length, MAX_COMMENTS));
commentsInput.addEventListener('input', updateCounter);
onLanguage(updateCounter);
const registerError = h('p', { class: 'form-error', role: 'alert', id: 'register-error' });
const findButton = t('button', 'find', { type: 'button', id: 'find-site' });
onLanguage(() => findButton.setAttribute('aria-label', m().findSiteLabel));

const registerForm = h(
  'form',
  { id: 'register-form', novalidate: true },
  t('p', 'requiredNote', { class: 'hint' }),
  field('agency', 'agency', agencyInput),
  field('clientName', 'clientName', clientNameInput),
  field('gender', 'gender', genderSelect, { required: true }),
  field('arrivalYear', 'arrivalYear', arrivalYearSelect),
  field('immigrationStatus', 'immigrationStatus', statusSelect),
  field('postalCode', 'postalCode', postalInput),
  field('registrationDate', 'registrationDate', dateInput, { required: true }),
  h('div', { class: 'with-button' }, field('siteId', 'siteId', siteIdInput, { required: true }), findButton),
  field('siteName', 'siteName', siteNameInput),
  field('comments', 'comments', commentsInput, { hint: counter }),
  registerError,
  h('div', { class: 'buttons' }, t('button', 'register', { type: 'submit', id: 'register-submit' }), t('button', 'clear', { type: 'button', id: 'clear' })),
);
const registerScreen = screen('register', 'registerTitle', registerForm);
clearErrorsOnInput(registerForm);

function resetRegisterForm(keep: { siteId: string; siteName: string; date: string } | undefined) {
  if (!reference) return;
  genderSelect.replaceChildren(t('option', 'chooseOne', { value: '' }));
  for (const item of reference.genders) genderSelect.append(bilingual('option', item.label, { value: item.code }));
  options(statusSelect, reference.immigrationStatuses, 'UNKNOWN');
  arrivalYearSelect.replaceChildren(t('option', 'unknown', { value: 'UNKNOWN', selected: true }));
  for (let year = reference.arrivalYear.max; year >= reference.arrivalYear.min; year -= 1) arrivalYearSelect.append(h('option', { value: String(year) }, String(year)));
  postalInput.value = '';
  commentsInput.value = '';
  dateInput.value = keep?.date ?? agencyToday();
  dateInput.max = agencyToday();
  siteIdInput.value = keep?.siteId ?? '';
  siteNameInput.value = keep?.siteName ?? '';
  updateCounter();
  clearFieldErrors(registerForm, registerError);
}

function somethingTyped(): boolean {
  return genderSelect.value !== '' || arrivalYearSelect.value !== 'UNKNOWN' || statusSelect.value !== 'UNKNOWN' || postalInput.value !== '' || siteIdInput.value !== '' || commentsInput.value !== '' || dateInput.value !== agencyToday();
}

registerForm.querySelector('#clear')!.addEventListener('click', () => {
  if (somethingTyped() && !window.confirm(m().confirmClear)) return;
  resetRegisterForm(undefined);
});

registerForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const body: Record<string, unknown> = {
    gender: genderSelect.value,
    arrivalYear: arrivalYearSelect.value === 'UNKNOWN' ? 'UNKNOWN' : Number(arrivalYearSelect.value),
    immigrationStatus: statusSelect.value,
    registrationDate: dateInput.value,
    siteId: siteIdInput.value.trim(),
  };
  if (postalInput.value.trim()) body.postalCode = postalInput.value.trim();
  if (commentsInput.value.trim()) body.comments = commentsInput.value;
  void (async () => {
    try {
      registered = await api<Client>('POST', '/v1/anonymous-clients', body);
      clearFieldErrors(registerForm, registerError);
      openWizard(registered);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) showFieldErrors(registerForm, error.errors, registerError, m().fixErrors);
      else registerError.textContent = errorMessage(error);
    }
  })();
});

// ---------------------------------------------------------------- Find dialog
const siteQuery = h('input', { type: 'search', name: 'q', autocomplete: 'off' });
const siteResults = h('div', { id: 'site-results', role: 'group', 'aria-labelledby': 'site-results-title' });
const siteTree = h('ul', { id: 'site-tree', class: 'tree' });
const findError = h('p', { class: 'form-error', role: 'alert' });
const filterForm = h('form', { id: 'filter-form', role: 'search' }, field('site-q', 'filterText', siteQuery), t('button', 'filter', { type: 'submit', id: 'filter' }));
const findDialog = h(
  'dialog',
  { id: 'find-dialog', 'aria-labelledby': 'find-title' },
  t('h2', 'findTitle', { id: 'find-title' }),
  filterForm,
  t('h3', 'results', { id: 'site-results-title' }),
  siteResults,
  t('h3', 'browse', { id: 'site-tree-title' }),
  siteTree,
  findError,
  h('div', { class: 'buttons' }, t('button', 'selectSite', { type: 'button', id: 'select-site' }), t('button', 'cancel', { type: 'button', id: 'cancel-find' })),
);
app.append(findDialog);

function siteChoice(site: Site): HTMLElement {
  const id = `site-${site.siteId}-${Math.random().toString(36).slice(2, 8)}`;
  return h(
    'div',
    { class: 'choice' },
    h('input', { type: 'radio', name: 'site', id, value: site.siteId, 'data-name': site.name }),
    h('label', { for: id }, site.city ? `${site.name} (${site.city})` : site.name),
  );
}

let filterSequence = 0;
let typingTimer: number | undefined;
/** Lists the sites matching the name box; only the latest answer is shown, and a checked site stays checked. */
async function filterSites() {
  const sequence = (filterSequence += 1);
  try {
    findError.textContent = '';
    const list = await api<{ items: Site[] }>('GET', `/v1/sites${query({ q: siteQuery.value.trim(), limit: '25' })}`);
    if (sequence !== filterSequence) return;
    const checked = siteResults.querySelector<HTMLInputElement>('input[name="site"]:checked')?.value;
    siteResults.replaceChildren(...(list.items.length ? list.items.map(siteChoice) : [t('p', 'noSites')]));
    const again = [...siteResults.querySelectorAll<HTMLInputElement>('input[name="site"]')].find((input) => input.value === checked);
    if (again) again.checked = true;
  } catch (error) {
    if (sequence === filterSequence) findError.textContent = errorMessage(error);
  }
}

filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  window.clearTimeout(typingTimer);
  void filterSites();
});

// Results as you type too (after a short pause), from the same search.
siteQuery.addEventListener('input', () => {
  window.clearTimeout(typingTimer);
  if (siteQuery.value.trim().length >= 2) typingTimer = window.setTimeout(() => void filterSites(), 300);
});

function treeItem(node: TreeNode): HTMLElement {
  const children = h('ul', { hidden: true });
  const button = h('button', { type: 'button', class: 'expander', 'aria-expanded': 'false' }, '[+]');
  const label = bilingual('span', node.label);
  const item = h('li', {}, button, ' ', label, ` (${node.count})`, children);
  const describe = () => button.setAttribute('aria-label', (button.getAttribute('aria-expanded') === 'true' ? m().collapse : m().expand)(node.label[lang()]));
  onLanguage(describe);
  let loaded = false;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? '[−]' : '[+]';
    describe();
    children.hidden = !open;
    if (!open || loaded) return;
    loaded = true;
    if (node.children) {
      children.replaceChildren(...node.children.map((child) => treeItem(child)));
      return;
    }
    const [category, ...group] = node.key.split(':');
    void api<{ items: Site[] }>('GET', `/v1/sites${query({ category, group: group.join(':'), limit: '100' })}`)
      .then((list) => children.replaceChildren(...list.items.map((site) => h('li', {}, siteChoice(site)))))
      .catch((error: unknown) => {
        loaded = false;
        findError.textContent = errorMessage(error);
      });
  });
  return item;
}

findButton.addEventListener('click', () => {
  findError.textContent = '';
  siteQuery.value = siteNameInput.value ? '' : siteQuery.value;
  findDialog.showModal();
  siteQuery.focus();
  if (siteTree.childElementCount > 0) return;
  void api<{ nodes: TreeNode[] }>('GET', '/v1/sites/tree')
    .then((tree) => siteTree.replaceChildren(...tree.nodes.map((node) => treeItem(node))))
    .catch((error: unknown) => (findError.textContent = errorMessage(error)));
});
findDialog.querySelector('#cancel-find')!.addEventListener('click', () => findDialog.close());
findDialog.querySelector('#select-site')!.addEventListener('click', () => {
  const chosen = findDialog.querySelector<HTMLInputElement>('input[name="site"]:checked');
  if (!chosen) return;
  siteIdInput.value = chosen.value;
  siteNameInput.value = chosen.dataset.name ?? '';
  findDialog.close();
  findButton.focus();
});

// ---------------------------------------------------------------- wizard
const wizardSummary = h('dl', { id: 'wizard-summary' });
const receiptStatus = h('p', { id: 'receipt-status', role: 'status' });
const wizardError = h('p', { class: 'form-error', role: 'alert' });
function radios(name: string, legend: Parameters<typeof t>[1], choices: [string, Parameters<typeof t>[1]][]): HTMLElement {
  return h(
    'fieldset',
    {},
    t('legend', legend),
    ...choices.map(([value, label], i) =>
      h('span', { class: 'choice' }, h('input', { type: 'radio', name, value, id: `${name}-${value}`, checked: i === 0 }), t('label', label, { for: `${name}-${value}` })),
    ),
  );
}
const wizardScreen = screen(
  'wizard',
  'wizardTitle',
  wizardSummary,
  radios('format', 'saveAs', [
    ['pdf', 'english'],
    ['csv', 'english'],
  ]),
  radios('language', 'printIn', [
    ['en', 'english'],
    ['fr', 'french'],
  ]),
  h(
    'div',
    { class: 'buttons' },
    t('button', 'printReceipt', { type: 'button', id: 'print-receipt' }),
    t('button', 'registerAnother', { type: 'button', id: 'register-another' }),
    t('button', 'beginSession', { type: 'button', id: 'begin-session' }),
  ),
  receiptStatus,
  wizardError,
);
// The format labels are the same in both languages.
for (const [value, text] of [
  ['pdf', 'PDF'],
  ['csv', 'CSV'],
] as const) {
  const label = wizardScreen.querySelector<HTMLElement>(`label[for="format-${value}"]`)!;
  label.removeAttribute('data-i18n');
  label.textContent = text;
}

function openWizard(client: Client) {
  receiptStatus.replaceChildren();
  wizardError.textContent = '';
  wizardScreen.querySelector<HTMLInputElement>(`#language-${lang()}`)!.checked = true;
  wizardSummary.replaceChildren(
    t('dt', 'clientNumber'),
    h('dd', { id: 'client-id' }, client.clientId),
    t('dt', 'siteName'),
    h('dd', {}, client.site.name),
    t('dt', 'registrationDate'),
    h('dd', {}, client.registrationDate),
  );
  show(wizardScreen);
}

wizardScreen.querySelector('#print-receipt')!.addEventListener('click', () => {
  if (!registered) return;
  const format = wizardScreen.querySelector<HTMLInputElement>('input[name="format"]:checked')!.value;
  const language = wizardScreen.querySelector<HTMLInputElement>('input[name="language"]:checked')!.value;
  wizardError.textContent = '';
  void (async () => {
    try {
      const receipt = await api<{ url: string }>('POST', `/v1/anonymous-clients/${encodeURIComponent(registered!.clientId)}/receipts`, { format, language });
      receiptStatus.replaceChildren(t('span', 'receiptReady'), ' ', t('a', 'openReceipt', { id: 'receipt-link', href: receipt.url, target: '_blank', rel: 'noopener' }));
      window.open(receipt.url, '_blank', 'noopener');
    } catch (error) {
      wizardError.textContent = errorMessage(error);
    }
  })();
});

wizardScreen.querySelector('#register-another')!.addEventListener('click', () => {
  resetRegisterForm({ siteId: siteIdInput.value, siteName: siteNameInput.value, date: dateInput.value });
  show(registerScreen);
});

// ---------------------------------------------------------------- session
const sessionTypeSelect = h('select', { name: 'sessionType' });
const serviceDateInput = h('input', { type: 'date', name: 'serviceDate' });
const deliverySelect = h('select', { name: 'deliveryMethod' });
const durationInput = h('input', { type: 'number', name: 'durationMinutes', min: 1, max: 1440 });
const notesInput = h('textarea', { name: 'notes', rows: 4, maxlength: 4000 });
const sessionSite = h('input', { readonly: true, name: 'sessionSite' });
const sessionStatus = h('p', { id: 'session-status', role: 'status' });
const sessionError = h('p', { class: 'form-error', role: 'alert', id: 'session-error' });
let draft: SessionDraft | undefined;
const sessionForm = h(
  'form',
  { id: 'session-form', novalidate: true },
  field('sessionSite', 'siteName', sessionSite),
  field('sessionType', 'sessionType', sessionTypeSelect, { required: true }),
  field('serviceDate', 'serviceDate', serviceDateInput, { required: true }),
  field('deliveryMethod', 'deliveryMethod', deliverySelect, { required: true }),
  field('durationMinutes', 'durationMinutes', durationInput),
  field('notes', 'notes', notesInput),
  sessionError,
  sessionStatus,
  h('div', { class: 'buttons' }, t('button', 'saveSession', { type: 'submit', id: 'save-session' }), t('button', 'backToWizard', { type: 'button', id: 'back-to-wizard' })),
);
const sessionScreen = screen('session', 'sessionTitle', sessionForm);
clearErrorsOnInput(sessionForm);
sessionForm.querySelector('#back-to-wizard')!.addEventListener('click', () => show(wizardScreen));

wizardScreen.querySelector('#begin-session')!.addEventListener('click', () => {
  if (!registered || !reference) return;
  wizardError.textContent = '';
  void (async () => {
    try {
      draft = await api<SessionDraft>('GET', `/v1/anonymous-clients/${encodeURIComponent(registered!.clientId)}/session-draft`);
      options(sessionTypeSelect, reference!.sessionTypes);
      options(deliverySelect, reference!.deliveryMethods, draft.deliveryMethod);
      serviceDateInput.value = draft.serviceDate;
      serviceDateInput.max = draft.serviceDate;
      sessionSite.value = draft.site.name;
      durationInput.value = '';
      notesInput.value = '';
      sessionStatus.textContent = '';
      clearFieldErrors(sessionForm, sessionError);
      show(sessionScreen);
    } catch (error) {
      wizardError.textContent = errorMessage(error);
    }
  })();
});

sessionForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!draft) return;
  const body: Record<string, unknown> = {
    sessionType: sessionTypeSelect.value,
    serviceDate: serviceDateInput.value,
    siteId: draft.site.siteId,
    deliveryMethod: deliverySelect.value,
  };
  if (durationInput.value) body.durationMinutes = Number(durationInput.value);
  if (notesInput.value.trim()) body.notes = notesInput.value;
  sessionStatus.textContent = '';
  void (async () => {
    try {
      await api('POST', `/v1/anonymous-clients/${encodeURIComponent(draft!.clientId)}/sessions`, body);
      clearFieldErrors(sessionForm, sessionError);
      sessionStatus.textContent = m().sessionSaved;
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) showFieldErrors(sessionForm, error.errors, sessionError, m().fixErrors);
      else sessionError.textContent = errorMessage(error);
    }
  })();
});

// ---------------------------------------------------------------- Find a Client in my Agency
const clientQuery = h('input', { type: 'search', name: 'q' });
const fromInput = h('input', { type: 'date', name: 'from' });
const toInput = h('input', { type: 'date', name: 'to' });
const clientResults = h('ul', { id: 'client-results', class: 'results' });
const clientCount = h('p', { id: 'client-count', role: 'status' });
const clientProfile = h('section', { id: 'client-profile', hidden: true, 'aria-labelledby': 'client-profile-title' });
const findClientsError = h('p', { class: 'form-error', role: 'alert' });
const findClientsForm = h(
  'form',
  { id: 'find-clients-form', role: 'search' },
  field('client-q', 'searchComments', clientQuery),
  field('client-from', 'from', fromInput),
  field('client-to', 'to', toInput),
  h('div', { class: 'buttons' }, t('button', 'search', { type: 'submit', id: 'search-clients' })),
);
const findClientsScreen = screen('find-clients', 'findClientsTitle', findClientsForm, findClientsError, clientCount, clientResults, clientProfile);

function label(items: Coded[] | undefined, code: string): string {
  return items?.find((item) => item.code === code)?.label[lang()] ?? code;
}

function showProfile(client: Client) {
  const rows: [Parameters<typeof t>[1], string][] = [
    ['clientNumber', client.clientId],
    ['registrationDate', client.registrationDate],
    ['siteName', client.site.name],
    ['gender', label(reference?.genders, client.gender)],
    ['arrivalYear', client.arrivalYear === 'UNKNOWN' ? m().unknown : String(client.arrivalYear)],
    ['immigrationStatus', label(reference?.immigrationStatuses, client.immigrationStatus)],
    ['postalCode', client.postalCode ?? ''],
    ['comments', client.comments ?? ''],
  ];
  clientProfile.replaceChildren(t('h2', 'profile', { id: 'client-profile-title', tabindex: '-1' }), h('dl', {}, ...rows.flatMap(([key, value]) => [t('dt', key), h('dd', {}, value)])));
  clientProfile.hidden = false;
  clientProfile.querySelector<HTMLElement>('h2')!.focus();
}

findClientsForm.addEventListener('submit', (event) => {
  event.preventDefault();
  findClientsError.textContent = '';
  clientProfile.hidden = true;
  void (async () => {
    try {
      const found = await api<{ items: Client[] }>('GET', `/v1/anonymous-clients${query({ q: clientQuery.value.trim(), from: fromInput.value, to: toInput.value })}`);
      clientCount.textContent = found.items.length ? m().clientsFound(found.items.length) : m().noClients;
      clientResults.replaceChildren(
        ...found.items.map((client) =>
          h(
            'li',
            { 'data-client-id': client.clientId },
            h('span', {}, `${client.registrationDate} · ${client.site.name} · `),
            h('span', { class: 'comment' }, (client.comments ?? '').slice(0, 120)),
            ' ',
            t('button', 'open', { type: 'button', onclick: () => showProfile(client) }),
          ),
        ),
      );
    } catch (error) {
      findClientsError.textContent = errorMessage(error);
    }
  })();
});

// ---------------------------------------------------------------- start
async function enter() {
  reference = await api<ReferenceData>('GET', '/v1/reference-data');
  const claims = tokenClaims();
  agencyInput.value = String(claims['custom:agency_name'] ?? claims['custom:agency_id'] ?? '');
  resetRegisterForm(undefined);
  nav.hidden = false;
  show(registerScreen);
}

if (currentToken()) enter().catch(() => signOut());
else show(signInScreen);
