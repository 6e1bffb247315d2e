/**
 * Retention (domain/client-retention.ts): removes the anonymous profiles past `CLIENT_RETENTION_YEARS`
 * with everything of them. In AWS an EventBridge schedule invokes it once a day (lib/client-retention.ts);
 * in the embedded mode local/client-retention-runner.ts calls the same use case daily, and
 * `npm run clients:expire` runs it by hand.
 *
 * It stops taking new clients when less than STOP_MARGIN_MS of the invocation is left (the next run
 * goes on where this one stopped: nothing is half-done that a repeat does not finish). A client that
 * could not be removed fails the invocation after the others are done, so Lambda retries it and the
 * alarm on the function's errors fires. Logs counts and ids only.
 *
 * The event may narrow a run by hand (`aws lambda invoke --payload '{"agencyId":"…","dryRun":true}'`);
 * the schedule's event carries neither.
 */
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { expireAnonymousClients, type RetentionPorts, type RetentionReport } from '../domain/client-retention';
import { readEnv } from '../runtime/env';
import { logger } from '../runtime/logger';
import { metrics } from '../runtime/metrics';
import { retentionDependencies } from '../runtime/retention-dependencies';

/** Time kept back for the last client and the answer. */
const STOP_MARGIN_MS = 60_000;

export interface RetentionEvent {
  agencyId?: unknown;
  dryRun?: unknown;
}

export function createExpireAnonymousClientsHandler(
  deps: () => RetentionPorts = retentionDependencies,
  now: () => Date = () => new Date(),
) {
  return middy<RetentionEvent | undefined, RetentionReport | { skipped: string }>()
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler(async (event, context: Context) => {
      const years = readEnv('retention').CLIENT_RETENTION_YEARS;
      if (years === undefined) {
        logger.warn('retention is off (CLIENT_RETENTION_YEARS is not set): nothing removed');
        return { skipped: 'CLIENT_RETENTION_YEARS is not set' };
      }
      const agencyId = typeof event?.agencyId === 'string' && event.agencyId !== '' ? event.agencyId : undefined;
      const report = await expireAnonymousClients(
        {
          now: now(),
          retentionYears: years,
          timeZone: readEnv('service').AGENCY_TIME_ZONE,
          agencyId,
          dryRun: event?.dryRun === true,
          shouldStop: () => typeof context?.getRemainingTimeInMillis === 'function' && context.getRemainingTimeInMillis() < STOP_MARGIN_MS,
          onClient: (client, outcome, error) => {
            if (outcome !== 'failed') return;
            const err = error instanceof Error ? error : new Error(String(error));
            logger.error('removing an expired client failed; the next run retries it', {
              agencyId: client.agencyId,
              clientId: client.clientId,
              error: { name: err.name, message: err.message },
            });
          },
        },
        deps(),
      );
      logger.info('retention run', { report: { ...report } });
      if (report.failed > 0) throw new Error(`retention: ${report.failed} of ${report.due} due clients could not be removed`);
      return report;
    });
}

export const handler = createExpireAnonymousClientsHandler();
