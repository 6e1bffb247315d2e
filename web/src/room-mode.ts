/**
 * Room mode ("Register Another Client" for a room of people): one card per person (gender, arrival
 * year, status, postal code, comments) sharing the site and registration date, sent as one
 * POST /v1/anonymous-clients/batch, all or nothing. The form's Idempotency-Key is minted when it is
 * opened, so a double click or a retry never registers the group twice; the server's errors point at a
 * person (/clients/2/postalCode is person 3's postal code) and are shown there and in a summary.
 */
import { answered, apiClient, ApiError, type Schemas } from './api';
import { clientNumberView } from './client-profile';
import { agencyToday, bilingual, errorMessage, field, h, lang, m, onLanguage, t, translated, whileBusy } from './dom';
import { newDraftKey, sendWithRetries } from './exactly-once';
import { loadRules, normalizeDate, problemText, type ProblemKind } from './form-checks';
import type { Messages, TextKey } from './i18n';
import { screen, show } from './layout';
import { codedOptions, referenceData } from './reference-data';
import { currentSiteAndDate, registerScreen, resetRegisterForm } from './register-form';
import { createSiteCombobox } from './site-combobox';
import { openSiteFinder } from './site-finder';

type Registration = Schemas['AnonymousClientRegistration'];
type Client = Schemas['AnonymousClient'];
interface PersonValues {
  gender: string;
  arrivalYear: string;
  immigrationStatus: string;
  postalCode: string;
  comments: string;
}
type PersonField = keyof PersonValues;

/** The API's limit for one batch. */
const MAX_PEOPLE = 25;
const START_PEOPLE = 3;
const PERSON_FIELDS: [PersonField, TextKey][] = [
  ['gender', 'gender'],
  ['arrivalYear', 'arrivalYear'],
  ['immigrationStatus', 'immigrationStatus'],
  ['postalCode', 'postalCode'],
  ['comments', 'comments'],
];
const SHARED_FIELDS: Record<string, TextKey> = { siteId: 'siteId', registrationDate: 'registrationDate' };
const EMPTY: PersonValues = { gender: '', arrivalYear: 'UNKNOWN', immigrationStatus: 'UNKNOWN', postalCode: '', comments: '' };

// ---------------------------------------------------------------- the form
// YYYY-MM-DD as the register form takes it: a date box would show the browser's mm/dd/yyyy.
const dateInput = h('input', { type: 'text', inputmode: 'numeric', name: 'registrationDate', autocomplete: 'off', maxlength: 10 });
const dateHint = t('p', 'dateHint', { class: 'hint', id: 'room-registrationDate-hint' });
// The group's site is chosen by name, as on the register form; the Find dialog stays for browsing.
const siteBox = createSiteCombobox('room-siteId', 'siteId', { required: true });
const siteButton = t('button', 'find', { type: 'button', id: 'room-find-site' });
onLanguage(() => siteButton.setAttribute('aria-label', m().findSiteLabel));
siteButton.addEventListener('click', () => openSiteFinder((site) => siteBox.choose(site, { byUser: true }), siteButton));

const rows = h('ol', { class: 'room-rows', id: 'room-rows' });
const addButton = t('button', 'addPerson', { type: 'button', id: 'room-add' });
const fullNote = h('p', { class: 'hint', id: 'room-full', role: 'status' });
const setFullNote = translated(fullNote);
const summary = h('div', {
  class: 'ontario-alert ontario-alert--error error-summary',
  id: 'room-error-summary',
  tabindex: '-1',
  hidden: true,
  'aria-labelledby': 'room-summary-title',
});
const roomError = h('p', { class: 'form-error', role: 'alert', id: 'room-error' });
const roomNotice = h('p', { class: 'form-notice', role: 'alert', id: 'room-notice' });
const setRoomNotice = translated(roomNotice);
const registerButton = t('button', 'roomRegister', { type: 'submit', id: 'room-register' });
const cancelButton = t('button', 'cancel', { type: 'button', id: 'room-cancel' });

const roomForm = h(
  'form',
  { id: 'room-form', novalidate: true },
  h(
    'fieldset',
    { class: 'room-shared' },
    t('legend', 'roomShared'),
    field('room-registrationDate', 'registrationDate', dateInput, { required: true, hint: dateHint }),
    h('div', { class: 'with-button site-row' }, siteBox.field, siteButton),
  ),
  rows,
  h('div', { class: 'buttons' }, addButton),
  fullNote,
  roomError,
  roomNotice,
  h('div', { class: 'buttons' }, registerButton, cancelButton),
);
const roomScreen = screen('room', 'roomTitle', t('p', 'roomIntro'), summary, roomForm);
roomScreen.classList.add('journey-screen');

/** The draft: its key (one per opened form, never per click) and whether the API has stored it. */
let draft = { key: newDraftKey(), stored: false };
let back: () => void = () => {};

const controlId = (index: number, name: string) => `room-${index}-${name}`;

function personCard(index: number, values: PersonValues): HTMLElement {
  const reference = referenceData();
  const gender = h('select', { name: 'gender' }, t('option', 'chooseOne', { value: '' }));
  for (const item of reference?.genders ?? []) gender.append(bilingual('option', item.label, { value: item.code }));
  const arrivalYear = h('select', { name: 'arrivalYear' }, t('option', 'unknown', { value: 'UNKNOWN' }));
  if (reference)
    for (let year = reference.arrivalYear.max; year >= reference.arrivalYear.min; year -= 1)
      arrivalYear.append(h('option', { value: String(year) }, String(year)));
  const status = h('select', { name: 'immigrationStatus' });
  codedOptions(status, reference?.immigrationStatuses ?? [], 'UNKNOWN');
  const postalCode = h('input', { name: 'postalCode', autocomplete: 'off', size: 8 });
  const comments = h('textarea', { name: 'comments', rows: 2, maxlength: 4000 });
  const controls: Record<PersonField, HTMLSelectElement | HTMLInputElement | HTMLTextAreaElement> = {
    gender,
    arrivalYear,
    immigrationStatus: status,
    postalCode,
    comments,
  };
  for (const [name] of PERSON_FIELDS) controls[name].value = values[name];
  const remove = t('button', 'removePerson', { type: 'button', class: 'room-remove' });
  remove.addEventListener('click', () => removePerson(index));
  const fields = PERSON_FIELDS.map(([name, label]) => {
    const wrapper = field(controlId(index, name), label, controls[name], { required: name === 'gender' });
    if (name === 'comments') wrapper.classList.add('wide');
    return wrapper;
  });
  return h(
    'li',
    { id: `room-row-${index + 1}` },
    h('fieldset', { class: 'room-row' }, h('legend', { class: 'room-person' }), h('div', { class: 'room-fields' }, ...fields), remove),
  );
}

function people(): PersonValues[] {
  return [...rows.children].map((_, index) => {
    const value = (name: PersonField) => roomForm.querySelector<HTMLInputElement>(`#${controlId(index, name)}`)!.value;
    return {
      gender: value('gender'),
      arrivalYear: value('arrivalYear'),
      immigrationStatus: value('immigrationStatus'),
      postalCode: value('postalCode'),
      comments: value('comments'),
    };
  });
}

/** The cards' names ("Person 3", "Remove person 3") in the current language. */
function relabel() {
  [...rows.children].forEach((row, index) => {
    row.querySelector('legend')!.textContent = m().person(index + 1);
    row.querySelector('.room-remove')!.setAttribute('aria-label', m().removePersonLabel(index + 1));
  });
}
onLanguage(relabel);

/** Rebuilds the cards from their values (ids follow the order, as the server's pointers do). */
function render(values: PersonValues[]) {
  rows.replaceChildren(...values.map((person, index) => personCard(index, person)));
  for (const remove of rows.querySelectorAll<HTMLElement>('.room-remove')) remove.hidden = values.length === 1;
  addButton.disabled = values.length >= MAX_PEOPLE;
  setFullNote(values.length >= MAX_PEOPLE ? (messages) => messages.roomFull(MAX_PEOPLE) : undefined);
  relabel();
}

addButton.addEventListener('click', () => {
  const values = people();
  if (values.length >= MAX_PEOPLE) return;
  showErrors([]);
  render([...values, EMPTY]);
  roomForm.querySelector<HTMLElement>(`#${controlId(values.length, 'gender')}`)!.focus();
});

function removePerson(index: number) {
  const values = people().filter((_, i) => i !== index);
  // The server's errors are numbered by the old order: they no longer fit, and go.
  showErrors([]);
  render(values);
  const next = Math.min(index, values.length - 1);
  roomForm.querySelector<HTMLElement>(`#${controlId(next, 'gender')}`)!.focus();
}

/** A new group: fresh cards and a new key; the site and date of the client just registered stay. */
export function openRoomForm(keep: { siteId: string; siteName: string; date: string }, onBack: () => void) {
  back = onBack;
  draft = { key: newDraftKey(), stored: false };
  dateInput.value = keep.date;
  siteBox.choose(keep.siteId ? { siteId: keep.siteId, name: keep.siteName } : undefined);
  setRoomNotice(undefined);
  render(Array.from({ length: START_PEOPLE }, () => EMPTY));
  showErrors([]);
  show(roomScreen);
}

cancelButton.addEventListener('click', () => back());

// ---------------------------------------------------------------- errors
/** A problem on the form: where (a JSON Pointer into the batch body) and what, in the current language. */
interface RoomProblem {
  pointer: string;
  text: (messages: Messages) => string;
}
let shownErrors: RoomProblem[] = [];

/** Where a pointer goes: a person's field, a shared field, or nowhere (then the summary alone says it). */
function target(pointer: string): { id: string; label: (messages: Messages) => string } | undefined {
  const match = /^\/clients\/(\d+)\/(\w+)/.exec(pointer);
  const index = match?.[1];
  const name = match?.[2];
  if (index === undefined || name === undefined) return undefined;
  const shared = SHARED_FIELDS[name];
  if (shared) return { id: `room-${name}`, label: (messages) => messages[shared] };
  const label = PERSON_FIELDS.find(([field]) => field === name)?.[1];
  if (!label || Number(index) >= rows.childElementCount) return undefined;
  return { id: controlId(Number(index), name), label: (messages) => messages.inPerson(Number(index) + 1, messages[label]) };
}

/** The problems beside their fields and in the summary; called again when the language changes. */
function paint(errors: RoomProblem[]) {
  shownErrors = errors;
  for (const slot of roomForm.querySelectorAll<HTMLElement>('.error')) slot.textContent = '';
  for (const control of roomForm.querySelectorAll<HTMLElement>('[aria-invalid]')) control.removeAttribute('aria-invalid');
  const seen = new Set<string>();
  const items: HTMLElement[] = [];
  for (const error of errors) {
    const place = target(error.pointer);
    const text = error.text(m());
    if (place) {
      const slot = roomForm.querySelector<HTMLElement>(`#err-${place.id}`);
      if (slot) slot.textContent = text;
      roomForm.querySelector(`#${place.id}`)?.setAttribute('aria-invalid', 'true');
    }
    // A shared field's problem comes once per person: the summary says it once.
    const key = place ? `${place.id} ${text}` : text;
    if (seen.has(key)) continue;
    seen.add(key);
    const link = (where: { id: string; label: (messages: Messages) => string }) =>
      h(
        'a',
        {
          href: `#${where.id}`,
          onclick: (event) => {
            event.preventDefault();
            document.getElementById(where.id)?.focus();
          },
        },
        m().fieldProblem(where.label(m()), text),
      );
    items.push(h('li', {}, place ? link(place) : h('span', {}, text)));
  }
  summary.hidden = items.length === 0;
  summary.replaceChildren(...(items.length ? [h('h2', { id: 'room-summary-title' }, m().summaryTitle), h('ul', {}, ...items)] : []));
}
onLanguage(() => paint(shownErrors));

/** Shows the problems; the summary takes focus (as the Ontario Design System's error summary does). */
function showErrors(errors: RoomProblem[]) {
  roomError.textContent = '';
  paint(errors);
  if (errors.length > 0) summary.focus();
}

// A field changed by the worker loses its problem, beside it and in the summary.
roomForm.addEventListener('input', (event) => {
  const id = (event.target as HTMLElement).id;
  if (!id || (event.target as HTMLElement).getAttribute('aria-invalid') !== 'true') return;
  paint(shownErrors.filter((error) => target(error.pointer)?.id !== id));
});

/** The browser's check, by the API's own rules, of each person's body; nothing when they cannot be loaded. */
async function browserProblems(clients: Registration[]): Promise<RoomProblem[]> {
  let rules;
  try {
    rules = await loadRules();
  } catch {
    return [];
  }
  const today = agencyToday();
  return clients.flatMap((body, index) =>
    rules.checkRegistration(body, today).map((problem) => ({
      pointer: `/clients/${index}/${problem.field}`,
      text: (messages: Messages) => problemText(problem, messages),
    })),
  );
}

/** The server's errors in the page's words (re-rendered with the language), on their fields. */
function serverProblemsOf(error: ApiError): RoomProblem[] {
  return error.errors.map(({ pointer, detail }) => {
    const field = /^\/clients\/\d+\/(\w+)/.exec(pointer)?.[1] ?? '';
    const kind: ProblemKind =
      field === 'postalCode' ? 'postalCode' : field === 'siteId' && error.status === 422 ? 'siteUnavailable' : 'refused';
    if (!target(pointer)) return { pointer, text: () => detail };
    return { pointer, text: (messages: Messages) => problemText({ field, kind }, messages) };
  });
}

// ---------------------------------------------------------------- sending
roomForm.addEventListener('submit', (event) => {
  event.preventDefault();
  // A second click (or Enter) while the group is on its way does nothing: the button is disabled.
  if (registerButton.disabled || draft.stored) return;
  const sending = draft;
  dateInput.value = normalizeDate(dateInput.value);
  const shared = { registrationDate: dateInput.value, siteId: siteBox.siteId() };
  const clients = people().map((person) => {
    const body: Registration = {
      gender: person.gender as Registration['gender'],
      arrivalYear: person.arrivalYear === 'UNKNOWN' ? 'UNKNOWN' : Number(person.arrivalYear),
      immigrationStatus: person.immigrationStatus as Registration['immigrationStatus'],
      ...shared,
    };
    if (person.postalCode.trim()) body.postalCode = person.postalCode.trim();
    if (person.comments.trim()) body.comments = person.comments;
    return body;
  });
  setRoomNotice(undefined);
  void whileBusy(registerButton, 'roomRegistering', roomForm, async () => {
    // Checked before sending, by the API's own rules: nothing is sent while a field is wrong.
    const problems = await browserProblems(clients);
    if (draft !== sending) return;
    if (problems.length > 0) {
      showErrors(problems);
      return;
    }
    try {
      const stored = await answered(
        apiClient().POST('/v1/anonymous-clients/batch', {
          body: { clients },
          headers: { 'idempotency-key': sending.key },
          fetch: (request) => sendWithRetries(() => fetch(request.clone())),
        }),
      );
      sending.stored = true;
      showErrors([]);
      showDone(stored.items);
    } catch (error) {
      if (draft !== sending) return;
      if (!(error instanceof ApiError)) {
        showErrors([]);
        setRoomNotice((messages) => messages.roomUncertain);
      } else if (error.errors.length > 0) showErrors(serverProblemsOf(error));
      else if (error.status === 422 && !error.detail.includes('site')) {
        showErrors([]);
        setRoomNotice((messages) => messages.roomKeyReused);
      } else {
        showErrors([]);
        roomError.textContent = errorMessage(error);
        if (error.status >= 500) setRoomNotice((messages) => messages.roomUncertain);
      }
    }
  });
});

// ---------------------------------------------------------------- the group, registered
const doneStatus = h('p', { id: 'room-done-status', role: 'status' });
const setDoneStatus = translated(doneStatus);
const doneList = h('ol', { class: 'room-done-list', id: 'room-done-list' });
const doneError = h('p', { class: 'form-error', role: 'alert', id: 'room-done-error' });
const againButton = t('button', 'registerAnotherRoom', { type: 'button', id: 'room-again' });
const oneButton = t('button', 'registerAnother', { type: 'button', id: 'room-register-one' });
const doneScreen = screen(
  'room-done',
  'roomDoneTitle',
  doneStatus,
  doneList,
  doneError,
  h('div', { class: 'buttons' }, againButton, oneButton),
);
doneScreen.classList.add('journey-screen');
let lastGroup: Client[] = [];

function doneItem(client: Client, index: number): HTMLElement {
  const gender = referenceData()?.genders.find((item) => item.code === client.gender);
  const link = h('p', { class: 'room-receipt-link' });
  const button = t('button', 'printReceiptShort', { type: 'button', class: 'room-receipt', 'data-person': String(index + 1) });
  button.addEventListener('click', () => {
    if (button.disabled) return;
    doneError.textContent = '';
    void whileBusy(button, 'printingReceipt', doneScreen, async () => {
      try {
        const receipt = await answered(
          apiClient().POST('/v1/anonymous-clients/{clientId}/receipts', {
            params: { path: { clientId: client.clientId } },
            body: { format: 'pdf', language: lang(), disposition: 'inline' },
          }),
        );
        link.replaceChildren(t('a', 'openReceipt', { href: receipt.url, target: '_blank', rel: 'noopener', class: 'receipt-link' }));
        window.open(receipt.url, '_blank', 'noopener');
      } catch (error) {
        doneError.textContent = errorMessage(error);
      }
    });
  });
  return h(
    'li',
    { 'data-client-id': client.clientId },
    h('strong', { class: 'room-person' }, m().person(index + 1)),
    h('p', {}, t('span', 'clientNumber'), t('span', 'colon'), clientNumberView(client.clientId)),
    gender ? h('p', {}, t('span', 'gender'), t('span', 'colon'), bilingual('span', gender.label)) : undefined,
    h('div', { class: 'buttons' }, button),
    link,
  );
}
/** The list's names ("Person 2", "Print the receipt of person 2") in the current language. */
function relabelDone() {
  doneList.querySelectorAll<HTMLElement>('.room-person').forEach((name, i) => (name.textContent = m().person(i + 1)));
  for (const button of doneList.querySelectorAll<HTMLElement>('.room-receipt'))
    button.setAttribute('aria-label', m().printReceiptOf(Number(button.dataset.person)));
}
onLanguage(relabelDone);

function showDone(clients: Client[]) {
  lastGroup = clients;
  doneError.textContent = '';
  doneList.replaceChildren(...clients.map(doneItem));
  setDoneStatus((messages) => messages.roomDone(clients.length));
  relabelDone();
  show(doneScreen);
}

againButton.addEventListener('click', () => {
  const first = lastGroup[0];
  openRoomForm(
    first
      ? { siteId: first.site.siteId, siteName: first.site.name, date: first.registrationDate }
      : { siteId: '', siteName: '', date: agencyToday() },
    back,
  );
});
oneButton.addEventListener('click', () => {
  const first = lastGroup[0];
  resetRegisterForm(first ? { siteId: first.site.siteId, siteName: first.site.name, date: first.registrationDate } : currentSiteAndDate());
  show(registerScreen);
});
