/**
 * The register form's draft on the device (drafts.ts): saved a moment after the worker stops typing,
 * restored with a notice ("Draft from 10:42 restored", Discard) when the same worker of the same agency
 * signs in again or reloads, and forgotten when the form is registered, sent to the outbox, cleared or
 * discarded. Sign out asks whether to keep an unsent draft (signOutQuestion).
 */
import { deviceOwner, openDeviceDb, type DeviceDb } from './device-db';
import { h, t, translated } from './dom';
import { createDraftStore, debounced, DEFAULT_DRAFT_HOURS, type DraftStore } from './drafts';
import { show } from './layout';
import { draftState, onFormReset, registerScreen, resetRegisterForm, resumeDraft } from './register-form';

/** Controls that are not the worker's input: the agency comes from the token, the client name is fixed. */
const NOT_TYPED = new Set(['agency', 'clientName']);
const SAVE_AFTER_MS = 400;

let db: Promise<DeviceDb> | undefined;
/** The device database, opened once (shared with the outbox). */
export const deviceDb = (): Promise<DeviceDb> => (db ??= openDeviceDb());

let hours = DEFAULT_DRAFT_HOURS;
let store: DraftStore | undefined;
const drafts = () => (store ??= createDraftStore(deviceDb(), { hours }));
/** Whose drafts: set while a worker is signed in, undefined otherwise (nothing is saved then). */
let owner: string | undefined;
/** The form as a reset leaves it: a draft equal to it has nothing typed and is not kept. */
let baseline: Record<string, string> = {};

const form = registerScreen.querySelector('form')!;

/** HH:MM on the 24-hour clock, in both languages. */
export function clockTime(at: number): string {
  const time = new Date(at);
  return `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
}

function controls(): (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[] {
  return [
    ...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[name], select[name], textarea[name]'),
  ].filter(
    (control) =>
      !NOT_TYPED.has(control.name) && !(control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox')),
  );
}

function formValues(): Record<string, string> {
  return Object.fromEntries(controls().map((control) => [control.name, control.value]));
}

function applyValues(values: Record<string, string>) {
  for (const control of controls()) {
    const value = values[control.name];
    if (value === undefined) continue;
    control.value = value;
    // The comments counter and the like follow the value.
    if (control instanceof HTMLTextAreaElement) control.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** The chosen site of saved values (the combobox keeps the id apart from its text). */
const siteOf = (values: Record<string, string>) => ({ siteId: values.siteId ?? '', name: values.siteName ?? '' });

const sameValues = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys({ ...a, ...b }).every((name) => (a[name] ?? '') === (b[name] ?? ''));

// ---------------------------------------------------------------- the notice and the "saved" hint
const noticeText = h('p', { id: 'draft-restored-text' });
const setNoticeText = translated(noticeText);
const discardButton = t('button', 'draftDiscard', { type: 'button', id: 'draft-discard', class: 'secondary' });
const notice = h('div', { id: 'draft-restored', class: 'draft-notice', role: 'status', hidden: true }, noticeText, discardButton);
registerScreen.querySelector('h1')!.after(notice);
const savedHint = h('p', { id: 'draft-saved', class: 'hint draft-saved' });
const setSavedHint = translated(savedHint);
form.after(savedHint);

discardButton.addEventListener('click', () => {
  resetRegisterForm(undefined);
  form.querySelector<HTMLElement>('select, input:not([readonly]), textarea')?.focus();
});

function hideNotice() {
  notice.hidden = true;
  setNoticeText(undefined);
}

// ---------------------------------------------------------------- saving as the worker types
async function saveNow() {
  const who = owner;
  if (!who || draftState().stored) return;
  const values = formValues();
  if (sameValues(values, baseline)) {
    await drafts().remove(who);
    setSavedHint(undefined);
    return;
  }
  const saved = await drafts().save(who, draftState().key, values);
  setSavedHint((messages) => messages.draftSaved(clockTime(saved.savedAt)));
}
const save = debounced(() => void saveNow(), SAVE_AFTER_MS);
form.addEventListener('input', save);
form.addEventListener('change', save);
// A site picked in the Find dialog sets its fields without an input event: focus leaving covers it.
form.addEventListener('focusout', save);
// A closed tab or a page sent to the background keeps what was typed up to now.
addEventListener('pagehide', () => save.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') save.flush();
});

onFormReset(() => {
  save.cancel();
  baseline = formValues();
  hideNotice();
  setSavedHint(undefined);
  if (owner) void drafts().remove(owner);
});

// ---------------------------------------------------------------- lifecycle (main.ts)
/** The hours a draft is kept (config.json's draftHours); call before the first sign-in. */
export function setDraftHours(value: number | undefined) {
  hours = value ?? DEFAULT_DRAFT_HOURS;
  store = undefined;
}

/** After sign-in, with the form just reset: deletes expired drafts, then brings back this worker's. */
export async function resumeDrafts(claims: Record<string, unknown>) {
  owner = deviceOwner(claims);
  baseline = formValues();
  if (!owner) return;
  try {
    await drafts().removeExpired();
    const draft = await drafts().load(owner);
    if (!draft || owner === undefined) return;
    applyValues(draft.values);
    resumeDraft(draft.key, siteOf(draft.values));
    const at = clockTime(draft.savedAt);
    setNoticeText((messages) => messages.draftRestored(at));
    setSavedHint((messages) => messages.draftSaved(at));
    notice.hidden = false;
  } catch {
    // No IndexedDB (a private window that refuses it): the form works, without drafts.
  }
}

/** Signed out or the session ended: what was typed is saved now, then nothing more for this worker. */
export function suspendDrafts() {
  save.flush();
  owner = undefined;
  hideNotice();
}

/** The form's draft was registered or put in the outbox: the device no longer keeps it as a draft. */
export function forgetDraft() {
  save.cancel();
  hideNotice();
  setSavedHint(undefined);
  if (owner) void drafts().remove(owner);
}

/** A refused outbox registration back in the form, as a draft with a new key (it was never stored). */
export function openInForm(values: Record<string, string>) {
  resetRegisterForm(undefined);
  applyValues(values);
  resumeDraft(draftState().key, siteOf(values));
  show(registerScreen);
  void saveNow();
}

/** Whether this worker has a draft with something typed that is not registered (sign-out asks then). */
export async function unsentDraft(): Promise<{ savedAt: number } | undefined> {
  save.flush();
  if (!owner) return undefined;
  try {
    return await drafts().load(owner);
  } catch {
    return undefined;
  }
}

/** Deletes this worker's draft (sign-out's "Delete"). */
export async function deleteDraft() {
  save.cancel();
  if (owner) await drafts().remove(owner);
}
