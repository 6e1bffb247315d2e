import type { Site } from '../domain/site';
import type { SiteCatalog } from '../ports/site-catalog';

/**
 * Remembers looked-up sites for a short time: every registration needs its site's name, and the
 * catalog changes a few times a year. A site deactivated now may be accepted for up to `ttlMs` more.
 */
export function cachedSiteCatalog(inner: SiteCatalog, ttlMs: number, now: () => number = Date.now): SiteCatalog {
  const cache = new Map<string, { site: Site | undefined; until: number }>();
  return {
    async get(siteId) {
      const hit = cache.get(siteId);
      if (hit && hit.until > now()) return hit.site;
      const site = await inner.get(siteId);
      // Unknown ids are not cached: a catalog import may add them at any moment.
      if (site) cache.set(siteId, { site, until: now() + ttlMs });
      return site;
    },
  };
}
