/**
 * After a registration: the client's number, site and date, the receipt ("Save as", "Print in",
 * "Print the Registration Receipt"), "Register Another Client" and "Begin Session with Client".
 */
import { answered, apiClient, type Schemas } from './api';
import { errorMessage, h, lang, t, whileBusy } from './dom';
import type { TextKey } from './i18n';
import { screen, show } from './layout';
import { currentSiteAndDate, registerScreen, resetRegisterForm } from './register-form';

let registered: Schemas['AnonymousClient'] | undefined;

/** The client the wizard shows (Begin Session reads it). */
export const registeredClient = () => registered;

const wizardSummary = h('dl', { id: 'wizard-summary' });
const receiptStatus = h('p', { id: 'receipt-status', role: 'status' });
export const wizardError = h('p', { class: 'form-error', role: 'alert' });
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

export function openWizard(client: Schemas['AnonymousClient']) {
  registered = client;
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
  resetRegisterForm(currentSiteAndDate());
  show(registerScreen);
});
