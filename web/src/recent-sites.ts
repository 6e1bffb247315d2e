/**
 * The registration sites a worker chose last, on this device: kept in localStorage per agency and user
 * (site ids and names are public catalog data, not personal information), newest first, at most
 * MAX_RECENT. Pure apart from the Storage handed in, so the unit tests drive it with a plain object.
 */

export interface RecentSite {
  siteId: string;
  name: string;
}

export const MAX_RECENT = 5;

/** What is used of localStorage (declared here: the unit tests are type-checked without the DOM's types). */
interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** One list per agency and user: two workers sharing a computer keep their own sites. */
export function recentSitesKey(agencyId: string, userId: string): string {
  return `recent-sites:${agencyId}:${userId}`;
}

/** The list held under `key`; anything unreadable (another version, a hand edit) counts as none. */
export function readRecentSites(storage: KeyValueStore, key: string): RecentSite[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(key) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter(
      (item): item is RecentSite =>
        typeof item === 'object' && item !== null && typeof item.siteId === 'string' && item.siteId !== '' && typeof item.name === 'string',
    )
    .slice(0, MAX_RECENT);
}

/** Puts `site` first (once), keeps the newest MAX_RECENT, and returns the list as stored. */
export function rememberSite(storage: KeyValueStore, key: string, site: RecentSite): RecentSite[] {
  const list = [
    { siteId: site.siteId, name: site.name },
    ...readRecentSites(storage, key).filter((item) => item.siteId !== site.siteId),
  ].slice(0, MAX_RECENT);
  try {
    storage.setItem(key, JSON.stringify(list));
  } catch {
    // A full or disabled storage only costs the shortcut, never the choice itself.
  }
  return list;
}

/** `items` with the recent ones first (newest first), the others after them in their own order. */
export function recentFirst<T extends { siteId: string }>(items: readonly T[], recent: readonly RecentSite[]): T[] {
  const position = new Map(recent.map((site, i) => [site.siteId, i]));
  const first = items.filter((item) => position.has(item.siteId)).sort((a, b) => position.get(a.siteId)! - position.get(b.siteId)!);
  return [...first, ...items.filter((item) => !position.has(item.siteId))];
}
