/** GET /v1/sites: search by name and/or list a tree node's sites, from the in-memory site index. */
import { routeIn } from '../api/routes/route-definition';
import { siteRoutes } from '../api/routes/site-routes';
import { DEFAULT_LIMIT } from '../api/site-search-schemas';
import { listSites } from '../domain/site-search/site-listing';
import { httpRoute } from '../http/route-pipeline';
import { siteIndexHolder } from '../runtime/site-search-dependencies';

export const handler = httpRoute(routeIn(siteRoutes, 'listSites'), async ({ query }) => {
  const { index } = await siteIndexHolder().current();
  const body = listSites(index, {
    q: query.q,
    categories: query.category,
    group: query.group,
    limit: query.limit ?? DEFAULT_LIMIT,
    cursor: query.cursor,
  });
  return { status: 200, body };
});
