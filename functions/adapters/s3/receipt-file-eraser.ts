/**
 * ReceiptFileEraser on S3 (retention): every object under the client's own prefix of the receipts
 * bucket (`receipts/<agencyId>/<clientId>/`, as receipt-files.ts names them), found by listing that
 * prefix, so files whose record was never written are removed too. Needs s3:ListBucket (on the
 * `receipts/` prefix) and s3:DeleteObject. Never logs keys' contents beyond ids.
 */
import { DeleteObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import type { ReceiptFileEraser } from '../../ports/client-retention';
import { receiptObjectKey } from './receipt-files';

/** The prefix of a client's receipt files, derived from how receipt-files.ts names one. */
export function clientReceiptsPrefix(agencyId: string, clientId: string): string {
  const key = receiptObjectKey({ agencyId, clientId, receiptId: 'x', format: 'pdf' });
  return key.slice(0, key.lastIndexOf('/') + 1);
}

export class S3ReceiptFileEraser implements ReceiptFileEraser {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async deleteClientFiles(agencyId: string, clientId: string): Promise<number> {
    const prefix = clientReceiptsPrefix(agencyId, clientId);
    try {
      const keys: string[] = [];
      for await (const page of paginateListObjectsV2({ client: this.s3 }, { Bucket: this.bucket, Prefix: prefix })) {
        for (const object of page.Contents ?? []) if (object.Key?.startsWith(prefix)) keys.push(object.Key);
      }
      for (const key of keys) await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
      return keys.length;
    } catch (error) {
      throw new Error(`deleting the receipt files of client ${clientId} failed`, { cause: error });
    }
  }
}
