/**
 * The service's version, from package.json: what /v1/health answers, in AWS (set by the CDK stack as
 * SERVICE_VERSION) and in the embedded mode alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function serviceVersion(): string {
  const manifest = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof manifest.version !== 'string' || manifest.version === '') throw new Error('package.json has no version');
  return manifest.version;
}
