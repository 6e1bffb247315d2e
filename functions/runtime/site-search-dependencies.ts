/**
 * The site-search index holder, built once per process (one per Lambda container) from the
 * `siteIndex` environment group (functions/runtime/env.ts): a missing SITE_INDEX_BUCKET fails fast,
 * naming it.
 */
import { s3Client } from '../adapters/s3/s3-client';
import { S3SiteIndexStore } from '../adapters/s3/site-index-store';
import { SiteIndexHolder } from '../domain/site-search/site-index-holder';
import { readEnv } from './env';
import { logger } from './logger';

let holder: SiteIndexHolder | undefined;

export function siteIndexHolder(): SiteIndexHolder {
  if (!holder) {
    const config = readEnv('siteIndex');
    holder = new SiteIndexHolder(new S3SiteIndexStore(s3Client(), config.SITE_INDEX_BUCKET), {
      refreshIntervalMs: config.SITE_INDEX_REFRESH_SECONDS * 1000,
      onEvent: (event) =>
        event.event === 'loaded'
          ? logger.info('site index loaded', { component: 'site-index', ...event })
          : logger.warn('site index check failed', { component: 'site-index', ...event }),
    });
  }
  return holder;
}
