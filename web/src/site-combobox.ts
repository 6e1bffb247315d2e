/**
 * The registration site as a WAI-ARIA 1.2 combobox with a listbox popup (list autocomplete): the
 * worker types part of a site's name and picks one of the matches of the in-browser site index
 * (SiteMatcher, accents and typos forgiven as on the server), the sites this worker chose last listed
 * first. What the form sends is the chosen site's id, held apart from the text in the box: typed text
 * that is not a chosen option is never sent as a site (docs/web-front-end.md, "Choosing a
 * registration site").
 */
import { tokenClaims } from './api';
import { field, h, m, onLanguage, t, translated } from './dom';
import type { Messages, TextKey } from './i18n';
import { readRecentSites, recentFirst, recentSitesKey, rememberSite, type RecentSite } from './recent-sites';
import './site-combobox.css';
import { matchingSites, preloadSiteIndex, type SiteChoice } from './site-finder';

/** Enough to pick from on a phone without a long scroll; typing more narrows them. */
const SHOWN = 25;
/** Filtering 5,000 names takes a few milliseconds, so only bursts of keys are merged. */
const TYPING_PAUSE_MS = 80;

export interface SiteCombobox {
  /** The labelled field (label, box, popup, hint, count, error slot) to put in a form. */
  field: HTMLElement;
  /** The text box (role="combobox"); its id is the one given, so errors on that field land on it. */
  input: HTMLInputElement;
  /** The chosen site's id, or '' (a hidden input named `siteId`). */
  value: HTMLInputElement;
  siteId(): string;
  siteName(): string;
  /** Fills the box with a site (a kept or restored form), or empties it; `byUser` also remembers it as recent. */
  choose(site: RecentSite | undefined, options?: { byUser?: boolean }): void;
  /**
   * What is wrong with the box when text is typed that is not a chosen site (siteId() is then '', so the
   * form's required check refuses it too); an empty box is the form's required check alone.
   */
  problem(): ((messages: Messages) => string) | undefined;
}

/** This worker's list on this device: per agency and user, from the token's claims. */
function recentKey(): string | undefined {
  const claims = tokenClaims();
  const agencyId = claims['custom:agency_id'];
  const userId = claims.sub;
  return typeof agencyId === 'string' && typeof userId === 'string' ? recentSitesKey(agencyId, userId) : undefined;
}

function recentSites(): RecentSite[] {
  const key = recentKey();
  return key ? readRecentSites(localStorage, key) : [];
}

export function createSiteCombobox(id: string, label: TextKey, options: { required?: boolean } = {}): SiteCombobox {
  const listboxId = `${id}-listbox`;
  // Named siteName and siteId, so the draft kept on the device holds both and restores both.
  const input = h('input', {
    type: 'text',
    name: 'siteName',
    autocomplete: 'off',
    spellcheck: 'false',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listboxId,
  });
  const value = h('input', { type: 'hidden', name: 'siteId', id: `${id}-value` });
  const listbox = h('ul', { id: listboxId, role: 'listbox', class: 'combobox-listbox', hidden: true });
  onLanguage(() => listbox.setAttribute('aria-label', m().siteOptions));
  const hint = t('p', 'siteComboboxHint', { id: `${id}-hint`, class: 'hint' });
  const count = h('p', { id: `${id}-count`, class: 'hint combobox-count', role: 'status' });
  const setCount = translated(count);
  const wrapper = h('div', { class: 'site-combobox' });
  const element = field(id, label, input, { required: options.required, hint });
  input.replaceWith(wrapper);
  wrapper.append(input, listbox, value);
  hint.after(count);

  // The hidden input is the truth about the choice (a restored draft sets it directly); the last choice
  // made here tells a choice from text typed since.
  let chosen = { siteId: '', name: '' };
  let options_: SiteChoice[] = [];
  let active = -1;
  let sequence = 0;
  let typingTimer: number | undefined;

  const isOpen = () => !listbox.hidden;

  function close() {
    window.clearTimeout(typingTimer);
    sequence += 1;
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
    setCount(undefined);
  }

  function setActive(next: number) {
    const items = listbox.querySelectorAll<HTMLElement>('[role="option"]');
    items[active]?.setAttribute('aria-selected', 'false');
    active = next;
    const item = items[active];
    if (!item) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    item.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', item.id);
    item.scrollIntoView({ block: 'nearest' });
  }

  function show(items: SiteChoice[], recent: readonly RecentSite[], words: (messages: Messages) => string) {
    options_ = items;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const recentIds = new Set(recent.map((site) => site.siteId));
    listbox.replaceChildren(
      ...items.map((site, i) => {
        const detail = [site.detail, recentIds.has(site.siteId) ? m().recentSite : undefined].filter(Boolean).join(' · ');
        return h(
          'li',
          { id: `${id}-option-${i}`, role: 'option', 'aria-selected': 'false', class: 'combobox-option', 'data-site-id': site.siteId },
          h('span', { class: 'option-name' }, site.name),
          detail ? h('span', { class: 'option-detail' }, detail) : undefined,
        );
      }),
    );
    listbox.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
    setCount(words);
    // On a small screen the popup may start near the bottom: bring as much of it as fits into view.
    if (items.length > 0) listbox.scrollIntoView({ block: 'nearest' });
  }

  /** The recent sites (box empty) or the matches of the text, recent ones first; only the latest answer is shown. */
  async function refresh() {
    window.clearTimeout(typingTimer);
    const current = (sequence += 1);
    const text = input.value;
    const recent = recentSites();
    if (text.trim() === '') {
      show(
        recent.map((site) => ({ siteId: site.siteId, name: site.name })),
        recent,
        (messages) => (recent.length ? messages.recentSitesCount(recent.length) : ''),
      );
      return;
    }
    try {
      // All the matches, so that a recent site further down still comes first; the index makes this cheap.
      const found = await matchingSites(text, Number.MAX_SAFE_INTEGER);
      if (current !== sequence || document.activeElement !== input) return;
      const items = recentFirst(found.items, recent).slice(0, SHOWN);
      show(items, recent, (messages) => messages.sitesCount(found.total, items.length));
    } catch {
      if (current === sequence) show([], recent, (messages) => messages.failed);
    }
  }

  function choose(site: RecentSite | undefined, how: { byUser?: boolean } = {}) {
    chosen = { siteId: site?.siteId ?? '', name: site?.name ?? '' };
    input.value = chosen.name;
    value.value = chosen.siteId;
    close();
    if (!site || !how.byUser) return;
    const key = recentKey();
    if (key) rememberSite(localStorage, key, site);
    // The form's own listeners (errors cleared on input, the draft kept) learn of the choice.
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  input.addEventListener('input', (event) => {
    if (!event.isTrusted) return;
    // Editing the text lets go of the chosen site, unless it spells the same name again.
    if (input.value !== chosen.name || value.value !== chosen.siteId) value.value = '';
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => void refresh(), TYPING_PAUSE_MS);
  });
  input.addEventListener('focus', () => {
    preloadSiteIndex();
    if (input.value.trim() === '') void refresh();
  });
  input.addEventListener('click', () => {
    if (!isOpen()) void refresh();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    if (event.altKey && event.key === 'ArrowDown') {
      event.preventDefault();
      if (!isOpen()) void refresh();
      return;
    }
    const last = options_.length - 1;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!isOpen()) {
          void refresh();
          return;
        }
        const down = event.key === 'ArrowDown';
        setActive(active < 0 ? (down ? 0 : last) : down ? (active >= last ? 0 : active + 1) : active <= 0 ? last : active - 1);
        return;
      }
      case 'Home':
      case 'End':
        // Once the list has the visual focus they move in it; in the text they move the caret.
        if (!isOpen() || active < 0) return;
        event.preventDefault();
        setActive(event.key === 'Home' ? 0 : last);
        return;
      case 'Enter':
        // Enter on an option chooses it, and is not the form's Register.
        if (!isOpen() || active < 0) return;
        event.preventDefault();
        choose(options_[active], { byUser: true });
        return;
      case 'Escape':
        if (isOpen()) {
          event.preventDefault();
          close();
        } else if (input.value !== '') {
          event.preventDefault();
          choose(undefined);
        }
        return;
    }
  });
  // A press on an option must not take the focus out of the box (its blur would close the list first).
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    const site = option ? options_[Number(option.id.slice(`${id}-option-`.length))] : undefined;
    if (site) choose(site, { byUser: true });
  });

  const problem = () => (input.value.trim() !== '' && value.value === '' ? (messages: Messages) => messages.chooseSiteFromList : undefined);

  return {
    field: element,
    input,
    value,
    siteId: () => value.value,
    siteName: () => (value.value ? input.value : ''),
    choose,
    problem,
  };
}
