/** GET /v1/sites/{siteId}: one site, active or not (old registrations still point at inactive ones). */
import { routeIn } from '../api/routes/route-definition';
import { siteRoutes } from '../api/routes/site-routes';
import { NotFoundError } from '../domain/errors';
import { message } from '../domain/messages';
import { httpRoute } from '../http/route-pipeline';
import { storageDependencies } from '../runtime/dependencies';

export const handler = httpRoute(routeIn(siteRoutes, 'getSite'), async ({ params }) => {
  const site = await storageDependencies().sites.get(params.siteId);
  if (!site) throw new NotFoundError(message('site.notFound'));
  return { status: 200, body: site };
});
