/**
 * The page's frame, after the Ontario Design System's application header and footer: a skip link, a
 * header (the app's name, then its tools: language, menu button), one main region holding the screens,
 * one screen shown at a time, and a footer.
 */
// The Ontario Design System's global styles, first in the CSS so the app's own rules come after them
// (imported here rather than from style.css so that knip sees the dependency used).
import '@ongov/ontario-design-system-global-styles/dist/styles/css/compiled/ontario-theme.min.css';
import { h, t } from './dom';
import type { TextKey } from './i18n';

export const app = document.querySelector<HTMLElement>('#app')!;
/** The header's controls at the right of the app's name (the language button, the phone menu button, …). */
export const headerTools = h('div', { class: 'app-header__tools' });
export const header = h(
  'header',
  { class: 'app-header' },
  h('div', { class: 'app-header__bar' }, t('p', 'appTitle', { class: 'app-header__brand' }), headerTools),
);
// tabindex -1: the skip link moves focus here, so the next Tab goes on from the screen.
const main = h('main', { id: 'main', tabindex: '-1' });
const footer = h(
  'footer',
  { class: 'app-footer' },
  h(
    'div',
    { class: 'app-footer__inner' },
    t('p', 'appTitle', { class: 'app-footer__brand' }),
    t('p', 'footerAbout'),
    t('p', 'footerAccessibility'),
    t('p', 'footerPrivacy'),
  ),
);
app.append(t('a', 'skipToContent', { href: '#main', class: 'app-skip-link' }), header, main, footer);

const screens: HTMLElement[] = [];
const shownListeners: ((section: HTMLElement) => void)[] = [];

/** Runs each time a screen is shown (the menu marks that screen's item). */
export function onShow(listener: (section: HTMLElement) => void) {
  shownListeners.push(listener);
}

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
  for (const listener of shownListeners) listener(section);
  section.querySelector<HTMLElement>('h1')?.focus();
}
