/** GET /v1/sites: search by name and/or list a tree node's sites, from the in-memory site index. */
import { siteRoutes } from '../api/routes/site-routes';
import { routeIn } from '../api/routes/route-definition';
import { DEFAULT_LIMIT, ListSitesQuerySchema } from '../api/site-search-schemas';
import type { SiteCategory } from '../domain/site';
import { listSites } from '../domain/site-search/site-listing';
import { httpHandler } from '../http/http-handler';
import { parseOrThrow } from '../http/validation';
import { siteIndexHolder } from '../runtime/site-search-dependencies';

/** `?q=&category=` as the contract writes it: an empty parameter means the same as an absent one. */
function withoutEmptyValues(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

export const handler = httpHandler(routeIn(siteRoutes, 'listSites'), async ({ query }) => {
  const params = parseOrThrow(ListSitesQuerySchema, withoutEmptyValues(query), { detail: 'One or more query parameters are not valid.' });
  const { index } = await siteIndexHolder().current();
  const body = listSites(index, {
    q: params.q,
    categories: params.category?.split(',') as SiteCategory[] | undefined,
    group: params.group,
    limit: params.limit ?? DEFAULT_LIMIT,
    cursor: params.cursor,
  });
  return { status: 200, body };
});
