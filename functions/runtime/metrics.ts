/**
 * Business metrics as CloudWatch EMF lines, through Powertools for AWS Lambda's Metrics (its middy
 * middleware flushes them after each request; see functions/http/route-pipeline.ts). Namespace
 * from POWERTOOLS_METRICS_NAMESPACE (one per stage, set by the CDK stack), dimension `service`.
 *
 * Never a personal value in a name or a dimension: dimensions are codes from fixed lists (receipt
 * format and language, problem kind, search kind), never agency, user, client or site ids, which
 * would also make a metric per id. Alarms (lib/alarms.ts) read these names: rename with care.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { SERVICE_NAME } from './env';
import { logger } from './logger';

/** Every business metric the service writes, with the dimensions each takes (values are codes). */
export interface BusinessMetrics {
  /** Clients stored by a registration, single or batch (a replayed request stores none). */
  AnonymousClientsRegistered: Record<string, never>;
  /** Clients per batch registration: its statistics (average, maximum) describe room sizes. */
  RegistrationBatchSize: Record<string, never>;
  /** Requests answered from an earlier one with the same Idempotency-Key. */
  IdempotentReplays: Record<string, never>;
  AnonymousClientsEdited: Record<string, never>;
  ReceiptsCreated: { format: string; language: string };
  /** "Find a Client": `words` when q was given, `filters` for site or dates alone. */
  CommentSearches: { kind: 'words' | 'filters' };
  SessionsBegun: Record<string, never>;
  /** 4xx answers, by problem kind (`invalid-request`, `not-found`, ...). */
  ClientErrors: { kind: string };
  /** 503 answers: the table or a bucket did not answer. Alarmed on. */
  DependencyUnavailable: Record<string, never>;
}
export type BusinessMetricName = keyof BusinessMetrics;

/**
 * Powertools warns on every flush without metrics ("No application metrics to publish"); a read
 * route records none by design, so that one line is dropped and every other warning is kept.
 */
const metricsLog = {
  debug: () => {},
  info: () => {},
  warn: (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('No application metrics to publish')) return;
    logger.warn(String(args[0]));
  },
  error: (...args: unknown[]) => logger.error(String(args[0])),
};

export const metrics = new Metrics({ serviceName: SERVICE_NAME, logger: metricsLog });

/** What a route implementation records: a count, with the metric's own dimensions. */
export interface MetricsRecorder {
  count<N extends BusinessMetricName>(
    name: N,
    value: number,
    ...dimensions: BusinessMetrics[N] extends Record<string, never> ? [] : [BusinessMetrics[N]]
  ): void;
}

/**
 * Metrics without dimensions of their own are stored and flushed with the request; one with
 * dimensions is flushed at once as a single metric, so its dimensions never spread to the others.
 */
export const metricsRecorder: MetricsRecorder = {
  count(name, value, ...dimensions) {
    const [own] = dimensions as [Record<string, string>?];
    if (!own) {
      metrics.addMetric(name, MetricUnit.Count, value);
      return;
    }
    const single = metrics.singleMetric();
    single.addDimensions(own);
    single.addMetric(name, MetricUnit.Count, value);
  },
};
