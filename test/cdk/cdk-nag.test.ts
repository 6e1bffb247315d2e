/**
 * cdk-nag's AwsSolutions pack runs on every stack of the app (as `cdk synth` runs it) and finds
 * nothing unacknowledged, in dev and in a two-region production setup. Every acknowledgement is scoped
 * to one construct, carries a reason, and is of a kind reviewed in docs/operators-guide.md.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { App, Stack, Validations } from 'aws-cdk-lib';
import type { CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RouteDefinition, routes as routeTable } from '../../functions/api/routes';
import { buildApp } from '../../lib/app';
import { expectWithMessage } from '../support/expect-with-message';
import { SYNTH_TIMEOUT_MS, type SynthesisedApp, synthesise } from './support/app-fixture';

const routes = routeTable as readonly RouteDefinition[];

let dev: SynthesisedApp;
let prod: SynthesisedApp;
beforeAll(() => {
  // synthesise() throws if the AwsSolutions plugin reports any finding.
  dev = synthesise();
  prod = synthesise({ stage: 'prod', regions: 'ca-central-1,ca-west-1', alarmEmail: 'ops@example.org' });
}, SYNTH_TIMEOUT_MS);
afterAll(() => {
  dev?.dispose();
  prod?.dispose();
});

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

function acknowledgements(app: App): Acknowledgement[] {
  const found: Acknowledgement[] = [];
  for (const construct of app.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [key, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ path: construct.node.path, id: key.replace(/^annotation::/i, ''), reason });
      }
    }
  }
  return found;
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding on any stack, in dev and in two production regions', () => {
    for (const synth of [dev, prod]) {
      expect(new AwsSolutionsChecks().validateScope(synth.app).violations).toEqual([]);
      const reportFile = join(synth.assembly.directory, 'validation-report.json');
      if (existsSync(reportFile)) {
        const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { pluginReports: { violations?: unknown[] }[] };
        expect(report.pluginReports.flatMap((plugin) => plugin.violations ?? [])).toEqual([]);
      }
    }
    expect(prod.regions).toHaveLength(2);
  });

  it('is live: a non-compliant resource added to the app fails the synth', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const built = buildApp(app, {});
    new Bucket(built.regions[0]!.stateful, 'CarelessBucket');
    expect(() => app.synth()).toThrow(/AwsSolutions-S1|AwsSolutions-S10|Validation failed/);
  });

  it('acknowledges only reviewed kinds of finding, each on one construct and with a reason', () => {
    const acks = acknowledgements(prod.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expectWithMessage(ack.reason.length, `${ack.path} ${ack.id}`).toBeGreaterThanOrEqual(60);
      // Never on a whole stack or the app: always a resource or its direct parent.
      expectWithMessage(ack.path.split('/').length, `${ack.path} ${ack.id}`).toBeGreaterThanOrEqual(2);
      expect(ack.id).toMatch(
        /^AwsSolutions-(S1|APIG4|L1|SMG4|IAM5\[Resource::\*\]|IAM5\[Resource::NewcomerIntake-[a-z0-9-]+-Stateful-\w+BucketArn\/\*\]|IAM4\[Policy::arn:<AWS::Partition>:iam::aws:policy\/service-role\/AWSBackupServiceRolePolicyFor(Backup|Restores)\])$/,
      );
    }
  });

  it('acknowledges a missing authorizer only on the public routes of the route table', () => {
    const open = acknowledgements(dev.app).filter((ack) => ack.id === 'AwsSolutions-APIG4');
    const routeKeys = open.map((ack) => {
      const construct = dev.app.node.findAll().find((c) => c.node.path === ack.path);
      return (construct?.node.defaultChild as CfnRoute | undefined)?.routeKey;
    });
    const publicRouteKeys = routes.filter((route) => route.auth === 'public').map((route) => `${route.method} ${route.path}`);
    expect(routeKeys.sort()).toEqual(publicRouteKeys.sort());
  });

  it('acknowledges a secret without rotation only on the search-cursor key', () => {
    const smg4 = acknowledgements(dev.app).filter((ack) => ack.id === 'AwsSolutions-SMG4');
    expect(smg4.map((ack) => ack.path)).toEqual([`${Stack.of(dev.stacks().stateful).stackName}/SearchCursorKey`]);
  });

  it("acknowledges an AWS managed policy only on AWS Backup's role, and only AWS Backup's own policy", () => {
    const iam4 = acknowledgements(prod.app).filter((ack) => ack.id.startsWith('AwsSolutions-IAM4'));
    expect(iam4.map((ack) => ack.path).sort()).toEqual(
      prod.regions.flatMap(({ stateful }) => Array(2).fill(`${Stack.of(stateful).stackName}/Backups/Role`)).sort(),
    );
  });

  it('acknowledges missing server access logs only on the access-log bucket itself', () => {
    const s1 = acknowledgements(dev.app).filter((ack) => ack.id === 'AwsSolutions-S1');
    expect(s1.map((ack) => ack.path)).toEqual([`${Stack.of(dev.stacks().stateful).stackName}/AccessLogsBucket`]);
  });
});
