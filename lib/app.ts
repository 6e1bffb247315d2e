/**
 * The CDK app: for each region, a stateful stack (table, buckets, user pool) and a stateless stack
 * (API, functions, alarms) that receives the first through typed props; cdk-nag's AwsSolutions checks
 * on all of it. Built by a function so tests synthesise exactly what `cdk synth` does, without the CLI.
 */
import { type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DEV_STAGE, type DeploymentSettings, readDeploymentSettings, stackName } from './settings';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

/**
 * Feature flags this app relies on. cdk.json carries none, and CDK's unset flags keep old behaviour
 * (e.g. S3 access-log delivery through ACLs). Pinned here, not taken from CDK's changing recommended
 * list, so an upgrade never changes a template by itself; cdk.json or `-c` may still override them.
 */
export const FEATURE_FLAGS: Readonly<Record<string, boolean>> = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-s3:createDefaultLoggingPolicy': true,
  '@aws-cdk/aws-s3:publicAccessBlockedByDefault': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/core:enablePartitionLiterals': true,
  '@aws-cdk/core:checkSecretUsage': true,
  '@aws-cdk/aws-kms:reduceCrossAccountRegionPolicyScope': true,
};

export interface RegionStacks {
  region: string;
  stateful: StatefulStack;
  stateless: StatelessStack;
}

export interface BuiltApp {
  settings: DeploymentSettings;
  regions: RegionStacks[];
}

/** Adds every region's stacks and the cdk-nag checks to `app` (which must still be empty). */
export function buildApp(app: App, env: NodeJS.ProcessEnv = process.env): BuiltApp {
  for (const [flag, value] of Object.entries(FEATURE_FLAGS)) {
    if (app.node.tryGetContext(flag) === undefined) app.node.setContext(flag, value);
  }
  const settings = readDeploymentSettings(app.node, env);

  const regions = settings.regions.map((region): RegionStacks => {
    const stackEnv = { region, ...(settings.account ? { account: settings.account } : {}) };
    const statefulName = stackName(settings.stage, region, 'Stateful');
    const stateful = new StatefulStack(app, statefulName, {
      stackName: statefulName,
      env: stackEnv,
      description: `newcomer-intake ${settings.stage} data in ${region}: table, buckets, user pool`,
      terminationProtection: settings.stage !== DEV_STAGE,
      settings,
    });
    const statelessName = stackName(settings.stage, region, 'Stateless');
    const stateless = new StatelessStack(app, statelessName, {
      stackName: statelessName,
      env: stackEnv,
      description: `newcomer-intake ${settings.stage} API in ${region}: HTTP API, functions, alarms`,
      settings,
      stateful: stateful.resources,
    });
    stateless.addStackDependency(stateful, 'imports the exports of the stateful stack');
    for (const stack of [stateful, stateless]) {
      Tags.of(stack).add('project', 'newcomer-intake');
      Tags.of(stack).add('stage', settings.stage);
    }
    return { region, stateful, stateless };
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { settings, regions };
}
