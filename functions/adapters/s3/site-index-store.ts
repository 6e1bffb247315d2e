/**
 * The site-index snapshot as one S3 object. S3 replaces an object atomically on PUT, so a reader gets
 * the previous snapshot or the new one, never part of each. Unavailability becomes a 503-worthy
 * DependencyUnavailableError; anything else (access denied, a missing bucket) is our bug and stays a 500.
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DependencyUnavailableError } from '../../domain/errors';
import { message } from '../../domain/messages';
import type { SiteIndexObject, SiteIndexStore } from '../../ports/site-index-store';
import { isTransientAwsError } from '../dynamodb/errors';

/** Versioned key: a future snapshot format gets a new key, so old and new functions never misread. */
export const SITE_INDEX_KEY = 'site-index/v1/catalog.json.gz';

/**
 * The functions are granted GetObject on the index's objects but not ListBucket (least privilege), and
 * without ListBucket S3 answers a missing key with 403 AccessDenied rather than 404. Both mean "no index
 * published yet", which the search answers with 503 and Retry-After, not a 500.
 */
function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = e?.$metadata?.httpStatusCode;
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.name === 'AccessDenied' || status === 404 || status === 403;
}

async function withObjectStoreErrors<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
    if (isTransientAwsError(error) || status === 503 || status === 500 || (error instanceof Error && error.name === 'SlowDown')) {
      throw new DependencyUnavailableError(message('request.objectStoreUnavailable', { operation: what }), 2, { cause: error });
    }
    throw error;
  }
}

export class S3SiteIndexStore implements SiteIndexStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly key: string = SITE_INDEX_KEY,
  ) {}

  currentETag(): Promise<string | undefined> {
    return withObjectStoreErrors('check the site index', async () => {
      try {
        return (await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key }))).ETag;
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    });
  }

  read(): Promise<SiteIndexObject | undefined> {
    return withObjectStoreErrors('read the site index', async () => {
      try {
        const response = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key }));
        const bytes = await response.Body!.transformToByteArray();
        return { bytes, etag: response.ETag ?? '' };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    });
  }

  publish(bytes: Uint8Array): Promise<string> {
    return withObjectStoreErrors('publish the site index', async () => {
      const response = await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.key,
          Body: bytes,
          ContentType: 'application/gzip',
          CacheControl: 'no-cache',
        }),
      );
      return response.ETag ?? '';
    });
  }
}
