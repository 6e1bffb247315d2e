/**
 * How the code of a region uses that region's customer-managed key (lib/encryption-key.ts).
 *
 * The key policy cannot name the functions' roles: they live in the stateless stack, which is deployed
 * after the key and may be replaced at any time. It names a role path instead
 * (`/newcomer-intake/<stage>/<region>/`, `keyUserRolePath`), through the account principal, so a role
 * under that path still needs an IAM policy of its own. `useKey` writes that policy: `kms:Decrypt` and,
 * for a role that writes, `kms:GenerateDataKey`, each only through the services (DynamoDB, S3, SQS of
 * this region) whose stores the role was granted, and puts the role under the path. Nothing else in the
 * service gets a kms permission, and no role gets a wildcard kms action.
 *
 * The queues and the log groups are encrypted here too, at the CloudFormation level (`encryptQueue`,
 * `encryptLogGroups`): CDK's own queue encryption would grant the function `kms:ReEncrypt*` and
 * `kms:GenerateDataKey*` without a service condition when Lambda is given the queue as a destination.
 */
import { Aspects, type IAspect, Stack } from 'aws-cdk-lib';
import { CfnRole, PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnQueue, type Queue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import type { TableAccess, TableOperation } from '../functions/adapters/dynamodb/table-design';
import type { RouteAccess } from '../functions/api/routes';
import type { ExportedValue } from './stateful-stack';

/** The region's key as the stateless stack imports it. */
export interface ServiceKeyReference {
  arn: ExportedValue;
  /** The IAM path a role must have for the key policy to let it use the key. */
  userRolePath: string;
}

/** The services through which the service's own roles may use the key. */
export type KeyService = 'dynamodb' | 's3' | 'sqs';

/** What a role does with data under the key, by service: reading needs Decrypt, writing GenerateDataKey too. */
export interface KeyNeeds {
  reads: readonly KeyService[];
  writes: readonly KeyService[];
}

/** Roles under this path (and only they, besides the named ones) may use the region's key. */
export function keyUserRolePath(stage: string, region: string): string {
  return `/newcomer-intake/${stage}/${region}/`;
}

/** The `kms:ViaService` value of a service in a region. */
export function viaService(service: string, region: string): string {
  return `${service}.${region}.amazonaws.com`;
}

/** Table operations that write (and so need a data key): the rest only read. */
const TABLE_WRITES: ReadonlySet<TableOperation> = new Set(['put', 'update', 'delete', 'batchWrite']);

/** What declared table access (per item kind, functions/adapters/dynamodb/table-design.ts) means for the key. */
export function tableKeyNeeds(access: 'none' | TableAccess): KeyNeeds {
  const operations: TableOperation[] = access === 'none' ? [] : Object.values(access).flatMap((ops) => [...(ops ?? [])]);
  if (operations.some((operation) => TABLE_WRITES.has(operation))) return { reads: [], writes: ['dynamodb'] };
  return { reads: operations.length > 0 ? ['dynamodb'] : [], writes: [] };
}

/** What a route's declared access to the table and the buckets means for the key. */
export function keyNeedsOf(access: RouteAccess): KeyNeeds {
  const table = tableKeyNeeds(access.table);
  const reads = new Set<KeyService>(table.reads);
  const writes = new Set<KeyService>(table.writes);
  for (const level of [access.receipts, access.siteIndex]) {
    if (level === 'read') reads.add('s3');
    if (level === 'read-write' || level === 'read-write-delete') writes.add('s3');
  }
  return { reads: [...reads], writes: [...writes] };
}

/**
 * Lets `role` use the key for `needs` and nothing else: `kms:Decrypt` through every service it reads or
 * writes (a write also reads: DynamoDB updates, S3 multipart uploads, SQS sends), `kms:GenerateDataKey`
 * through those it writes. A role with no need gets nothing and keeps its path.
 */
export function useKey(role: Role, key: ServiceKeyReference, needs: KeyNeeds): void {
  const decrypt = [...new Set([...needs.reads, ...needs.writes])].sort();
  const generate = [...new Set(needs.writes)].sort();
  if (decrypt.length === 0) return;
  placeUnder(role, key.userRolePath);
  const region = Stack.of(role).region;
  const through = (services: readonly KeyService[]) => ({
    StringEquals: { 'kms:ViaService': services.map((service) => viaService(service, region)) },
  });
  role.addToPrincipalPolicy(new PolicyStatement({ actions: ['kms:Decrypt'], resources: [key.arn.value], conditions: through(decrypt) }));
  if (generate.length > 0) {
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['kms:GenerateDataKey'], resources: [key.arn.value], conditions: through(generate) }),
    );
  }
}

/** Puts a role under the key's user path (a role has one path; a second, different one is a bug). */
function placeUnder(role: Role, path: string): void {
  const resource = role.node.defaultChild as CfnRole;
  if (resource.path !== undefined && resource.path !== path) {
    throw new Error(`${role.node.path} is under ${String(resource.path)}, not under the key's user path ${path}`);
  }
  resource.path = path;
}

/** Encrypts a queue with the key (SSE-KMS, data keys reused 5 minutes) instead of SQS-managed SSE. */
export function encryptQueue(queue: Queue, key: ServiceKeyReference): void {
  const resource = queue.node.defaultChild as CfnQueue;
  resource.sqsManagedSseEnabled = undefined;
  resource.kmsMasterKeyId = key.arn.value;
  resource.kmsDataKeyReusePeriodSeconds = 300;
}

/**
 * Encrypts every log group of `scope` (the functions', the API access log, the web site deployer's and
 * any added later) with the key. The key policy lets CloudWatch Logs of the region use it for this
 * account's log groups only (lib/encryption-key.ts).
 */
export function encryptLogGroups(scope: IConstruct, key: ServiceKeyReference): void {
  Aspects.of(scope).add(new LogGroupEncryption(key.arn.value));
}

class LogGroupEncryption implements IAspect {
  constructor(private readonly keyArn: string) {}

  visit(node: IConstruct): void {
    if (node instanceof CfnLogGroup && node.kmsKeyId === undefined) node.kmsKeyId = this.keyArn;
  }
}
