/**
 * CONTRACT §10: `npx cdk synth` works offline with no AWS credentials. Runs the real CLI with the
 * app command of cdk.json, bundling included, in an environment stripped of every AWS setting.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../lib/api-function';

const scratch = mkdtempSync(join(tmpdir(), 'newcomer-intake-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('cdk synth', () => {
  it('exits 0 with no AWS credentials or settings, writing both stacks of the default region', () => {
    const outdir = join(scratch, 'cdk.out');
    const home = join(scratch, 'home');
    const run = spawnSync(join(REPOSITORY_ROOT, 'node_modules', '.bin', 'cdk'), ['synth', '-q', '-o', outdir], {
      cwd: REPOSITORY_ROOT,
      // No AWS_* variables, no ~/.aws (HOME is empty), no instance metadata.
      env: { PATH: process.env.PATH, HOME: home, AWS_EC2_METADATA_DISABLED: 'true', CI: 'true' },
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(readdirSync(outdir).filter((file) => file.endsWith('.template.json')).sort()).toEqual([
      'NewcomerIntake-dev-ca-central-1-Stateful.template.json',
      'NewcomerIntake-dev-ca-central-1-Stateless.template.json',
    ]);
  });
});
