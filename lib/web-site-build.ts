/**
 * The web front end as a deployment source: `vite build web` run at synth time, locally and offline, as
 * the asset's bundling step (no Docker), with one addition to the built index.html: a second
 * Content-Security-Policy whose connect-src names the one API and the sign-in pages.
 *
 * Why a second policy: the distribution's header policy is made in the stateful stack, before the API
 * exists, so it can only allow the region's API Gateway domain (lib/web-site-hosting.ts). The browser
 * enforces every policy it is given, so this one narrows connect-src to the exact API. Its values are
 * deploy-time: the build carries markers that the deployment replaces (BucketDeployment source markers).
 */
import { AssetHashType, DockerImage, FileSystem } from 'aws-cdk-lib';
import { type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from './api-function';

export const WEB_ROOT = join(REPOSITORY_ROOT, 'web');
const VITE = join(REPOSITORY_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/** Placeholders in the built index.html, replaced with the deployed origins. */
export const DEPLOY_TIME_MARKERS = {
  apiOrigin: '<<newcomer-intake:api-origin>>',
  signInOrigin: '<<newcomer-intake:sign-in-origin>>',
} as const;

/** Must come before any script, so it is the first child of <head>. */
export const CONNECT_SRC_META = `<meta http-equiv="Content-Security-Policy" content="connect-src 'self' ${DEPLOY_TIME_MARKERS.apiOrigin} ${DEPLOY_TIME_MARKERS.signInOrigin}">`;

/** `html` with CONNECT_SRC_META as the first element of its head. */
export function withConnectSrcPolicy(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('The built index.html has no <head>: the connect-src policy cannot be added');
  const end = head.index + head[0].length;
  return `${html.slice(0, end)}\n    ${CONNECT_SRC_META}${html.slice(end)}`;
}

/**
 * `vite build web` with the project's vite, into `outputDir` (default web/dist), in a child process as
 * `npm run web:build` does: also the only way it works under jest, whose VM context Vite's native
 * bundler refuses. The e2e tests build through this too.
 */
export function viteBuildWeb(outputDir?: string): void {
  const into = outputDir ? ['--outDir', outputDir, '--emptyOutDir'] : [];
  try {
    execFileSync(process.execPath, [VITE, 'build', WEB_ROOT, ...into, '--logLevel', 'warn'], {
      cwd: REPOSITORY_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`vite build of web/ failed: ${stderr || String(error)}`);
  }
}

/** Builds web/ into `outputDir` and adds the connect-src policy to index.html (the web site's asset). */
export function buildWebSite(outputDir: string): void {
  viteBuildWeb(outputDir);
  const index = join(outputDir, 'index.html');
  writeFileSync(index, withConnectSrcPolicy(readFileSync(index, 'utf8')));
}

/**
 * What the build's output depends on: web/ (not its node_modules or a local dist), the lock file
 * (vite's version) and this file (how it builds). The hash names the asset, and a cdk.out that already
 * holds an asset of that name is not rebuilt, so the hash must change with any of them.
 */
export function webSiteAssetHash(): string {
  return createHash('sha256')
    .update(FileSystem.fingerprint(WEB_ROOT, { exclude: ['node_modules', 'dist'] }))
    .update(FileSystem.fingerprint(join(REPOSITORY_ROOT, 'package-lock.json')))
    .update(readFileSync(new URL(import.meta.url)))
    .digest('hex');
}

/**
 * The built site as a BucketDeployment source. With `origins`, the deployment replaces the markers
 * of index.html with them (tokens allowed: they resolve at deploy time).
 */
export function webSiteBuild(origins?: { apiOrigin: string; signInOrigin: string }): ISource {
  const build = Source.asset(WEB_ROOT, {
    assetHashType: AssetHashType.CUSTOM,
    assetHash: webSiteAssetHash(),
    bundling: {
      // Never pulled: local bundling always succeeds or throws, so CDK never falls back to Docker.
      image: DockerImage.fromRegistry('local-bundling-only'),
      local: {
        tryBundle(outputDir: string): boolean {
          buildWebSite(outputDir);
          return true;
        },
      },
    },
  });
  if (!origins) return build;
  return {
    bind: (scope, context) => ({
      ...build.bind(scope, context),
      markers: {
        [DEPLOY_TIME_MARKERS.apiOrigin]: origins.apiOrigin,
        [DEPLOY_TIME_MARKERS.signInOrigin]: origins.signInOrigin,
      },
    }),
  };
}
