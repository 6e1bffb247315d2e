/**
 * How every Lambda function is bundled, declared once. The CDK `NodejsFunction` construct and the
 * bundle benchmark (bench/function-bundles.ts) both derive their esbuild options from
 * `FUNCTION_BUNDLE`, so what the benchmark measures is what gets deployed.
 */
import { type BundlingOptions, LogLevel, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RouteDefinition, routes as routeTable } from '../functions/api/routes';
import type { PackageExtra } from '../functions/api/routes/route-definition';

const routes: readonly RouteDefinition[] = routeTable;

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
 * fonts (functions/adapters/pdf/fonts.ts) and HarfBuzz's WebAssembly (font-subsetter.ts). The code
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
 * A module a function imports on first need, built into a file of its own beside `index.mjs` instead
 * of into it. NodejsFunction writes one file (no code splitting), and a module inside it is parsed at
 * every cold start even when only a dynamic import reaches it. The code imports it through a package
 * import (`#name`, package.json "imports", which points at the TypeScript source for tsx and the
 * tests); every bundle leaves that specifier external, and the function's package gets a package.json
 * whose "imports" point it at the built file.
 */
export interface SplitModule {
  specifier: `#${string}`;
  /** Relative to the repository root. */
  source: string;
  /** Beside index.mjs. */
  file: string;
}

/** pdf-lib and fontkit (1.4 MB minified): only a PDF receipt needs them, on its first render. */
export const PDF_RENDERER: SplitModule = {
  specifier: '#pdf-renderer',
  source: 'functions/adapters/pdf/pdf-receipt.ts',
  file: 'pdf-renderer.mjs',
};

const SPLIT_MODULES: readonly SplitModule[] = [PDF_RENDERER];

/** What a function's package holds besides its bundle. */
export interface FunctionExtras {
  /** Files the code reads at run time by module path, shipped under node_modules/. */
  runtimeFiles?: readonly string[];
  splitModules?: readonly SplitModule[];
}

/** What each package extra a route may declare (`packageExtras`, functions/api/routes) stands for. */
const PACKAGE_EXTRAS: Readonly<Record<PackageExtra, FunctionExtras>> = {
  pdfRenderer: { runtimeFiles: RECEIPT_RUNTIME_FILES, splitModules: [PDF_RENDERER] },
};

/**
 * Per handler entry (relative to the repository root), from the routes' declarations: only the route
 * that renders receipts declares any; getReceipt and listReceipts share the receipt service's code
 * but never render.
 */
export const FUNCTION_EXTRAS: Readonly<Record<string, FunctionExtras>> = Object.fromEntries(
  routes
    .filter((route) => (route.packageExtras ?? []).length > 0)
    .map((route) => {
      const extras = (route.packageExtras ?? []).map((name) => PACKAGE_EXTRAS[name]);
      return [
        route.handler,
        {
          runtimeFiles: extras.flatMap((extra) => extra.runtimeFiles ?? []),
          splitModules: extras.flatMap((extra) => extra.splitModules ?? []),
        },
      ];
    }),
);

const quote = (value: string) => `'${value.replace(/'/g, "'\\''")}'`;

/** esbuild's command-line flags for FUNCTION_BUNDLE, to build a split module exactly like a bundle. */
function esbuildCliFlags(): string[] {
  return [
    '--bundle',
    '--platform=node',
    `--target=${FUNCTION_BUNDLE.target}`,
    `--format=${FUNCTION_BUNDLE.format}`,
    ...(FUNCTION_BUNDLE.minify ? ['--minify'] : []),
    ...(FUNCTION_BUNDLE.sourcemap ? ['--sourcemap'] : []),
    `--sources-content=${FUNCTION_BUNDLE.sourcesContent}`,
    `--main-fields=${FUNCTION_BUNDLE.mainFields.join(',')}`,
    `--banner:js=${FUNCTION_BUNDLE.banner}`,
    ...Object.entries(FUNCTION_BUNDLE.alias).map(([from, to]) => `--alias:${from}=${to}`),
    ...SPLIT_MODULES.map((module) => `--external:${module.specifier}`),
    '--log-level=warning',
  ];
}

/**
 * Shell commands (run by `bash -c` after the main bundle is written, locally, offline) that complete a
 * function's package: copy its run-time files from the project's node_modules (a plain copy, not
 * `bundling.nodeModules`, which runs a package-manager install and needs the network), and build its
 * split modules with the package.json that maps their specifiers. The CDK runs them as NodejsFunction's
 * afterBundling hook; the bundle benchmark and tests run the same commands.
 */
export function afterBundlingCommands(extras: FunctionExtras, inputDir: string, outputDir: string): string[] {
  const copies = (extras.runtimeFiles ?? []).map((file) => {
    const target = posix.join(outputDir, 'node_modules', file);
    return `mkdir -p ${quote(posix.dirname(target))} && cp ${quote(posix.join(inputDir, 'node_modules', file))} ${quote(target)}`;
  });
  const modules = extras.splitModules ?? [];
  if (modules.length === 0) return copies;
  const builds = modules.map(
    (module) =>
      `cd ${quote(inputDir)} && node_modules/.bin/esbuild ${quote(module.source)} ${esbuildCliFlags().map(quote).join(' ')} --outfile=${quote(posix.join(outputDir, module.file))}`,
  );
  const manifest = JSON.stringify({ type: 'module', imports: Object.fromEntries(modules.map((m) => [m.specifier, `./${m.file}`])) });
  return [...copies, ...builds, `printf '%s\\n' ${quote(manifest)} > ${quote(posix.join(outputDir, 'package.json'))}`];
}

/** `NodejsFunction` bundling options (esbuild run locally; no Docker), plus what its package holds besides. */
export function nodejsBundlingOptions(extras: FunctionExtras = {}): BundlingOptions {
  const hasExtras = (extras.runtimeFiles?.length ?? 0) + (extras.splitModules?.length ?? 0) > 0;
  return {
    ...(hasExtras
      ? {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (inputDir: string, outputDir: string) => afterBundlingCommands(extras, inputDir, outputDir),
          },
        }
      : {}),
    target: FUNCTION_BUNDLE.target,
    format: OutputFormat.ESM,
    minify: FUNCTION_BUNDLE.minify,
    sourceMap: FUNCTION_BUNDLE.sourcemap,
    sourceMapMode: SourceMapMode.DEFAULT,
    sourcesContent: FUNCTION_BUNDLE.sourcesContent,
    mainFields: [...FUNCTION_BUNDLE.mainFields],
    banner: FUNCTION_BUNDLE.banner,
    bundleAwsSDK: FUNCTION_BUNDLE.bundleAwsSdk,
    externalModules: SPLIT_MODULES.map((module) => module.specifier),
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
    external: SPLIT_MODULES.map((module) => module.specifier),
    alias: { ...FUNCTION_BUNDLE.alias },
    absWorkingDir: REPOSITORY_ROOT,
    logLevel: 'warning',
  };
}
