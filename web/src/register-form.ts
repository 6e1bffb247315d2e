/**
 * "Register New Client/Activity": the registration form, its draft's Idempotency-Key, and sending it
 * exactly once. What happens after a registration is the caller's (main.ts wires the wizard).
 */
import { answered, apiClient, ApiError, type Schemas } from './api';
import {
  agencyToday,
  bilingual,
  clearErrorsOnInput,
  clearFieldErrors,
  errorMessage,
  field,
  h,
  m,
  onLanguage,
  t,
  translated,
  whileBusy,
} from './dom';
import { errorSummary } from './error-summary';
import { newDraftKey, sendWithRetries } from './exactly-once';
import { type FieldProblem, loadRules, normalizeDate, serverProblems } from './form-checks';
import { screen, show } from './layout';
import { codedOptions, referenceData } from './reference-data';
import { createSiteCombobox } from './site-combobox';
import { openSiteFinder } from './site-finder';

type Registration = Schemas['AnonymousClientRegistration'];

const MAX_COMMENTS = 4000;

const hooks: {
  onRegistered: (client: Schemas['AnonymousClient']) => void;
  onUnsent: (body: Registration, key: string, siteName: string) => Promise<boolean>;
  onReset: () => void;
} = { onRegistered: () => {}, onUnsent: () => Promise.resolve(false), onReset: () => {} };

/** Where a registration goes when the network failed (outbox-panel.ts keeps it): true if it is kept. */
export function onUnsent(next: typeof hooks.onUnsent) {
  hooks.onUnsent = next;
}

/** After every reset of the form (draft-form.ts forgets the draft kept on the device). */
export function onFormReset(next: () => void) {
  hooks.onReset = next;
}

/** The form's draft key and whether it is stored (or in the outbox); `resumeDraft` takes a restored draft's key and site. */
export const draftState = (): { readonly key: string; readonly stored: boolean } => draft;
export function resumeDraft(key: string, site?: { siteId: string; name: string }) {
  draft = { key, stored: false };
  if (site?.siteId) siteBox.choose(site);
}

/** What to do with a stored client (main.ts opens the wizard). */
export function onRegistered(next: (client: Schemas['AnonymousClient']) => void) {
  hooks.onRegistered = next;
}

/** The agency's name as the form shows it (read-only; the API takes the agency from the token). */
export function showAgency(name: string) {
  agencyInput.value = name;
}

/** The site and date of the form, kept by "Register Another Client". */
export function currentSiteAndDate() {
  return { siteId: siteIdInput.value, siteName: siteBox.siteName(), date: dateInput.value };
}

const agencyInput = h('input', { readonly: true, name: 'agency' });
const clientNameInput = h('input', { readonly: true, name: 'clientName' });
onLanguage(() => (clientNameInput.value = m().anonymousClient));
const genderSelect = h('select', { name: 'gender' });
const arrivalYearSelect = h('select', { name: 'arrivalYear' });
const statusSelect = h('select', { name: 'immigrationStatus' });
const postalInput = h('input', { name: 'postalCode', autocomplete: 'off', size: 8 });
// A text box, not type=date: a date box shows the browser's locale (mm/dd/yyyy) whatever the app
// writes; this one shows and takes YYYY-MM-DD (docs/web-front-end.md, "Checks in the browser").
const dateInput = h('input', { type: 'text', inputmode: 'numeric', name: 'registrationDate', autocomplete: 'off', maxlength: 10 });
const dateHint = t('p', 'dateHint', { class: 'hint', id: 'registrationDate-hint' });
// The site is chosen by name from a list (no one types an id); the form sends the chosen site's id.
const siteBox = createSiteCombobox('siteId', 'siteId', { required: true });
const siteIdInput = siteBox.value;
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
findButton.addEventListener('click', () => openSiteFinder((site) => siteBox.choose(site, { byUser: true }), findButton));

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
  field('registrationDate', 'registrationDate', dateInput, { required: true, hint: dateHint }),
  h('div', { class: 'with-button' }, siteBox.field, findButton),
  field('comments', 'comments', commentsInput, { hint: counter }),
  registerError,
  registerNotice,
  h('div', { class: 'buttons' }, registerButton, clearButton),
);
export const registerScreen = screen('register', 'registerTitle', registerForm);
clearErrorsOnInput(registerForm);

/** The form's controls by the API's field names: browser checks and the server's errors land on them. */
const registrationControls = () => ({
  gender: genderSelect,
  arrivalYear: arrivalYearSelect,
  immigrationStatus: statusSelect,
  postalCode: postalInput,
  registrationDate: dateInput,
  siteId: siteBox.input,
  comments: commentsInput,
});
const registerSummary = errorSummary(registerForm, 'register-error-summary', registrationControls);

/** What the API's own rules refuse in `body`; nothing when they cannot be loaded (the API still checks). */
async function browserChecks(body: Registration): Promise<FieldProblem[]> {
  try {
    return (await loadRules()).checkRegistration(body, agencyToday());
  } catch {
    return [];
  }
}

export function resetRegisterForm(keep: { siteId: string; siteName: string; date: string } | undefined) {
  const reference = referenceData();
  if (!reference) return;
  draft = { key: newDraftKey(), stored: false };
  setRegisterNotice(undefined);
  genderSelect.replaceChildren(t('option', 'chooseOne', { value: '' }));
  for (const item of reference.genders) genderSelect.append(bilingual('option', item.label, { value: item.code }));
  codedOptions(statusSelect, reference.immigrationStatuses, 'UNKNOWN');
  arrivalYearSelect.replaceChildren(t('option', 'unknown', { value: 'UNKNOWN', selected: true }));
  for (let year = reference.arrivalYear.max; year >= reference.arrivalYear.min; year -= 1)
    arrivalYearSelect.append(h('option', { value: String(year) }, String(year)));
  postalInput.value = '';
  commentsInput.value = '';
  dateInput.value = keep?.date ?? agencyToday();
  // The API's rules, fetched once the worker is signed in, so the first Register does not wait for them.
  void loadRules().catch(() => undefined);
  siteBox.choose(keep?.siteId ? { siteId: keep.siteId, name: keep.siteName } : undefined);
  updateCounter();
  clearFieldErrors(registerForm, registerError);
  hooks.onReset();
}

function somethingTyped(): boolean {
  return (
    genderSelect.value !== '' ||
    arrivalYearSelect.value !== 'UNKNOWN' ||
    statusSelect.value !== 'UNKNOWN' ||
    postalInput.value !== '' ||
    siteBox.input.value !== '' ||
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
export function openFreshForm() {
  const unsent = !draft.stored && (registerButton.disabled || somethingTyped());
  if (!unsent || (!registerButton.disabled && window.confirm(m().confirmNewForm))) resetRegisterForm(undefined);
  show(registerScreen);
}

registerForm.addEventListener('submit', (event) => {
  event.preventDefault();
  // A second click (or Enter) while the draft is on its way does nothing: the button is disabled.
  if (registerButton.disabled || draft.stored) return;
  const sending = draft;
  dateInput.value = normalizeDate(dateInput.value);
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
    // Checked before sending, by the API's own rules: nothing is sent while a field is wrong.
    const problems = await browserChecks(body);
    if (draft !== sending) return;
    if (problems.length > 0) {
      clearFieldErrors(registerForm, registerError);
      registerSummary.show(problems);
      return;
    }
    try {
      // The retries (same request, same key) happen below openapi-fetch, which reads the last answer.
      const registered = await answered(
        apiClient().POST('/v1/anonymous-clients', {
          body,
          headers: { 'idempotency-key': sending.key },
          fetch: (request) => sendWithRetries(() => fetch(request.clone())),
        }),
      );
      sending.stored = true;
      clearFieldErrors(registerForm, registerError);
      hooks.onRegistered(registered);
    } catch (error) {
      // The form was reset meanwhile: this draft's failure belongs to no form on screen.
      if (draft !== sending) return;
      clearFieldErrors(registerForm, registerError);
      // No answer: the outbox keeps it with its key and sends it when the network is back.
      if (!(error instanceof ApiError) && (await hooks.onUnsent(body, sending.key, siteBox.siteName()))) {
        sending.stored = true;
        return;
      }
      if (!(error instanceof ApiError)) setRegisterNotice((messages) => messages.registerUncertain);
      else if (error.errors.length > 0) {
        const fields = Object.keys(registrationControls());
        const { problems: refused, unplaced } = serverProblems(error.errors, {
          status: error.status,
          fields,
          siteUnavailable: 'siteUnavailable',
        });
        registerSummary.show(refused, unplaced);
      }
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
