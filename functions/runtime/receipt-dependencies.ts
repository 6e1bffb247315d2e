/**
 * What the receipt handlers need, built once per process on first use: the stores, the receipts
 * bucket, and the receipt settings read from the environment through a schema (a bad value stops the
 * function at start, naming the variable).
 *   RECEIPTS_BUCKET          required
 *   RECEIPT_LINK_MINUTES     link lifetime, default 15 (fractions allowed, e.g. 0.05 = 3 s, for tests)
 *   RECEIPT_RETENTION_DAYS   how long receipts are listed, default 30 (the bucket's lifecycle rule must match)
 * Tests build their own ReceiptDependencies (e.g. with an S3 client that cannot connect) instead.
 */
import * as z from 'zod';
import { DynamoDbClientStore } from '../adapters/dynamodb/client-store';
import { documentClient } from '../adapters/dynamodb/document-client';
import { DynamoDbReceiptStore } from '../adapters/dynamodb/receipt-store';
import { S3ReceiptFiles } from '../adapters/s3/receipt-files';
import { s3Client } from '../adapters/s3/s3-client';
import type { ReceiptDependencies } from '../domain/receipts/receipt-service';
import { serviceConfig, storageConfig } from './config';

// SigV4 presigned links live at most 7 days.
const MAX_LINK_MINUTES = 7 * 24 * 60;

const ReceiptConfigSchema = z.object({
  RECEIPTS_BUCKET: z.string().min(3),
  RECEIPT_LINK_MINUTES: z.coerce.number().positive().max(MAX_LINK_MINUTES).default(15),
  RECEIPT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

export type ReceiptConfig = z.output<typeof ReceiptConfigSchema>;

export function receiptConfig(env: NodeJS.ProcessEnv = process.env): ReceiptConfig {
  const result = ReceiptConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new Error(`Invalid configuration (environment variables): ${problems}`);
}

let built: ReceiptDependencies | undefined;

export function receiptDependencies(): ReceiptDependencies {
  if (!built) {
    const config = receiptConfig();
    const db = documentClient();
    const tableName = storageConfig().TABLE_NAME;
    built = {
      clients: new DynamoDbClientStore(db, tableName),
      receipts: new DynamoDbReceiptStore(db, tableName),
      files: new S3ReceiptFiles(s3Client(), config.RECEIPTS_BUCKET),
      settings: {
        linkSeconds: Math.max(1, Math.round(config.RECEIPT_LINK_MINUTES * 60)),
        retentionDays: config.RECEIPT_RETENTION_DAYS,
        timeZone: serviceConfig().AGENCY_TIME_ZONE,
      },
      now: () => new Date(),
    };
  }
  return built;
}
