/**
 * Every input a route declares, parsed with its schema before the implementation runs (and so before
 * any store call): path parameters (a value that cannot be an id is the route's 404), query
 * parameters (an empty one counts as absent; a bad one is a 400 naming it), and the body (a 400
 * naming every bad field). What the implementation receives is what these schemas output.
 */
import type { RouteDefinition } from '../../api/routes/route-definition';
import { NotFoundError } from '../../domain/errors';
import { message } from '../../domain/messages';
import { parseOrThrow } from '../validation';
import { type PipelineRequest, scopeOf } from './request-scope';

export function validatedInput(route: RouteDefinition) {
  return {
    before: (request: PipelineRequest) => {
      const { event, context } = request;
      const scope = scopeOf(context);
      if (route.params) {
        const result = route.params.safeParse(event.pathParameters ?? {});
        if (!result.success) throw new NotFoundError(route.notFound ?? message('request.notFound'));
        scope.params = result.data;
      }
      if (route.query) {
        const present = Object.fromEntries(
          Object.entries(event.queryStringParameters ?? {}).filter(([, value]) => value !== '' && value !== undefined),
        );
        scope.query = parseOrThrow(route.query, present, { detail: message('request.invalidQuery') });
      }
      if (route.requestBody) {
        scope.body = parseOrThrow(route.requestBody(scope.today), scope.rawBody, {
          serverOwnedFields: route.serverOwnedFields,
          immutableFields: route.immutableFields,
        });
      }
    },
  };
}
