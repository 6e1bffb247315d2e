/**
 * The real `cdk synth` CLI as an operator runs it, for the tests that prove the documented commands
 * work: cdk.json's app command, bundling included, in an environment with no AWS settings but those given.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPOSITORY_ROOT } from '../../lib/api-function';

/**
 * One synth bundles every function with esbuild: under a minute alone, several while the rest of the
 * suite competes for the machine's two cores (a 110 s limit failed on a busy CI run). A hang guard,
 * not a speed target: `npm run bench -- function-bundles` measures the bundles.
 */
export const CDK_SYNTH_BUDGET_MS = 300_000;

export interface SynthRun {
  status: number;
  output: string;
}

/** `cdk synth -q -o outdir ...args`; `home` stands in for HOME so no ~/.aws is read. */
export async function cdkSynth(args: string[], options: { outdir: string; home: string; env?: Record<string, string> }): Promise<SynthRun> {
  const env = { PATH: process.env.PATH!, HOME: options.home, AWS_EC2_METADATA_DISABLED: 'true', CI: 'true', ...options.env };
  try {
    const run = await promisify(execFile)(
      join(REPOSITORY_ROOT, 'node_modules', '.bin', 'cdk'),
      ['synth', '-q', '-o', options.outdir, ...args],
      {
        cwd: REPOSITORY_ROOT,
        env,
        timeout: CDK_SYNTH_BUDGET_MS,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { status: 0, output: `${run.stdout}\n${run.stderr}` };
  } catch (error) {
    const failed = error as { code?: number; signal?: string; stdout?: string; stderr?: string };
    const why = failed.signal ? `ended by ${failed.signal} (over ${CDK_SYNTH_BUDGET_MS / 1000} s?)` : String(error);
    return { status: failed.code ?? -1, output: `${failed.stdout ?? ''}\n${failed.stderr ?? ''}\n${why}` };
  }
}
