/**
 * The caller from the JWT authorizer's claims, and the route's role check. Public routes have no
 * caller; on every other route the implementation is typed to receive one (route-pipeline.ts).
 */
import type { RouteDefinition } from '../../api/routes/route-definition';
import { ForbiddenError } from '../../domain/errors';
import { message } from '../../domain/messages';
import { callerFromClaims } from '../caller-from-claims';
import { type PipelineRequest, scopeOf } from './request-scope';

export function authorizedCaller(route: RouteDefinition) {
  return {
    before: (request: PipelineRequest) => {
      if (route.auth === 'public') return;
      const caller = callerFromClaims(request.event.requestContext.authorizer?.jwt?.claims);
      if (!caller.roles.some((role) => route.roles.includes(role))) {
        throw new ForbiddenError(message('request.rolesRequired', { roles: route.roles.join(', ') }));
      }
      scopeOf(request.context).caller = caller;
    },
  };
}
