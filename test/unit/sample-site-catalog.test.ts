import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SITE_CATEGORIES, type Site } from '../../functions/domain/site';
import { parseSiteCatalogCsv, sitesToCsv } from '../../functions/domain/site-catalog-csv';
import { DEFAULT_COUNT, DEFAULT_SEED, generateSampleSites } from '../../scripts/sample-sites/generate';

const SAMPLE = fileURLToPath(new URL('../../data/sites/sample-ontario-sites.csv', import.meta.url));

describe('the committed sample catalog (data/sites/sample-ontario-sites.csv)', () => {
  let bytes: Buffer;
  let sites: Site[];

  beforeAll(() => {
    bytes = readFileSync(SAMPLE);
    const result = parseSiteCatalogCsv(bytes);
    if (!result.ok) throw new Error(`sample catalog does not parse:\n${JSON.stringify(result.errors.slice(0, 20), null, 2)}`);
    sites = result.sites;
  });

  it('is UTF-8 without a BOM, with LF line endings and the contract header', () => {
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith('siteId,name,category,group,address,city,postalCode,active\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('parses with no errors into at least 5,000 sites', () => {
    expect(sites.length).toBeGreaterThanOrEqual(5_000);
  });

  it('is mostly schools, with every category present and a few dozen reception centres', () => {
    const count = (category: string) => sites.filter((s) => s.category === category).length;
    for (const category of SITE_CATEGORIES) expect(count(category)).toBeGreaterThan(0);
    expect(count('SCHOOL') / sites.length).toBeGreaterThan(0.7);
    expect(count('RECEPTION_CENTRE')).toBeGreaterThanOrEqual(24);
    expect(count('RECEPTION_CENTRE')).toBeLessThanOrEqual(60);
  });

  it('groups schools under at least 20 school boards, English and French', () => {
    const boards = new Set(sites.filter((s) => s.category === 'SCHOOL').map((s) => s.group));
    expect(boards.size).toBeGreaterThanOrEqual(20);
    expect(boards).toContain('Toronto District School Board');
    expect(boards).toContain('Conseil scolaire Viamonde');
    expect([...boards].some((b) => b.startsWith('Conseil '))).toBe(true);
    expect([...boards].some((b) => b.includes('Catholic'))).toBe(true);
  });

  it.each([
    ['accents', /[éèêôçàœ]/i],
    ['apostrophes', /'/],
    ['hyphens', /\p{L}-\p{L}/u],
  ])('has names with %s', (_label, pattern) => {
    expect(sites.filter((s) => pattern.test(s.name)).length).toBeGreaterThan(10);
  });

  it('places every site in Ontario (postal codes start with K, L, M, N or P)', () => {
    const outside = sites.filter((s) => !/^[KLMNP]\d[A-Z] \d[A-Z]\d$/.test(s.postalCode));
    expect(outside).toEqual([]);
  });

  it('has unique site ids and a few inactive sites', () => {
    expect(new Set(sites.map((s) => s.siteId)).size).toBe(sites.length);
    const inactive = sites.filter((s) => !s.active).length / sites.length;
    expect(inactive).toBeGreaterThan(0.01);
    expect(inactive).toBeLessThan(0.06);
  });

  it('has no two sites with the same name in the same city and group', () => {
    const keys = sites.map((s) => `${s.city}|${s.group}|${s.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is exactly what the generator makes with the default seed (regenerate it if this fails)', () => {
    const regenerated = sitesToCsv(generateSampleSites({ count: DEFAULT_COUNT, seed: DEFAULT_SEED }));
    // Compare as strings first for a readable diff, then byte for byte.
    expect(regenerated).toBe(bytes.toString('utf8'));
    expect(Buffer.from(regenerated, 'utf8').equals(bytes)).toBe(true);
  });
});

describe('generateSampleSites', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = sitesToCsv(generateSampleSites({ count: 300, seed: 7 }));
    expect(sitesToCsv(generateSampleSites({ count: 300, seed: 7 }))).toBe(a);
    expect(sitesToCsv(generateSampleSites({ count: 300, seed: 8 }))).not.toBe(a);
  });

  it.each([0, 1, 3, 250, 12_345])('makes exactly %i valid sites', (count) => {
    const sites = generateSampleSites({ count, seed: 'any text seed' });
    expect(sites).toHaveLength(count);
    if (count === 0) return;
    const result = parseSiteCatalogCsv(new TextEncoder().encode(sitesToCsv(sites)));
    expect(result.ok ? result.sites : result.errors.slice(0, 5)).toEqual(sites);
    if (count >= 3) expect(new Set(sites.map((s) => s.category)).size).toBe(3);
  });
});
