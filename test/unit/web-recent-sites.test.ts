/**
 * The registration sites a worker chose last (web/src/recent-sites.ts) and the Find dialog's
 * alphabetical ranges (web/src/alphabetical-ranges.ts): pure logic, run in node.
 */
import { describe, expect, it } from '@jest/globals';
import { sortKeyOf } from '../../functions/domain/site-search/normalize';
import { sampleSites } from '../../support/sample-sites';
import { alphabeticalRanges, MAX_LIST } from '../../web/src/alphabetical-ranges';
import { MAX_RECENT, readRecentSites, recentFirst, recentSitesKey, rememberSite } from '../../web/src/recent-sites';
import { expectWithMessage } from '../support/expect-with-message';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const site = (n: number) => ({ siteId: `ON-SCH-${String(n).padStart(6, '0')}`, name: `School ${n}` });

describe('recent sites', () => {
  it('keeps one list per agency and user', () => {
    const storage = memoryStorage();
    rememberSite(storage, recentSitesKey('agency-a', 'worker-1'), site(1));
    rememberSite(storage, recentSitesKey('agency-b', 'worker-1'), site(2));
    rememberSite(storage, recentSitesKey('agency-a', 'worker-2'), site(3));
    expect(readRecentSites(storage, recentSitesKey('agency-a', 'worker-1'))).toEqual([site(1)]);
    expect(readRecentSites(storage, recentSitesKey('agency-b', 'worker-1'))).toEqual([site(2)]);
    expect(readRecentSites(storage, recentSitesKey('agency-a', 'worker-2'))).toEqual([site(3)]);
  });

  it('puts the last chosen first, once, and keeps the newest five', () => {
    const storage = memoryStorage();
    const key = recentSitesKey('agency', 'worker');
    for (const n of [1, 2, 3, 4, 5, 6]) rememberSite(storage, key, site(n));
    expect(readRecentSites(storage, key)).toEqual([6, 5, 4, 3, 2].map(site));
    expect(rememberSite(storage, key, site(3))).toEqual([3, 6, 5, 4, 2].map(site));
    expect(readRecentSites(storage, key)).toHaveLength(MAX_RECENT);
  });

  it('reads an unreadable or foreign value as no recent sites, and drops malformed entries', () => {
    const key = recentSitesKey('agency', 'worker');
    expect(readRecentSites(memoryStorage({ [key]: '{not json' }), key)).toEqual([]);
    expect(readRecentSites(memoryStorage({ [key]: '{"siteId":"x"}' }), key)).toEqual([]);
    expect(
      readRecentSites(memoryStorage({ [key]: JSON.stringify([site(1), { siteId: 7 }, null, { siteId: '', name: 'x' }, site(2)]) }), key),
    ).toEqual([site(1), site(2)]);
  });

  it('still returns the choice when the storage refuses to keep it', () => {
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(rememberSite(refusing, 'k', site(1))).toEqual([site(1)]);
  });

  it('ranks recent sites first among matches, newest first, the others in their order', () => {
    const matches = [1, 2, 3, 4, 5].map(site);
    expect(recentFirst(matches, [site(4), site(9), site(2)]).map((s) => s.name)).toEqual([
      'School 4',
      'School 2',
      'School 1',
      'School 3',
      'School 5',
    ]);
    expect(recentFirst(matches, [])).toEqual(matches);
  });
});

describe('alphabetical ranges of the Find dialog tree', () => {
  const names = (list: string[]) => list.map((name) => ({ name, key: sortKeyOf(name) }));

  it('leaves a list that fits as one range', () => {
    const ranges = alphabeticalRanges(names(['Ajax', 'Barrie', 'Cobourg']), (item) => item.key);
    expect(ranges.map((range) => range.label)).toEqual(['A–C']);
  });

  it('keeps whole initial letters together and cuts a letter longer than the limit into labelled parts', () => {
    const list = names([
      ...Array.from({ length: 30 }, (_, i) => `Alpha ${String(i).padStart(2, '0')}`),
      ...Array.from({ length: 15 }, (_, i) => `Beta ${String(i).padStart(2, '0')}`),
      ...Array.from({ length: 10 }, (_, i) => `Gamma ${String(i).padStart(2, '0')}`),
      ...Array.from({ length: 120 }, (_, i) => `S${String.fromCharCode(97 + Math.floor(i / 10))} ${String(i).padStart(3, '0')}`),
      'Zeta',
    ]);
    const ranges = alphabeticalRanges(list, (item) => item.key);
    expect(ranges.map((range) => [range.label, range.items.length])).toEqual([
      ['A–B', 45],
      ['G', 10],
      ['Sa–Sd', 40],
      ['Se–Sh', 40],
      ['Si–Sl', 40],
      ['Z', 1],
    ]);
    expect(ranges.flatMap((range) => range.items)).toEqual(list);
  });

  it('cuts the sample catalog into lists of at most 50: the non-school groups, and every group of sites', () => {
    const active = sampleSites().filter((s) => s.active);
    const groups = [...new Set(active.filter((s) => s.category !== 'SCHOOL').map((s) => s.group))]
      .map((group) => ({ group, key: sortKeyOf(group) }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(groups.length).toBeGreaterThan(MAX_LIST);
    const groupRanges = alphabeticalRanges(groups, (g) => g.key);
    expect(Math.max(...groupRanges.map((range) => range.items.length))).toBeLessThanOrEqual(MAX_LIST);
    expect(groupRanges.flatMap((range) => range.items)).toEqual(groups);
    const byGroup = new Map<string, string[]>();
    for (const s of active) byGroup.set(s.group, [...(byGroup.get(s.group) ?? []), sortKeyOf(s.name)]);
    for (const [group, keys] of byGroup) {
      const ranges = alphabeticalRanges(keys.sort(), (key) => key);
      expectWithMessage(Math.max(...ranges.map((range) => range.items.length)), group).toBeLessThanOrEqual(MAX_LIST);
      expectWithMessage(new Set(ranges.map((range) => range.label)).size, group).toBe(ranges.length);
    }
  });
});
