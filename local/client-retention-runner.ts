/**
 * Retention in the embedded mode: with CLIENT_RETENTION_YEARS set for `npm start`, the same use case
 * the daily Lambda runs (domain/client-retention.ts) runs once a minute after the stack starts and
 * then every 24 hours, on the emulators, through the same adapters. A run in progress is awaited on
 * stop; a run that fails is logged (counts and ids only) and the next one retries.
 */
import { expireAnonymousClients, type RetentionPorts, type RetentionReport } from '../functions/domain/client-retention';

export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;
const FIRST_RUN_DELAY_MS = 60 * 1000;

export interface ClientRetentionRunnerOptions {
  retentionYears: number;
  timeZone: string;
  ports: () => RetentionPorts;
  onStatus: (line: string) => void;
  firstRunDelayMs?: number;
  intervalMs?: number;
}

export interface ClientRetentionRunner {
  stop(): Promise<void>;
}

export function startClientRetentionRunner(options: ClientRetentionRunnerOptions): ClientRetentionRunner {
  let running: Promise<void> | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const runOnce = async () => {
    try {
      const report: RetentionReport = await expireAnonymousClients(
        {
          now: new Date(),
          retentionYears: options.retentionYears,
          timeZone: options.timeZone,
          shouldStop: () => stopped,
        },
        options.ports(),
      );
      if (report.due > 0 || report.failed > 0) {
        options.onStatus(
          `retention: removed ${report.expired} of ${report.due} clients registered on or before ${report.latestDueRegistrationDate}` +
            (report.failed > 0 ? ` (${report.failed} failed; retried in the next run)` : ''),
        );
      }
    } catch (error) {
      options.onStatus(`retention: the run failed (${error instanceof Error ? error.message : String(error)}); the next run retries`);
    }
  };
  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      running = runOnce().finally(() => {
        running = undefined;
        if (!stopped) schedule(options.intervalMs ?? RETENTION_INTERVAL_MS);
      });
    }, delay);
  };
  schedule(options.firstRunDelayMs ?? FIRST_RUN_DELAY_MS);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
