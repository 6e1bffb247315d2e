/**
 * The structured logger: Powertools for AWS Lambda's Logger, one JSON line per event.
 * It must never receive request bodies, comments, postal codes or tokens: callers log ids, routes,
 * statuses and durations only. The formatter below drops such keys at any depth as a second line of
 * defence, not the first (a test reads the server's whole log for planted values).
 *
 * Why Powertools and not pino (which this service used before): it shares its runtime with the
 * Powertools Metrics the handlers now use, and pino with its worker-thread transport machinery was
 * about 60 KB of every bundle, against about 18 KB here (docs/benchmarks.md, function bundles).
 * Per-request keys (correlation id, operation) are passed with each call, never appended to the
 * shared instance: the embedded mode runs many requests of one handler concurrently in one process.
 */
import { LogFormatter, LogItem, Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { SERVICE_NAME } from './env';

export type { Logger };

/** Keys whose values may be personal information or secrets: never written, whatever their depth. */
const REDACTED_KEYS = new Set([
  'body',
  'rawBody',
  'comments',
  'notes',
  'postalCode',
  'authorization',
  'headers',
  'token',
  'claims',
  'query',
]);
const REDACTED = '[redacted]';

function redact(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) result[key] = REDACTED_KEYS.has(key) ? REDACTED : redact(item, depth + 1);
  return result;
}

class RedactingLogFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additionalLogAttributes: LogAttributes): LogItem {
    return new LogItem({
      attributes: {
        level: attributes.logLevel,
        message: attributes.message,
        timestamp: this.formatTimestamp(attributes.timestamp),
        service: attributes.serviceName,
        function_request_id: attributes.lambdaContext?.awsRequestId,
        xray_trace_id: attributes.xRayTraceId,
      },
    }).addAttributes(redact(additionalLogAttributes) as LogAttributes);
  }
}

export const logger = new Logger({
  serviceName: SERVICE_NAME,
  logLevel: (process.env.LOG_LEVEL ?? 'INFO').toUpperCase() as 'INFO',
  logFormatter: new RedactingLogFormatter(),
});
