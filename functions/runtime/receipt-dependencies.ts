/**
 * What the receipt handlers need, built once per process on first use: the stores, the receipts
 * bucket, the PDF renderer (its code loaded on the first PDF), and the receipt settings from the
 * `receipts` environment group (functions/runtime/env.ts: bucket, link lifetime, retention, which the CDK stack sets from `-c receiptRetentionDays` so the
 * API stops listing receipts when the bucket's lifecycle rule deletes them).
 * Tests build their own ReceiptDependencies (e.g. with an S3 client that cannot connect) instead.
 */
import { DynamoDbClientStore } from '../adapters/dynamodb/client-store';
import { documentClient } from '../adapters/dynamodb/document-client';
import { DynamoDbReceiptStore } from '../adapters/dynamodb/receipt-store';
import { LazyPdfReceiptRenderer } from '../adapters/pdf/receipt-renderer';
import { S3ReceiptFiles } from '../adapters/s3/receipt-files';
import { s3Client } from '../adapters/s3/s3-client';
import type { ReceiptDependencies } from '../domain/receipts/receipt-service';
import { readEnv } from './env';

let built: ReceiptDependencies | undefined;

export function receiptDependencies(): ReceiptDependencies {
  if (!built) {
    const config = readEnv('receipts');
    const db = documentClient();
    const tableName = readEnv('table').TABLE_NAME;
    built = {
      clients: new DynamoDbClientStore(db, tableName),
      receipts: new DynamoDbReceiptStore(db, tableName),
      files: new S3ReceiptFiles(s3Client(), config.RECEIPTS_BUCKET),
      renderer: new LazyPdfReceiptRenderer(),
      settings: {
        linkSeconds: Math.max(1, Math.round(config.RECEIPT_LINK_MINUTES * 60)),
        retentionDays: config.RECEIPT_RETENTION_DAYS,
        timeZone: readEnv('service').AGENCY_TIME_ZONE,
      },
      now: () => new Date(),
    };
  }
  return built;
}
