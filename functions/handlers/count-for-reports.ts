/**
 * The report counter: keeps the report tallies (adapters/dynamodb/report-tallies.ts) equal to a
 * recount of the anonymous clients and sessions, fed by the table's stream (new and old images). In
 * AWS a Lambda with a DynamoDB stream event source and ReportBatchItemFailures; in the embedded mode
 * local/stream-runner.ts reads DynamoDB Local's stream and calls this same handler with the same event.
 *
 * Counted in the stream and not in the registration's transaction: every registration of an agency
 * would otherwise update the same tally items, and concurrent registrations would cancel each other.
 * A failure here never fails a registration; counts trail the records by about a second (`asOf`).
 *
 * At least once, in any order: the writer applies each unit's newest version exactly once (its
 * marker), so records delivered twice or late change nothing. A failed agency's earliest record is
 * reported in `batchItemFailures` and delivered again with what follows. Records of other items (audit
 * entries, receipts, index items, the tallies and markers themselves) are skipped. Never logs cells
 * or record contents: counts and ids only.
 */
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent, AttributeValue as LambdaAttributeValue } from 'aws-lambda';
import type { ReportTallyWriter } from '../adapters/dynamodb/report-tallies';
import { changesOf, type ChangeRecord, type UnitChange } from '../domain/reports/counted-units';
import { logger } from '../runtime/logger';
import { metrics } from '../runtime/metrics';
import { reportTallyWriter } from '../runtime/report-dependencies';

const PARALLEL_AGENCIES = 4;

export interface CountForReportsDependencies {
  writer: ReportTallyWriter;
}

function imageOf(image: Record<string, LambdaAttributeValue> | undefined): Record<string, unknown> | undefined {
  return image ? unmarshall(image as Record<string, AttributeValue>) : undefined;
}

function changeRecordOf(record: DynamoDBRecord): ChangeRecord {
  return { eventName: record.eventName ?? '', newImage: imageOf(record.dynamodb?.NewImage), oldImage: imageOf(record.dynamodb?.OldImage) };
}

export function createCountForReportsHandler(deps: () => CountForReportsDependencies = () => ({ writer: reportTallyWriter() })) {
  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler(async (event) => {
      const records = event.Records ?? [];
      const byAgency = new Map<string, UnitChange[]>();
      for (const change of changesOf(records.map(changeRecordOf)).values()) {
        const changes = byAgency.get(change.agencyId) ?? [];
        changes.push(change);
        byAgency.set(change.agencyId, changes);
      }
      const agencies = [...byAgency];
      let earliestFailed: number | undefined;
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(PARALLEL_AGENCIES, agencies.length) }, async () => {
          while (next < agencies.length) {
            const [agencyId, changes] = agencies[next++] as [string, UnitChange[]];
            try {
              const { applied, skipped } = await deps().writer.apply(agencyId, changes);
              logger.debug('counted for reports', { agencyId, applied, skipped });
            } catch (error) {
              const err = error instanceof Error ? error : new Error(String(error));
              logger.error('counting for reports failed; the stream will retry', {
                error: { name: err.name, message: err.message },
                agencyId,
                units: changes.length,
              });
              const first = Math.min(...changes.map((change) => change.firstIndex));
              earliestFailed = earliestFailed === undefined ? first : Math.min(earliestFailed, first);
            }
          }
        }),
      );
      if (earliestFailed === undefined) return { batchItemFailures: [] };
      // The stream resumes from the earliest failed record; later records are applied again (exactly once).
      return { batchItemFailures: [{ itemIdentifier: records[earliestFailed]?.dynamodb?.SequenceNumber ?? '' }] };
    });
}

export const handler = createCountForReportsHandler();
