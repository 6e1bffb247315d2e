/**
 * One set of stacks per region, each region keeping its own data (CONTRACT §10): distinct stack names
 * with stage and region, every stack pinned to its region, and no reference from one region to another.
 * With the web site on, both regions synthesise, and each distribution's logs go to its own region's
 * bucket by standard logging v2 (the legacy logs cannot reach ca-west-1, an opt-in region).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { expectWithMessage } from '../support/expect-with-message';
import { type Json, SYNTH_TIMEOUT_MS, type SynthesisedApp, synthesise } from './support/app-fixture';

const REGIONS = ['ca-central-1', 'ca-west-1'];
let synth: SynthesisedApp;
let withSite: SynthesisedApp;

beforeAll(() => {
  synth = synthesise({ regions: REGIONS.join(','), stage: 'prod' });
  withSite = synthesise({
    regions: REGIONS.join(','),
    stage: 'prod',
    webSite: 'true',
    siteDomain: 'ca-central-1=intake.example.org,ca-west-1=west.intake.example.org',
    siteCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
  });
}, SYNTH_TIMEOUT_MS);
afterAll(() => {
  synth?.dispose();
  withSite?.dispose();
});

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

describe('two regions with the web site on', () => {
  it('synthesise both stack sets, each with its own distribution, pinned to its region', () => {
    expect(withSite.assembly.stacks.map((stack) => `${stack.stackName} ${stack.environment.region}`).sort()).toEqual([
      'NewcomerIntake-prod-ca-central-1-Stateful ca-central-1',
      'NewcomerIntake-prod-ca-central-1-Stateless ca-central-1',
      'NewcomerIntake-prod-ca-west-1-Stateful ca-west-1',
      'NewcomerIntake-prod-ca-west-1-Stateless ca-west-1',
    ]);
    for (const region of REGIONS) withSite.templates(region).stateful.resourceCountIs('AWS::CloudFront::Distribution', 1);
  });

  it.each(REGIONS)("in %s, deliver the site logs to that region's access-log bucket, never with legacy logging", (region) => {
    const stateful = withSite.templates(region).stateful;
    const [distribution] = Object.values(stateful.findResources('AWS::CloudFront::Distribution')) as Json[];
    expect(distribution!.Properties.DistributionConfig.Logging).toBeUndefined();
    const buckets = Object.keys(stateful.findResources('AWS::S3::Bucket'));
    const accessLogs = buckets.find((id) => id.startsWith('AccessLogsBucket'))!;
    // Only this stack's own access-log bucket is a destination (no bucket of another region, no name).
    const destinations = Object.values(stateful.findResources('Custom::AWS')).filter((resource: Json) =>
      JSON.stringify(resource.Properties.Create).includes('putDeliveryDestination'),
    ) as Json[];
    expect(destinations).toHaveLength(1);
    expect(valuesOf(destinations[0]!.Properties.Create, 'Fn::GetAtt')).toEqual([[accessLogs, 'Arn']]);
    // CloudFront's delivery sources are made in us-east-1; that is metadata, the files stay in the region.
    expect(JSON.stringify(destinations[0]!.Properties.Create)).toContain('\\"region\\":\\"us-east-1\\"');
    // Object ownership enforced: no ACL grant is needed, in either region.
    const bucket = stateful.findResources('AWS::S3::Bucket')[accessLogs] as Json;
    expect(bucket.Properties.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
  });

  it('keep the stateless stacks importing only their own region with the site on', () => {
    for (const region of REGIONS) {
      const ownStateful = `NewcomerIntake-prod-${region}-Stateful`;
      for (const name of valuesOf(withSite.templates(region).stateless.toJSON(), 'Fn::ImportValue')) {
        expect(String(name).startsWith(`${ownStateful}-`)).toBe(true);
      }
    }
  });
});
