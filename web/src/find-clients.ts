/**
 * "Find a Client in my Agency" (GET /v1/anonymous-clients): words of the comments, a registration site
 * (chosen by name in the site combobox, or through the Find dialog; no one types an id), registered
 * from/to as YYYY-MM-DD; pages of 25, with "More results"
 * following nextCursor under the same filters; and a profile view of one result, with Edit and (for
 * agency administrators) History. A query that is a client number opens that client instead
 * (GET /v1/anonymous-clients/{clientId}).
 */
import { answered, apiClient, ApiError, presentOnly, type Schemas } from './api';
import { isAgencyAdmin, openHistory } from './client-history';
import { clientIdFromQuery } from './client-number';
import { profileList } from './client-profile';
import { clearErrorsOnInput, clearFieldErrors, errorMessage, field, h, m, onLanguage, showFieldErrors, t, translated } from './dom';
import { loadClient, openEditClient } from './edit-client';
import { normalizeDate } from './form-checks';
import { screen, show } from './layout';
import { createSiteCombobox } from './site-combobox';
import { openSiteFinder } from './site-finder';

type Client = Schemas['AnonymousClient'];

const PAGE_SIZE = 25;
/** Field ids are `client-<parameter>`, so an error's pointer (/siteId) finds its field. */
const PREFIX = 'client-';

export function createFindClientsScreen(reference: () => Schemas['ReferenceData'] | undefined): HTMLElement {
  const clientQuery = h('input', { type: 'search', name: 'q' });
  const queryHint = t('p', 'clientQueryHint', { id: `${PREFIX}q-hint`, class: 'hint' });
  const siteBox = createSiteCombobox(`${PREFIX}siteId`, 'siteId');
  const siteButton = t('button', 'find', { type: 'button', id: 'find-client-site' });
  onLanguage(() => siteButton.setAttribute('aria-label', m().findFilterSiteLabel));
  siteButton.addEventListener('click', () => openSiteFinder((site) => siteBox.choose(site, { byUser: true }), siteButton));
  // YYYY-MM-DD whatever the browser's locale, as on the register form (a date box shows the locale's format).
  const dateBox = (name: string) => h('input', { type: 'text', inputmode: 'numeric', name, autocomplete: 'off', maxlength: 10 });
  const fromInput = dateBox('from');
  const toInput = dateBox('to');
  const results = h('ul', { id: 'client-results', class: 'results' });
  const count = h('p', { id: 'client-count', role: 'status' });
  const setCount = translated(count);
  const moreButton = t('button', 'moreResults', { type: 'button', id: 'more-clients', hidden: true });
  const profile = h('section', { id: 'client-profile', hidden: true, 'aria-labelledby': 'client-profile-title' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const form = h(
    'form',
    { id: 'find-clients-form', role: 'search' },
    field(`${PREFIX}q`, 'searchComments', clientQuery, { hint: queryHint }),
    h('div', { class: 'with-button site-row' }, siteBox.field, siteButton),
    field(`${PREFIX}from`, 'from', fromInput, { hint: t('p', 'dateHint', { class: 'hint', id: `${PREFIX}from-hint` }) }),
    field(`${PREFIX}to`, 'to', toInput, { hint: t('p', 'dateHint', { class: 'hint', id: `${PREFIX}to-hint` }) }),
    h('div', { class: 'buttons' }, t('button', 'search', { type: 'submit', id: 'search-clients' })),
  );
  const section = screen(
    'find-clients',
    'findClientsTitle',
    form,
    error,
    count,
    results,
    h('div', { class: 'buttons' }, moreButton),
    profile,
  );
  clearErrorsOnInput(form);

  // Edit and History say their outcome here, kept in the current language.
  const profileStatus = h('p', { id: 'found-profile-status', role: 'status' });
  const setProfileStatus = translated(profileStatus);
  const profileError = h('p', { class: 'form-error', role: 'alert', id: 'found-profile-error' });
  const setProfileError = translated(profileError);

  function showProfile(client: Client, focus = true) {
    const editButton = t('button', 'editProfile', { type: 'button', id: 'found-edit-profile' });
    const historyButton = t('button', 'showHistory', { type: 'button', id: 'found-show-history', hidden: !isAgencyAdmin() });
    editButton.addEventListener('click', () => {
      setProfileStatus(undefined);
      openEditClient(client.clientId, editButton, section, setProfileError, (saved) => {
        show(section);
        if (saved) {
          showProfile(saved, false);
          setProfileStatus((messages) => messages.changesSaved);
        }
        profile.querySelector<HTMLElement>('h2')!.focus();
      });
    });
    historyButton.addEventListener('click', () => {
      setProfileStatus(undefined);
      openHistory(client.clientId, historyButton, section, setProfileError, () => {
        show(section);
        profile.querySelector<HTMLElement>('h2')!.focus();
      });
    });
    setProfileStatus(undefined);
    setProfileError(undefined);
    profile.replaceChildren(
      t('h2', 'profile', { id: 'client-profile-title', tabindex: '-1' }),
      profileList(client, undefined, reference()),
      h('div', { class: 'buttons' }, editButton, historyButton),
      profileStatus,
      profileError,
    );
    profile.hidden = false;
    if (focus) profile.querySelector<HTMLElement>('h2')!.focus();
  }

  const row = (client: Client) =>
    h(
      'li',
      { 'data-client-id': client.clientId },
      // The comment's start after a separator, and no dangling separator when there is none.
      h('span', {}, `${client.registrationDate} · ${client.site.name}${client.comments ? ' · ' : ''}`),
      client.comments && h('span', { class: 'comment' }, client.comments.slice(0, 120)),
      ' ',
      t('button', 'open', { type: 'button', onclick: () => showProfile(client) }),
    );

  // The filters of the search on screen: "More results" continues it even if the boxes were edited since.
  let filters: { q?: string; siteId?: string; from?: string; to?: string } = {};
  let nextCursor: string | null = null;
  let shown = 0;
  let sequence = 0;

  async function loadPage(cursor: string | undefined) {
    const current = (sequence += 1);
    moreButton.disabled = true;
    try {
      const found = await answered(
        apiClient().GET('/v1/anonymous-clients', { params: { query: { ...presentOnly(filters), limit: PAGE_SIZE, cursor } } }),
      );
      if (current !== sequence) return;
      const rows = found.items.map(row);
      if (cursor) results.append(...rows);
      else results.replaceChildren(...rows);
      shown = (cursor ? shown : 0) + rows.length;
      nextCursor = found.nextCursor;
      moreButton.hidden = !nextCursor;
      setCount((messages) => (shown === 0 ? messages.noClients : nextCursor ? messages.clientsMore(shown) : messages.clientsFound(shown)));
      // Keyboard users carry on from the first new result rather than from the top of the page.
      if (cursor) rows[0]?.querySelector('button')?.focus();
    } catch (failure) {
      if (current !== sequence) return;
      if (failure instanceof ApiError && failure.errors.length > 0) showFieldErrors(form, failure.errors, error, m().fixErrors, PREFIX);
      else error.textContent = errorMessage(failure);
    } finally {
      if (current === sequence) moreButton.disabled = false;
    }
  }

  /** A client number: that client, opened (the other filters do not apply to a number). */
  async function lookUp(clientId: string) {
    const current = (sequence += 1);
    moreButton.hidden = true;
    nextCursor = null;
    try {
      const { client } = await loadClient(clientId);
      if (current !== sequence) return;
      results.replaceChildren(row(client));
      shown = 1;
      setCount((messages) => messages.clientsFound(1));
      showProfile(client);
    } catch (failure) {
      if (current !== sequence) return;
      results.replaceChildren();
      shown = 0;
      if (failure instanceof ApiError && failure.status === 404) setCount((messages) => messages.noClientWithNumber);
      else {
        setCount(undefined);
        error.textContent = errorMessage(failure);
      }
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearFieldErrors(form, error);
    profile.hidden = true;
    const clientId = clientIdFromQuery(clientQuery.value);
    if (clientId) {
      void lookUp(clientId);
      return;
    }
    // Text in the site box that is not a chosen site would silently search every site: say so instead.
    const siteProblem = siteBox.problem();
    if (siteProblem) {
      showFieldErrors(form, [{ pointer: '/siteId', detail: siteProblem(m()) }], error, m().fixErrors, PREFIX);
      return;
    }
    fromInput.value = normalizeDate(fromInput.value);
    toInput.value = normalizeDate(toInput.value);
    filters = { q: clientQuery.value.trim(), siteId: siteBox.siteId(), from: fromInput.value.trim(), to: toInput.value.trim() };
    void loadPage(undefined);
  });
  moreButton.addEventListener('click', () => {
    error.textContent = '';
    if (nextCursor) void loadPage(nextCursor);
  });
  return section;
}
