/**
 * The Find dialog: sites matching the name as it is typed, filtered in the browser from the compact
 * index (GET /v1/sites/index, fetched at the first opening and kept for the page's lifetime, revalidated
 * with its ETag once its max-age has passed), and the browse tree, its long lists cut into alphabetical
 * ranges of at most about 50. Filter and Enter filter at once. Used by the registration form (beside
 * its site combobox, for browsing) and by Find a Client's site filter; the index also feeds the combobox.
 */
import { sortKeyOf } from '../../functions/domain/site-search/normalize';
import { alphabeticalRanges, MAX_LIST } from './alphabetical-ranges';
import { answered, apiClient, readAnswer, type Schemas, send } from './api';
import { bilingual, errorMessage, field, h, lang, m, onLanguage, t, translated } from './dom';
import { MESSAGES } from './i18n';
import { app } from './layout';
import { revalidatingCache } from './revalidating-cache';
import { SiteMatcher } from './site-matcher';

/** As many as the server's search answers by default: enough to pick from, small enough to read. */
const SHOWN = 25;
/** Light: filtering 5,000 names takes a few milliseconds, so only bursts of keys are merged. */
const TYPING_PAUSE_MS = 80;

/** A site as the Find dialog offers it: from the compact index (with its group) or a listing (with its city). */
export interface SiteChoice {
  siteId: string;
  name: string;
  detail?: string;
}
type TreeNode = Schemas['SiteTree']['nodes'][number];
/** A node of the tree as shown: the server's, or an alphabetical range made here (of groups, or of sites). */
interface BrowseNode {
  key: string;
  label: { en: string; fr: string };
  count: number;
  children?: BrowseNode[];
  sites?: SiteChoice[];
}

const siteIndex = revalidatingCache(
  // The first request may come from the browser's HTTP cache; a revalidation must reach the server.
  (etag) => send('GET', '/v1/sites/index', etag ? { headers: { 'if-none-match': etag }, cache: 'no-store' } : {}),
  async (response) => new SiteMatcher(await readAnswer<Schemas['CompactSiteIndex']>(response)),
);

const siteQuery = h('input', { type: 'search', name: 'q', autocomplete: 'off', 'aria-controls': 'site-results' });
const typeAheadHint = t('p', 'typeAheadHint', { id: 'site-q-hint', class: 'hint' });
const siteCount = h('p', { id: 'site-count', role: 'status' });
const setCount = translated(siteCount);
const siteResults = h('div', { id: 'site-results', role: 'radiogroup', 'aria-labelledby': 'site-results-title' });
const siteTree = h('ul', { id: 'site-tree', class: 'tree' });
const findError = h('p', { class: 'form-error', role: 'alert' });
const filterForm = h(
  'form',
  { id: 'filter-form', role: 'search' },
  field('site-q', 'filterText', siteQuery, { hint: typeAheadHint }),
  t('button', 'filter', { type: 'submit', id: 'filter' }),
);
const findDialog = h(
  'dialog',
  { id: 'find-dialog', 'aria-labelledby': 'find-title' },
  t('h2', 'findTitle', { id: 'find-title' }),
  filterForm,
  t('h3', 'results', { id: 'site-results-title' }),
  siteCount,
  siteResults,
  t('h3', 'browse', { id: 'site-tree-title' }),
  siteTree,
  findError,
  h(
    'div',
    { class: 'buttons' },
    t('button', 'selectSite', { type: 'button', id: 'select-site' }),
    t('button', 'cancel', { type: 'button', id: 'cancel-find' }),
  ),
);
app.append(findDialog);

let chosen: { onSelect: (site: SiteChoice) => void; opener: HTMLElement } | undefined;

function siteChoice(site: SiteChoice): HTMLElement {
  const id = `site-${site.siteId}-${Math.random().toString(36).slice(2, 8)}`;
  return h(
    'div',
    { class: 'choice' },
    h('input', { type: 'radio', name: 'site', id, value: site.siteId, 'data-name': site.name }),
    h('label', { for: id }, site.name, site.detail ? h('span', { class: 'detail' }, ` (${site.detail})`) : undefined),
  );
}

/** The first `limit` sites matching `text`, best first, and how many match in all (the combobox uses it too). */
export async function matchingSites(text: string, limit = SHOWN): Promise<{ items: SiteChoice[]; total: number }> {
  const matcher = await siteIndex.get().catch(() => undefined);
  if (matcher) {
    const found = matcher.search(text, limit);
    return { total: found.total, items: found.items.map((site) => ({ siteId: site.siteId, name: site.name, detail: site.group })) };
  }
  // Without the index (it could not be loaded), the server's own search answers the same question.
  const list = await answered(
    apiClient().GET('/v1/sites', { params: { query: { q: text.trim() || undefined, limit: Math.min(limit, 100) } } }),
  );
  return { total: list.total, items: list.items.map((site) => ({ siteId: site.siteId, name: site.name, detail: site.city })) };
}

let filterSequence = 0;
let typingTimer: number | undefined;
/** Lists the sites matching the name box; only the latest answer is shown, and a checked site stays checked. */
async function filterSites() {
  window.clearTimeout(typingTimer);
  const sequence = (filterSequence += 1);
  const text = siteQuery.value;
  findError.textContent = '';
  if (text.trim() === '') {
    siteResults.replaceChildren();
    setCount(undefined);
    return;
  }
  const loading = window.setTimeout(() => sequence === filterSequence && setCount((messages) => messages.loadingSites), 200);
  try {
    const found = await matchingSites(text);
    if (sequence !== filterSequence) return;
    const checked = siteResults.querySelector<HTMLInputElement>('input[name="site"]:checked')?.value;
    siteResults.replaceChildren(...found.items.map(siteChoice));
    const again = [...siteResults.querySelectorAll<HTMLInputElement>('input[name="site"]')].find((input) => input.value === checked);
    if (again) again.checked = true;
    setCount((messages) => (found.total === 0 ? messages.noSites : messages.sitesMatch(found.total, found.items.length)));
  } catch (error) {
    if (sequence === filterSequence) findError.textContent = errorMessage(error);
  } finally {
    window.clearTimeout(loading);
  }
}

filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void filterSites();
});
siteQuery.addEventListener('input', () => {
  window.clearTimeout(typingTimer);
  typingTimer = window.setTimeout(() => void filterSites(), TYPING_PAUSE_MS);
});
// The down arrow leaves the name box for the results, as in a combo box; the arrows then move among them.
siteQuery.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowDown') return;
  const target =
    siteResults.querySelector<HTMLInputElement>('input[name="site"]:checked') ??
    siteResults.querySelector<HTMLInputElement>('input[name="site"]');
  if (!target) return;
  event.preventDefault();
  target.checked = true;
  target.focus();
});

/** A range node's label in both languages, e.g. "Groups A–B" / "Groupes A–B". */
const rangeLabel = (kind: 'groupRange' | 'siteRange', range: string) => ({ en: MESSAGES.en[kind](range), fr: MESSAGES.fr[kind](range) });

/** The children of a node, in ranges when there are more than a list should hold. */
function browseChildren(parent: string, children: TreeNode[]): BrowseNode[] {
  if (children.length <= MAX_LIST) return children;
  return alphabeticalRanges(children, (child) => sortKeyOf(child.label.en)).map((range) => ({
    key: `${parent}#${range.label}`,
    label: rangeLabel('groupRange', range.label),
    count: range.items.reduce((sum, child) => sum + child.count, 0),
    children: range.items,
  }));
}

/** Every active site of a leaf: from the index already in the browser, else the listing page by page. */
async function sitesOf(category: string, group: string): Promise<SiteChoice[]> {
  const matcher = await siteIndex.get().catch(() => undefined);
  if (matcher) return matcher.inGroup(category, group).map((site) => ({ siteId: site.siteId, name: site.name }));
  const sites: SiteChoice[] = [];
  let cursor: string | undefined;
  do {
    const page = await answered(
      apiClient().GET('/v1/sites', {
        params: { query: { category: category || undefined, group: group || undefined, limit: 100, cursor } },
      }),
    );
    sites.push(...page.items.map((site) => ({ siteId: site.siteId, name: site.name, detail: site.city })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return sites;
}

function siteItems(key: string, sites: SiteChoice[]): HTMLElement[] {
  if (sites.length <= MAX_LIST) return sites.map((site) => h('li', {}, siteChoice(site)));
  const sorted = sites.map((site) => ({ site, key: sortKeyOf(site.name) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return alphabeticalRanges(sorted, (entry) => entry.key).map((range) =>
    treeItem({
      key: `${key}#${range.label}`,
      label: rangeLabel('siteRange', range.label),
      count: range.items.length,
      sites: range.items.map((entry) => entry.site),
    }),
  );
}

function treeItem(node: BrowseNode): HTMLElement {
  const children = h('ul', { hidden: true });
  const button = h('button', { type: 'button', class: 'expander', 'aria-expanded': 'false' }, '[+]');
  const label = bilingual('span', node.label);
  const item = h('li', {}, button, ' ', label, ` (${node.count})`, children);
  const describe = () =>
    button.setAttribute('aria-label', (button.getAttribute('aria-expanded') === 'true' ? m().collapse : m().expand)(node.label[lang()]));
  onLanguage(describe);
  let loaded = false;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? '[−]' : '[+]';
    describe();
    children.hidden = !open;
    if (!open || loaded) return;
    loaded = true;
    if (node.children) {
      children.replaceChildren(...browseChildren(node.key, node.children).map((child) => treeItem(child)));
      return;
    }
    if (node.sites) {
      children.replaceChildren(...siteItems(node.key, node.sites));
      return;
    }
    const [category = '', ...group] = node.key.split(':');
    void sitesOf(category, group.join(':'))
      .then((sites) => children.replaceChildren(...siteItems(node.key, sites)))
      .catch((error: unknown) => {
        loaded = false;
        findError.textContent = errorMessage(error);
      });
  });
  return item;
}

function selectSite() {
  const checked = findDialog.querySelector<HTMLInputElement>('input[name="site"]:checked');
  if (!checked || !chosen) {
    findError.textContent = m().chooseSiteFirst;
    return;
  }
  const { onSelect, opener } = chosen;
  onSelect({ siteId: checked.value, name: checked.dataset.name ?? '' });
  // The next opening (perhaps from the other screen) starts afresh.
  checked.checked = false;
  siteQuery.value = '';
  siteResults.replaceChildren();
  setCount(undefined);
  findDialog.close();
  opener.focus();
}

findDialog.querySelector('#cancel-find')!.addEventListener('click', () => findDialog.close());
findDialog.querySelector('#select-site')!.addEventListener('click', selectSite);
findDialog.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.target as HTMLInputElement).name === 'site') {
    event.preventDefault();
    selectSite();
  }
});

/** Opens the dialog; `onSelect` receives the site chosen with Select Site, and focus returns to `opener`. */
export function openSiteFinder(onSelect: (site: SiteChoice) => void, opener: HTMLElement) {
  chosen = { onSelect, opener };
  findError.textContent = '';
  findDialog.showModal();
  siteQuery.focus();
  // Start loading the index now, so that it is there by the time the first letters are typed.
  void siteIndex.get().catch(() => undefined);
  if (siteTree.childElementCount > 0) return;
  void answered(apiClient().GET('/v1/sites/tree'))
    .then((tree) => siteTree.replaceChildren(...tree.nodes.map((node) => treeItem(node))))
    .catch((error: unknown) => (findError.textContent = errorMessage(error)));
}

/** Starts loading the site index (a box about to be typed in), so that it is there by the first letters. */
export function preloadSiteIndex() {
  void siteIndex.get().catch(() => undefined);
}
