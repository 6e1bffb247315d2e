/**
 * Builds a function's package in a folder as the CDK deploys it: the main bundle from
 * esbuildBuildOptions, then the same afterBundling commands NodejsFunction runs (run-time files,
 * split modules). For the bundle benchmark and the tests that run deployed bundles; CDK synth does not
 * use it.
 */
import { build, type Metafile } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterBundlingCommands, esbuildBuildOptions, FUNCTION_BUNDLE, FUNCTION_EXTRAS, REPOSITORY_ROOT } from './bundling';

export interface FunctionPackage {
  /** The module Lambda loads. */
  main: string;
  mainBytes: number;
  /** Split modules' files (loaded on first need), with their sizes. */
  splitFiles: { file: string; bytes: number }[];
  metafile: Metafile;
}

/** `entry` is a handler file relative to the repository root, or an absolute path of another entry. */
export async function buildFunctionPackage(entry: string, outdir: string): Promise<FunctionPackage> {
  const result = await build({ ...esbuildBuildOptions(resolve(REPOSITORY_ROOT, entry), outdir), metafile: true });
  const extras = FUNCTION_EXTRAS[entry] ?? {};
  for (const command of afterBundlingCommands(extras, REPOSITORY_ROOT, outdir)) {
    execFileSync('bash', ['-c', command], { cwd: REPOSITORY_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const main = join(outdir, FUNCTION_BUNDLE.outputFile);
  const splitFiles = await Promise.all(
    (extras.splitModules ?? []).map(async (module) => {
      const file = join(outdir, module.file);
      return { file, bytes: (await stat(file)).size };
    }),
  );
  return { main, mainBytes: (await stat(main)).size, splitFiles, metafile: result.metafile };
}
