/**
 * Editing a profile (PATCH /v1/anonymous-clients/{clientId} with If-Match): gender, arrival year,
 * status, postal code, site and comments; the registration date is shown as permanent. The form is
 * loaded fresh (GET, with its ETag) when it opens; a 412 means someone else saved in between, so the
 * form is reloaded with their version and the worker re-applies the change.
 */
import { answered, apiClient, ApiError, type Schemas } from './api';
import type { Say } from './client-history';
import { clientNumberView } from './client-profile';
import { agencyToday, clearErrorsOnInput, clearFieldErrors, errorMessage, field, h, m, onLanguage, t, translated, whileBusy } from './dom';
import { errorSummary } from './error-summary';
import { type FieldProblem, loadRules, serverProblems } from './form-checks';
import { screen, show } from './layout';
import { codedOptions, referenceData } from './reference-data';
import { createSiteCombobox } from './site-combobox';
import { openSiteFinder } from './site-finder';

type Client = Schemas['AnonymousClient'];
type Edit = Schemas['AnonymousClientEdit'];

/** Field ids are `edit-<field>`, so an error's pointer (/postalCode) finds its field. */
const PREFIX = 'edit-';
const MAX_COMMENTS = 4000;

/** A client and the ETag of the version read (the If-Match of the next edit). */
export async function loadClient(clientId: string): Promise<{ client: Client; etag: string }> {
  const result = await apiClient().GET('/v1/anonymous-clients/{clientId}', { params: { path: { clientId } } });
  const client = await answered(Promise.resolve(result));
  return { client, etag: result.response.headers.get('etag') ?? `"${client.version}"` };
}

const genderSelect = h('select', { name: 'gender' });
const arrivalYearSelect = h('select', { name: 'arrivalYear' });
const statusSelect = h('select', { name: 'immigrationStatus' });
const postalInput = h('input', { name: 'postalCode', autocomplete: 'off', size: 8 });
// The site is chosen by name, as on the register form; the Find dialog stays for browsing.
const siteBox = createSiteCombobox(`${PREFIX}siteId`, 'siteId', { required: true });
const siteButton = t('button', 'find', { type: 'button', id: 'edit-find-site' });
onLanguage(() => siteButton.setAttribute('aria-label', m().findSiteLabel));
siteButton.addEventListener('click', () => openSiteFinder((site) => siteBox.choose(site, { byUser: true }), siteButton));
const commentsInput = h('textarea', { name: 'comments', rows: 5, maxlength: MAX_COMMENTS });
const counter = h('p', { id: `${PREFIX}comments-counter`, class: 'hint', 'aria-live': 'polite' });
const updateCounter = () => (counter.textContent = m().characters(commentsInput.value.length, MAX_COMMENTS));
commentsInput.addEventListener('input', updateCounter);
onLanguage(updateCounter);
const permanent = h('div', { class: 'permanent-value' });
const editError = h('p', { class: 'form-error', role: 'alert', id: 'edit-error' });
const editNotice = h('p', { class: 'form-notice', role: 'alert', id: 'edit-notice' });
const setNotice = translated(editNotice);
const editStatus = h('p', { role: 'status', id: 'edit-status' });
const setStatus = translated(editStatus);
const saveButton = t('button', 'saveChanges', { type: 'submit', id: 'save-changes' });
const cancelButton = t('button', 'cancel', { type: 'button', id: 'cancel-edit' });

const editForm = h(
  'form',
  { id: 'edit-form', novalidate: true },
  permanent,
  field(`${PREFIX}gender`, 'gender', genderSelect, { required: true }),
  field(`${PREFIX}arrivalYear`, 'arrivalYear', arrivalYearSelect),
  field(`${PREFIX}immigrationStatus`, 'immigrationStatus', statusSelect),
  field(`${PREFIX}postalCode`, 'postalCode', postalInput),
  h('div', { class: 'with-button site-row' }, siteBox.field, siteButton),
  field(`${PREFIX}comments`, 'comments', commentsInput, { hint: counter }),
  editNotice,
  editError,
  editStatus,
  h('div', { class: 'buttons' }, saveButton, cancelButton),
);
const editScreen = screen('edit-client', 'editTitle', editForm);
editScreen.classList.add('journey-screen');
clearErrorsOnInput(editForm);

/** The form's controls by the API's field names: browser checks and the server's errors land on them. */
const editControls = () => ({
  gender: genderSelect,
  arrivalYear: arrivalYearSelect,
  immigrationStatus: statusSelect,
  postalCode: postalInput,
  siteId: siteBox.input,
  comments: commentsInput,
});
const editSummary = errorSummary(editForm, 'edit-error-summary', editControls);

/**
 * The API's registration rules on the profile as it would be after the edit (the fields edited follow
 * the same rules); the registration date cannot be changed, so it is not the worker's problem.
 */
async function browserChecks(client: Client): Promise<FieldProblem[]> {
  const postalCode = postalInput.value.trim();
  const comments = commentsInput.value.trim() ? commentsInput.value : undefined;
  const whole = {
    gender: genderSelect.value,
    arrivalYear: arrivalYearSelect.value === 'UNKNOWN' ? 'UNKNOWN' : Number(arrivalYearSelect.value),
    immigrationStatus: statusSelect.value,
    registrationDate: client.registrationDate,
    siteId: siteBox.siteId(),
    ...(postalCode ? { postalCode } : {}),
    ...(comments ? { comments } : {}),
  };
  try {
    return (await loadRules()).checkRegistration(whole, agencyToday()).filter((problem) => problem.field !== 'registrationDate');
  } catch {
    return [];
  }
}

/** The version on the form, its ETag, and where to go afterwards. */
let editing: { client: Client; etag: string; done: (client?: Client) => void } | undefined;

function fill(client: Client) {
  const reference = referenceData();
  if (!reference) return;
  codedOptions(genderSelect, reference.genders, client.gender);
  codedOptions(statusSelect, reference.immigrationStatuses, client.immigrationStatus);
  arrivalYearSelect.replaceChildren(t('option', 'unknown', { value: 'UNKNOWN' }));
  for (let year = reference.arrivalYear.max; year >= reference.arrivalYear.min; year -= 1)
    arrivalYearSelect.append(h('option', { value: String(year) }, String(year)));
  arrivalYearSelect.value = String(client.arrivalYear);
  postalInput.value = client.postalCode ?? '';
  siteBox.choose({ siteId: client.site.siteId, name: client.site.name });
  commentsInput.value = client.comments ?? '';
  updateCounter();
  permanent.replaceChildren(
    h('p', {}, t('strong', 'clientNumber'), ' ', clientNumberView(client.clientId)),
    h(
      'p',
      { id: 'edit-registration-date' },
      t('strong', 'registrationDate'),
      ' ',
      h('span', {}, client.registrationDate),
      ' (',
      t('span', 'cannotBeChanged'),
      ')',
    ),
  );
  editSummary.clear();
  clearFieldErrors(editForm, editError);
}

/**
 * Opens the form for `clientId` from `button` (busy while the profile loads); a failure to load is
 * said through `say`. `done` gets the client as stored after a save, or undefined on Cancel.
 */
export function openEditClient(
  clientId: string,
  button: HTMLButtonElement,
  region: HTMLElement,
  say: Say,
  done: (client?: Client) => void,
) {
  if (button.disabled) return;
  say(undefined);
  void whileBusy(button, 'openingProfile', region, async () => {
    try {
      const loaded = await loadClient(clientId);
      editing = { ...loaded, done };
      fill(loaded.client);
      setNotice(undefined);
      setStatus(undefined);
      show(editScreen);
    } catch (error) {
      say(() => errorMessage(error));
    }
  });
}

cancelButton.addEventListener('click', () => editing?.done());

/** Only what the worker changed, so the history names the fields that really changed. */
function changes(client: Client): Edit {
  const body: Edit = {};
  if (genderSelect.value !== client.gender) body.gender = genderSelect.value as Edit['gender'];
  if (arrivalYearSelect.value !== String(client.arrivalYear))
    body.arrivalYear = arrivalYearSelect.value === 'UNKNOWN' ? 'UNKNOWN' : Number(arrivalYearSelect.value);
  if (statusSelect.value !== client.immigrationStatus) body.immigrationStatus = statusSelect.value as Edit['immigrationStatus'];
  const postal = postalInput.value.trim();
  if (postal.toUpperCase() !== (client.postalCode ?? '')) body.postalCode = postal || null;
  // Text typed but no site chosen is sent as no site, which the API refuses on the site's field.
  if (siteBox.siteId() !== client.site.siteId) body.siteId = siteBox.siteId();
  if (commentsInput.value.trim() !== (client.comments ?? '')) body.comments = commentsInput.value.trim() ? commentsInput.value : null;
  return body;
}

editForm.addEventListener('submit', (event) => {
  event.preventDefault();
  // A second click while saving does nothing (the button is disabled); one PATCH per save.
  if (!editing || saveButton.disabled) return;
  const current = editing;
  const body = changes(current.client);
  editSummary.clear();
  clearFieldErrors(editForm, editError);
  setNotice(undefined);
  if (Object.keys(body).length === 0) {
    setStatus((messages) => messages.nothingChanged);
    return;
  }
  setStatus(undefined);
  void whileBusy(saveButton, 'savingChanges', editForm, async () => {
    // Checked before sending, by the API's own rules: nothing is sent while a field is wrong.
    const problems = await browserChecks(current.client);
    if (editing !== current) return;
    if (problems.length > 0) {
      editSummary.show(problems);
      return;
    }
    try {
      const result = await apiClient().PATCH('/v1/anonymous-clients/{clientId}', {
        params: { path: { clientId: current.client.clientId }, header: { 'If-Match': current.etag } },
        body,
      });
      const saved = await answered(Promise.resolve(result));
      editing = undefined;
      current.done(saved);
    } catch (error) {
      if (editing !== current) return;
      if (error instanceof ApiError && error.status === 412) {
        // Someone else saved first: show their version, so nothing of theirs is overwritten unseen.
        try {
          const fresh = await loadClient(current.client.clientId);
          editing = { ...fresh, done: current.done };
          fill(fresh.client);
          setNotice((messages) => messages.editConflict);
        } catch (reloadError) {
          editError.textContent = errorMessage(reloadError);
        }
      } else if (error instanceof ApiError && error.errors.length > 0) {
        const { problems: refused, unplaced } = serverProblems(error.errors, {
          status: error.status,
          fields: Object.keys(editControls()),
          siteUnavailable: 'siteUnavailable',
        });
        editSummary.show(refused, unplaced);
      } else editError.textContent = errorMessage(error);
    }
  });
});
