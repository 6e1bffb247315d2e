/** A tiny element builder and the language switch: no framework. */
import { ApiError, setApiLanguage } from './api';
import { type Language, MESSAGES, type Messages, type TextKey } from './i18n';

type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | boolean | number | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (name === 'value') (element as HTMLInputElement).value = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

let language: Language = (localStorage.getItem('language') as Language | null) === 'fr' ? 'fr' : 'en';
setApiLanguage(language);
const listeners: (() => void)[] = [];

export const lang = (): Language => language;
export const m = (): Messages => MESSAGES[language];

/** An element whose text is a message, kept in the current language. */
export function t<K extends keyof HTMLElementTagNameMap>(tag: K, key: TextKey, attributes: Attributes = {}): HTMLElementTagNameMap[K] {
  const element = h(tag, { ...attributes, 'data-i18n': key });
  element.textContent = MESSAGES[language][key];
  return element;
}

/** Text in both languages (reference data, tree labels). */
export function bilingual<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  label: { en: string; fr: string },
  attributes: Attributes = {},
): HTMLElementTagNameMap[K] {
  const element = h(tag, { ...attributes, 'data-en': label.en, 'data-fr': label.fr });
  element.textContent = label[language];
  return element;
}

/** Runs now and after every language switch. */
export function onLanguage(update: () => void) {
  update();
  listeners.push(update);
}

/**
 * A setter for text built from the messages (counts, sign-in errors): what it shows is rebuilt when the
 * language changes, so a message shown before the switch does not stay in the other language.
 */
export function translated(element: HTMLElement): (text: ((messages: Messages) => string) | undefined) => void {
  let current: ((messages: Messages) => string) | undefined;
  onLanguage(() => (element.textContent = current ? current(m()) : ''));
  return (next) => {
    current = next;
    element.textContent = next ? next(m()) : '';
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.detail || error.title : m().failed;
}

export function setLanguage(next: Language) {
  language = next;
  setApiLanguage(next);
  localStorage.setItem('language', next);
  document.documentElement.lang = next;
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = MESSAGES[next][element.dataset.i18n as TextKey];
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-en][data-fr]')) {
    element.textContent = (next === 'en' ? element.dataset.en : element.dataset.fr) ?? '';
  }
  for (const update of listeners) update();
}

export function field(
  id: string,
  label: TextKey,
  control: HTMLElement,
  options: { required?: boolean; hint?: HTMLElement } = {},
): HTMLElement {
  const error = h('p', { class: 'error', id: `err-${id}`, 'aria-live': 'polite' });
  control.id = id;
  control.setAttribute('aria-describedby', [options.hint?.id, error.id].filter(Boolean).join(' '));
  if (options.required) control.setAttribute('aria-required', 'true');
  return h('div', { class: options.required ? 'field required' : 'field' }, t('label', label, { for: id }), control, options.hint, error);
}

/**
 * Problem+json field errors beside their fields (by JSON Pointer); the rest go to `general`. A form
 * whose controls' ids are `<prefix><field>` (ids are unique per page) passes that prefix.
 */
export function showFieldErrors(
  scope: HTMLElement,
  errors: { pointer: string; detail: string }[],
  general: HTMLElement,
  fallback: string,
  prefix = '',
) {
  clearFieldErrors(scope, general);
  const unplaced: string[] = [];
  for (const error of errors) {
    const field = error.pointer.split('/')[1] ?? '';
    const name = field ? prefix + field : '';
    const slot = name ? scope.querySelector<HTMLElement>(`#err-${CSS.escape(name)}`) : null;
    const control = name ? scope.querySelector<HTMLElement>(`#${CSS.escape(name)}`) : null;
    if (slot) {
      slot.textContent = error.detail;
      control?.setAttribute('aria-invalid', 'true');
    } else unplaced.push(error.detail);
  }
  general.textContent = [fallback, ...unplaced].join(' ');
  scope.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** A field's error goes away once the user changes the field. */
export function clearErrorsOnInput(form: HTMLElement) {
  form.addEventListener('input', (event) => {
    const control = event.target as HTMLElement;
    if (!control.id || control.getAttribute('aria-invalid') !== 'true') return;
    control.removeAttribute('aria-invalid');
    const slot = form.querySelector<HTMLElement>(`#err-${CSS.escape(control.id)}`);
    if (slot) slot.textContent = '';
    if (!form.querySelector('[aria-invalid="true"]')) for (const general of form.querySelectorAll('.form-error')) general.textContent = '';
  });
}

export function clearFieldErrors(scope: HTMLElement, general: HTMLElement) {
  // An error summary (error-summary.ts) goes with the field messages it lists.
  for (const summary of scope.querySelectorAll('[data-error-summary]')) summary.remove();
  for (const slot of scope.querySelectorAll<HTMLElement>('.error')) slot.textContent = '';
  for (const control of scope.querySelectorAll<HTMLElement>('[aria-invalid]')) control.removeAttribute('aria-invalid');
  general.textContent = '';
}

/** Today in the agency's time zone (the server refuses a later registration date). */
export function agencyToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/**
 * While `work` runs: `button` is disabled and says `progress` (kept in the current language), and
 * `region` is aria-busy; afterwards both are as before, and focus comes back to the button if it had
 * been lost (a disabled button cannot hold it). A click while it runs does nothing.
 */
export async function whileBusy<T>(button: HTMLButtonElement, progress: TextKey, region: HTMLElement, work: () => Promise<T>): Promise<T> {
  const idle = button.dataset.i18n as TextKey;
  const setKey = (key: TextKey) => {
    button.dataset.i18n = key;
    button.textContent = MESSAGES[language][key];
  };
  button.disabled = true;
  setKey(progress);
  region.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    setKey(idle);
    region.removeAttribute('aria-busy');
    if (!button.closest('[hidden]') && (document.activeElement === null || document.activeElement === document.body)) button.focus();
  }
}
