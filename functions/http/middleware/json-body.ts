/**
 * The body of a route that takes one: `application/json`, at most 64 KiB, parsed. A body in another
 * media type is a 415, a larger one a 413, text that is not JSON a 400 with an empty pointer.
 * Routes without a request body never look at it.
 */
import type { RouteDefinition } from '../../api/routes/route-definition';
import { InvalidRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../../domain/errors';
import { message } from '../../domain/messages';
import { type PipelineRequest, scopeOf } from './request-scope';

export const MAX_BODY_BYTES = 64 * 1024;

export function jsonBody(route: RouteDefinition) {
  return {
    before: (request: PipelineRequest) => {
      if (!route.requestBody) return;
      const { event } = request;
      const mediaType = (event.headers?.['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (mediaType !== 'application/json') throw new UnsupportedMediaTypeError(message('request.notJsonMediaType'));
      const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
      if (bytes.length > MAX_BODY_BYTES) {
        throw new PayloadTooLargeError(message('request.tooLarge', { bytes: bytes.length, limit: MAX_BODY_BYTES }));
      }
      try {
        scopeOf(request.context).rawBody = JSON.parse(bytes.toString('utf8'));
      } catch {
        throw new InvalidRequestError([{ pointer: '', detail: message('field.notJson') }], message('request.notJson'));
      }
    },
  };
}
