/**
 * AWS Backup of the service table (lib/backup-plan.ts): daily, kept 35 days, in a vault encrypted with
 * the region's key; locked only when asked; copied only to the other Canadian region, never to the same
 * region nor outside Canada. Expected values are written out here, not imported from lib/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../lib/app';
import { readDeploymentSettings } from '../../lib/settings';
import { expectWithMessage } from '../support/expect-with-message';
import { type Json, logicalId, resourcesOf, SYNTH_TIMEOUT_MS, synthesise, type SynthesisedApp } from './support/app-fixture';

const BOTH = ['ca-central-1', 'ca-west-1'] as const;

let dev: SynthesisedApp;
let prod: SynthesisedApp;
let governance: SynthesisedApp;
beforeAll(() => {
  dev = synthesise();
  prod = synthesise({
    stage: 'prod',
    regions: BOTH.join(','),
    backupCopyRegion: 'ca-west-1',
    backupVaultLock: 'true',
    callbackUrls: 'https://intake.example.org/',
  });
  governance = synthesise({ backupVaultLock: 'governance' });
}, SYNTH_TIMEOUT_MS);
afterAll(() => {
  dev?.dispose();
  prod?.dispose();
  governance?.dispose();
});

const only = (template: Template, type: string): [string, Json] => {
  const found = Object.entries(resourcesOf(template, type));
  expectWithMessage(found, type).toHaveLength(1);
  return found[0]!;
};
const ruleOf = (template: Template): Json => {
  const rules = only(template, 'AWS::Backup::BackupPlan')[1].Properties.BackupPlan.BackupPlanRule as Json[];
  expect(rules).toHaveLength(1);
  return rules[0]!;
};
const vaultArn = (stage: string, region: string) => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      `:backup:${region}:`,
      { Ref: 'AWS::AccountId' },
      `:backup-vault:newcomer-intake-${stage}-${region}`,
    ],
  ],
});
const roleArn = (name: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, `:role/${name}`]],
});
const read = (context: Record<string, unknown>) => readDeploymentSettings(new App({ context }).node, {});

describe('the backup plan', () => {
  it('backs up daily and keeps each backup 35 days, in the region vault', () => {
    for (const app of [dev, prod]) {
      for (const { region } of app.regions) {
        const template = app.templates(region).stateful;
        const rule = ruleOf(template);
        expectWithMessage(rule.ScheduleExpression, region).toBe('cron(0 7 * * ? *)');
        expectWithMessage(rule.Lifecycle, region).toEqual({ DeleteAfterDays: 35 });
        const [vaultId] = only(template, 'AWS::Backup::BackupVault');
        expectWithMessage(rule.TargetBackupVault, region).toEqual({ 'Fn::GetAtt': [vaultId, 'BackupVaultName'] });
      }
    }
  });

  it('selects the service table alone (the receipts bucket holds re-renderable copies and is not versioned)', () => {
    for (const { region, stateful } of prod.regions) {
      const template = prod.templates(region).stateful;
      const [, selection] = only(template, 'AWS::Backup::BackupSelection');
      expect(selection.Properties.BackupSelection.Resources).toEqual([{ 'Fn::GetAtt': [logicalId(stateful.table), 'Arn'] }]);
      expect(selection.Properties.BackupSelection.ListOfTags).toBeUndefined();
      expect(selection.Properties.BackupSelection.IamRoleArn).toEqual({ 'Fn::GetAtt': [logicalId(stateful.backups.role), 'Arn'] });
      const receipts = resourcesOf(template, 'AWS::S3::Bucket')[logicalId(stateful.receiptsBucket)]!;
      expect(receipts.Properties.VersioningConfiguration).toBeUndefined();
    }
  });

  it("works with AWS Backup's own named role, assumable by AWS Backup only, for backups and restores", () => {
    for (const { region, stateful } of prod.regions) {
      const role = resourcesOf(prod.templates(region).stateful, 'AWS::IAM::Role')[logicalId(stateful.backups.role)]!;
      expect(role.Properties.RoleName).toBe(`newcomer-intake-prod-${region}-backup`);
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' } },
      ]);
      expect(role.Properties.ManagedPolicyArns).toEqual(
        ['AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForRestores'].map((name) => ({
          'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/service-role/${name}`]],
        })),
      );
      expect(role.Properties.Policies).toBeUndefined();
    }
  });

  it('synthesises in both Canadian regions, each with its own plan, vault and key', () => {
    expect(prod.regions.map((r) => r.region)).toEqual([...BOTH]);
    for (const { region, stateful } of prod.regions) {
      const template = prod.templates(region).stateful;
      const [, vault] = only(template, 'AWS::Backup::BackupVault');
      expect(vault.Properties.BackupVaultName).toBe(`newcomer-intake-prod-${region}`);
      expect(vault.DeletionPolicy).toBe('Retain');
      only(template, 'AWS::Backup::BackupPlan');
      expect(only(template, 'AWS::KMS::Key')[0]).toBe(logicalId(stateful.encryptionKey.key));
    }
  });
});

describe('the vault', () => {
  it("is encrypted with the region's key", () => {
    for (const app of [dev, prod]) {
      for (const { region, stateful } of app.regions) {
        const [, vault] = only(app.templates(region).stateful, 'AWS::Backup::BackupVault');
        expectWithMessage(vault.Properties.EncryptionKeyArn, region).toEqual({
          'Fn::GetAtt': [logicalId(stateful.encryptionKey.key), 'Arn'],
        });
      }
    }
  });

  it('is not locked unless asked', () => {
    const [, vault] = only(dev.templates().stateful, 'AWS::Backup::BackupVault');
    expect(vault.Properties.LockConfiguration).toBeUndefined();
    expect(read({}).backupVaultLock).toBe('none');
    expect(read({ backupVaultLock: 'false' }).backupVaultLock).toBe('none');
  });

  it('with backupVaultLock=true, gets a compliance lock: 35 days minimum, fixed after a 3-day cooling-off', () => {
    for (const { region } of prod.regions) {
      const [, vault] = only(prod.templates(region).stateful, 'AWS::Backup::BackupVault');
      expectWithMessage(vault.Properties.LockConfiguration, region).toEqual({ MinRetentionDays: 35, ChangeableForDays: 3 });
    }
  });

  it('with backupVaultLock=governance, gets a lock that privileged users can remove (no ChangeableForDays)', () => {
    const [, vault] = only(governance.templates().stateful, 'AWS::Backup::BackupVault');
    expect(vault.Properties.LockConfiguration).toEqual({ MinRetentionDays: 35 });
  });

  it('refuses another lock value, naming the key', () => {
    expect(() => read({ backupVaultLock: 'forever' })).toThrow(/"backupVaultLock"/);
  });
});

describe('the copy to the other Canadian region', () => {
  it('is off by default', () => {
    expect(ruleOf(dev.templates().stateful).CopyActions).toBeUndefined();
    expect(read({}).backupCopyRegion).toBeUndefined();
  });

  it("goes to the other region's vault, kept 35 days, and never to the region itself", () => {
    for (const [region, other] of [
      ['ca-central-1', 'ca-west-1'],
      ['ca-west-1', 'ca-central-1'],
    ] as const) {
      const rule = ruleOf(prod.templates(region).stateful);
      expectWithMessage(rule.CopyActions, region).toEqual([
        { DestinationBackupVaultArn: vaultArn('prod', other), Lifecycle: { DeleteAfterDays: 35 } },
      ]);
      expect(JSON.stringify(rule.CopyActions)).not.toContain(`:backup:${region}:`);
    }
  });

  it("lets the source region's backup role use the destination key, and no other region's", () => {
    for (const [region, other] of [
      ['ca-central-1', 'ca-west-1'],
      ['ca-west-1', 'ca-central-1'],
    ] as const) {
      const [, key] = only(prod.templates(region).stateful, 'AWS::KMS::Key');
      const backup = (key.Properties.KeyPolicy.Statement as Json[]).find((s) => s.Sid === 'AwsBackup')!;
      expect(backup.Condition.ArnEquals['aws:PrincipalArn']).toEqual([
        roleArn(`newcomer-intake-prod-${region}-backup`),
        roleArn(`newcomer-intake-prod-${other}-backup`),
        roleArn('aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup'),
      ]);
    }
  });

  it('is refused outside Canada, into the same region, or into a region without its stack set, naming the key', () => {
    for (const region of ['us-east-1', 'eu-west-1', 'ca-east-1']) {
      expect(() => read({ regions: 'ca-central-1,ca-west-1', backupCopyRegion: region })).toThrow(/"backupCopyRegion".*outside Canada/);
    }
    expect(() => read({ regions: 'ca-central-1', backupCopyRegion: 'ca-central-1' })).toThrow(/"backupCopyRegion".*region being backed up/);
    expect(() => read({ regions: 'ca-west-1', backupCopyRegion: 'ca-west-1' })).toThrow(/"backupCopyRegion".*region being backed up/);
    expect(() => read({ regions: 'ca-central-1', backupCopyRegion: 'ca-west-1' })).toThrow(/"backupCopyRegion".*add ca-west-1 to regions/);
    // The synth itself stops, before any stack exists.
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], backupCopyRegion: 'us-west-2' } });
    expect(() => buildApp(app, {})).toThrow(/"backupCopyRegion"/);
    expect(app.node.children).toHaveLength(0);
  });

  it('is accepted for a Canadian region deployed beside the source', () => {
    expect(read({ regions: 'ca-central-1,ca-west-1', backupCopyRegion: 'ca-central-1' }).backupCopyRegion).toBe('ca-central-1');
  });
});
