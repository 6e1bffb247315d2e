/**
 * One set of stacks per region, each region keeping its own data (CONTRACT §10): distinct stack names
 * with stage and region, every stack pinned to its region, and no reference from one region to another.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { expectWithMessage } from '../support/expect-with-message';
import { type Json, SYNTH_TIMEOUT_MS, type SynthesisedApp, synthesise } from './support/app-fixture';

const REGIONS = ['ca-central-1', 'ca-west-1'];
let synth: SynthesisedApp;

beforeAll(() => {
  synth = synthesise({ regions: REGIONS.join(','), stage: 'prod' });
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth?.dispose());

function stacks(): CloudFormationStackArtifact[] {
  return synth.assembly.stacks;
}

/** Every value of `key` anywhere in a template. */
function valuesOf(node: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((item) => valuesOf(item, key, found));
  else if (node && typeof node === 'object') {
    for (const [name, value] of Object.entries(node)) {
      if (name === key) found.push(value);
      valuesOf(value, key, found);
    }
  }
  return found;
}

describe('two regions', () => {
  it('give two stack sets whose names carry stage and region', () => {
    expect(
      stacks()
        .map((stack) => stack.stackName)
        .sort(),
    ).toEqual([
      'NewcomerIntake-prod-ca-central-1-Stateful',
      'NewcomerIntake-prod-ca-central-1-Stateless',
      'NewcomerIntake-prod-ca-west-1-Stateful',
      'NewcomerIntake-prod-ca-west-1-Stateless',
    ]);
  });

  it('deploy each stack to the region in its name', () => {
    for (const stack of stacks()) {
      const region = REGIONS.find((r) => stack.stackName.includes(`-${r}-`));
      expectWithMessage(stack.environment.region, stack.stackName).toBe(region);
    }
  });

  it('have each stateless stack import only exports of the stateful stack of its own region', () => {
    const exportsByStack = new Map<string, string[]>();
    for (const stack of stacks()) {
      const outputs = Object.values((stack.template as Json).Outputs ?? {}) as Json[];
      exportsByStack.set(
        stack.stackName,
        outputs.flatMap((output) => (output.Export ? [output.Export.Name as string] : [])),
      );
    }
    for (const stack of stacks()) {
      const imports = valuesOf(stack.template, 'Fn::ImportValue');
      if (stack.stackName.endsWith('-Stateful')) {
        expectWithMessage(imports, stack.stackName).toEqual([]);
        continue;
      }
      expectWithMessage(imports.length, stack.stackName).toBeGreaterThan(0);
      const ownStateful = stack.stackName.replace(/-Stateless$/, '-Stateful');
      for (const name of imports) {
        expectWithMessage(typeof name, `${stack.stackName} imports a computed name`).toBe('string');
        expectWithMessage(exportsByStack.get(ownStateful), stack.stackName).toContain(name);
      }
      const stackDependencies = stack.dependencies.map((dependency) => dependency.id).filter((id) => !id.endsWith('.assets'));
      expect(stackDependencies).toEqual([ownStateful]);
    }
  });

  it('use no cross-region reference mechanism and keep export names unique', () => {
    const allExports: string[] = [];
    for (const stack of stacks()) {
      const types = Object.values((stack.template as Json).Resources as Json).map((resource: Json) => resource.Type as string);
      expectWithMessage(
        types.filter((type) => /CrossRegion|ExportReader|ExportWriter/.test(type)),
        stack.stackName,
      ).toEqual([]);
      expectWithMessage(valuesOf(stack.template, 'Fn::GetStackOutput'), stack.stackName).toEqual([]);
      const outputs = Object.values((stack.template as Json).Outputs ?? {}) as Json[];
      allExports.push(...outputs.flatMap((output) => (output.Export ? [output.Export.Name as string] : [])));
    }
    expect(new Set(allExports).size).toBe(allExports.length);
  });

  it('give each region its own table, buckets and user pool', () => {
    for (const region of REGIONS) {
      const { stateful } = synth.templates(region);
      stateful.resourceCountIs('AWS::DynamoDB::Table', 1);
      stateful.resourceCountIs('AWS::S3::Bucket', 3);
      stateful.resourceCountIs('AWS::Cognito::UserPool', 1);
      // No global tables or bucket replication: a region's data stays in it.
      for (const table of Object.values(stateful.findResources('AWS::DynamoDB::Table')) as Json[]) {
        expect(table.Properties.Replicas).toBeUndefined();
      }
      for (const bucket of Object.values(stateful.findResources('AWS::S3::Bucket')) as Json[]) {
        expect(bucket.Properties.ReplicationConfiguration).toBeUndefined();
      }
    }
  });
});
