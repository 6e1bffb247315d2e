/**
 * Retention of anonymous profiles (PIPEDA principle 4.5; docs/storage.md#retention). With
 * `clientRetentionYears = N`, a profile registered on date D (a calendar date in the agency's time
 * zone) is kept through the day D + N years and removed on any later day:
 *
 *   due on `today`  ⇔  anniversary(D, N) < today
 *
 * where anniversary(D, N) is the same month and day N years later, and 29 February becomes 28
 * February in a common year. So with N = 7, a client registered on 2019-03-10 is kept through
 * 2026-03-10 and removed from 2026-03-11 on; one registered on 2020-02-29 with N = 1 is kept through
 * 2021-02-28 and removed from 2021-03-01.
 *
 * Removing a client takes everything of it: its search postings, its session, its receipt records and
 * files, its audit entries, then the profile itself (last, so a run cut off half-way finds the client
 * again next time), then the children once more (anything a request created while the run worked).
 * Removing the postings also makes the agency's vocabulary forget the client's words that no other
 * client holds. Every step is idempotent, so a run can be repeated or interrupted at any point.
 * No AWS here: storage is behind ports/client-retention.ts.
 */
import type { AgencyRegistry } from '../ports/agency-registry';
import type { ClientRecordEraser, ReceiptFileEraser, ReportCounts, RetainedClient } from '../ports/client-retention';
import type { SearchIndexWriter } from '../ports/client-search-index';
import { todayIn } from './calendar';

export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 100;
/** Clients read from the index at a time. */
const PAGE_SIZE = 100;

function parts(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year as number, month as number, day as number];
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `date` (YYYY-MM-DD) moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = parts(date);
  return format(new Date(Date.UTC(year, month - 1, day + days)));
}

/** The same month and day `years` later (or earlier, when negative); 29 February → 28 February in a common year. */
export function anniversary(date: string, years: number): string {
  const [year, month, day] = parts(date);
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return format(new Date(Date.UTC(target, month - 1, Math.min(day, lastDay))));
}

/** Whether a profile registered on `registrationDate` is past retention on `today`. */
export function isDue(registrationDate: string, today: string, retentionYears: number): boolean {
  return anniversary(registrationDate, retentionYears) < today;
}

/**
 * The latest registration date due on `today`: every earlier date is due too (the anniversary never
 * decreases with the date), no later one is. Found from today − N years, at most a few days away.
 */
export function latestDueRegistrationDate(today: string, retentionYears: number): string {
  let date = addDays(anniversary(today, -retentionYears), 1);
  while (!isDue(date, today, retentionYears)) date = addDays(date, -1);
  return date;
}

export interface RetentionPorts {
  records: ClientRecordEraser;
  files: ReceiptFileEraser;
  agencies: AgencyRegistry;
  /** The comment search index: removes the client's postings and retires the words no one else holds. */
  index: SearchIndexWriter;
  /** Reports, once they exist (see ReportCounts). */
  reports?: ReportCounts;
}

export interface RetentionRequest {
  now: Date;
  /** `clientRetentionYears`. */
  retentionYears: number;
  /** The agencies' time zone (their "today"). */
  timeZone: string;
  /** One agency only; all agencies of the registry otherwise. */
  agencyId?: string;
  /** Find and count the due clients, remove nothing. */
  dryRun?: boolean;
  /** Asked before each client: true stops the run there (a Lambda running out of time); the next run goes on. */
  shouldStop?: () => boolean;
  /** Each client's outcome, ids only (the command prints progress with it). */
  onClient?: (client: RetainedClient, outcome: 'expired' | 'due' | 'failed', error?: unknown) => void;
}

export interface RetentionReport {
  today: string;
  /** Clients registered on this date or earlier are due. */
  latestDueRegistrationDate: string;
  agencies: number;
  /** Due clients found (in a dry run: that would be removed). */
  due: number;
  expired: number;
  failed: number;
  /** Items and files removed with the profiles. */
  removed: { postings: number; sessions: number; receiptRecords: number; receiptFiles: number; auditEntries: number };
  /** The run stopped early (shouldStop); the clients not reached are due next time. */
  stopped: boolean;
  dryRun: boolean;
}

export async function expireAnonymousClients(request: RetentionRequest, ports: RetentionPorts): Promise<RetentionReport> {
  const years = request.retentionYears;
  if (!Number.isInteger(years) || years < MIN_RETENTION_YEARS || years > MAX_RETENTION_YEARS) {
    throw new RangeError(`retentionYears must be a whole number from ${MIN_RETENTION_YEARS} to ${MAX_RETENTION_YEARS}, got ${years}`);
  }
  const today = todayIn(request.timeZone, request.now);
  const latest = latestDueRegistrationDate(today, years);
  const before = addDays(latest, 1);
  const report: RetentionReport = {
    today,
    latestDueRegistrationDate: latest,
    agencies: 0,
    due: 0,
    expired: 0,
    failed: 0,
    removed: { postings: 0, sessions: 0, receiptRecords: 0, receiptFiles: 0, auditEntries: 0 },
    stopped: false,
    dryRun: request.dryRun === true,
  };
  const agencies = request.agencyId ? [request.agencyId] : await ports.agencies.list();
  for (const agencyId of agencies) {
    report.agencies += 1;
    let after: string | undefined;
    do {
      const page = await ports.records.registeredBefore(agencyId, before, { limit: PAGE_SIZE, after });
      for (const client of page.clients) {
        // The index bound is by date; the rule decides (they agree, this guards a wrong bound).
        if (!isDue(client.registrationDate, today, years)) continue;
        if (request.shouldStop?.()) {
          report.stopped = true;
          return report;
        }
        report.due += 1;
        if (report.dryRun) {
          request.onClient?.(client, 'due');
          continue;
        }
        try {
          await expireClient(client, ports, report.removed);
          report.expired += 1;
          request.onClient?.(client, 'expired');
        } catch (error) {
          report.failed += 1;
          request.onClient?.(client, 'failed', error);
        }
      }
      after = page.next;
    } while (after !== undefined);
  }
  return report;
}

/** Removes one client and all of it, children first, the profile last, then the children again. */
async function expireClient(client: RetainedClient, ports: RetentionPorts, removed: RetentionReport['removed']): Promise<void> {
  const { agencyId, clientId } = client;
  await ports.reports?.settle(client);
  const children = async () => {
    removed.sessions += await ports.records.deleteSession(agencyId, clientId);
    removed.receiptRecords += await ports.records.deleteReceiptRecords(agencyId, clientId);
    removed.receiptFiles += await ports.files.deleteClientFiles(agencyId, clientId);
    removed.auditEntries += await ports.records.deleteAuditEntries(agencyId, clientId);
  };
  // Postings first: the client stops being found by "Find a Client" before anything else goes, and
  // the agency's vocabulary forgets the words no other client holds (the indexer does the same again
  // when the profile's removal reaches it on the stream: a no-op by then).
  await ports.index.replace([client.postings], undefined);
  removed.postings += client.postings.words.length + 1;
  await children();
  await ports.records.deleteClient(agencyId, clientId);
  // A receipt, session or edit that a request made while this ran (each checks the profile exists,
  // so none can be made from here on).
  await children();
}
