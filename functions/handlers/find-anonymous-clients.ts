/** GET /v1/anonymous-clients: "Find a Client or Group Activity in my Agency" (only the caller's agency). */
import { clientRoutes } from '../api/routes/client-routes';
import { routeIn } from '../api/routes/route-definition';
import { FindAnonymousClientsQuerySchema, type FindDependencies, findAnonymousClients } from '../domain/find-anonymous-clients';
import { httpHandler } from '../http/http-handler';
import { parseQueryOrThrow } from '../http/validation';
import { storageDependencies } from '../runtime/dependencies';
import { searchCursorCodec } from '../runtime/search-config';
import { clientSearchIndex } from '../runtime/search-dependencies';

const defaultDependencies = (): FindDependencies => ({
  index: clientSearchIndex(),
  clients: storageDependencies().clients,
  cursors: searchCursorCodec(),
});

export function createFindAnonymousClientsHandler(deps: () => FindDependencies = defaultDependencies) {
  return httpHandler(routeIn(clientRoutes, 'findAnonymousClients'), async ({ caller, query }) => {
    const parsed = parseQueryOrThrow(FindAnonymousClientsQuerySchema, query);
    const result = await findAnonymousClients(parsed, caller!, deps());
    return { status: 200, body: result };
  });
}

export const handler = createFindAnonymousClientsHandler();
