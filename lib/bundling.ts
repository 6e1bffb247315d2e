/**
 * How every Lambda function is bundled, declared once. The CDK `NodejsFunction` construct and the
 * bundle benchmark (bench/function-bundles.ts) both derive their esbuild options from
 * `FUNCTION_BUNDLE`, so what the benchmark measures is what gets deployed.
 */
import type { BuildOptions } from 'esbuild';
import { type BundlingOptions, LogLevel, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';

export const FUNCTION_BUNDLE = {
  /** Matches the Lambda runtime (lib/api-function.ts). */
  target: 'node22',
  format: 'esm',
  minify: true,
  /** External `.map` files, without the sources: readable stack traces, smaller package. */
  sourcemap: true,
  sourcesContent: false,
  /** Prefer packages' ES module builds: they tree-shake (the AWS SDK v3 in particular). */
  mainFields: ['module', 'main'],
  /**
   * CommonJS dependencies bundled into an ES module still call `require()` for Node built-ins;
   * ES modules have no `require`, so give them one.
   */
  banner: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  /**
   * The AWS SDK is bundled (not taken from the Lambda runtime): the version in package-lock.json is
   * the one that runs, and one minified file starts faster than the runtime's many SDK files.
   */
  bundleAwsSdk: true,
  /** The module Lambda loads (`index.mjs`, exporting `handler`). */
  outputFile: 'index.mjs',
} as const;

/** Node options every function starts with: stack traces mapped back to the TypeScript sources. */
export const FUNCTION_NODE_OPTIONS = '--enable-source-maps';

/** `NodejsFunction` bundling options (esbuild run locally; no Docker). */
export function nodejsBundlingOptions(): BundlingOptions {
  return {
    target: FUNCTION_BUNDLE.target,
    format: OutputFormat.ESM,
    minify: FUNCTION_BUNDLE.minify,
    sourceMap: FUNCTION_BUNDLE.sourcemap,
    sourceMapMode: SourceMapMode.DEFAULT,
    sourcesContent: FUNCTION_BUNDLE.sourcesContent,
    mainFields: [...FUNCTION_BUNDLE.mainFields],
    banner: FUNCTION_BUNDLE.banner,
    bundleAwsSDK: FUNCTION_BUNDLE.bundleAwsSdk,
    externalModules: [],
    logLevel: LogLevel.WARNING,
  };
}

/** The same options for esbuild's JavaScript API, writing `outdir/index.mjs` (+ `.map`). */
export function esbuildBuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile: `${outdir}/${FUNCTION_BUNDLE.outputFile}`,
    bundle: true,
    platform: 'node',
    target: FUNCTION_BUNDLE.target,
    format: FUNCTION_BUNDLE.format,
    minify: FUNCTION_BUNDLE.minify,
    sourcemap: FUNCTION_BUNDLE.sourcemap,
    sourcesContent: FUNCTION_BUNDLE.sourcesContent,
    mainFields: [...FUNCTION_BUNDLE.mainFields],
    banner: { js: FUNCTION_BUNDLE.banner },
    external: [],
    logLevel: 'warning',
  };
}
