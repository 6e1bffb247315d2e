/**
 * One access-log line per request, after the answer is known: route, status, duration, agency,
 * correlation id and the caller's IP address (`sourceIp`, as API Gateway saw it). Never bodies,
 * headers, query strings or claims' values. The IP address is personal information: it is written
 * here, for telling abuse from staff traffic, and must not go into any other log line, metric or item.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../../runtime/logger';
import { type PipelineRequest, scopeIfStarted } from './request-scope';

export function statusOf(request: PipelineRequest): number {
  return (request.response as APIGatewayProxyStructuredResultV2 | null)?.statusCode ?? 500;
}

function logRequest(request: PipelineRequest) {
  const scope = scopeIfStarted(request.context);
  if (!scope) return;
  logger.info('request', {
    correlationId: scope.correlationId,
    operation: scope.route.operationId,
    method: scope.route.method,
    route: scope.route.path,
    status: statusOf(request),
    durationMs: Math.round((performance.now() - scope.started) * 10) / 10,
    agencyId: scope.caller?.agencyId,
    sourceIp: request.event.requestContext?.http?.sourceIp,
  });
}

export function accessLog() {
  return { after: logRequest, onError: logRequest };
}
