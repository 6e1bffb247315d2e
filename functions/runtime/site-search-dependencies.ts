/**
 * The site-search index holder, built once per process (one per Lambda container): configuration is
 * read through a schema at first use and a missing SITE_INDEX_BUCKET fails fast, naming it.
 */
import * as z from 'zod';
import { s3Client } from '../adapters/s3/s3-client';
import { S3SiteIndexStore } from '../adapters/s3/site-index-store';
import { SiteIndexHolder } from '../domain/site-search/site-index-holder';
import { logger } from './logger';

const SiteSearchConfigSchema = z.object({
  SITE_INDEX_BUCKET: z.string().min(3),
  /** How often (at most) a warm function asks the bucket whether a newer index was published. */
  SITE_INDEX_REFRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
});

export type SiteSearchConfig = z.output<typeof SiteSearchConfigSchema>;

export function siteSearchConfig(env: NodeJS.ProcessEnv = process.env): SiteSearchConfig {
  const result = SiteSearchConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new Error(`Invalid configuration (environment variables): ${problems}`);
}

let holder: SiteIndexHolder | undefined;

export function siteIndexHolder(): SiteIndexHolder {
  if (!holder) {
    const config = siteSearchConfig();
    const log = logger.child({ component: 'site-index' });
    holder = new SiteIndexHolder(new S3SiteIndexStore(s3Client(), config.SITE_INDEX_BUCKET), {
      refreshIntervalMs: config.SITE_INDEX_REFRESH_SECONDS * 1000,
      onEvent: (event) => (event.event === 'loaded' ? log.info(event, 'site index loaded') : log.warn(event, 'site index check failed')),
    });
  }
  return holder;
}
