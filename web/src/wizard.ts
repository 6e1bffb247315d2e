/**
 * After a registration: everything stored (labels, never codes) with the client number in groups of
 * four, the receipt ("Save as", "Print in", "Print the Registration Receipt"), "Register Another
 * Client" (one, or a group in room mode), "Begin Session with Client", Edit, and History for agency
 * administrators.
 */
import { answered, apiClient, type Schemas } from './api';
import { isAgencyAdmin, openHistory } from './client-history';
import { profileList } from './client-profile';
import { errorMessage, h, lang, t, translated, whileBusy } from './dom';
import { openEditClient } from './edit-client';
import type { TextKey } from './i18n';
import { screen, show } from './layout';
import { currentSiteAndDate, registerScreen, resetRegisterForm } from './register-form';
import { openRoomForm } from './room-mode';

let registered: Schemas['AnonymousClient'] | undefined;

/** The client the wizard shows (Begin Session reads it). */
export const registeredClient = () => registered;

const wizardSummary = h('div', { id: 'wizard-summary' });
const receiptStatus = h('p', { id: 'receipt-status', role: 'status' });
export const wizardError = h('p', { class: 'form-error', role: 'alert' });
// Edit and History say their outcome here, kept in the current language.
const profileStatus = h('p', { id: 'profile-status', role: 'status' });
const setProfileStatus = translated(profileStatus);
const profileError = h('p', { class: 'form-error', role: 'alert', id: 'profile-error' });
const setProfileError = translated(profileError);
const editButton = t('button', 'editProfile', { type: 'button', id: 'edit-profile' });
const historyButton = t('button', 'showHistory', { type: 'button', id: 'show-history' });
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
export const wizardScreen = screen(
  'wizard',
  'wizardTitle',
  wizardSummary,
  h('div', { class: 'buttons' }, editButton, historyButton),
  profileStatus,
  profileError,
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
    t('button', 'saveReceipt', { type: 'button', id: 'save-receipt', class: 'secondary' }),
    t('button', 'registerAnother', { type: 'button', id: 'register-another' }),
    t('button', 'registerRoom', { type: 'button', id: 'register-room' }),
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

export function openWizard(client: Schemas['AnonymousClient']) {
  registered = client;
  receiptStatus.replaceChildren();
  wizardError.textContent = '';
  setProfileStatus(undefined);
  setProfileError(undefined);
  wizardScreen.querySelector<HTMLInputElement>(`#language-${lang()}`)!.checked = true;
  showSummary(client);
  show(wizardScreen);
}

function showSummary(client: Schemas['AnonymousClient']) {
  // `#client-id`'s text is the plain id (the groups of four are boxes): what copying it gives.
  wizardSummary.replaceChildren(profileList(client, 'client-id'));
  // The role can change between sign-ins; the API refuses staff anyway.
  historyButton.hidden = !isAgencyAdmin();
}

editButton.addEventListener('click', () => {
  if (!registered) return;
  setProfileStatus(undefined);
  openEditClient(registered.clientId, editButton, wizardScreen, setProfileError, (saved) => {
    if (saved) {
      registered = saved;
      showSummary(saved);
      setProfileStatus((messages) => messages.changesSaved);
    }
    show(wizardScreen);
  });
});

historyButton.addEventListener('click', () => {
  if (!registered) return;
  setProfileStatus(undefined);
  openHistory(registered.clientId, historyButton, wizardScreen, setProfileError, () => show(wizardScreen));
});

wizardScreen.querySelector('#register-room')!.addEventListener('click', () => {
  if (registered)
    openRoomForm({ siteId: registered.site.siteId, siteName: registered.site.name, date: registered.registrationDate }, () =>
      show(wizardScreen),
    );
});

/**
 * "Print the Registration Receipt" opens a PDF in the browser's own viewer (inline), from which staff
 * print; a CSV has no print view, so it is saved. "Save the receipt" downloads either (attachment).
 * Each press makes one receipt: the button is disabled while it is on its way.
 */
function makeReceipt(button: HTMLButtonElement, save: boolean) {
  if (!registered || button.disabled) return;
  const format = wizardScreen.querySelector<HTMLInputElement>('input[name="format"]:checked')!.value;
  const language = wizardScreen.querySelector<HTMLInputElement>('input[name="language"]:checked')!.value;
  wizardError.textContent = '';
  void whileBusy(button, 'printingReceipt', wizardScreen, async () => {
    try {
      const receipt = await answered(
        apiClient().POST('/v1/anonymous-clients/{clientId}/receipts', {
          params: { path: { clientId: registered!.clientId } },
          body: {
            format: format as Schemas['ReceiptRequest']['format'],
            language: language as Schemas['ReceiptRequest']['language'],
            disposition: format === 'pdf' && !save ? 'inline' : 'attachment',
          },
        }),
      );
      receiptStatus.replaceChildren(
        t('span', 'receiptReady'),
        ' ',
        t('a', 'openReceipt', { id: 'receipt-link', href: receipt.url, target: '_blank', rel: 'noopener' }),
      );
      // An attachment link downloads where it is opened, leaving this screen as it is.
      if (save) window.location.assign(receipt.url);
      else window.open(receipt.url, '_blank', 'noopener');
    } catch (error) {
      wizardError.textContent = errorMessage(error);
    }
  });
}

const printButton = wizardScreen.querySelector<HTMLButtonElement>('#print-receipt')!;
printButton.addEventListener('click', () => makeReceipt(printButton, false));
const saveButton = wizardScreen.querySelector<HTMLButtonElement>('#save-receipt')!;
saveButton.addEventListener('click', () => makeReceipt(saveButton, true));

wizardScreen.querySelector('#register-another')!.addEventListener('click', () => {
  // A new draft (and key) that keeps the site and date of the client just registered.
  resetRegisterForm(currentSiteAndDate());
  show(registerScreen);
});
