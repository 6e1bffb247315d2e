/**
 * How every Lambda function is bundled, declared once. The CDK `NodejsFunction` construct and the
 * bundle benchmark (bench/function-bundles.ts) both derive their esbuild options from
 * `FUNCTION_BUNDLE`, so what the benchmark measures is what gets deployed.
 */
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { type BundlingOptions, LogLevel, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';

/** Where package.json lives: esbuild's working directory, from which `alias` paths resolve. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));

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
  /**
   * Modules swapped for smaller ones that do the same job in Lambda (paths relative to the repository
   * root, which is esbuild's working directory for both the CDK and the benchmark). The SDK's default
   * credential chain becomes the environment-variable provider: see functions/runtime/lambda-credentials.ts.
   */
  alias: { '@aws-sdk/credential-provider-node': './functions/runtime/lambda-credentials.ts' },
  /** The module Lambda loads (`index.mjs`, exporting `handler`). */
  outputFile: 'index.mjs',
} as const;

/** Node options every function starts with: stack traces mapped back to the TypeScript sources. */
export const FUNCTION_NODE_OPTIONS = '--enable-source-maps';

const RECEIPT_FONT_PACKAGES = ['@expo-google-fonts/noto-sans', '@expo-google-fonts/noto-sans-arabic', '@expo-google-fonts/noto-sans-sc'];

/**
 * Files the receipt renderer reads at run time by module path, which esbuild cannot bundle: the Noto
 * fonts (functions/domain/receipts/fonts.ts) and HarfBuzz's WebAssembly (font-subsetter.ts). The code
 * finds them with `createRequire(import.meta.url).resolve('<package>/<file>')`; in Lambda
 * import.meta.url is `/var/task/index.mjs`, so Node looks in `/var/task/node_modules/<package>/`. Each
 * package keeps its package.json (harfbuzzjs's `exports` map is what allows `./dist/*.wasm`) and its
 * licence files (the SIL Open Font License must travel with the fonts). Only the files used: the
 * Chinese font alone is 10 MB, the other weights and the preview images are left out.
 */
export const RECEIPT_RUNTIME_FILES: readonly string[] = [
  ...RECEIPT_FONT_PACKAGES.flatMap((pkg) => [`${pkg}/package.json`, `${pkg}/LICENSE`, `${pkg}/LICENSE_FONT`]),
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'harfbuzzjs/package.json',
  'harfbuzzjs/LICENSE',
  'harfbuzzjs/dist/harfbuzz-subset.wasm',
];

/**
 * Run-time files per handler entry (relative to the repository root), shipped under `node_modules/`
 * beside the bundle. Only the route that renders receipts needs them; getReceipt and listReceipts
 * bundle the renderer's code too (shared module) but never render, so they stay small.
 */
export const RUNTIME_FILES: Readonly<Record<string, readonly string[]>> = {
  'functions/handlers/create-receipt.ts': RECEIPT_RUNTIME_FILES,
};

/**
 * Shell commands (run by `bash -c`, locally, after esbuild) copying `files` from the project's
 * node_modules into the bundle's node_modules. A plain copy, not `bundling.nodeModules`: that runs a
 * package-manager install at synth time, which needs the network; this works offline and ships only
 * the files listed.
 */
function copyRuntimeFiles(files: readonly string[]): NonNullable<BundlingOptions['commandHooks']> {
  const quote = (path: string) => `'${path.replace(/'/g, "'\\''")}'`;
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) =>
      files.map((file) => {
        const target = posix.join(outputDir, 'node_modules', file);
        return `mkdir -p ${quote(posix.dirname(target))} && cp ${quote(posix.join(inputDir, 'node_modules', file))} ${quote(target)}`;
      }),
  };
}

/** `NodejsFunction` bundling options (esbuild run locally; no Docker), plus any run-time files to ship. */
export function nodejsBundlingOptions(runtimeFiles: readonly string[] = []): BundlingOptions {
  return {
    ...(runtimeFiles.length > 0 ? { commandHooks: copyRuntimeFiles(runtimeFiles) } : {}),
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
    esbuildArgs: Object.fromEntries(Object.entries(FUNCTION_BUNDLE.alias).map(([from, to]) => [`--alias:${from}`, to])),
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
    alias: { ...FUNCTION_BUNDLE.alias },
    absWorkingDir: REPOSITORY_ROOT,
    logLevel: 'warning',
  };
}
