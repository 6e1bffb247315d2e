/**
 * The region's one customer-managed KMS key (rotation on) and its break-glass role. It encrypts the
 * table, the receipts and site-index buckets (SSE-KMS with a bucket key), the search-cursor secret, the
 * backup vault (lib/stateful-stack.ts, lib/backup-plan.ts), and in the stateless stack the indexer's
 * queues and every log group (lib/key-use.ts). The access-log bucket stays on SSE-S3: S3 server access
 * logging delivers only to a bucket whose default encryption is SSE-S3.
 *
 * The key policy does not hand the key to IAM as a whole (no `arn:aws:iam::<account>:root` with
 * `kms:*`): a principal of the account uses it only if a statement below admits it. (An IAM
 * administrator can still create a role under the key's role path: the guide says to watch for that.)
 * It allows (docs/operators-guide.md "Encryption keys"):
 * - key administration, no data use, to the break-glass role and to CDK's CloudFormation execution role
 *   (every deploy changes the key through it, and KMS refuses a policy its creator could not change);
 * - Decrypt / GenerateDataKey / DescribeKey / CreateGrant through DynamoDB, Secrets Manager and AWS
 *   Backup to those two roles: CloudFormation creates the table (a DynamoDB grant) and the vault,
 *   generates the secret and resolves it into the function's environment; break-glass restores;
 * - Decrypt / GenerateDataKey / DescribeKey through DynamoDB, S3, Secrets Manager and SQS of the
 *   region, and CreateGrant for DynamoDB (a restored table), to the roles under the key's role path:
 *   the functions (lib/key-use.ts) and the operators' roles (sites:import, comments:reindex, restores,
 *   the cursor key's rotation), each of which also needs an IAM policy of its own;
 * - the AWS Backup roles of this region and of a region that copies here, and AWS Backup's
 *   service-linked role, by ARN;
 * - CloudWatch Logs of the region, for this account's log groups only.
 */
import { Aws, DefaultStackSynthesizer, Duration, Fn, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRootPrincipal,
  AnyPrincipal,
  ArnPrincipal,
  type IPrincipal,
  PolicyDocument,
  PolicyStatement,
  Role,
  ServicePrincipal,
} from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { CfnSecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { keyUserRolePath, viaService } from './key-use';

/** Key administration, listed (no `kms:*`); none of these reads or writes data. */
export const KEY_ADMIN_ACTIONS = [
  'kms:CancelKeyDeletion',
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:DescribeKey',
  'kms:DisableKey',
  'kms:EnableKey',
  'kms:EnableKeyRotation',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListGrants',
  'kms:ListKeyRotations',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:RevokeGrant',
  'kms:ScheduleKeyDeletion',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
] as const;

/** What CloudWatch Logs does with the key for an encrypted log group. */
const LOGS_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'];

export interface ServiceKeyProps {
  stage: string;
  removalPolicy: RemovalPolicy;
  /** The AWS Backup roles that may use the key: this region's, and those of regions that copy here. */
  backupRoleArns: readonly string[];
}

export class ServiceKey extends Construct {
  readonly key: Key;
  /** Assumable by the account's IAM principals with MFA only; administers the key, restores (docs). */
  readonly breakGlassRole: Role;
  /** Roles under this IAM path may use the key (with an IAM policy of their own): lib/key-use.ts. */
  readonly userRolePath: string;
  /** The alias operators can name the key by: `alias/newcomer-intake/<stage>` (one per region). */
  readonly aliasName: string;

  constructor(scope: Construct, id: string, props: ServiceKeyProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const region = stack.region;
    this.userRolePath = keyUserRolePath(props.stage, region);
    this.aliasName = `alias/newcomer-intake/${props.stage}`;

    this.breakGlassRole = new Role(this, 'BreakGlassRole', {
      roleName: breakGlassRoleName(props.stage, region),
      // The account principal: an IAM user or role of this account whose own policy allows
      // sts:AssumeRole on this role, signed in with MFA (the root user cannot assume roles).
      assumedBy: new AccountRootPrincipal().withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
      maxSessionDuration: Duration.hours(1),
      description: `newcomer-intake ${props.stage} ${region}: break-glass administration of the region's data key (MFA required)`,
    });
    this.breakGlassRole.applyRemovalPolicy(props.removalPolicy);

    const named: IPrincipal[] = [new ArnPrincipal(this.breakGlassRole.roleArn), new ArnPrincipal(cloudFormationExecutionRoleArn(stack))];
    const via = (...services: string[]) => ({ 'kms:ViaService': services.map((service) => viaService(service, region)) });
    const account = { 'kms:CallerAccount': Aws.ACCOUNT_ID };
    const userRoles = { ArnLike: { 'aws:PrincipalArn': `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role${this.userRolePath}*` } };
    // AWS Backup's service-linked role too: Backup falls back to it to manage recovery points' lifecycle.
    const backupServiceLinkedRole = `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/aws-service-role/backup.amazonaws.com/AWSServiceRoleForBackup`;
    const backupRoles = { ArnEquals: { 'aws:PrincipalArn': [...props.backupRoleArns, backupServiceLinkedRole] } };
    const statements = [
      new PolicyStatement({ sid: 'KeyAdministration', principals: named, actions: [...KEY_ADMIN_ACTIONS], resources: ['*'] }),
      new PolicyStatement({
        sid: 'DeploymentAndRecovery',
        principals: named,
        actions: ['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: via('backup', 'dynamodb', 'secretsmanager') },
      }),
      // The service's roles and the operators' roles, by IAM path, through the account principal: a
      // role also needs an IAM policy of its own (useKey writes one per function, limited to the
      // services of the stores it was granted; an operator role gets the one in the guide).
      new PolicyStatement({
        sid: 'ServiceRoles',
        principals: [new AccountRootPrincipal()],
        actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { ...userRoles, StringEquals: { ...via('dynamodb', 's3', 'secretsmanager', 'sqs'), ...account } },
      }),
      // A table restored by an operator role (point-in-time recovery) is created under this key.
      new PolicyStatement({
        sid: 'ServiceRolesTableGrants',
        principals: [new AccountRootPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: {
          ...userRoles,
          StringEquals: { ...via('dynamodb'), ...account },
          Bool: { 'kms:GrantIsForAWSResource': 'true' },
        },
      }),
      // AWS Backup's roles by ARN, as conditions on any principal: a key policy naming a role as
      // principal fails while the role does not exist, and the role of a region that copies here is
      // made by that region's stack, in any order. The condition lets in exactly those roles.
      new PolicyStatement({
        sid: 'AwsBackup',
        principals: [new AnyPrincipal()],
        actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { ...backupRoles, StringEquals: account },
      }),
      new PolicyStatement({
        sid: 'AwsBackupGrants',
        principals: [new AnyPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: { ...backupRoles, StringEquals: account, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      }),
      new PolicyStatement({
        sid: 'CloudWatchLogs',
        principals: [new ServicePrincipal(`logs.${region}.amazonaws.com`)],
        actions: LOGS_ACTIONS,
        resources: ['*'],
        conditions: {
          ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${region}:${Aws.ACCOUNT_ID}:log-group:*` },
        },
      }),
    ];

    this.key = new Key(this, 'Key', {
      alias: this.aliasName,
      description: `newcomer-intake ${props.stage} ${region}: table, buckets, secret, backups, queues and logs`,
      enableKeyRotation: true,
      policy: new PolicyDocument({ statements }),
      pendingWindow: Duration.days(30),
      removalPolicy: props.removalPolicy,
    });
  }

  /**
   * Encrypts a secret with the key, at the CloudFormation level: CDK's `encryptionKey` would add a key
   * policy statement for every principal of the account through Secrets Manager.
   */
  encrypt(secret: Secret): void {
    (secret.node.defaultChild as CfnSecret).kmsKeyId = this.key.keyArn;
  }
}

/** The break-glass role's name: operators assume it by name (docs/operators-guide.md). */
export function breakGlassRoleName(stage: string, region: string): string {
  return `newcomer-intake-${stage}-${region}-key-break-glass`;
}

/**
 * CDK's CloudFormation execution role (from `cdk bootstrap`), which creates and updates every resource
 * of the stack, the key and its policy included.
 */
function cloudFormationExecutionRoleArn(stack: Stack): string {
  const synthesizer = stack.synthesizer;
  // The synthesizer's ARN carries ${AWS::AccountId}-style placeholders, which only Fn::Sub resolves in a template.
  if (synthesizer instanceof DefaultStackSynthesizer) return Fn.sub(synthesizer.cloudFormationExecutionRoleArn);
  throw new Error(
    `${stack.stackName}: the key policy names CDK's CloudFormation execution role, which only the default stack synthesizer defines`,
  );
}
