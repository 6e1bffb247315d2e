/**
 * What retention needs, built once per process on first use: the record and file erasers, the agency
 * registry (the comment indexer writes it through the same getter), the search index writer and the
 * reports' settle (counts a client's current versions before it goes).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbAgencyRegistry } from '../adapters/dynamodb/agency-registry';
import { DynamoDbClientRecordEraser } from '../adapters/dynamodb/client-record-eraser';
import { documentClient } from '../adapters/dynamodb/document-client';
import { DynamoDbReportCounts, DynamoDbReportTallyWriter } from '../adapters/dynamodb/report-tallies';
import { DynamoDbSearchIndexWriter } from '../adapters/dynamodb/search-index';
import { S3ReceiptFileEraser } from '../adapters/s3/receipt-file-eraser';
import { s3Client } from '../adapters/s3/s3-client';
import type { RetentionPorts } from '../domain/client-retention';
import { agencyRegistry } from './agency-registry-dependency';
import { readEnv } from './env';
import { reportTallyWriter } from './report-dependencies';
import { searchIndexWriter } from './search-dependencies';

let built: RetentionPorts | undefined;

export function retentionDependencies(): RetentionPorts {
  if (!built) {
    const tableName = readEnv('table').TABLE_NAME;
    built = {
      records: new DynamoDbClientRecordEraser(documentClient(), tableName),
      files: new S3ReceiptFileEraser(s3Client(), readEnv('receipts').RECEIPTS_BUCKET),
      agencies: agencyRegistry(),
      index: searchIndexWriter(),
      reports: new DynamoDbReportCounts(documentClient(), tableName, reportTallyWriter()),
    };
  }
  return built;
}

/** The same ports on given clients (`npm run clients:expire`, tests). */
export function retentionPortsFor(db: DynamoDBDocumentClient, tableName: string, s3: S3Client, receiptsBucket: string): RetentionPorts {
  return {
    records: new DynamoDbClientRecordEraser(db, tableName),
    files: new S3ReceiptFileEraser(s3, receiptsBucket),
    agencies: new DynamoDbAgencyRegistry(db, tableName),
    index: new DynamoDbSearchIndexWriter(db, tableName),
    reports: new DynamoDbReportCounts(db, tableName, new DynamoDbReportTallyWriter(db, tableName)),
  };
}
