/**
 * Receipt files in S3. Keys begin with `receipts/<agencyId>/` so the bucket's lifecycle rule (which
 * expires the `receipts/` prefix after the retention period) and any per-agency clean-up can find them.
 * Objects take the bucket's default encryption (in AWS SSE-KMS with the region's key and a bucket key,
 * lib/stateful-stack.ts): no per-object header, which would override it. Links are presigned GETs that
 * set the download file name. Never puts client data in keys or metadata: ids only.
 */
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DependencyUnavailableError } from '../../domain/errors';
import { receiptMessage } from '../../domain/receipts/receipt-messages';
import type { ReceiptFileName, ReceiptFiles } from '../../ports/receipt-store';
import { currentDeadline } from '../../runtime/request-deadline';

export const RECEIPTS_PREFIX = 'receipts/';

export function receiptObjectKey(name: ReceiptFileName): string {
  return `${RECEIPTS_PREFIX}${encodeURIComponent(name.agencyId)}/${name.clientId}/${name.receiptId}.${name.format}`;
}

export class S3ReceiptFiles implements ReceiptFiles {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(name: ReceiptFileName, body: Uint8Array, contentType: string): Promise<string> {
    const key = receiptObjectKey(name);
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentLength: body.byteLength,
          // Only the owner may read it; links are how anyone else gets it.
          CacheControl: 'private, no-store',
        }),
      );
    } catch (error) {
      // Whatever the cause (network, throttling, a missing bucket), nothing points at this file yet and a
      // retry is the caller's remedy.
      throw new DependencyUnavailableError(receiptMessage('receipt.storeFailed'), 2, { cause: error });
    }
    return key;
  }

  /**
   * Removes a file whose record could not be written. Not once the request's deadline has passed:
   * the record's write was then cut off without an answer, and a stalled DynamoDB may still apply it;
   * a file without a record is harmless (nothing lists it, the lifecycle rule expires it), a record
   * without its file is not. Best effort otherwise: the caller is already answering with the error.
   */
  async delete(objectKey: string): Promise<void> {
    if (currentDeadline()?.remainingMs() === 0) return;
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey })).catch(() => undefined);
  }

  link(
    objectKey: string,
    options: { fileName: string; contentType: string; expiresInSeconds: number; disposition: 'attachment' | 'inline' },
  ): Promise<string> {
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: objectKey,
        ResponseContentDisposition: `${options.disposition}; filename="${options.fileName}"`,
        ResponseContentType: options.contentType,
      }),
      { expiresIn: options.expiresInSeconds },
    );
  }
}
