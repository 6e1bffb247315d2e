/**
 * "Begin Session with Client": the session form, pre-filled from the profile by the API's session
 * draft. An anonymous client takes one session (a second gets 409: register a new anonymous client).
 */
import { answered, apiClient, ApiError, type Schemas } from './api';
import { agencyToday, clearErrorsOnInput, clearFieldErrors, errorMessage, field, h, m, t, whileBusy } from './dom';
import { errorSummary } from './error-summary';
import { type FieldProblem, loadRules, normalizeDate, serverProblems } from './form-checks';
import { screen, show } from './layout';
import { codedOptions, referenceData } from './reference-data';
import { registeredClient, wizardError, wizardScreen } from './wizard';

type NewSession = Schemas['NewSession'];

const sessionTypeSelect = h('select', { name: 'sessionType' });
// A text box that shows and takes YYYY-MM-DD, as the registration date (see register-form.ts).
const serviceDateInput = h('input', { type: 'text', inputmode: 'numeric', name: 'serviceDate', autocomplete: 'off', maxlength: 10 });
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
  field('serviceDate', 'serviceDate', serviceDateInput, {
    required: true,
    hint: t('p', 'dateHint', { class: 'hint', id: 'serviceDate-hint' }),
  }),
  field('deliveryMethod', 'deliveryMethod', deliverySelect, { required: true }),
  field('durationMinutes', 'durationMinutes', durationInput),
  field('notes', 'notes', notesInput),
  sessionError,
  sessionStatus,
  h('div', { class: 'buttons' }, saveSessionButton, t('button', 'backToWizard', { type: 'button', id: 'back-to-wizard' })),
);
const sessionScreen = screen('session', 'sessionTitle', sessionForm);
clearErrorsOnInput(sessionForm);

/** The form's controls by the API's field names; the site is the client's, shown read-only. */
const sessionControls = () => ({
  sessionType: sessionTypeSelect,
  serviceDate: serviceDateInput,
  siteId: sessionSite,
  deliveryMethod: deliverySelect,
  durationMinutes: durationInput,
  notes: notesInput,
});
const sessionSummary = errorSummary(sessionForm, 'session-error-summary', sessionControls);

/** What the API's own rules refuse in `body`; nothing when they cannot be loaded (the API still checks). */
async function browserChecks(body: NewSession): Promise<FieldProblem[]> {
  try {
    return (await loadRules()).checkSession(body, agencyToday());
  } catch {
    return [];
  }
}
sessionForm.querySelector('#back-to-wizard')!.addEventListener('click', () => show(wizardScreen));

const beginButton = wizardScreen.querySelector<HTMLButtonElement>('#begin-session')!;
beginButton.addEventListener('click', () => {
  const registered = registeredClient();
  const reference = referenceData();
  if (!registered || !reference || beginButton.disabled) return;
  wizardError.textContent = '';
  void whileBusy(beginButton, 'openingSession', wizardScreen, async () => {
    try {
      sessionDraft = await answered(
        apiClient().GET('/v1/anonymous-clients/{clientId}/session-draft', { params: { path: { clientId: registered.clientId } } }),
      );
      codedOptions(sessionTypeSelect, reference.sessionTypes);
      codedOptions(deliverySelect, reference.deliveryMethods, sessionDraft.deliveryMethod);
      serviceDateInput.value = sessionDraft.serviceDate;
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
  serviceDateInput.value = normalizeDate(serviceDateInput.value);
  const body: NewSession = {
    sessionType: sessionTypeSelect.value as NewSession['sessionType'],
    serviceDate: serviceDateInput.value,
    siteId: forDraft.site.siteId,
    deliveryMethod: deliverySelect.value as NewSession['deliveryMethod'],
  };
  // A number box holds '' for text it cannot read: NaN then fails the rules instead of being dropped.
  if (durationInput.validity.badInput) body.durationMinutes = Number.NaN;
  else if (durationInput.value) body.durationMinutes = Number(durationInput.value);
  if (notesInput.value.trim()) body.notes = notesInput.value;
  sessionStatus.textContent = '';
  void whileBusy(saveSessionButton, 'savingSession', sessionForm, async () => {
    const problems = await browserChecks(body);
    if (problems.length > 0) {
      clearFieldErrors(sessionForm, sessionError);
      sessionSummary.show(problems);
      return;
    }
    try {
      await answered(
        apiClient().POST('/v1/anonymous-clients/{clientId}/sessions', { params: { path: { clientId: forDraft.clientId } }, body }),
      );
      clearFieldErrors(sessionForm, sessionError);
      sessionStatus.textContent = m().sessionSaved;
    } catch (error) {
      clearFieldErrors(sessionForm, sessionError);
      if (error instanceof ApiError && error.errors.length > 0) {
        const fields = Object.keys(sessionControls());
        const { problems: refused, unplaced } = serverProblems(error.errors, {
          status: error.status,
          fields,
          siteUnavailable: 'sessionSiteUnavailable',
        });
        sessionSummary.show(refused, unplaced);
      } else sessionError.textContent = errorMessage(error);
    }
  });
});
