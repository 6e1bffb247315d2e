/**
 * The one Lambda function construct of the service, with its defaults set once (runtime, arm64,
 * bundling, X-Ray, source maps, its own log group and role), and the helper that grants a function
 * exactly the declared access to the table and buckets. Its environment comes whole from the
 * environment contract (functions/runtime/env.ts, `environmentFor`), never from names written here. It never grants table administration or wildcard actions, and deletes only where the code
 * needs one (tests read every policy to hold that): s3:DeleteObject on the receipts bucket for the one
 * route that declares `read-write-delete`, and BatchWriteItem (which authorises deletes) for the
 * comment indexer alone, on the search index's item kinds. No API route can remove a record (TTL does
 * it). Every table grant is limited by `dynamodb:LeadingKeys` to the item kinds the function declares
 * (functions/adapters/dynamodb/table-grants.ts, docs/storage.md "Who may touch what").
 */
import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, RuntimeFamily, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import type { TableAccess } from '../functions/adapters/dynamodb/table-design';
import { leadingKeysCondition, tableGrantsOf } from '../functions/adapters/dynamodb/table-grants';
import type { BucketAccess, RouteAccess } from '../functions/api/routes';
import { ROUTE_FUNCTION_TIMEOUT_SECONDS } from '../functions/api/routes/route-definition';
import { FUNCTION_NODE_OPTIONS, type FunctionExtras, nodejsBundlingOptions, REPOSITORY_ROOT } from './bundling';
import { keyNeedsOf, type ServiceKeyReference, useKey } from './key-use';
import type { ExportedValue } from './stateful-stack';

/** Node.js 22 (LTS): the runtime the bundles target (lib/bundling.ts). */
export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;
export const LAMBDA_ARCHITECTURE = Architecture.ARM_64;
export { REPOSITORY_ROOT };

/** What a function may do to each store: the route table's `access` (a bucket left out is 'none'). */
export type DeclaredAccess = RouteAccess;

/** S3 object actions per declared level. No ListBucket: a function reads or writes keys it knows (a
 * missing key therefore answers 403 AccessDenied, not 404 NoSuchKey). `read-write-delete` adds
 * DeleteObject for a route that removes the object it has just uploaded when its record could not be
 * written (createReceipt: adapters/s3/receipt-files.ts); no other route may delete. */
export const BUCKET_ACTIONS: Record<Exclude<BucketAccess, 'none'>, readonly string[]> = {
  read: ['s3:GetObject'],
  'read-write': ['s3:GetObject', 's3:PutObject'],
  'read-write-delete': ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
};

/** The stores a function can be bound to, as the stateless stack imports them. */
export interface DataStores {
  table: { name: ExportedValue; arn: ExportedValue; indexNames: readonly string[] };
  receiptsBucket: { name: ExportedValue; arn: ExportedValue };
  siteIndexBucket: { name: ExportedValue; arn: ExportedValue };
  /** The region's key: a function bound to a store may decrypt (and, writing, encrypt) through it. */
  encryptionKey: ServiceKeyReference;
}

export interface ApiFunctionProps {
  /** Entry file relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  /** Every variable the function reads: `environmentFor(its groups, ...)` (functions/runtime/env.ts). */
  environment: Record<string, string>;
  /** Of the log group: destroyed with a dev stack, kept otherwise. */
  removalPolicy: RemovalPolicy;
  logRetention?: RetentionDays;
  /** What the package holds besides the bundle: run-time files, split modules (lib/bundling.ts). */
  extras?: FunctionExtras;
  memorySize?: number;
  timeout?: Duration;
}

export class ApiFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
      removalPolicy: props.removalPolicy,
    });
    // An explicit role instead of AWSLambdaBasicExecutionRole: it may write to this log group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.entry}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(REPOSITORY_ROOT, props.entry),
      handler: 'handler',
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: join(REPOSITORY_ROOT, 'package-lock.json'),
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(ROUTE_FUNCTION_TIMEOUT_SECONDS),
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      bundling: nodejsBundlingOptions(props.extras),
      description: props.description,
      environment: { ...props.environment, NODE_OPTIONS: FUNCTION_NODE_OPTIONS },
    });

    const policy = this.role.node.tryFindChild('DefaultPolicy');
    if (policy) {
      Validations.of(policy).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Only the X-Ray statement added by active tracing has Resource "*": xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions (a CDK test checks that no other statement uses "*").',
      });
    }
    if (LAMBDA_RUNTIME.name !== latestNodeRuntimeName()) {
      Validations.of(this.function).acknowledge({
        id: 'AwsSolutions-L1',
        reason: `${LAMBDA_RUNTIME.name} is pinned on purpose: a maintained LTS line that Lambda supports, the one the bundles target (lib/bundling.ts); ${latestNodeRuntimeName()} is adopted by changing LAMBDA_RUNTIME after the test suite has run on it.`,
      });
    }
  }

  /** Grants exactly `access` to the table and the buckets (the route's variables name them). */
  grant(stores: DataStores, access: DeclaredAccess): void {
    if (access.table !== 'none') this.grantTable(stores.table, access.table);
    this.grantBucket('the receipts bucket', stores.receiptsBucket, access.receipts ?? 'none');
    this.grantBucket('the site-index bucket', stores.siteIndexBucket, access.siteIndex ?? 'none');
    // The region's key, for exactly the stores granted above and through their services (lib/key-use.ts).
    useKey(this.role, stores.encryptionKey, keyNeedsOf(access));
  }

  /**
   * Allows exactly the declared operations on the declared item kinds: one statement per kind, its
   * actions on the table (or on the index the kind is read through, which `table.indexNames` must
   * list), on the condition that every partition key of the request matches that kind's
   * `dynamodb:LeadingKeys` patterns (functions/adapters/dynamodb/table-grants.ts).
   */
  grantTable(table: { arn: ExportedValue; indexNames?: readonly string[] }, access: TableAccess): void {
    const tableArn = table.arn.value;
    for (const grant of tableGrantsOf(access)) {
      if (grant.index !== undefined && !(table.indexNames ?? []).includes(grant.index)) {
        throw new Error(`${grant.kind} items are read through index ${grant.index}, which the table does not list`);
      }
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: grant.actions,
          resources: [grant.index === undefined ? tableArn : `${tableArn}/index/${grant.index}`],
          conditions: leadingKeysCondition(grant.leadingKeys),
        }),
      );
    }
  }

  private grantBucket(label: string, bucket: DataStores['receiptsBucket'], level: BucketAccess): void {
    if (level === 'none') return;
    this.allow(BUCKET_ACTIONS[level], [`${bucket.arn.value}/*`]);
    if (bucket.arn.exportName) {
      Validations.of(this.role.node.findChild('DefaultPolicy')).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${bucket.arn.exportName}/*]`,
        reason: `Objects of this one bucket (${label}): object keys are chosen at run time, so the grant covers the bucket's keys, with only ${BUCKET_ACTIONS[level].join(', ')}.`,
      });
    }
  }

  private allow(actions: readonly string[], resources: string[]): void {
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions: [...actions], resources }));
  }
}

/** The newest Node.js runtime this CDK version knows, as cdk-nag's AwsSolutions-L1 compares. */
function latestNodeRuntimeName(): string {
  const version = (runtime: Runtime) => Number(/^nodejs(\d+)/.exec(runtime.name)?.[1] ?? 0);
  const node = Runtime.ALL.filter((runtime) => runtime.family === RuntimeFamily.NODEJS);
  return node.reduce((latest, runtime) => (version(runtime) > version(latest) ? runtime : latest)).name;
}

/** For tests and tools: the stack-unique construct id of a route's function. */
export function functionId(operationId: string): string {
  return operationId.charAt(0).toUpperCase() + operationId.slice(1);
}
