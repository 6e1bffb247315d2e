/**
 * Sign out's question when this worker has an unsent draft on the device (or registrations waiting in
 * the outbox): keep the draft for the next sign-in, or delete it. A modal <dialog> (focus held inside,
 * Escape cancels), not window.confirm, so it is in the page's language and reachable by screen readers.
 */
import { h, t, translated } from './dom';
import type { Messages } from './i18n';

export type SignOutChoice = 'keep' | 'delete' | 'cancel';

const text = h('p', { id: 'sign-out-question-text' });
const setText = translated(text);
const waitingText = h('p', { id: 'sign-out-question-waiting' });
const setWaitingText = translated(waitingText);
const keepButton = t('button', 'signOutKeepDraft', { type: 'button', id: 'sign-out-keep', value: 'keep' });
const deleteButton = t('button', 'signOutDeleteDraft', { type: 'button', id: 'sign-out-delete', value: 'delete', class: 'secondary' });
const plainButton = t('button', 'signOut', { type: 'button', id: 'sign-out-confirm', value: 'keep' });
const cancelButton = t('button', 'cancel', { type: 'button', id: 'sign-out-cancel', value: 'cancel', class: 'secondary' });
const dialog = h(
  'dialog',
  {
    id: 'sign-out-question',
    class: 'question-dialog',
    'aria-labelledby': 'sign-out-question-title',
    'aria-describedby': 'sign-out-question-text',
  },
  t('h2', 'signOutQuestionTitle', { id: 'sign-out-question-title' }),
  text,
  waitingText,
  h('div', { class: 'buttons' }, keepButton, deleteButton, plainButton, cancelButton),
);
document.body.append(dialog);
for (const button of [keepButton, deleteButton, plainButton, cancelButton])
  button.addEventListener('click', () => dialog.close(button.value));

/** Asks; `draftTime` (HH:MM) when there is a draft, `waiting` the outbox's unsent registrations. */
export function askBeforeSignOut(draftTime: string | undefined, waiting: number): Promise<SignOutChoice> {
  const withDraft = draftTime !== undefined;
  setText(
    withDraft ? (messages: Messages) => messages.signOutDraftQuestion(draftTime) : (messages: Messages) => messages.signOutWaitingOnly,
  );
  setWaitingText(waiting > 0 ? (messages: Messages) => messages.signOutWaiting(waiting) : undefined);
  waitingText.hidden = waiting === 0;
  keepButton.hidden = !withDraft;
  deleteButton.hidden = !withDraft;
  plainButton.hidden = withDraft;
  dialog.returnValue = 'cancel';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve((dialog.returnValue || 'cancel') as SignOutChoice), { once: true });
    dialog.showModal();
    (withDraft ? keepButton : plainButton).focus();
  });
}
