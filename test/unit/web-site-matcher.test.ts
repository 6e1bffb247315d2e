/**
 * The Find dialog's type-ahead (web/src/site-matcher.ts) against the server's reference scan
 * (functions/domain/site-search/naive-scan.ts): fed the compact index GET /v1/sites/index sends, it
 * must list the same sites in the same order, and count the same total.
 */
import { describe, expect, it } from '@jest/globals';
import type { Site } from '../../functions/domain/site';
import { NaiveSiteScan } from '../../functions/domain/site-search/naive-scan';
import { normalizeName } from '../../functions/domain/site-search/normalize';
import { compactIndexOf } from '../../functions/domain/site-search/site-listing';
import { SiteSearchIndex } from '../../functions/domain/site-search/site-search-index';
import { decodeSnapshot, encodeSnapshot } from '../../functions/domain/site-search/snapshot';
import { generateSampleSites, mulberry32 } from '../../scripts/sample-sites/generate';
import { sampleSites } from '../../support/sample-sites';
import { type CompactSiteIndex, SiteMatcher } from '../../web/src/site-matcher';
import { expectWithMessage } from '../support/expect-with-message';

/** The compact index exactly as the route serialises it, read back as a browser would. */
function compactIndex(sites: readonly Site[]): CompactSiteIndex {
  const index = new SiteSearchIndex(decodeSnapshot(encodeSnapshot(sites, { builtAt: '2025-01-01T00:00:00.000Z', source: 'test' })));
  return JSON.parse(compactIndexOf(index).json) as CompactSiteIndex;
}

function expectSameAsServer(matcher: SiteMatcher, scan: NaiveSiteScan, q: string, limit = 25) {
  const expected = scan.search(q);
  const found = matcher.search(q, limit);
  expectWithMessage(found.total, q).toBe(expected.length);
  expectWithMessage(
    found.items.map((s) => s.siteId),
    q,
  ).toEqual(expected.slice(0, limit).map((m) => m.site.siteId));
}

describe('type-ahead over the compact site index', () => {
  const sample = sampleSites();
  const matcher = new SiteMatcher(compactIndex(sample));
  const scan = new NaiveSiteScan(sample);

  it('finds names by word prefixes in any order, ignoring case, accents and punctuation', () => {
    const names = (q: string) => matcher.search(q, 100).items.map((s) => s.name);
    expect(names('josiah hen')).toContain('Josiah Henson Public School');
    expect(names('HENSON jos')).toContain('Josiah Henson Public School');
    expect(names('therese casgrain')).toContain('Thérèse Casgrain Public School');
    expect(names('st jean brebeuf')).toContain('St. Jean de Brébeuf Catholic School');
    expect(names('zzzz qqqq')).toEqual([]);
    const josiah = matcher.search('josiah henson public', 25);
    expect(josiah.total).toBe(6);
    expect(josiah.items.find((s) => s.siteId === 'ON-SCH-000001')).toEqual({
      siteId: 'ON-SCH-000001',
      name: 'Josiah Henson Public School',
      group: 'Toronto District School Board',
    });
  });

  it('lists inactive sites never (the index holds active sites only)', () => {
    const inactive = sample.find((s) => !s.active)!;
    expect(matcher.search(inactive.name, 5000).items.map((s) => s.siteId)).not.toContain(inactive.siteId);
  });

  it.each(['josiah hen', 'public sch', 'elementry', 'publc schol', 'st marys', 'saint-jean', 'ecole', 'a', 's', '', '---', 'aurora lib'])(
    'agrees with the server on %j',
    (q) => expectSameAsServer(matcher, scan, q),
  );

  it('agrees with the server on random queries (prefixes, typos, several words) over a generated catalog', () => {
    const sites = generateSampleSites({ count: 3_000, seed: 23 });
    const generated = new SiteMatcher(compactIndex(sites));
    const reference = new NaiveSiteScan(sites);
    const random = mulberry32(9);
    const words = sites.flatMap((s) => normalizeName(s.name).words);
    const pick = () => words[Math.floor(random() * words.length)] as string;
    const typo = (w: string) => {
      const at = Math.floor(random() * w.length);
      return random() < 0.5 ? w.slice(0, at) + w.slice(at + 1) : w.slice(0, at) + 'e' + w.slice(at + 1);
    };
    for (let i = 0; i < 300; i += 1) {
      const q = [
        pick().slice(0, 1 + Math.floor(random() * 6)),
        random() < 0.5 ? typo(pick()) : '',
        random() < 0.3 ? pick().toUpperCase() : '',
      ].join(' ');
      expectSameAsServer(generated, reference, q, 30);
    }
  });
});
