/**
 * CONTRACT §10: `npx cdk synth` works offline with no AWS credentials. Runs the real CLI with the
 * app command of cdk.json, bundling included, in an environment stripped of every AWS setting; once
 * plain, and once with the web site, whose front end is built by vite at synth time.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONNECT_SRC_META } from '../../lib/web-site-build';
import { CDK_SYNTH_BUDGET_MS, cdkSynth } from '../support/cdk-cli';
import { expectWithMessage } from '../support/expect-with-message';

const scratch = mkdtempSync(join(tmpdir(), 'newcomer-intake-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const TEMPLATES = ['NewcomerIntake-dev-ca-central-1-Stateful.template.json', 'NewcomerIntake-dev-ca-central-1-Stateless.template.json'];

/** `cdk synth` into a fresh directory, with no AWS_* variables and no ~/.aws; returns that directory. */
async function synth(name: string, args: string[]): Promise<string> {
  const outdir = join(scratch, name);
  const run = await cdkSynth(args, { outdir, home: join(scratch, 'home') });
  expectWithMessage(run.status, run.output).toBe(0);
  return outdir;
}

describe('cdk synth', () => {
  it(
    'exits 0 with no AWS credentials or settings, writing both stacks of the default region',
    async () => {
      const outdir = await synth('plain', []);
      expect(
        readdirSync(outdir)
          .filter((file) => file.endsWith('.template.json'))
          .sort(),
      ).toEqual(TEMPLATES);
    },
    CDK_SYNTH_BUDGET_MS,
  );

  it(
    'builds the web front end offline with -c webSite=true',
    async () => {
      const outdir = await synth('web-site', ['-c', 'webSite=true']);
      expect(
        readdirSync(outdir)
          .filter((file) => file.endsWith('.template.json'))
          .sort(),
      ).toEqual(TEMPLATES);
      const builds = readdirSync(outdir).filter((entry) => existsSync(join(outdir, entry, 'index.html')));
      expect(builds).toHaveLength(1);
      expect(readFileSync(join(outdir, builds[0]!, 'index.html'), 'utf8')).toContain(CONNECT_SRC_META);
      expect(readdirSync(join(outdir, builds[0]!, 'assets')).length).toBeGreaterThan(0);
    },
    CDK_SYNTH_BUDGET_MS,
  );
});
