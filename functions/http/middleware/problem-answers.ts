/**
 * Every error of the pipeline or the implementation becomes a problem+json answer in the caller's
 * language (Content-Language and Vary say so). Only a 5xx is logged, with the error's name, message
 * and stack: never the request, whose body may hold comments or postal codes.
 */
import { logger } from '../../runtime/logger';
import { toApiGatewayResult } from '../api-result';
import { languageHeaders } from '../language';
import { problemFromError } from '../problem';
import { languageOf, type PipelineRequest, scopeIfStarted } from './request-scope';

export function problemAnswers() {
  return {
    onError: (request: PipelineRequest) => {
      const { error } = request;
      const scope = scopeIfStarted(request.context);
      const correlationId = scope?.correlationId ?? request.context.awsRequestId ?? 'unknown';
      const language = languageOf(request);
      const problem = problemFromError(error, correlationId, language);
      problem.headers = { ...problem.headers, ...languageHeaders(language) };
      if (problem.status >= 500) {
        const err = error instanceof Error ? error : new Error(String(error));
        logger.error('request failed', {
          correlationId,
          operation: scope?.route.operationId,
          error: { name: err.name, message: err.message, stack: err.stack },
        });
      }
      request.response = toApiGatewayResult(problem);
    },
  };
}
