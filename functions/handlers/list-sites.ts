/** GET /v1/sites: search by name and/or list a tree node's sites, from the in-memory site index. */
import { siteRoutes } from '../api/routes/site-routes';
import { routeIn } from '../api/routes/route-definition';
import { DEFAULT_LIMIT, ListSitesQuerySchema } from '../api/site-search-schemas';
import type { SiteCategory } from '../domain/site';
import { listSites } from '../domain/site-search/site-listing';
import { httpHandler } from '../http/http-handler';
import { parseQueryOrThrow } from '../http/validation';
import { siteIndexHolder } from '../runtime/site-search-dependencies';

export const handler = httpHandler(routeIn(siteRoutes, 'listSites'), async ({ query }) => {
  const params = parseQueryOrThrow(ListSitesQuerySchema, query);
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
