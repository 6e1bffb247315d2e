/**
 * docs/operators-guide.md, followed literally: every `npx cdk` command in its shell blocks is run with
 * the real CLI, offline. `synth` runs as written; `deploy` and `diff` run as `synth` with the same
 * stacks and context (what they would deploy is what synth writes); `destroy` runs as `synth` of the
 * stacks it names, so a stack name the guide gets wrong fails here. `bootstrap` needs an account and is
 * only checked for naming Canadian regions. Each command also runs with an account known to the CLI
 * (CDK_DEFAULT_ACCOUNT), as on an operator's machine, where the stage must be given.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../../lib/api-function';
import { CDK_SYNTH_BUDGET_MS, cdkSynth, type SynthRun } from '../support/cdk-cli';
import { expectWithMessage } from '../support/expect-with-message';

const GUIDE = readFileSync(join(REPOSITORY_ROOT, 'docs', 'operators-guide.md'), 'utf8');
const CANADIAN_REGIONS = ['ca-central-1', 'ca-west-1'];

/** The shell commands of the guide's fenced sh/bash blocks, continuation lines joined. */
function guideCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
  return blocks.flatMap((block) =>
    block
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith('npx cdk ')),
  );
}

/** Splits a command line into words, honouring single and double quotes (the guide uses no escapes). */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const DEPLOY_ONLY = new Set(['--all', '--require-approval', '--concurrency', '--force', '--no-rollback', '--progress']);
const TAKES_VALUE = new Set(['--require-approval', '--concurrency', '--progress']);

/** The `cdk synth` arguments that show what `command` would act on. */
function asSynth(verb: string, args: string[]): string[] {
  if (verb === 'synth') return args;
  const kept: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (DEPLOY_ONLY.has(arg)) {
      if (TAKES_VALUE.has(arg)) i += 1;
      continue;
    }
    kept.push(arg);
  }
  return kept;
}

const scratch = mkdtempSync(join(tmpdir(), 'newcomer-intake-guide-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface GuideSynth extends SynthRun {
  templates: string[];
}

/** `cdk synth` with the guide's arguments, as on an operator's machine whose CLI knows an account. */
async function synth(args: string[]): Promise<GuideSynth> {
  const outdir = mkdtempSync(join(scratch, 'out-'));
  const run = await cdkSynth(args, { outdir, home: join(scratch, 'home'), env: { CDK_DEFAULT_ACCOUNT: '111111111111' } });
  return { ...run, templates: run.status === 0 ? readdirSync(outdir).filter((file) => file.endsWith('.template.json')) : [] };
}

/** Runs `tasks` at most `limit` at a time (each synth is a CPU-bound child process). */
async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

const commands = guideCommands(GUIDE);
const runnable = [
  ...new Map(
    commands
      .map(words)
      .filter(([, , verb]) => verb !== 'bootstrap')
      .map(([, , verb, ...rest]) =>
        asSynth(
          verb!,
          rest.filter((word) => word !== '...'),
        ),
      )
      .map((args) => [args.join(' '), args] as const),
  ).values(),
];

describe('the operators guide, followed literally', () => {
  it('has the commands an operator needs: bootstrap, deploy, diff and destroy', () => {
    const verbs = new Set(commands.map((command) => words(command)[2]));
    expect([...verbs].sort()).toEqual(expect.arrayContaining(['bootstrap', 'deploy', 'destroy']));
  });

  it('bootstraps only Canadian regions', () => {
    const regions = commands
      .filter((command) => words(command)[2] === 'bootstrap')
      .flatMap((command) => [...command.matchAll(/aws:\/\/[^/\s]+\/([a-z0-9-]+)/g)].map((m) => m[1]!));
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) expect(CANADIAN_REGIONS).toContain(region);
  });

  // Eleven or so synths of 15-20 s each: two at a time, started once, each checked by its own test.
  let runs: GuideSynth[] = [];
  const AT_ONCE = 2;
  beforeAll(
    async () => {
      runs = await inBatches(
        runnable.map((args) => () => synth(args)),
        AT_ONCE,
      );
    },
    Math.ceil(runnable.length / AT_ONCE) * CDK_SYNTH_BUDGET_MS,
  ); // each synth's own limit fails first, with its output

  it.each(runnable.map((args, index) => [args.join(' '), index]))('npx cdk synth %s', (_name, index) => {
    const run = runs[index as number]!;
    expectWithMessage(run.status, run.output).toBe(0);
    expect(run.templates.length).toBeGreaterThan(0);
  });
});
