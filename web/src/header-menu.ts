/**
 * The header's menu (Register, Find a Client, Sign out), as in the Ontario Design System's application
 * header: inline from 768 px up; on phones folded behind a "Menu" button that says whether it is open
 * (aria-expanded). Choosing an item or pressing Escape folds it again. Shown only to a signed-in user.
 * The item whose `data-screen` names the screen on show is marked `aria-current="page"`.
 */
import { h, m, onLanguage, t } from './dom';
import { onShow } from './layout';

export function headerMenu(items: HTMLElement[]) {
  const nav = h('nav', { id: 'app-menu', class: 'app-menu', hidden: true }, h('div', { class: 'app-menu__items' }, ...items));
  onLanguage(() => nav.setAttribute('aria-label', m().mainMenu));
  const button = t('button', 'menu', {
    type: 'button',
    id: 'menu-button',
    class: 'app-header__menu-button',
    'aria-expanded': 'false',
    'aria-controls': 'app-menu',
    hidden: true,
  });
  const isOpen = () => button.getAttribute('aria-expanded') === 'true';
  const fold = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('app-menu--open', open);
  };
  button.addEventListener('click', () => fold(!isOpen()));
  // The item's own action moves focus to the screen it opens; the menu only gets out of the way.
  nav.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).closest('button')) fold(false);
  });
  const escape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !isOpen()) return;
    fold(false);
    button.focus();
  };
  nav.addEventListener('keydown', escape);
  button.addEventListener('keydown', escape);
  onShow((section) => {
    for (const item of items)
      if (item.dataset.screen === section.id) item.setAttribute('aria-current', 'page');
      else item.removeAttribute('aria-current');
  });
  return {
    nav,
    button,
    /** Signed in: the menu (and on phones its button) is there, folded; signed out: neither is. */
    available(signedIn: boolean) {
      nav.hidden = !signedIn;
      button.hidden = !signedIn;
      fold(false);
    },
  };
}
