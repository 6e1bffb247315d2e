/**
 * The error summary at the top of a form (the Ontario Design System's error alert, as GOV.UK's error
 * summary behaves): a heading and one link per problem, each moving focus to its field; the summary
 * takes focus when shown. Each field also shows its own message (the `err-<id>` slot of `field()`)
 * and is aria-invalid. Messages are rebuilt when the language switches; a field's problem goes away
 * as the field is changed, and the summary with its last one.
 */
import { h, m, onLanguage } from './dom';
import { type FieldProblem, problemText } from './form-checks';

export interface ErrorSummary {
  /** Shows these problems (and the server's texts that name no field) and moves focus to the summary. */
  show(problems: readonly FieldProblem[], unplaced?: readonly string[]): void;
  /** Takes the summary and every field message of the form away. */
  clear(): void;
}

/**
 * The summary of `form`, whose fields are `controls()` by API field name (read when shown, so a
 * control replaced later is still found). A problem on a field the form does not show is listed as text.
 */
export function errorSummary(
  form: HTMLElement,
  id: string,
  controls: () => Readonly<Record<string, HTMLElement | null | undefined>>,
): ErrorSummary {
  const title = h('h2', { class: 'ontario-alert__header-title ontario-h4', id: `${id}-title` });
  const intro = h('p', {});
  const list = h('ul', { class: 'error-summary__list' });
  // GOV.UK's arrangement: focus on the outer box, the announcement from the inner alert.
  const element = h(
    'div',
    { class: 'ontario-alert ontario-alert--error error-summary', id, tabindex: '-1', 'data-error-summary': true },
    h(
      'div',
      { role: 'alert', 'aria-labelledby': `${id}-title` },
      h('div', { class: 'ontario-alert__header' }, title),
      h('div', { class: 'ontario-alert__body' }, intro, list),
    ),
  );
  let problems: FieldProblem[] = [];
  let unplaced: string[] = [];

  const controlOf = (field: string) => controls()[field] ?? undefined;

  function slotOf(control: HTMLElement): HTMLElement | null {
    return control.id ? form.querySelector<HTMLElement>(`#err-${CSS.escape(control.id)}`) : null;
  }

  function render() {
    title.textContent = m().summaryTitle;
    intro.textContent = m().summaryIntro;
    list.replaceChildren();
    for (const problem of problems) {
      const text = problemText(problem, m());
      const control = controlOf(problem.field);
      const slot = control && slotOf(control);
      if (!control || !slot) {
        list.append(h('li', {}, text));
        continue;
      }
      slot.textContent = text;
      control.setAttribute('aria-invalid', 'true');
      const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      if (!described.includes(slot.id)) control.setAttribute('aria-describedby', [...described, slot.id].join(' '));
      const link = h('a', { href: `#${control.id}` }, text);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        (control.closest('.field') ?? control).scrollIntoView({ block: 'center' });
        control.focus({ preventScroll: true });
      });
      list.append(h('li', {}, link));
    }
    for (const text of unplaced) list.append(h('li', {}, text));
  }

  function clearFields() {
    for (const problem of problems) {
      const control = controlOf(problem.field);
      if (!control) continue;
      control.removeAttribute('aria-invalid');
      const slot = slotOf(control);
      if (slot) slot.textContent = '';
    }
  }

  // Another part of the form (clearFieldErrors) may take the summary away: then it has nothing to show.
  onLanguage(() => {
    if (element.isConnected) render();
  });

  const onChange = (event: Event) => {
    if (!element.isConnected) return;
    const target = event.target as Node;
    const fixed = problems.filter((problem) => controlOf(problem.field)?.contains(target));
    if (fixed.length === 0) return;
    clearFields();
    problems = problems.filter((problem) => !fixed.includes(problem));
    if (problems.length === 0 && unplaced.length === 0) element.remove();
    else render();
  };
  form.addEventListener('input', onChange);
  form.addEventListener('change', onChange);

  return {
    show(next, texts = []) {
      if (element.isConnected) clearFields();
      problems = [...next];
      unplaced = [...texts];
      if (problems.length === 0 && unplaced.length === 0) return element.remove();
      render();
      form.prepend(element);
      element.focus();
    },
    clear() {
      clearFields();
      problems = [];
      unplaced = [];
      element.remove();
    },
  };
}
