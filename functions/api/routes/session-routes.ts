/** Session routes: "Begin Session with Client" and the one session an anonymous profile takes. Part of the route table (functions/api/routes.ts). */
import { CLIENT_NOT_FOUND } from '../../domain/anonymous-client';
import { newSessionSchema, SessionDraftSchema, SessionListSchema, SessionSchema } from '../../domain/session';
import { ClientIdParamsSchema } from '../path-parameters';
import { AGENCY_ROLES, type RouteDefinition } from './route-definition';
export const sessionRoutes = [
  {
    operationId: 'getSessionDraft',
    method: 'GET',
    path: '/v1/anonymous-clients/{clientId}/session-draft',
    handler: 'functions/handlers/get-session-draft.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: { client: ['get'] } },
    summary: '"Begin Session with Client": the session form pre-filled from the profile',
    tag: 'Sessions',
    params: ClientIdParamsSchema,
    notFound: CLIENT_NOT_FOUND,
    success: { status: 200, description: "Pre-filled: agency, site, today's date, in person.", schema: SessionDraftSchema },
    errorStatuses: [404],
  },
  {
    operationId: 'beginSession',
    method: 'POST',
    path: '/v1/anonymous-clients/{clientId}/sessions',
    handler: 'functions/handlers/begin-session.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: { client: ['get', 'check'], session: ['put'], audit: ['put'], site: ['get'] } },
    summary: 'Create the one session an anonymous client takes',
    description:
      'An anonymous person is a new client each time a session is created: a second session for the same profile is a 409 telling staff to register a new anonymous client.',
    tag: 'Sessions',
    requestBody: (today) => newSessionSchema(today),
    params: ClientIdParamsSchema,
    notFound: CLIENT_NOT_FOUND,
    success: { status: 201, description: 'The session.', schema: SessionSchema },
    errorStatuses: [404, 409, 413, 415, 422],
  },
  {
    operationId: 'listSessions',
    method: 'GET',
    path: '/v1/anonymous-clients/{clientId}/sessions',
    handler: 'functions/handlers/list-sessions.ts',
    auth: 'jwt',
    roles: AGENCY_ROLES,
    access: { table: { client: ['get'], session: ['query'] } },
    summary: "The client's session (at most one)",
    tag: 'Sessions',
    params: ClientIdParamsSchema,
    notFound: CLIENT_NOT_FOUND,
    success: { status: 200, description: 'Zero or one session.', schema: SessionListSchema },
    errorStatuses: [404],
  },
] as const satisfies readonly RouteDefinition[];
