/**
 * The site-index snapshot: the whole site catalog (active and inactive sites) as ONE gzip-compressed
 * JSON object, which an import writes to the site-index bucket with a single PUT. Readers therefore
 * see the old snapshot or the new one, never a mix. Search handlers build their in-memory index from
 * it; the next import merges its file into it. Pure (node:zlib only); never logs site data.
 *
 * Columnar layout (one array per field, groups and cities as small tables referenced by position),
 * sorted in search order, with every name already split into normalised words (a sorted dictionary
 * and word positions per site): a reader neither sorts nor normalises, which keeps a Lambda cold
 * start short. Names are normalised once, by the import.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { SITE_CATEGORIES, type Site, type SiteCategory } from '../site';
import { normalizeName } from './normalize';

export const SNAPSHOT_FORMAT = 1;

export interface SnapshotColumns {
  format: typeof SNAPSHOT_FORMAT;
  builtAt: string;
  source: string;
  /** `[category, group]` pairs; a site refers to one by position. */
  groups: [SiteCategory, string][];
  cities: string[];
  siteId: string[];
  name: string[];
  group: number[];
  address: string[];
  city: number[];
  postalCode: string[];
  /** "1" (active) or "0" per site. */
  active: string;
  /** Every normalised word of every name, sorted by UTF-16 code units, without repeats. */
  dictionary: string[];
  /** Per site, its words as positions in `dictionary`: the words in order, then the joined compounds. */
  wordIds: number[];
  /** Per site, how many of its `wordIds` are words in order (the rest are joined compounds). */
  wordCount: number[];
  /** Per site, how many joined compounds follow. */
  joinedCount: number[];
}

/** Search order: normalised name, then the name as written, then the id (a total order). */
export function compareSites(
  a: Pick<Site, 'name' | 'siteId'> & { key: string },
  b: Pick<Site, 'name' | 'siteId'> & { key: string },
): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : 0;
}

/** The snapshot of `sites` (any order), gzip-compressed, ready for one PUT. */
export function encodeSnapshot(sites: readonly Site[], meta: { builtAt: string; source: string }): Uint8Array {
  const ordered = sites
    .map((site) => {
      const normalized = normalizeName(site.name);
      return { site, normalized, key: normalized.words.join(' '), name: site.name, siteId: site.siteId };
    })
    .sort(compareSites);
  const dictionary = [...new Set(ordered.flatMap(({ normalized }) => [...normalized.words, ...normalized.joined]))].sort();
  const wordId = new Map(dictionary.map((word, id) => [word, id]));
  const groupIds = new Map<string, number>();
  const cityIds = new Map<string, number>();
  const columns: SnapshotColumns = {
    format: SNAPSHOT_FORMAT,
    builtAt: meta.builtAt,
    source: meta.source,
    groups: [],
    cities: [],
    siteId: [],
    name: [],
    group: [],
    address: [],
    city: [],
    postalCode: [],
    active: '',
    dictionary,
    wordIds: [],
    wordCount: [],
    joinedCount: [],
  };
  const active: string[] = [];
  for (const { site, normalized } of ordered) {
    const groupKey = `${site.category}\u0000${site.group}`;
    let group = groupIds.get(groupKey);
    if (group === undefined) {
      group = columns.groups.length;
      groupIds.set(groupKey, group);
      columns.groups.push([site.category, site.group]);
    }
    let city = cityIds.get(site.city);
    if (city === undefined) {
      city = columns.cities.length;
      cityIds.set(site.city, city);
      columns.cities.push(site.city);
    }
    columns.siteId.push(site.siteId);
    columns.name.push(site.name);
    columns.group.push(group);
    columns.address.push(site.address);
    columns.city.push(city);
    columns.postalCode.push(site.postalCode);
    active.push(site.active ? '1' : '0');
    for (const word of [...normalized.words, ...normalized.joined]) columns.wordIds.push(wordId.get(word) as number);
    columns.wordCount.push(normalized.words.length);
    columns.joinedCount.push(normalized.joined.length);
  }
  columns.active = active.join('');
  return gzipSync(JSON.stringify(columns), { level: 9 });
}

/** Reads a snapshot; throws if it is not one this code understands (never a half-read catalog). */
export function decodeSnapshot(bytes: Uint8Array): SnapshotColumns {
  const columns = JSON.parse(gunzipSync(bytes).toString('utf8')) as SnapshotColumns;
  const n = columns.siteId?.length;
  const consistent =
    columns.format === SNAPSHOT_FORMAT &&
    Array.isArray(columns.groups) &&
    Array.isArray(columns.cities) &&
    [columns.name, columns.group, columns.address, columns.city, columns.postalCode].every((c) => Array.isArray(c) && c.length === n) &&
    typeof columns.active === 'string' &&
    columns.active.length === n &&
    Array.isArray(columns.dictionary) &&
    [columns.wordCount, columns.joinedCount].every((c) => Array.isArray(c) && c.length === n) &&
    Array.isArray(columns.wordIds) &&
    columns.groups.every(([category]) => (SITE_CATEGORIES as readonly string[]).includes(category));
  if (!consistent) throw new Error(`The site index is not a format-${SNAPSHOT_FORMAT} snapshot`);
  return columns;
}

/** Every site of a snapshot (active and inactive) as site records. */
export function sitesOfSnapshot(columns: SnapshotColumns): Site[] {
  return columns.siteId.map((siteId, i) => {
    const [category, group] = columns.groups[columns.group[i] as number] as [SiteCategory, string];
    return {
      siteId,
      name: columns.name[i] as string,
      category,
      group,
      address: columns.address[i] as string,
      city: columns.cities[columns.city[i] as number] as string,
      postalCode: columns.postalCode[i] as string,
      active: columns.active[i] === '1',
    };
  });
}

/**
 * The catalog after importing `incoming` over `base`: a site in the file replaces the one with its id;
 * a site missing from the file stays as it was (old registrations point at it; deactivate it with
 * active=false instead).
 */
export function mergeCatalog(base: readonly Site[], incoming: readonly Site[]): Site[] {
  const merged = new Map(base.map((site) => [site.siteId, site]));
  for (const site of incoming) merged.set(site.siteId, site);
  return [...merged.values()];
}
