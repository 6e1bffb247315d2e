import { describe, expect, it } from '@jest/globals';
import { InvalidRequestError } from '../../functions/domain/errors';
import type { Site, SiteCategory } from '../../functions/domain/site';
import { decodeCursor, encodeCursor } from '../../functions/domain/site-search/cursor';
import { NaiveSiteScan } from '../../functions/domain/site-search/naive-scan';
import { isOneTypoPrefix, normalizeName, queryWords } from '../../functions/domain/site-search/normalize';
import { compactIndexOf, listSites, siteTree } from '../../functions/domain/site-search/site-listing';
import { SiteSearchIndex } from '../../functions/domain/site-search/site-search-index';
import { decodeSnapshot, encodeSnapshot, mergeCatalog, sitesOfSnapshot } from '../../functions/domain/site-search/snapshot';
import { generateSampleSites, mulberry32 } from '../../scripts/sample-sites/generate';
import { expectWithMessage } from '../support/expect-with-message';

let serial = 0;
function site(name: string, overrides: Partial<Site> = {}): Site {
  serial += 1;
  return {
    siteId: `T-${String(serial).padStart(5, '0')}`,
    name,
    category: 'SCHOOL',
    group: 'Toronto District School Board',
    address: '1 Main Street',
    city: 'Toronto',
    postalCode: 'M5V 2T6',
    active: true,
    ...overrides,
  };
}

function indexOf(sites: readonly Site[]): SiteSearchIndex {
  return new SiteSearchIndex(decodeSnapshot(encodeSnapshot(sites, { builtAt: '2025-01-01T00:00:00.000Z', source: 'test' })));
}

const CATALOG: Site[] = [
  site('École Saint-Jean-de-Brébeuf'),
  site("St. Mary's Catholic School", { group: 'Toronto Catholic District School Board' }),
  site('Marys Lake Public School'),
  site('Saint Marys Centre', { category: 'NON_SCHOOL', group: 'Settlement Agencies – Toronto' }),
  site('Elementary Academy of Maple'),
  site('Maple Elementary School'),
  site('Mapel Grove Public School'),
  site('Masjid Al-Noor – Downtown', { category: 'NON_SCHOOL', group: 'Places of Worship – Toronto' }),
  site('Centre francophone de Toronto', { category: 'RECEPTION_CENTRE', group: 'Reception Centres – GTA' }),
  site('Oakwood Collegiate Institute'),
  site('Closed Maple School', { active: false }),
  site('Services d’établissement L’Éveil', { category: 'NON_SCHOOL', group: 'Settlement Agencies – Toronto' }),
];
const index = indexOf(CATALOG);
const names = (q: string, filter: { categories?: SiteCategory[]; group?: string } = {}) =>
  index.search({ q, limit: 100, ...filter }).items.map((s) => s.name);

describe('site-name normalisation', () => {
  it.each([
    ['École Saint-Jean', ['ecole', 'saint', 'jean'], ['saintjean']],
    ["St. Mary's", ['st', 'marys'], []],
    ['St Mary’s', ['st', 'marys'], []],
    ['Masjid Al-Noor – Downtown', ['masjid', 'al', 'noor', 'downtown'], ['alnoor']],
    ['YMCA / YWCA', ['ymca', 'ywca'], []],
    ['Cœur de l’Île', ['coeur', 'de', 'lile'], []],
    ['ÉCOLE  SECONDAIRE', ['ecole', 'secondaire'], []],
  ])('splits %j into %j (joined %j)', (name, words, joined) => {
    expect(normalizeName(name)).toEqual({ words, joined });
  });

  it('treats a query the same way, without joined forms', () => {
    expect(queryWords("  Saint-Jean  st. mary's ")).toEqual(['saint', 'jean', 'st', 'marys']);
  });

  it.each([
    ['elementry', 'elementary', true],
    ['elemnetary', 'elementary', true],
    ['elxmentary', 'elementary', true],
    ['eelementary', 'elementary', true],
    ['elemntar', 'elementary', true],
    ['elmntary', 'elementary', false],
    ['school', 'schools', true],
    ['schoolx', 'school', true],
    ['abcde', 'xyzab', false],
  ])('isOneTypoPrefix(%j, %j) is %j', (query, word, expected) => {
    expect(isOneTypoPrefix(query, word)).toBe(expected);
  });
});

describe('matching', () => {
  it.each([
    ['accents are ignored', 'ecole', ['École Saint-Jean-de-Brébeuf']],
    ['case is ignored', 'ÉCOLE', ['École Saint-Jean-de-Brébeuf']],
    ['accents typed are ignored too', 'brébeuf', ['École Saint-Jean-de-Brébeuf']],
    ['punctuation and apostrophes are ignored', 'st marys', ["St. Mary's Catholic School"]],
    ['the apostrophe may be typed', "st. mary's", ["St. Mary's Catholic School"]],
    ['curly apostrophes equal straight ones', 'l’eveil', ['Services d’établissement L’Éveil']],
    ['hyphens may be spaces', 'saint jean', ['École Saint-Jean-de-Brébeuf']],
    ['hyphens may be left out', 'saintjean', ['École Saint-Jean-de-Brébeuf']],
    ['a hyphen may be typed', 'al-noor', ['Masjid Al-Noor – Downtown']],
    ['every word is a prefix', 'oak coll inst', ['Oakwood Collegiate Institute']],
    ['words may come in any order', 'institute oakwood', ['Oakwood Collegiate Institute']],
    ['every word must match', 'oakwood school', []],
    ['a typo in a word of 5+ letters is tolerated', 'oakwod', ['Oakwood Collegiate Institute']],
    ['no typo in a word of fewer than 5 letters', 'oqk', []],
    ['no second typo', 'oqkwod', []],
    ['inactive sites never match', 'closed', []],
    [
      'an empty query lists every active site',
      '',
      CATALOG.filter((s) => s.active)
        .map((s) => s.name)
        .sort(),
    ],
  ])('%s: %j', (_rule, q, expected) => {
    expect(names(q).sort()).toEqual([...expected].sort());
  });

  it('ranks names that start with the query first, then word-prefix matches, then typo matches, ties alphabetical', () => {
    expect(names('maple')).toEqual([
      'Maple Elementary School', // starts with "maple"
      'Elementary Academy of Maple', // "maple" is a word prefix; alphabetical among these
      'Mapel Grove Public School', // one typo ("mapel" is one swap from "maple")
    ]);
    expect(names('marys')).toEqual(['Marys Lake Public School', 'Saint Marys Centre', "St. Mary's Catholic School"]);
    expect(names('st marys')).toEqual(["St. Mary's Catholic School"]);
    expect(names('marys st')).toEqual(["St. Mary's Catholic School"]);
  });

  it('"starts with" means the whole query: earlier words whole, the last a prefix', () => {
    const ranked = indexOf([site('Maple Grove School'), site('Maplewood Grove School'), site('Grove Maple School')]);
    expect(ranked.search({ q: 'maple gr', limit: 10 }).items.map((s) => s.name)).toEqual([
      'Maple Grove School',
      'Grove Maple School',
      'Maplewood Grove School',
    ]);
  });

  it('counts every match in total, not just the page', () => {
    const result = index.search({ q: 'school', limit: 2 });
    expect(result.items).toHaveLength(2);
    expect(result.total).toBe(names('school').length);
    expect(result.total).toBeGreaterThan(2);
  });

  it('agrees with the naive scan on a generated catalog, for random queries of every kind', () => {
    const sites = generateSampleSites({ count: 3_000, seed: 11 });
    const big = indexOf(sites);
    const scan = new NaiveSiteScan(sites);
    const random = mulberry32(5);
    const words = sites.flatMap((s) => normalizeName(s.name).words);
    const edit = (w: string) => {
      const at = Math.floor(random() * w.length);
      return random() < 0.5 ? w.slice(0, at) + w.slice(at + 1) : w.slice(0, at) + 'e' + w.slice(at + 1);
    };
    for (let i = 0; i < 400; i += 1) {
      const w = () => words[Math.floor(random() * words.length)] as string;
      const q = [w().slice(0, 1 + Math.floor(random() * 6)), random() < 0.5 ? edit(w()) : '', random() < 0.3 ? w() : ''].join(' ');
      const expected = scan.search(q);
      const result = big.search({ q, limit: 30 });
      expectWithMessage(result.total, q).toBe(expected.length);
      expectWithMessage(
        result.items.map((s) => s.siteId),
        q,
      ).toEqual(expected.slice(0, 30).map((m) => m.site.siteId));
    }
  });
});

describe('filters', () => {
  it('restricts to one category, several categories or one group', () => {
    expect(names('', { categories: ['RECEPTION_CENTRE'] })).toEqual(['Centre francophone de Toronto']);
    expect(names('centre', { categories: ['NON_SCHOOL', 'RECEPTION_CENTRE'] })).toEqual([
      'Centre francophone de Toronto',
      'Saint Marys Centre',
    ]);
    expect(names('', { group: 'Toronto Catholic District School Board' })).toEqual(["St. Mary's Catholic School"]);
    expect(names('marys', { categories: ['SCHOOL'], group: 'Toronto District School Board' })).toEqual(['Marys Lake Public School']);
    expect(names('', { group: 'No such board' })).toEqual([]);
  });
});

describe('paging', () => {
  const sites = generateSampleSites({ count: 2_000, seed: 4 });
  const big = indexOf(sites);

  it.each([
    ['a search', { q: 'sch' }],
    ['a search with typos', { q: 'schol publi' }],
    ['a listing', { categories: ['SCHOOL'] as SiteCategory[] }],
    ['a group', { group: sites[0]!.group }],
  ])('walks %s page by page with neither duplicates nor gaps', (_label, query) => {
    const all = listSites(big, { ...query, limit: 1_000_000 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = listSites(big, { ...query, limit: 7, cursor });
      expect(page.total).toBe(all.total);
      seen.push(...page.items.map((s) => s.siteId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((s) => s.siteId));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('continues after the last item seen even when a new index is loaded between pages', () => {
    const first = listSites(big, { q: 'public', limit: 5 });
    const withNewSite = indexOf([...sites, site('Aaa Public School')]);
    const second = listSites(withNewSite, { q: 'public', limit: 5, cursor: first.nextCursor! });
    const ids = [...first.items, ...second.items].map((s) => s.siteId);
    expect(new Set(ids).size).toBe(10);
    expect(second.items[0]!.siteId).toBe(listSites(big, { q: 'public', limit: 6 }).items[5]!.siteId);
  });

  it('refuses a cursor of another query, or one it did not make, naming /cursor', () => {
    const cursor = listSites(big, { q: 'public', limit: 5 }).nextCursor!;
    expect(() => listSites(big, { q: 'school', limit: 5, cursor })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ pointer: '/cursor' })] }),
    );
    expect(() => decodeCursor('not-a-cursor', {})).toThrow(InvalidRequestError);
    expect(() => decodeCursor(encodeCursor({ rank: 0, sortKey: 'a', siteId: 'b' }, { q: 'x' }), { q: 'X' })).not.toThrow();
  });
});

describe('browse tree', () => {
  const sites = generateSampleSites({ count: 3_000, seed: 9 });
  const big = indexOf(sites);
  const { nodes } = siteTree(big);

  it('has Schools / Écoles with one child per school board, and Non-schools or Reception Centres', () => {
    expect(nodes.map((n) => [n.key, n.label])).toEqual([
      ['SCHOOLS', { en: 'Schools', fr: 'Écoles' }],
      ['NON_SCHOOLS_OR_RECEPTION_CENTRES', { en: 'Non-schools or Reception Centres', fr: "Non-écoles ou centres d'accueil" }],
    ]);
    const boards = new Set(sites.filter((s) => s.active && s.category === 'SCHOOL').map((s) => s.group));
    expect(nodes[0]!.children!.map((c) => c.label.en).sort()).toEqual([...boards].sort());
    const others = nodes[1]!.children!.map((c) => c.key.split(':')[0]);
    expect(new Set(others)).toEqual(new Set(['NON_SCHOOL', 'RECEPTION_CENTRE']));
  });

  it('gives every node the total of listing it, inactive sites excluded', () => {
    expect(nodes[0]!.count).toBe(listSites(big, { categories: ['SCHOOL'], limit: 1 }).total);
    expect(nodes[1]!.count).toBe(listSites(big, { categories: ['NON_SCHOOL', 'RECEPTION_CENTRE'], limit: 1 }).total);
    for (const child of [...nodes[0]!.children!, ...nodes[1]!.children!]) {
      const [category, ...group] = child.key.split(':');
      expectWithMessage(child.count, child.key).toBe(
        listSites(big, { categories: [category as SiteCategory], group: group.join(':'), limit: 1 }).total,
      );
    }
    expect(nodes[0]!.count + nodes[1]!.count).toBe(sites.filter((s) => s.active).length);
  });
});

describe('snapshot', () => {
  it('round-trips every site, active or not', () => {
    const columns = decodeSnapshot(encodeSnapshot(CATALOG, { builtAt: 'now', source: 'test' }));
    expect(sitesOfSnapshot(columns).sort((a, b) => a.siteId.localeCompare(b.siteId))).toEqual(CATALOG);
  });

  it('refuses bytes that are not a snapshot', () => {
    expect(() => decodeSnapshot(new Uint8Array([1, 2, 3]))).toThrow();
  });

  it('merges an import over the catalog: replaced by id, others kept', () => {
    const [a, b] = [site('A School'), site('B School')];
    const merged = mergeCatalog([a!, b!], [{ ...a!, name: 'A Renamed School' }, site('C School')]);
    expect(merged.map((s) => s.name)).toEqual(['A Renamed School', 'B School', 'C School']);
  });
});

describe('compact index document', () => {
  it('lists only active sites as [siteId, name, group] with a content hash', () => {
    const compact = compactIndexOf(index);
    const document = JSON.parse(compact.json);
    expect(document.fields).toEqual(['siteId', 'name', 'group']);
    expect(document.sites).toHaveLength(CATALOG.filter((s) => s.active).length);
    const [siteId, name, group] = document.sites[0];
    const original = CATALOG.find((s) => s.siteId === siteId)!;
    expect([name, document.groups[group]]).toEqual([original.name, { category: original.category, group: original.group }]);
    expect(compactIndexOf(index)).toBe(compact);
    expect(compactIndexOf(indexOf(CATALOG)).hash).toBe(compact.hash);
    expect(compactIndexOf(indexOf(CATALOG.slice(1))).hash).not.toBe(compact.hash);
  });
});
