/** GET /v1/sites/tree: the browse tree, its counts equal to the totals of listing each node. */
import { routeIn } from '../api/routes/route-definition';
import { siteRoutes } from '../api/routes/site-routes';
import { siteTree } from '../domain/site-search/site-listing';
import { httpRoute } from '../http/route-pipeline';
import { siteIndexHolder } from '../runtime/site-search-dependencies';

export const handler = httpRoute(routeIn(siteRoutes, 'getSiteTree'), async () => {
  const { index } = await siteIndexHolder().current();
  return { status: 200, body: siteTree(index) };
});
