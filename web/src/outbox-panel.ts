/**
 * The outbox on screen: a header button with how many registrations wait to be sent (announced
 * politely), an "Offline" mark, a panel listing each one's state (waiting, sending, sent → Open, not
 * registered with the server's reason → Open in the form, needs sign-in), and the small screen shown
 * after Register when the registration could not reach the API. The sending itself is outbox.ts; this
 * file gives it the page's network (the API client, the `online` event, timers).
 */
import { answered, apiClient, ApiError, type Schemas } from './api';
import type { OutboxItem } from './device-db';
import { h, m, onLanguage, t, translated } from './dom';
import { clockTime, deviceDb, forgetDraft, openInForm } from './draft-form';
import { sendWithRetries } from './exactly-once';
import type { Messages } from './i18n';
import { headerTools, screen, show } from './layout';
import './offline.css';
import { createOutbox, type SendOutcome } from './outbox';
import { currentSiteAndDate, onUnsent, registerScreen, resetRegisterForm } from './register-form';
import { openWizard } from './wizard';

type Client = Schemas['AnonymousClient'];

/** One try of one registration, with its own key (retries below openapi-fetch reuse the request). */
async function sendItem(item: OutboxItem): Promise<SendOutcome> {
  try {
    const client = await answered(
      apiClient().POST('/v1/anonymous-clients', {
        body: item.body as Schemas['AnonymousClientRegistration'],
        headers: { 'idempotency-key': item.key },
        fetch: (request) => sendWithRetries(() => fetch(request.clone())),
      }),
    );
    return { kind: 'stored', client };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 0) return { kind: 'unreachable' };
    if (error.status === 401) return { kind: 'unauthorized' };
    // In flight elsewhere (another tab), throttled, or the server failing: the same key later.
    if (error.status === 409 || error.status === 429 || error.status >= 500) return { kind: 'unreachable' };
    return { kind: 'refused', message: [error.detail || error.title, ...error.errors.map((e) => e.detail)].join(' ') };
  }
}

let owner: string | undefined;
let hours: number | undefined;
let outbox = makeOutbox();
function makeOutbox() {
  return createOutbox(deviceDb(), { send: sendItem, hours, onChange: () => void refresh() });
}

/** Kept as long as drafts (config.json's draftHours), for sent and refused items. */
export function setOutboxHours(value: number | undefined) {
  hours = value;
  outbox = makeOutbox();
}

// ---------------------------------------------------------------- header: count and offline mark
const offlineMark = t('span', 'offline', { id: 'offline-mark', class: 'offline-mark' });
const outboxButton = h('button', { type: 'button', id: 'outbox-button', 'aria-haspopup': 'dialog', hidden: true });
const setOutboxButton = translated(outboxButton);
const indicator = h('div', { id: 'outbox-indicator', class: 'outbox-indicator', 'aria-live': 'polite' }, offlineMark, outboxButton);
const showOnline = () => (offlineMark.hidden = navigator.onLine || owner === undefined);

// ---------------------------------------------------------------- the panel
const list = h('ul', { id: 'outbox-list', class: 'outbox-list' });
const emptyNote = t('p', 'outboxEmpty', { id: 'outbox-empty' });
const closeButton = t('button', 'outboxClose', { type: 'button', id: 'outbox-close', class: 'secondary' });
const sendNowButton = t('button', 'outboxSendNow', { type: 'button', id: 'outbox-send-now' });
const panel = h(
  'dialog',
  { id: 'outbox-dialog', class: 'outbox-dialog', 'aria-labelledby': 'outbox-title' },
  t('h2', 'outboxTitle', { id: 'outbox-title' }),
  t('p', 'outboxNote', { class: 'hint' }),
  emptyNote,
  list,
  h('div', { class: 'buttons' }, sendNowButton, closeButton),
);
document.body.append(panel);
outboxButton.addEventListener('click', () => {
  void refresh();
  panel.showModal();
  closeButton.focus();
});
closeButton.addEventListener('click', () => panel.close());
sendNowButton.addEventListener('click', () => void outbox.retryNow());

// ---------------------------------------------------------------- the screen after Register, offline
const savedState = h('p', { id: 'outbox-saved-state', role: 'status' });
const setSavedState = translated(savedState);
const openSavedButton = t('button', 'outboxOpen', { type: 'button', id: 'outbox-saved-open', hidden: true });
const anotherButton = t('button', 'registerAnother', { type: 'button', id: 'outbox-saved-another', class: 'secondary' });
const savedScreen = screen(
  'outbox-saved',
  'outboxSavedTitle',
  t('p', 'outboxSavedText'),
  t('p', 'outboxSavedWhy', { class: 'hint' }),
  savedState,
  h('div', { class: 'buttons' }, openSavedButton, anotherButton),
);
/** The registration the screen is about. */
let shownKey: string | undefined;
anotherButton.addEventListener('click', () => {
  resetRegisterForm(currentSiteAndDate());
  show(registerScreen);
});
openSavedButton.addEventListener('click', () => void openSent(shownKey));

async function openSent(key: string | undefined) {
  const item = key ? await outbox.get(key) : undefined;
  if (item?.state !== 'sent' || !item.client) return;
  panel.close();
  openWizard(item.client as Client);
}

/** Keys whose sending got no answer once while the browser said it was online. */
const failedOnline = new Set<string>();

onUnsent(async (body, key, siteName) => {
  if (!owner) return false;
  // Online, a first lost answer is shown on the form (the worker presses Register again, same key):
  // often a blip, and the client may already be stored. A second one, or any while offline, goes here.
  if (navigator.onLine && !failedOnline.has(key)) {
    failedOnline.add(key);
    return false;
  }
  failedOnline.delete(key);
  try {
    await outbox.add(owner, key, body, siteName);
  } catch {
    return false; // No IndexedDB: the form says the answer did not come back, as before.
  }
  forgetDraft();
  shownKey = key;
  await refresh();
  show(savedScreen);
  if (navigator.onLine) void outbox.flush();
  return true;
});

// ---------------------------------------------------------------- rendering
const stateText = (item: OutboxItem, nextTryAt: number | undefined): ((messages: Messages) => string) => {
  switch (item.state) {
    case 'waiting':
      return nextTryAt === undefined || !navigator.onLine
        ? (messages) => messages.outboxWaiting
        : (messages) => messages.outboxNextTry(clockTime(nextTryAt));
    case 'sending':
      return (messages) => messages.outboxSending;
    case 'sent':
      return (messages) => messages.outboxSent(String((item.client as Client | undefined)?.clientId ?? ''));
    case 'failed':
      return (messages) => messages.outboxFailed(item.failure ?? '');
    case 'needs-sign-in':
      return (messages) => messages.outboxNeedsSignIn;
  }
};

// Rows are drawn again on every change and language switch (refresh), so their text is plain m() text.
function itemRow(item: OutboxItem, nextTryAt: number | undefined): HTMLElement {
  const state = h('p', { class: 'outbox-state', 'data-state': item.state }, stateText(item, nextTryAt)(m()));
  const title = h('p', { class: 'outbox-item-title' }, m().outboxItem(clockTime(item.createdAt), item.siteName ?? ''));
  const row = h('li', { class: 'outbox-item', 'data-key': item.key }, title, state);
  if (item.state === 'sent') {
    const open = t('button', 'outboxOpen', { type: 'button', class: 'outbox-open' });
    open.addEventListener('click', () => void openSent(item.key));
    row.append(open);
  } else if (item.state === 'failed') {
    const reopen = t('button', 'outboxOpenInForm', { type: 'button', class: 'outbox-reopen' });
    reopen.addEventListener('click', () => {
      panel.close();
      const values = Object.fromEntries(Object.entries(item.body ?? {}).map(([name, value]) => [name, String(value)]));
      openInForm({ ...values, siteName: item.siteName ?? '' });
      void outbox.remove(item.key);
    });
    row.append(reopen);
  }
  return row;
}

let rendering: Promise<void> = Promise.resolve();
/** Re-reads the outbox and redraws the count, the panel and the saved screen (one redraw at a time). */
export function refresh(): Promise<void> {
  rendering = rendering.then(draw, draw);
  return rendering;
}
async function draw() {
  showOnline();
  const items = owner ? await outbox.list(owner).catch(() => []) : [];
  const { nextTryAt } = outbox.status();
  const waiting = items.filter((item) => item.state !== 'sent' && item.state !== 'failed').length;
  const failed = items.filter((item) => item.state === 'failed').length;
  outboxButton.hidden = owner === undefined || items.length === 0;
  setOutboxButton((messages) => messages.outboxButton(waiting, failed));
  list.replaceChildren(...items.map((item) => itemRow(item, nextTryAt)));
  emptyNote.hidden = items.length > 0;
  sendNowButton.hidden = waiting === 0;
  const shown = items.find((item) => item.key === shownKey);
  if (shown) setSavedState(stateText(shown, nextTryAt));
  openSavedButton.hidden = shown?.state !== 'sent';
}
onLanguage(() => void refresh());

addEventListener('online', () => {
  void refresh();
  void outbox.retryNow();
});
addEventListener('offline', () => void refresh());

// ---------------------------------------------------------------- lifecycle (offline-app.ts)
/** Signed in: this worker's outbox is shown and sent (what waited from before goes first). */
export async function startOutbox(who: string | undefined) {
  owner = who;
  if (!indicator.isConnected) headerTools.prepend(indicator);
  await refresh();
  if (!who) return;
  await outbox.start(who).catch(() => undefined);
}

/** Signed out: nothing is sent or shown until the next sign-in. */
export function stopOutbox() {
  owner = undefined;
  outbox.stop();
  if (panel.open) panel.close();
  void refresh();
}

/** The outbox's unsent registrations of the signed-in worker (sign-out mentions them). */
export async function waitingCount(): Promise<number> {
  if (!owner) return 0;
  const items = await outbox.list(owner).catch(() => []);
  return items.filter((item) => item.state !== 'sent' && item.state !== 'failed').length;
}
