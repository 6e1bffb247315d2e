/**
 * One customer-managed key per region (lib/encryption-key.ts, lib/key-use.ts): rotation on; the
 * table, the receipts and site-index buckets, the secret, the indexer's queues and every log group use
 * it; its policy names exactly the principals that need it; each function may use it only for the
 * stores its route declares, through those stores' services. Expected values are written out here, not
 * imported from lib/, so a widened key policy or grant fails these tests.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Template } from 'aws-cdk-lib/assertions';
import { type RouteDefinition, routes as routeTable } from '../../functions/api/routes';
import { expectWithMessage } from '../support/expect-with-message';
import { actionsOf, type Json, logicalId, resourcesOf, SYNTH_TIMEOUT_MS, synthesise, type SynthesisedApp } from './support/app-fixture';

const routes = routeTable as readonly RouteDefinition[];
const REGIONS = ['ca-central-1', 'ca-west-1'] as const;
/** Table operations that write: a function holding one needs a data key from DynamoDB. */
const TABLE_WRITES = ['put', 'update', 'delete', 'batchWrite'];

let synth: SynthesisedApp;
let withSite: SynthesisedApp;
beforeAll(() => {
  synth = synthesise({ stage: 'prod', regions: REGIONS.join(','), callbackUrls: 'https://intake.example.org/' });
  // With every optional part of the stateless stack: the web site's deployer, the retention function.
  withSite = synthesise({ webSite: 'true', clientRetentionYears: '7' });
}, SYNTH_TIMEOUT_MS);
afterAll(() => {
  synth?.dispose();
  withSite?.dispose();
});

const importedKey = (app: SynthesisedApp, region?: string) => ({
  'Fn::ImportValue': `${app.stacks(region).stateful.stackName}-EncryptionKeyArn`,
});
const keyArnIn = (app: SynthesisedApp, region?: string) => ({
  'Fn::GetAtt': [logicalId(app.stacks(region).stateful.encryptionKey.key), 'Arn'],
});
const theKey = (template: Template): Json => {
  const keys = Object.values(resourcesOf(template, 'AWS::KMS::Key'));
  expect(keys).toHaveLength(1);
  return keys[0]!;
};
const via = (region: string, ...services: string[]) => services.map((service) => `${service}.${region}.amazonaws.com`);

describe('the region key', () => {
  it('exists once per region, with rotation on, named by an alias, and kept outside dev', () => {
    for (const region of REGIONS) {
      const { stateful } = synth.templates(region);
      const key = theKey(stateful);
      expectWithMessage(key.Properties.EnableKeyRotation, region).toBe(true);
      expectWithMessage(key.DeletionPolicy, region).toBe('Retain');
      stateful.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/newcomer-intake/prod', TargetKeyId: keyArnIn(synth, region) });
      // Nothing else in either stack makes a key of its own for these stores.
      expect(Object.keys(resourcesOf(synth.templates(region).stateless, 'AWS::KMS::Key')).length).toBeLessThanOrEqual(1);
    }
  });

  it('encrypts the table, the receipts and site-index buckets and the search-cursor secret', () => {
    for (const region of REGIONS) {
      const { stateful } = synth.stacks(region);
      const template = synth.templates(region).stateful;
      const key = keyArnIn(synth, region);
      const table = resourcesOf(template, 'AWS::DynamoDB::Table')[logicalId(stateful.table)]!;
      expectWithMessage(table.Properties.SSESpecification, region).toEqual({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: key });
      for (const bucket of [stateful.receiptsBucket, stateful.siteIndexBucket]) {
        const encryption = resourcesOf(template, 'AWS::S3::Bucket')[logicalId(bucket)]!.Properties.BucketEncryption;
        expectWithMessage(encryption.ServerSideEncryptionConfiguration, bucket.node.path).toEqual([
          { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key } },
        ]);
      }
      const secret = resourcesOf(template, 'AWS::SecretsManager::Secret')[logicalId(stateful.searchCursorKey)]!;
      expectWithMessage(secret.Properties.KmsKeyId, region).toEqual(key);
    }
  });

  it('leaves the access-log bucket on SSE-S3, the only encryption S3 server access logging delivers to', () => {
    const template = synth.templates().stateful;
    const accessLogs = Object.entries(resourcesOf(template, 'AWS::S3::Bucket')).find(([id]) => id.startsWith('AccessLogsBucket'))![1];
    expect(accessLogs.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
      { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
    ]);
  });

  it("encrypts every log group and every queue of the stateless stack with its own region's key", () => {
    for (const [app, region] of [
      [synth, 'ca-central-1'],
      [synth, 'ca-west-1'],
      [withSite, undefined],
    ] as const) {
      const template = app.templates(region).stateless;
      const logGroups = resourcesOf(template, 'AWS::Logs::LogGroup');
      // One per route, the indexer's, the report counter's, the API access log (and the site deployer's
      // with the web site).
      expect(Object.keys(logGroups).length).toBeGreaterThanOrEqual(routes.length + 3);
      for (const [id, group] of Object.entries(logGroups)) {
        expectWithMessage(group.Properties.KmsKeyId, `${region} ${id}`).toEqual(importedKey(app, region));
      }
      const queues = resourcesOf(template, 'AWS::SQS::Queue');
      // Two per stream consumer (the indexer, the report counter), two more with retention.
      expect(Object.keys(queues).length).toBeGreaterThanOrEqual(4);
      for (const [id, queue] of Object.entries(queues)) {
        expectWithMessage(queue.Properties.KmsMasterKeyId, `${region} ${id}`).toEqual(importedKey(app, region));
        expectWithMessage(queue.Properties.SqsManagedSseEnabled, id).toBeUndefined();
      }
    }
    const deployerLogs = Object.keys(resourcesOf(withSite.templates().stateless, 'AWS::Logs::LogGroup')).filter((id) =>
      id.includes('Deployer'),
    );
    expect(deployerLogs).toHaveLength(1);
  });
});

describe('the key policy', () => {
  const statementsOf = (region: string): Record<string, Json> => {
    const statements = theKey(synth.templates(region).stateful).Properties.KeyPolicy.Statement as Json[];
    return Object.fromEntries(statements.map((statement) => [statement.Sid as string, statement]));
  };
  const principalsOf = (statement: Json): unknown[] => ([] as unknown[]).concat(statement.Principal.AWS ?? statement.Principal.Service);
  const breakGlass = (region: string) => ({ 'Fn::GetAtt': [logicalId(synth.stacks(region).stateful.encryptionKey.breakGlassRole), 'Arn'] });
  const deployer = (region: string) => ({
    'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/cdk-hnb659fds-cfn-exec-role-\${AWS::AccountId}-${region}`,
  });
  const accountRoot = { 'Fn::Join': ['', ['arn:aws:iam::', { Ref: 'AWS::AccountId' }, ':root']] };
  const roleArn = (name: string) => ({
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, `:role/${name}`]],
  });

  it('has exactly these statements, all Allow, with no wildcard action', () => {
    for (const region of REGIONS) {
      const statements = statementsOf(region);
      expect(Object.keys(statements).sort()).toEqual(
        [
          'AwsBackup',
          'AwsBackupGrants',
          'CloudWatchLogs',
          'DeploymentAndRecovery',
          'KeyAdministration',
          'ServiceRoles',
          'ServiceRolesTableGrants',
        ].sort(),
      );
      for (const [sid, statement] of Object.entries(statements)) {
        expectWithMessage(statement.Effect, sid).toBe('Allow');
        for (const action of actionsOf(statement)) expectWithMessage(action, sid).not.toContain('*');
      }
    }
  });

  it('lets only the break-glass role and the CloudFormation execution role administer the key, without reading data', () => {
    for (const region of REGIONS) {
      const { KeyAdministration: admin, DeploymentAndRecovery: recovery } = statementsOf(region);
      expect(principalsOf(admin!)).toEqual(expect.arrayContaining([breakGlass(region), deployer(region)]));
      expect(principalsOf(admin!)).toHaveLength(2);
      expect(actionsOf(admin!)).toContain('kms:PutKeyPolicy');
      expect(actionsOf(admin!).filter((a) => /Decrypt|Encrypt|GenerateDataKey/.test(a))).toEqual([]);
      expect(principalsOf(recovery!)).toEqual(principalsOf(admin!));
      expect(actionsOf(recovery!).sort()).toEqual(['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey']);
      expect(recovery!.Condition).toEqual({ StringEquals: { 'kms:ViaService': via(region, 'backup', 'dynamodb', 'secretsmanager') } });
    }
  });

  it("lets the roles under the key's path (with an IAM policy of their own) use it through DynamoDB, S3, Secrets Manager and SQS only", () => {
    for (const region of REGIONS) {
      const { ServiceRoles: use, ServiceRolesTableGrants: grants } = statementsOf(region);
      const underPath = {
        ArnLike: {
          'aws:PrincipalArn': {
            'Fn::Join': [
              '',
              ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, `:role/newcomer-intake/prod/${region}/*`],
            ],
          },
        },
      };
      const callerAccount = { 'kms:CallerAccount': { Ref: 'AWS::AccountId' } };
      expect(principalsOf(use!)).toEqual([accountRoot]);
      expect(actionsOf(use!).sort()).toEqual(['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey']);
      expect(use!.Condition).toEqual({
        ...underPath,
        StringEquals: { 'kms:ViaService': via(region, 'dynamodb', 's3', 'secretsmanager', 'sqs'), ...callerAccount },
      });
      // A grant only for DynamoDB (a table restored under the key), and only for an AWS resource.
      expect(principalsOf(grants!)).toEqual([accountRoot]);
      expect(actionsOf(grants!)).toEqual(['kms:CreateGrant']);
      expect(grants!.Condition).toEqual({
        ...underPath,
        StringEquals: { 'kms:ViaService': via(region, 'dynamodb'), ...callerAccount },
        Bool: { 'kms:GrantIsForAWSResource': 'true' },
      });
    }
  });

  it("lets in AWS Backup's role of the region and its service-linked role, by ARN, and CloudWatch Logs of the region for this account's log groups", () => {
    for (const region of REGIONS) {
      const { AwsBackup: backup, AwsBackupGrants: grants, CloudWatchLogs: logs } = statementsOf(region);
      for (const statement of [backup!, grants!]) {
        expect(statement.Principal).toEqual({ AWS: '*' });
        // "*" only with the role's ARN as a condition: without it the statement would be open to anyone.
        expect(statement.Condition.ArnEquals).toEqual({
          'aws:PrincipalArn': [
            roleArn(`newcomer-intake-prod-${region}-backup`),
            roleArn('aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup'),
          ],
        });
        expect(statement.Condition.StringEquals).toEqual({ 'kms:CallerAccount': { Ref: 'AWS::AccountId' } });
      }
      expect(actionsOf(backup!).sort()).toEqual(['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey']);
      expect(actionsOf(grants!)).toEqual(['kms:CreateGrant']);
      expect(grants!.Condition.Bool).toEqual({ 'kms:GrantIsForAWSResource': 'true' });
      expect(logs!.Principal).toEqual({ Service: `logs.${region}.amazonaws.com` });
      expect(logs!.Condition).toEqual({
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': {
            'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:logs:${region}:`, { Ref: 'AWS::AccountId' }, ':log-group:*']],
          },
        },
      });
    }
  });

  it('has a break-glass role that only MFA-signed principals of the account can assume, with no permissions of its own', () => {
    for (const region of REGIONS) {
      const role = resourcesOf(synth.templates(region).stateful, 'AWS::IAM::Role')[
        logicalId(synth.stacks(region).stateful.encryptionKey.breakGlassRole)
      ]!;
      expect(role.Properties.RoleName).toBe(`newcomer-intake-prod-${region}-key-break-glass`);
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { AWS: accountRoot },
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ]);
      expect(role.Properties.MaxSessionDuration).toBe(3600);
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      expect(role.Properties.Policies).toBeUndefined();
      expect(role.DeletionPolicy).toBe('Retain');
    }
  });
});

describe("the functions' use of the key", () => {
  /** What a route may do with the key, from its declared access: kms action → the services it goes through. */
  function expectedKeyUse(access: RouteDefinition['access'], region: string): Record<string, string[]> {
    const reads = new Set<string>();
    const writes = new Set<string>();
    if (access.table !== 'none') {
      const operations = Object.values(access.table).flatMap((ops) => [...((ops ?? []) as string[])]);
      if (operations.some((op) => TABLE_WRITES.includes(op))) writes.add('dynamodb');
      else if (operations.length > 0) reads.add('dynamodb');
    }
    for (const level of [access.receipts, access.siteIndex]) {
      if (level === 'read') reads.add('s3');
      else if (level !== undefined && level !== 'none') writes.add('s3');
    }
    const expected: Record<string, string[]> = {};
    const decrypt = [...new Set([...reads, ...writes])];
    if (decrypt.length > 0) expected['kms:Decrypt'] = via(region, ...decrypt).sort();
    if (writes.size > 0) expected['kms:GenerateDataKey'] = via(region, ...writes).sort();
    return expected;
  }

  /** Every statement of the IAM policies attached to a role. */
  function policyStatementsOf(template: Template, roleId: string): Json[] {
    return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as Json[]).some((role) => role.Ref === roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Json[]);
  }

  /** kms action → the kms:ViaService values it is allowed through, over every statement of a role. */
  function keyUseOf(roleId: string, region: string | undefined, app: SynthesisedApp = synth): Record<string, string[]> {
    const use: Record<string, string[]> = {};
    for (const statement of policyStatementsOf(app.templates(region).stateless, roleId)) {
      const kms = actionsOf(statement).filter((action) => action.startsWith('kms:'));
      if (kms.length === 0) continue;
      expectWithMessage(kms.length, `${roleId}: kms mixed with other actions`).toBe(actionsOf(statement).length);
      expectWithMessage(statement.Resource, roleId).toEqual(importedKey(app, region));
      expectWithMessage(Object.keys(statement.Condition ?? {}), roleId).toEqual(['StringEquals']);
      expectWithMessage(Object.keys(statement.Condition.StringEquals), roleId).toEqual(['kms:ViaService']);
      for (const action of kms)
        use[action] = [...(use[action] ?? []), ...([] as string[]).concat(statement.Condition.StringEquals['kms:ViaService'])].sort();
    }
    return use;
  }

  it('give each route exactly Decrypt for the stores it reads and GenerateDataKey for those it writes, through their services', () => {
    for (const region of REGIONS) {
      for (const route of routes) {
        const fn = synth.stacks(region).stateless.functions.get(route.operationId)!;
        expectWithMessage(keyUseOf(logicalId(fn.role), region), `${region} ${route.operationId}`).toEqual(
          expectedKeyUse(route.access, region),
        );
      }
    }
    // The table shows both kinds: some routes only read (no data key), others write.
    const uses = routes.map((route) => Object.keys(expectedKeyUse(route.access, 'ca-central-1')).join());
    expect(uses).toContain('kms:Decrypt');
    expect(uses).toContain('kms:Decrypt,kms:GenerateDataKey');
    expect(uses).toContain('');
  });

  it('give the comment indexer the stream and table (DynamoDB) and its failure queue (SQS), never S3', () => {
    const indexer = synth.stacks().stateless.commentIndexer.function;
    expect(keyUseOf(logicalId(indexer.role), 'ca-central-1')).toEqual({
      'kms:Decrypt': via('ca-central-1', 'dynamodb', 'sqs'),
      'kms:GenerateDataKey': via('ca-central-1', 'dynamodb', 'sqs'),
    });
  });

  it('give the report counter the stream and table (DynamoDB) and its failure queue (SQS), never S3', () => {
    const counter = synth.stacks().stateless.reportCounter.function;
    expect(keyUseOf(logicalId(counter.role), 'ca-central-1')).toEqual({
      'kms:Decrypt': via('ca-central-1', 'dynamodb', 'sqs'),
      'kms:GenerateDataKey': via('ca-central-1', 'dynamodb', 'sqs'),
    });
  });

  it('give every role that reads or writes the table or a bucket the key through that service, and only key users the key path', () => {
    for (const app of [synth, withSite]) {
      for (const { region, stateful } of app.regions) {
        const template = app.templates(region).stateless;
        const imports = (...names: string[]) => names.map((name) => JSON.stringify({ 'Fn::ImportValue': `${stateful.stackName}-${name}` }));
        const table = imports('TableArn', 'TableStreamArn');
        const buckets = imports('ReceiptsBucketArn', 'SiteIndexBucketArn');
        const on = (statement: Json, exported: string[]) => exported.some((name) => JSON.stringify(statement.Resource).includes(name));
        let users = 0;
        for (const [roleId, role] of Object.entries(resourcesOf(template, 'AWS::IAM::Role'))) {
          const statements = policyStatementsOf(template, roleId);
          const use = keyUseOf(roleId, region, app);
          const needs = (action: string, service: string, touches: boolean) => {
            if (touches)
              expectWithMessage(use[action] ?? [], `${region} ${roleId} ${action}`).toContain(`${service}.${region}.amazonaws.com`);
          };
          needs(
            'kms:Decrypt',
            'dynamodb',
            statements.some((st) => actionsOf(st).some((a) => a.startsWith('dynamodb:')) && on(st, table)),
          );
          needs(
            'kms:Decrypt',
            's3',
            statements.some((st) => actionsOf(st).includes('s3:GetObject') && on(st, buckets)),
          );
          needs(
            'kms:GenerateDataKey',
            's3',
            statements.some((st) => actionsOf(st).includes('s3:PutObject') && on(st, buckets)),
          );
          const usesKey = Object.keys(use).length > 0;
          if (usesKey) users += 1;
          expectWithMessage(role.Properties.Path, `${region} ${roleId}`).toBe(
            usesKey ? `/newcomer-intake/${app.settings.stage}/${region}/` : undefined,
          );
        }
        // At least every route with a store, the indexer and the report counter.
        expect(users).toBeGreaterThanOrEqual(routes.filter((r) => Object.keys(expectedKeyUse(r.access, region)).length > 0).length + 2);
      }
    }
  });

  it('give no role of any stack a wildcard kms action or a kms permission without kms:ViaService', () => {
    for (const app of [synth, withSite]) {
      for (const { stateful, stateless, region } of app.regions) {
        for (const template of [app.templates(region).stateful, app.templates(region).stateless]) {
          const statements = [
            ...Object.values(resourcesOf(template, 'AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement as Json[]),
            ...Object.values(resourcesOf(template, 'AWS::IAM::Role')).flatMap((r) =>
              ((r.Properties.Policies ?? []) as Json[]).flatMap((p) => p.PolicyDocument.Statement as Json[]),
            ),
          ];
          for (const statement of statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')))) {
            const where = `${stateful.stackName}|${stateless.stackName}`;
            expectWithMessage(
              actionsOf(statement).filter((a) => a.includes('*')),
              where,
            ).toEqual([]);
            expectWithMessage(statement.Condition?.StringEquals?.['kms:ViaService'], where).toBeDefined();
          }
        }
      }
    }
  });
});
