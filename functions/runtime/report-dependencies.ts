/**
 * The report tallies' adapters, built once per process on first use on the table of `readEnv('table')`;
 * handlers take them through a getter so a test can hand in adapters with injected faults.
 */
import { documentClient } from '../adapters/dynamodb/document-client';
import { DynamoDbReportTallyReader, DynamoDbReportTallyWriter, type ReportTallyWriter } from '../adapters/dynamodb/report-tallies';
import type { ReportTallyReader } from '../ports/report-tallies';
import { readEnv } from './env';

let reader: ReportTallyReader | undefined;
let writer: ReportTallyWriter | undefined;

export function reportTallyReader(): ReportTallyReader {
  reader ??= new DynamoDbReportTallyReader(documentClient(), readEnv('table').TABLE_NAME);
  return reader;
}

export function reportTallyWriter(): ReportTallyWriter {
  writer ??= new DynamoDbReportTallyWriter(documentClient(), readEnv('table').TABLE_NAME);
  return writer;
}
