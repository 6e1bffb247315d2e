/**
 * The structured logger. One JSON line per event, with a correlation id per request.
 * It must never receive request bodies, comments, postal codes or tokens: callers log ids, routes,
 * statuses and durations only. The redaction below is a second line of defence, not the first.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export const logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'newcomer-intake' },
  redact: {
    paths: ['body', '*.body', 'comments', '*.comments', 'postalCode', '*.postalCode', 'authorization', '*.authorization', 'headers', '*.headers', 'token', '*.token'],
    censor: '[redacted]',
  },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});
