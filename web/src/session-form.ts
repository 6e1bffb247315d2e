/**
 * "Begin Session with Client": the session form, pre-filled from the profile by the API's session
 * draft. An anonymous client takes one session (a second gets 409: register a new anonymous client).
 */
import { answered, apiClient, ApiError, type Schemas } from './api';
import { clearErrorsOnInput, clearFieldErrors, errorMessage, field, h, m, showFieldErrors, t, whileBusy } from './dom';
import { screen, show } from './layout';
import { codedOptions, referenceData } from './reference-data';
import { registeredClient, wizardError, wizardScreen } from './wizard';

type NewSession = Schemas['NewSession'];

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
