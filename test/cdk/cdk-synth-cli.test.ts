/**
 * CONTRACT §10: `npx cdk synth` works offline with no AWS credentials. Runs the real CLI with the
 * app command of cdk.json, bundling included, in an environment stripped of every AWS setting; once
 * plain, and once with the web site, whose front end is built by vite at synth time.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../../lib/api-function';
import { CONNECT_SRC_META } from '../../lib/web-site-build';
import { expectWithMessage } from '../support/expect-with-message';

const scratch = mkdtempSync(join(tmpdir(), 'newcomer-intake-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const TEMPLATES = ['NewcomerIntake-dev-ca-central-1-Stateful.template.json', 'NewcomerIntake-dev-ca-central-1-Stateless.template.json'];

/** `cdk synth` into a fresh directory; returns that directory. */
function synth(name: string, args: string[]): string {
  const outdir = join(scratch, name);
  const run = spawnSync(join(REPOSITORY_ROOT, 'node_modules', '.bin', 'cdk'), ['synth', '-q', '-o', outdir, ...args], {
    cwd: REPOSITORY_ROOT,
    // No AWS_* variables, no ~/.aws (HOME is empty), no instance metadata.
    env: { PATH: process.env.PATH, HOME: join(scratch, 'home'), AWS_EC2_METADATA_DISABLED: 'true', CI: 'true' },
    encoding: 'utf8',
    timeout: 110_000,
  });
  expectWithMessage(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  return outdir;
}

describe('cdk synth', () => {
  it('exits 0 with no AWS credentials or settings, writing both stacks of the default region', () => {
    const outdir = synth('plain', []);
    expect(
      readdirSync(outdir)
        .filter((file) => file.endsWith('.template.json'))
        .sort(),
    ).toEqual(TEMPLATES);
  });

  it('builds the web front end offline with -c webSite=true', () => {
    const outdir = synth('web-site', ['-c', 'webSite=true']);
    expect(
      readdirSync(outdir)
        .filter((file) => file.endsWith('.template.json'))
        .sort(),
    ).toEqual(TEMPLATES);
    const builds = readdirSync(outdir).filter((entry) => existsSync(join(outdir, entry, 'index.html')));
    expect(builds).toHaveLength(1);
    expect(readFileSync(join(outdir, builds[0]!, 'index.html'), 'utf8')).toContain(CONNECT_SRC_META);
    expect(readdirSync(join(outdir, builds[0]!, 'assets')).length).toBeGreaterThan(0);
  });
});
