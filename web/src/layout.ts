/** The page's frame: a header, one main region holding the screens, and one screen shown at a time. */
import { h, t } from './dom';
import type { TextKey } from './i18n';

export const app = document.querySelector<HTMLElement>('#app')!;
export const header = h('header', {}, t('p', 'appTitle', { class: 'brand' }));
const main = h('main', { id: 'main' });
app.append(header, main);

const screens: HTMLElement[] = [];

export function screen(id: string, title: TextKey, ...children: HTMLElement[]): HTMLElement {
  const section = h(
    'section',
    { id, hidden: true, 'aria-labelledby': `${id}-title` },
    t('h1', title, { id: `${id}-title`, tabindex: '-1' }),
    ...children,
  );
  screens.push(section);
  main.append(section);
  return section;
}

/** Shows one screen and moves focus to its heading, so screen readers announce the change. */
export function show(section: HTMLElement) {
  for (const s of screens) s.hidden = s !== section;
  section.querySelector<HTMLElement>('h1')?.focus();
}
