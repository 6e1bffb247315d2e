/** GET /v1/anonymous-clients: "Find a Client or Group Activity in my Agency" (only the caller's agency). */
import { clientRoutes } from '../api/routes/client-routes';
import { routeIn } from '../api/routes/route-definition';
import { type FindDependencies, findAnonymousClients } from '../domain/find-anonymous-clients';
import { httpRoute } from '../http/route-pipeline';
import { storageDependencies } from '../runtime/dependencies';
import { searchCursorCodec } from '../runtime/search-config';
import { clientSearchIndex } from '../runtime/search-dependencies';

const defaultDependencies = (): FindDependencies => ({
  index: clientSearchIndex(),
  clients: storageDependencies().clients,
  cursors: searchCursorCodec(),
});

export function createFindAnonymousClientsHandler(deps: () => FindDependencies = defaultDependencies) {
  return httpRoute(routeIn(clientRoutes, 'findAnonymousClients'), async ({ caller, query, metrics }) => {
    const result = await findAnonymousClients(query, caller, deps());
    metrics.count('CommentSearches', 1, { kind: query.q === undefined ? 'filters' : 'words' });
    return { status: 200, body: result };
  });
}

export const handler = createFindAnonymousClientsHandler();
