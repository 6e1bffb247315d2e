/**
 * The reference front end: sign-in (local, or Cognito's hosted UI when config.json says so), "Register
 * New Client/Activity", the Find dialog, the registration wizard, "Begin Session with Client" and "Find
 * a Client in my Agency". It uses only the public API (and, in the embedded mode, POST /local/token).
 */
import { answered, apiClient, ApiError, currentToken, type Schemas, setApiBase, tokenClaims, whenUnauthorized } from './api';
import { ConfigError, loadConfig } from './config';
import {
  agencyToday,
  bilingual,
  clearErrorsOnInput,
  clearFieldErrors,
  errorMessage,
  field,
  h,
  lang,
  m,
  onLanguage,
  setLanguage,
  showFieldErrors,
  t,
  translated,
  whileBusy,
} from './dom';
import { newDraftKey, sendWithRetries } from './exactly-once';
import { createFindClientsScreen } from './find-clients';
import type { TextKey } from './i18n';
import { header, screen, show } from './layout';
import { createSignIn, type SignIn } from './sign-in';
import { bindSiteField } from './site-finder';
import './style.css';

type Registration = Schemas['AnonymousClientRegistration'];
type NewSession = Schemas['NewSession'];

const MAX_COMMENTS = 4000;
let reference: Schemas['ReferenceData'] | undefined;
let registered: Schemas['AnonymousClient'] | undefined;
let signIn: SignIn | undefined;

document.documentElement.lang = lang();

function options(select: HTMLSelectElement, items: Schemas['CodedValue'][], selected?: string) {
  select.replaceChildren(...items.map((item) => bilingual('option', item.label, { value: item.code, selected: item.code === selected })));
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
  t('button', 'navRegister', { type: 'button', id: 'nav-register', onclick: () => openFreshForm() }),
  t('button', 'navFind', { type: 'button', id: 'nav-find', onclick: () => show(findClientsScreen) }),
  t('button', 'signOut', { type: 'button', id: 'sign-out', onclick: () => signIn?.signOut() }),
);
header.append(nav, languageButton);

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
// What the front end itself says about a sending whose outcome is unknown, kept in the current language.
const registerNotice = h('p', { class: 'form-notice', role: 'alert', id: 'register-notice' });
const setRegisterNotice = translated(registerNotice);
const findButton = t('button', 'find', { type: 'button', id: 'find-site' });
onLanguage(() => findButton.setAttribute('aria-label', m().findSiteLabel));
bindSiteField(siteIdInput, findButton, (name) => (siteNameInput.value = name));

const registerButton = t('button', 'register', { type: 'submit', id: 'register-submit' });
const clearButton = t('button', 'clear', { type: 'button', id: 'clear' });

/**
 * The draft on the form: its Idempotency-Key, minted when the form is opened fresh or reset (never per
 * click), and whether the API has stored it. Every sending of one draft carries its key, so a second
 * click or a retry gets the first answer back instead of a second client (docs/web-front-end.md).
 */
let draft = { key: newDraftKey(), stored: false };

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
  registerNotice,
  h('div', { class: 'buttons' }, registerButton, clearButton),
);
const registerScreen = screen('register', 'registerTitle', registerForm);
clearErrorsOnInput(registerForm);

function resetRegisterForm(keep: { siteId: string; siteName: string; date: string } | undefined) {
  if (!reference) return;
  draft = { key: newDraftKey(), stored: false };
  setRegisterNotice(undefined);
  genderSelect.replaceChildren(t('option', 'chooseOne', { value: '' }));
  for (const item of reference.genders) genderSelect.append(bilingual('option', item.label, { value: item.code }));
  options(statusSelect, reference.immigrationStatuses, 'UNKNOWN');
  arrivalYearSelect.replaceChildren(t('option', 'unknown', { value: 'UNKNOWN', selected: true }));
  for (let year = reference.arrivalYear.max; year >= reference.arrivalYear.min; year -= 1)
    arrivalYearSelect.append(h('option', { value: String(year) }, String(year)));
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
  return (
    genderSelect.value !== '' ||
    arrivalYearSelect.value !== 'UNKNOWN' ||
    statusSelect.value !== 'UNKNOWN' ||
    postalInput.value !== '' ||
    siteIdInput.value !== '' ||
    commentsInput.value !== '' ||
    dateInput.value !== agencyToday()
  );
}

clearButton.addEventListener('click', () => {
  if (somethingTyped() && !window.confirm(m().confirmClear)) return;
  resetRegisterForm(undefined);
});

/**
 * The menu item: always a fresh, empty form with a new draft (nothing of the previous client, site and
 * date included). An unsent form with something typed is cleared only if the worker says so; otherwise
 * it is shown as it is, with its draft and key.
 */
function openFreshForm() {
  const unsent = !draft.stored && (registerButton.disabled || somethingTyped());
  if (!unsent || (!registerButton.disabled && window.confirm(m().confirmNewForm))) resetRegisterForm(undefined);
  show(registerScreen);
}

registerForm.addEventListener('submit', (event) => {
  event.preventDefault();
  // A second click (or Enter) while the draft is on its way does nothing: the button is disabled.
  if (registerButton.disabled || draft.stored) return;
  const sending = draft;
  // The select boxes hold the API's own codes (from /v1/reference-data); the API checks them all.
  const body: Registration = {
    gender: genderSelect.value as Registration['gender'],
    arrivalYear: arrivalYearSelect.value === 'UNKNOWN' ? 'UNKNOWN' : Number(arrivalYearSelect.value),
    immigrationStatus: statusSelect.value as Registration['immigrationStatus'],
    registrationDate: dateInput.value,
    siteId: siteIdInput.value.trim(),
  };
  if (postalInput.value.trim()) body.postalCode = postalInput.value.trim();
  if (commentsInput.value.trim()) body.comments = commentsInput.value;
  setRegisterNotice(undefined);
  void whileBusy(registerButton, 'registering', registerForm, async () => {
    try {
      // The retries (same request, same key) happen below openapi-fetch, which reads the last answer.
      registered = await answered(
        apiClient().POST('/v1/anonymous-clients', {
          body,
          headers: { 'idempotency-key': sending.key },
          fetch: (request) => sendWithRetries(() => fetch(request.clone())),
        }),
      );
      sending.stored = true;
      clearFieldErrors(registerForm, registerError);
      openWizard(registered);
    } catch (error) {
      // The form was reset meanwhile: this draft's failure belongs to no form on screen.
      if (draft !== sending) return;
      clearFieldErrors(registerForm, registerError);
      if (!(error instanceof ApiError)) setRegisterNotice((messages) => messages.registerUncertain);
      else if (error.errors.length > 0) showFieldErrors(registerForm, error.errors, registerError, m().fixErrors);
      // The same key with another body: an earlier sending of this draft may have been stored.
      else if (error.status === 422) setRegisterNotice((messages) => messages.registerKeyReused);
      else {
        registerError.textContent = errorMessage(error);
        // A server failure may come after the client was stored: the retry carries the same key.
        if (error.status >= 500) setRegisterNotice((messages) => messages.registerUncertain);
      }
    }
  });
});

// ---------------------------------------------------------------- wizard
const wizardSummary = h('dl', { id: 'wizard-summary' });
const receiptStatus = h('p', { id: 'receipt-status', role: 'status' });
const wizardError = h('p', { class: 'form-error', role: 'alert' });
function radios(name: string, legend: TextKey, choices: [string, TextKey][]): HTMLElement {
  return h(
    'fieldset',
    {},
    t('legend', legend),
    ...choices.map(([value, label], i) =>
      h(
        'span',
        { class: 'choice' },
        h('input', { type: 'radio', name, value, id: `${name}-${value}`, checked: i === 0 }),
        t('label', label, { for: `${name}-${value}` }),
      ),
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

function openWizard(client: Schemas['AnonymousClient']) {
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

const printButton = wizardScreen.querySelector<HTMLButtonElement>('#print-receipt')!;
printButton.addEventListener('click', () => {
  if (!registered || printButton.disabled) return;
  const format = wizardScreen.querySelector<HTMLInputElement>('input[name="format"]:checked')!.value;
  const language = wizardScreen.querySelector<HTMLInputElement>('input[name="language"]:checked')!.value;
  wizardError.textContent = '';
  void whileBusy(printButton, 'printingReceipt', wizardScreen, async () => {
    try {
      // "Print": a PDF opens in the browser's own viewer (inline), from which staff print; a CSV has no
      // print view, so it is saved (attachment).
      const receipt = await answered(
        apiClient().POST('/v1/anonymous-clients/{clientId}/receipts', {
          params: { path: { clientId: registered!.clientId } },
          body: {
            format: format as Schemas['ReceiptRequest']['format'],
            language: language as Schemas['ReceiptRequest']['language'],
            disposition: format === 'pdf' ? 'inline' : 'attachment',
          },
        }),
      );
      receiptStatus.replaceChildren(
        t('span', 'receiptReady'),
        ' ',
        t('a', 'openReceipt', { id: 'receipt-link', href: receipt.url, target: '_blank', rel: 'noopener' }),
      );
      window.open(receipt.url, '_blank', 'noopener');
    } catch (error) {
      wizardError.textContent = errorMessage(error);
    }
  });
});

wizardScreen.querySelector('#register-another')!.addEventListener('click', () => {
  // A new draft (and key) that keeps the site and date of the client just registered.
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
let sessionDraft: Schemas['SessionDraft'] | undefined;
const saveSessionButton = t('button', 'saveSession', { type: 'submit', id: 'save-session' });
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
  h('div', { class: 'buttons' }, saveSessionButton, t('button', 'backToWizard', { type: 'button', id: 'back-to-wizard' })),
);
const sessionScreen = screen('session', 'sessionTitle', sessionForm);
clearErrorsOnInput(sessionForm);
sessionForm.querySelector('#back-to-wizard')!.addEventListener('click', () => show(wizardScreen));

const beginButton = wizardScreen.querySelector<HTMLButtonElement>('#begin-session')!;
beginButton.addEventListener('click', () => {
  if (!registered || !reference || beginButton.disabled) return;
  wizardError.textContent = '';
  void whileBusy(beginButton, 'openingSession', wizardScreen, async () => {
    try {
      sessionDraft = await answered(
        apiClient().GET('/v1/anonymous-clients/{clientId}/session-draft', { params: { path: { clientId: registered!.clientId } } }),
      );
      options(sessionTypeSelect, reference!.sessionTypes);
      options(deliverySelect, reference!.deliveryMethods, sessionDraft.deliveryMethod);
      serviceDateInput.value = sessionDraft.serviceDate;
      serviceDateInput.max = sessionDraft.serviceDate;
      sessionSite.value = sessionDraft.site.name;
      durationInput.value = '';
      notesInput.value = '';
      sessionStatus.textContent = '';
      clearFieldErrors(sessionForm, sessionError);
      show(sessionScreen);
    } catch (error) {
      wizardError.textContent = errorMessage(error);
    }
  });
});

sessionForm.addEventListener('submit', (event) => {
  event.preventDefault();
  // One session per client: the server answers a second with 409; a double click sends only one.
  if (!sessionDraft || saveSessionButton.disabled) return;
  const forDraft = sessionDraft;
  const body: NewSession = {
    sessionType: sessionTypeSelect.value as NewSession['sessionType'],
    serviceDate: serviceDateInput.value,
    siteId: forDraft.site.siteId,
    deliveryMethod: deliverySelect.value as NewSession['deliveryMethod'],
  };
  if (durationInput.value) body.durationMinutes = Number(durationInput.value);
  if (notesInput.value.trim()) body.notes = notesInput.value;
  sessionStatus.textContent = '';
  void whileBusy(saveSessionButton, 'savingSession', sessionForm, async () => {
    try {
      await answered(
        apiClient().POST('/v1/anonymous-clients/{clientId}/sessions', { params: { path: { clientId: forDraft.clientId } }, body }),
      );
      clearFieldErrors(sessionForm, sessionError);
      sessionStatus.textContent = m().sessionSaved;
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) showFieldErrors(sessionForm, error.errors, sessionError, m().fixErrors);
      else sessionError.textContent = errorMessage(error);
    }
  });
});

// ---------------------------------------------------------------- Find a Client in my Agency
const findClientsScreen = createFindClientsScreen(() => reference);

// ---------------------------------------------------------------- start
async function enter() {
  reference = await answered(apiClient().GET('/v1/reference-data'));
  const claims = tokenClaims();
  agencyInput.value = String(claims['custom:agency_name'] ?? claims['custom:agency_id'] ?? '');
  resetRegisterForm(undefined);
  nav.hidden = false;
  show(registerScreen);
}

async function start() {
  let config;
  try {
    config = await loadConfig(location.href);
  } catch (error) {
    const why = error instanceof ConfigError ? error.message : 'network';
    const alert = h('p', { class: 'form-error', role: 'alert', id: 'start-error' });
    translated(alert)((messages) => messages.configFailed(why));
    show(screen('start-failed', 'appTitle', alert));
    return;
  }
  setApiBase(config.apiBaseUrl);
  const leave = () => {
    nav.hidden = true;
    // A session that ends under an open Find dialog must not leave it over the sign-in screen.
    for (const dialog of document.querySelectorAll('dialog')) dialog.close();
  };
  const session = createSignIn(config, { enter, leave });
  signIn = session;
  whenUnauthorized(() => session.endSession((messages) => messages.sessionEnded));
  await session.completeReturn();
  if (!currentToken()) return session.endSession();
  await enter().catch((error: unknown) => {
    if (!(error instanceof ApiError && error.status === 401)) session.endSession(() => errorMessage(error));
  });
}

void start();
