/**
 * "Find a Client in my Agency" (GET /v1/anonymous-clients): words of the comments, a registration site
 * (typed, or picked through the Find dialog), registered from/to; pages of 25, with "More results"
 * following nextCursor under the same filters; and a profile view of one result.
 */
import { answered, apiClient, ApiError, presentOnly, type Schemas } from './api';
import { clearErrorsOnInput, clearFieldErrors, errorMessage, field, h, lang, m, onLanguage, showFieldErrors, t, translated } from './dom';
import type { TextKey } from './i18n';
import { screen } from './layout';
import { bindSiteField } from './site-finder';

type Client = Schemas['AnonymousClient'];

const PAGE_SIZE = 25;
/** Field ids are `client-<parameter>`, so an error's pointer (/siteId) finds its field. */
const PREFIX = 'client-';

export function createFindClientsScreen(reference: () => Schemas['ReferenceData'] | undefined): HTMLElement {
  const clientQuery = h('input', { type: 'search', name: 'q' });
  const siteInput = h('input', { name: 'siteId', autocomplete: 'off' });
  const siteName = h('p', { id: `${PREFIX}site-name`, class: 'hint' });
  const siteButton = t('button', 'find', { type: 'button', id: 'find-client-site' });
  onLanguage(() => siteButton.setAttribute('aria-label', m().findFilterSiteLabel));
  const fromInput = h('input', { type: 'date', name: 'from' });
  const toInput = h('input', { type: 'date', name: 'to' });
  const results = h('ul', { id: 'client-results', class: 'results' });
  const count = h('p', { id: 'client-count', role: 'status' });
  const setCount = translated(count);
  const moreButton = t('button', 'moreResults', { type: 'button', id: 'more-clients', hidden: true });
  const profile = h('section', { id: 'client-profile', hidden: true, 'aria-labelledby': 'client-profile-title' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const form = h(
    'form',
    { id: 'find-clients-form', role: 'search' },
    field(`${PREFIX}q`, 'searchComments', clientQuery),
    h('div', { class: 'with-button' }, field(`${PREFIX}siteId`, 'siteId', siteInput, { hint: siteName }), siteButton),
    field(`${PREFIX}from`, 'from', fromInput),
    field(`${PREFIX}to`, 'to', toInput),
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

  bindSiteField(siteInput, siteButton, (name) => (siteName.textContent = name));

  const label = (items: Schemas['CodedValue'][] | undefined, code: string) =>
    items?.find((item) => item.code === code)?.label[lang()] ?? code;

  function showProfile(client: Client) {
    const data = reference();
    const rows: [TextKey, string][] = [
      ['clientNumber', client.clientId],
      ['registrationDate', client.registrationDate],
      ['siteName', client.site.name],
      ['gender', label(data?.genders, client.gender)],
      ['arrivalYear', client.arrivalYear === 'UNKNOWN' ? m().unknown : String(client.arrivalYear)],
      ['immigrationStatus', label(data?.immigrationStatuses, client.immigrationStatus)],
      ['postalCode', client.postalCode ?? ''],
      ['comments', client.comments ?? ''],
    ];
    profile.replaceChildren(
      t('h2', 'profile', { id: 'client-profile-title', tabindex: '-1' }),
      h('dl', {}, ...rows.flatMap(([key, value]) => [t('dt', key), h('dd', {}, value)])),
    );
    profile.hidden = false;
    profile.querySelector<HTMLElement>('h2')!.focus();
  }

  const row = (client: Client) =>
    h(
      'li',
      { 'data-client-id': client.clientId },
      h('span', {}, `${client.registrationDate} · ${client.site.name} · `),
      h('span', { class: 'comment' }, (client.comments ?? '').slice(0, 120)),
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

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearFieldErrors(form, error);
    profile.hidden = true;
    filters = { q: clientQuery.value.trim(), siteId: siteInput.value.trim(), from: fromInput.value, to: toInput.value };
    void loadPage(undefined);
  });
  moreButton.addEventListener('click', () => {
    error.textContent = '';
    if (nextCursor) void loadPage(nextCursor);
  });
  return section;
}
