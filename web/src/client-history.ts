/**
 * A profile's history for agency administrators (GET /v1/anonymous-clients/{clientId}/history): when,
 * who, what, and which fields, never their values. Staff do not get the button; the API refuses them
 * anyway (403), which is said plainly if it happens (a role changed since sign-in).
 */
import { answered, apiClient, ApiError, tokenClaims, type Schemas } from './api';
import { clientNumberView, dateTimeText } from './client-profile';
import { errorMessage, h, t, translated, whileBusy } from './dom';
import { FIELD_LABELS } from './form-checks';
import type { Messages, TextKey } from './i18n';
import { screen, show } from './layout';

type Entry = Schemas['AuditEntry'];

/**
 * Whether the signed-in user is an agency administrator, from the token's `cognito:groups` claim (a
 * list, or the flattened "[staff agency-admin]" string API Gateway makes of it). For showing the
 * button only: the API decides.
 */
export function isAgencyAdmin(): boolean {
  const groups = tokenClaims()['cognito:groups'];
  const list = Array.isArray(groups) ? groups : typeof groups === 'string' ? groups.replace(/[[\]"]/g, ' ').split(/[\s,]+/) : [];
  return list.includes('agency-admin');
}

/** The words for the fields the API names: the forms' labels, and the fields only an audit entry names. */
const HISTORY_FIELD_LABELS: Record<string, TextKey> = {
  ...FIELD_LABELS,
  site: 'siteId',
  agency: 'agency',
  clientName: 'clientName',
  format: 'saveAs',
  language: 'printIn',
};
const ACTIONS: Record<Entry['action'], TextKey> = {
  REGISTERED: 'actionREGISTERED',
  EDITED: 'actionEDITED',
  RECEIPT_CREATED: 'actionRECEIPT_CREATED',
  SESSION_BEGUN: 'actionSESSION_BEGUN',
};

const number = h('p', { id: 'history-client' });
const list = h('ol', { id: 'history-list', class: 'history-list' });
const status = h('p', { id: 'history-status', role: 'status' });
const setStatus = translated(status);
const historyError = h('p', { class: 'form-error', role: 'alert', id: 'history-error' });
const backButton = t('button', 'back', { type: 'button', id: 'history-back' });
const historyScreen = screen(
  'client-history',
  'historyTitle',
  number,
  t('p', 'historyNote', { class: 'hint' }),
  status,
  list,
  historyError,
  h('div', { class: 'buttons' }, backButton),
);
historyScreen.classList.add('journey-screen');
let goBack: () => void = () => {};
backButton.addEventListener('click', () => goBack());

function entryItem(entry: Entry): HTMLElement {
  const fields = entry.fields.flatMap((name, i) => [
    i > 0 ? ', ' : '',
    HISTORY_FIELD_LABELS[name] ? t('span', HISTORY_FIELD_LABELS[name]) : h('span', {}, name),
  ]);
  return h(
    'li',
    { 'data-action': entry.action },
    h(
      'dl',
      { class: 'profile-list' },
      t('dt', 'historyWhen'),
      h('dd', {}, dateTimeText(entry.at)),
      t('dt', 'historyWho'),
      h('dd', {}, entry.by),
      t('dt', 'historyAction'),
      t('dd', ACTIONS[entry.action]),
      t('dt', 'historyFields'),
      entry.fields.length > 0 ? h('dd', { class: 'history-fields' }, ...fields) : h('dd', {}, '–'),
    ),
  );
}

/** Sets a message that stays in the current language (a `translated()` setter). */
export type Say = (text: ((messages: Messages) => string) | undefined) => void;

/**
 * Opens the history of `clientId` from `button` (busy while it loads); a refusal or failure is said
 * through `say`, beside the button. Back returns through `back`.
 */
export function openHistory(clientId: string, button: HTMLButtonElement, region: HTMLElement, say: Say, back: () => void) {
  if (button.disabled) return;
  say(undefined);
  void whileBusy(button, 'openingHistory', region, async () => {
    try {
      const history = await answered(apiClient().GET('/v1/anonymous-clients/{clientId}/history', { params: { path: { clientId } } }));
      goBack = back;
      number.replaceChildren(t('span', 'clientNumber'), t('span', 'colon'), clientNumberView(clientId));
      list.replaceChildren(...history.items.map(entryItem));
      setStatus(history.items.length === 0 ? (messages: Messages) => messages.historyEmpty : undefined);
      historyError.textContent = '';
      show(historyScreen);
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) say((messages) => messages.historyForbidden);
      else say(() => errorMessage(error));
    }
  });
}
