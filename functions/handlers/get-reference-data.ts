/** GET /v1/reference-data: the codes and bilingual labels behind the registration form's choices. */
import { routeIn } from '../api/routes/route-definition';
import { serviceRoutes } from '../api/routes/service-routes';
import { referenceData } from '../domain/reference-data';
import { httpRoute } from '../http/route-pipeline';

export const handler = httpRoute(routeIn(serviceRoutes, 'getReferenceData'), async ({ today }) => ({
  status: 200,
  body: referenceData(Number(today.slice(0, 4))),
  headers: { 'cache-control': 'private, max-age=300' },
}));
