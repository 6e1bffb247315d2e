/**
 * Synthesises the real CDK app (lib/app.ts, cdk-nag included) into a temporary directory, once per
 * test file. Bundling is skipped unless asked for: templates are the same without it, and esbuild over
 * every handler is the slow part of a synth.
 */
import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { Construct } from 'constructs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuiltApp, buildApp } from '../../../lib/app';
import type { StatefulStack } from '../../../lib/stateful-stack';
import type { StatelessStack } from '../../../lib/stateless-stack';

/** For beforeAll hooks that synthesise: the cdk project's budget applies to hooks too, and synthesis is slow on 2 busy cores. */
export const SYNTH_TIMEOUT_MS = 120_000;

export interface SynthesisedApp extends BuiltApp {
  app: App;
  assembly: CloudAssembly;
  outdir: string;
  /** The stacks of the first (or the named) region. */
  stacks(region?: string): { stateful: StatefulStack; stateless: StatelessStack };
  templates(region?: string): { stateful: Template; stateless: Template };
  dispose(): void;
}

export function synthesise(context: Record<string, unknown> = {}, options: { bundle?: boolean } = {}): SynthesisedApp {
  const outdir = mkdtempSync(join(tmpdir(), 'newcomer-intake-cdk-'));
  const app = new App({
    outdir,
    context: { ...context, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
  // No CDK_DEFAULT_ACCOUNT: templates do not depend on who runs the tests.
  const built = buildApp(app, {});
  const assembly = app.synth();
  const stacks = (region?: string) => {
    const found = region ? built.regions.find((r) => r.region === region) : built.regions[0];
    if (!found) throw new Error(`No stacks for region ${region}`);
    return found;
  };
  return {
    ...built,
    app,
    assembly,
    outdir,
    stacks,
    templates: (region) => ({
      stateful: Template.fromStack(stacks(region).stateful),
      stateless: Template.fromStack(stacks(region).stateless),
    }),
    dispose: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** The logical id CloudFormation gives a construct's default resource. */
export function logicalId(construct: Construct): string {
  const child = construct.node.defaultChild;
  if (!(child instanceof CfnElement)) throw new Error(`No default resource under ${construct.node.path}`);
  return Stack.of(construct).getLogicalId(child);
}

export type Json = Record<string, any>;

/** Resources of one type in a template, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, Json> {
  return template.findResources(type) as Record<string, Json>;
}

/** `Action` of a policy statement as a list. */
export function actionsOf(statement: Json): string[] {
  return ([] as string[]).concat(statement.Action ?? []);
}
