/**
 * AWS Backup for the service table (docs/operators-guide.md "Backups"): a daily backup kept 35 days in
 * a vault of this region encrypted with the region's key, optionally locked (`-c backupVaultLock=`),
 * and optionally copied to the other Canadian region's vault (`-c backupCopyRegion=`), never outside
 * Canada (lib/settings.ts refuses it). Point-in-time recovery stays on beside it: backups are the copy
 * an administrator cannot switch off or shorten once the vault is locked, and the copy that survives
 * the loss of the region.
 *
 * Only the table is backed up. The receipts bucket holds rendered copies of client records that the
 * service renders again and deletes after `receiptRetentionDays` on purpose; S3 backups need versioning,
 * which would keep those copies past their retention. The site-index bucket is rebuilt from the table.
 */
import { Aws, Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  BackupPlan,
  type BackupPlanCopyActionProps,
  BackupPlanRule,
  BackupResource,
  BackupVault,
  type LockConfiguration,
} from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { type BackupVaultLockMode, CANADIAN_REGIONS, type DeploymentSettings } from './settings';

/** Days a daily backup (and its copy) is kept; also the locked vault's minimum retention. */
export const BACKUP_RETENTION_DAYS = 35;
/** Compliance lock: the days during which the lock can still be removed; then it is permanent. */
export const VAULT_LOCK_COOLING_OFF_DAYS = 3;
/** 07:00 UTC: 2 or 3 a.m. in Toronto, 1 or 2 a.m. in Calgary. */
const DAILY_AT = { hour: '7', minute: '0' };
/** AWS Backup's own service-role policies: taking backups (and copies), and restoring them (start-restore-job). */
const BACKUP_POLICIES = ['service-role/AWSBackupServiceRolePolicyForBackup', 'service-role/AWSBackupServiceRolePolicyForRestores'];

export function backupVaultName(stage: string, region: string): string {
  return `newcomer-intake-${stage}-${region}`;
}

/** Named, so that the key of the region its backups are copied to can admit it by ARN before it exists. */
export function backupRoleName(stage: string, region: string): string {
  return `newcomer-intake-${stage}-${region}-backup`;
}

export function backupRoleArn(stage: string, region: string): string {
  return `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/${backupRoleName(stage, region)}`;
}

/**
 * Where `region`'s backups are copied: `backupCopyRegion` for every other region; the copy region itself
 * copies to the other Canadian region when that one is deployed too. Never the same region.
 */
export function backupCopyDestination(settings: DeploymentSettings, region: string): string | undefined {
  const copyRegion = settings.backupCopyRegion;
  if (copyRegion === undefined) return undefined;
  if (region !== copyRegion) return copyRegion;
  const other = CANADIAN_REGIONS.find((canadian) => canadian !== region);
  return other !== undefined && settings.regions.includes(other) ? other : undefined;
}

/** The regions whose backups are copied into `region`'s vault. */
export function backupCopySources(settings: DeploymentSettings, region: string): string[] {
  return settings.regions.filter((source) => source !== region && backupCopyDestination(settings, source) === region);
}

export interface ServiceBackupsProps {
  stage: string;
  table: ITable;
  key: IKey;
  removalPolicy: RemovalPolicy;
  lock: BackupVaultLockMode;
  /** The Canadian region whose vault receives a copy of each backup, if any. */
  copyTo: string | undefined;
}

export class ServiceBackups extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;
  /**
   * The role AWS Backup works with: backups, copies, expiry, and restores an operator starts with it
   * (`aws backup start-restore-job --iam-role-arn`); the key policy admits it by name.
   */
  readonly role: Role;

  constructor(scope: Construct, id: string, props: ServiceBackupsProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    if (props.copyTo === region) throw new Error(`Backups of ${region} cannot be copied into the same region`);

    this.vault = new BackupVault(this, 'Vault', {
      backupVaultName: backupVaultName(props.stage, region),
      encryptionKey: props.key,
      removalPolicy: props.removalPolicy,
      lockConfiguration: lockConfiguration(props.lock),
    });

    this.role = new Role(this, 'Role', {
      roleName: backupRoleName(props.stage, region),
      assumedBy: new ServicePrincipal('backup.amazonaws.com'),
      managedPolicies: BACKUP_POLICIES.map((name) => ManagedPolicy.fromAwsManagedPolicyName(name)),
      description: `newcomer-intake ${props.stage} ${region}: AWS Backup of the service table (backups, copies, restores)`,
    });
    this.role.applyRemovalPolicy(props.removalPolicy);
    for (const policy of BACKUP_POLICIES) {
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${policy}]`,
        reason:
          "AWS Backup's own service-role policy, which AWS keeps in step with DynamoDB's backup features; the role is assumable by backup.amazonaws.com only, its plan selects the service table alone, and a restore needs an operator allowed iam:PassRole on it.",
      });
    }

    const copyActions: BackupPlanCopyActionProps[] = props.copyTo
      ? [
          {
            destinationBackupVault: BackupVault.fromBackupVaultArn(
              this,
              'CopyVault',
              `arn:${Aws.PARTITION}:backup:${props.copyTo}:${Aws.ACCOUNT_ID}:backup-vault:${backupVaultName(props.stage, props.copyTo)}`,
            ),
            deleteAfter: Duration.days(BACKUP_RETENTION_DAYS),
          },
        ]
      : [];
    this.plan = new BackupPlan(this, 'Plan', {
      backupPlanName: backupVaultName(props.stage, region),
      backupVault: this.vault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: `daily-${BACKUP_RETENTION_DAYS}-days`,
          scheduleExpression: Schedule.cron(DAILY_AT),
          startWindow: Duration.hours(1),
          completionWindow: Duration.hours(8),
          deleteAfter: Duration.days(BACKUP_RETENTION_DAYS),
          ...(copyActions.length > 0 ? { copyActions } : {}),
        }),
      ],
    });
    this.plan.addSelection('ServiceTable', {
      backupSelectionName: 'service-table',
      resources: [BackupResource.fromDynamoDbTable(props.table)],
      role: this.role,
      // The managed policy is on the role already.
      disableDefaultBackupPolicy: true,
    });
  }
}

/**
 * `governance`: a minimum retention that users with backup:DeleteBackupVaultLockConfiguration can lift;
 * `compliance`: the same, made permanent after the cooling-off period (nobody, AWS included, can lift it).
 */
function lockConfiguration(mode: BackupVaultLockMode): LockConfiguration | undefined {
  if (mode === 'none') return undefined;
  const minRetention = Duration.days(BACKUP_RETENTION_DAYS);
  return mode === 'compliance' ? { minRetention, changeableFor: Duration.days(VAULT_LOCK_COOLING_OFF_DAYS) } : { minRetention };
}
