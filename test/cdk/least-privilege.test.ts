/**
 * Each function may do exactly what its route declares in the route table, on exactly the stores it
 * declares, and nothing in any stack may administer the table or use a service-wide wildcard. Deletes
 * exist in two places only, each asserted here: s3:DeleteObject on the receipts bucket for
 * createReceipt (it removes the file it just uploaded when the receipt record cannot be written), and
 * BatchWriteItem for the comment indexer. The expected action lists are written out here, not imported
 * from lib/, so a widened grant in lib/ fails these tests.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { App, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type Access, type BucketAccess, type RouteDefinition, routes as routeTable } from '../../functions/api/routes';
import { ApiFunction, type DataStores, type DeclaredAccess } from '../../lib/api-function';
import { expectWithMessage } from '../support/expect-with-message';
import { actionsOf, type Json, logicalId, resourcesOf, SYNTH_TIMEOUT_MS, synthesise, type SynthesisedApp } from './support/app-fixture';

const routes = routeTable as readonly RouteDefinition[];

const EXPECTED_TABLE_ACTIONS: Record<Access, string[]> = {
  none: [],
  read: ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:Query'],
  'read-write': [
    'dynamodb:BatchGetItem',
    'dynamodb:ConditionCheckItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:UpdateItem',
  ],
};
const EXPECTED_BUCKET_ACTIONS: Record<BucketAccess, string[]> = {
  none: [],
  read: ['s3:GetObject'],
  'read-write': ['s3:GetObject', 's3:PutObject'],
  'read-write-delete': ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
};
/** The only route allowed to delete an object, and what: its own just-uploaded receipt file. */
const DELETING_ROUTE = 'createReceipt';
const BUCKETS = [
  { key: 'receipts', exportSuffix: 'ReceiptsBucketArn', variable: 'RECEIPTS_BUCKET' },
  { key: 'siteIndex', exportSuffix: 'SiteIndexBucketArn', variable: 'SITE_INDEX_BUCKET' },
] as const;
const bucketLevel = (route: RouteDefinition, bucket: 'receipts' | 'siteIndex'): BucketAccess => route.access[bucket] ?? 'none';
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PartiQLInsert',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
  's3:PutObject',
  's3:DeleteObject',
];
const ALWAYS = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];

let synth: SynthesisedApp;
beforeAll(() => {
  synth = synthesise();
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth?.dispose());

/** Every statement of the IAM policies attached to a route's function role. */
function statementsOf(route: RouteDefinition): Json[] {
  const fn = synth.stacks().stateless.functions.get(route.operationId)!;
  const roleId = logicalId(fn.role);
  const policies = Object.values(resourcesOf(synth.templates().stateless, 'AWS::IAM::Policy')).filter((policy) =>
    (policy.Properties.Roles as Json[]).some((role) => role.Ref === roleId),
  );
  const role = synth.templates().stateless.toJSON().Resources[roleId] as Json;
  expectWithMessage(role.Properties.ManagedPolicyArns, `${route.operationId} has managed policies`).toBeUndefined();
  expectWithMessage(role.Properties.Policies, `${route.operationId} has inline role policies`).toBeUndefined();
  return policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Json[]);
}

/** The environment variables of a route's function. */
function functionVariables(route: RouteDefinition): Json {
  const fn = synth.stacks().stateless.functions.get(route.operationId)!;
  const resource = synth.templates().stateless.toJSON().Resources[logicalId(fn.function)] as Json;
  return resource.Properties.Environment.Variables as Json;
}

function allIamStatements(): { where: string; statement: Json }[] {
  const found: { where: string; statement: Json }[] = [];
  for (const { stateful, stateless } of synth.regions) {
    for (const stack of [stateful, stateless]) {
      const template = Template.fromStack(stack);
      for (const [id, policy] of Object.entries(resourcesOf(template, 'AWS::IAM::Policy'))) {
        for (const statement of policy.Properties.PolicyDocument.Statement as Json[]) found.push({ where: id, statement });
      }
      for (const [id, role] of Object.entries(resourcesOf(template, 'AWS::IAM::Role'))) {
        for (const policy of (role.Properties.Policies ?? []) as Json[]) {
          for (const statement of policy.PolicyDocument.Statement as Json[]) found.push({ where: id, statement });
        }
      }
    }
  }
  return found;
}

describe('function permissions', () => {
  it('grant each function exactly the table and bucket actions its route declares', () => {
    for (const route of routes) {
      const actions = statementsOf(route).flatMap(actionsOf);
      expectWithMessage([...new Set(actions)].sort(), route.operationId).toEqual(
        [
          ...new Set([
            ...ALWAYS,
            ...EXPECTED_TABLE_ACTIONS[route.access.table],
            ...EXPECTED_BUCKET_ACTIONS[bucketLevel(route, 'receipts')],
            ...EXPECTED_BUCKET_ACTIONS[bucketLevel(route, 'siteIndex')],
          ]),
        ].sort(),
      );
    }
  });

  it('let a route reach only the buckets it declares, each with its own level', () => {
    const stateful = synth.stacks().stateful.stackName;
    const objectsOf = (suffix: string) => JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::ImportValue': `${stateful}-${suffix}` }, '/*']] });
    for (const route of routes) {
      // (action, resource) pairs: statements with equal actions may be merged into one with several resources.
      const grants = statementsOf(route)
        .filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')))
        .flatMap((s) =>
          ([] as unknown[])
            .concat(s.Resource)
            .flatMap((resource) => actionsOf(s).map((action) => ({ action, resource: JSON.stringify(resource) }))),
        );
      expectWithMessage(
        grants.every((g) => g.action.startsWith('s3:')),
        route.operationId,
      ).toBe(true);
      const variables = functionVariables(route);
      for (const bucket of BUCKETS) {
        const level = bucketLevel(route, bucket.key);
        const onBucket = grants.filter((g) => g.resource === objectsOf(bucket.exportSuffix)).map((g) => g.action);
        expectWithMessage(onBucket.sort(), `${route.operationId} on ${bucket.key}`).toEqual(EXPECTED_BUCKET_ACTIONS[level]);
        if (level === 'none') expectWithMessage(variables[bucket.variable], `${route.operationId} ${bucket.variable}`).toBeUndefined();
        else
          expectWithMessage(variables[bucket.variable], route.operationId).toEqual({
            'Fn::ImportValue': `${stateful}-${bucket.exportSuffix.replace(/Arn$/, 'Name')}`,
          });
      }
      // Nothing else: every S3 grant is on one of the declared buckets' objects.
      const declared = BUCKETS.filter((b) => bucketLevel(route, b.key) !== 'none').map((b) => objectsOf(b.exportSuffix));
      for (const grant of grants) expectWithMessage(declared, route.operationId).toContain(grant.resource);
    }
  });

  it('keep the site-search routes away from receipts, and the receipt routes away from the site index', () => {
    for (const route of routes) {
      if (route.path.startsWith('/v1/sites') && route.access.table === 'none') {
        expectWithMessage(route.access, route.operationId).toEqual({ table: 'none', siteIndex: 'read' });
      }
      if (/receipt/i.test(route.operationId)) expectWithMessage(bucketLevel(route, 'siteIndex'), route.operationId).toBe('none');
    }
    expect(
      routes
        .filter((r) => bucketLevel(r, 'siteIndex') !== 'none')
        .map((r) => r.operationId)
        .sort(),
    ).toEqual(['getSiteIndex', 'getSiteTree', 'listSites']);
  });

  it('give a route that only reads no way to write', () => {
    for (const route of routes) {
      const actions = statementsOf(route).flatMap(actionsOf);
      if (route.access.table !== 'read-write') {
        expectWithMessage(
          actions.filter((a) => a.startsWith('dynamodb:') && WRITE_ACTIONS.includes(a)),
          route.operationId,
        ).toEqual([]);
      }
      const bucketLevels = BUCKETS.map((b) => bucketLevel(route, b.key));
      if (bucketLevels.every((level) => level === 'none' || level === 'read')) {
        expectWithMessage(
          actions.filter((a) => a.startsWith('s3:') && WRITE_ACTIONS.includes(a)),
          route.operationId,
        ).toEqual([]);
      }
      if (route.access.table === 'none')
        expectWithMessage(
          actions.some((a) => a.startsWith('dynamodb:')),
          route.operationId,
        ).toBe(false);
      if (bucketLevels.every((level) => level === 'none'))
        expectWithMessage(
          actions.some((a) => a.startsWith('s3:')),
          route.operationId,
        ).toBe(false);
    }
  });

  it('let exactly one route delete an object: createReceipt, on the receipts bucket only', () => {
    const deleting = routes.filter((r) =>
      statementsOf(r)
        .flatMap(actionsOf)
        .some((a) => /Delete/.test(a)),
    );
    expect(deleting.map((r) => r.operationId)).toEqual([DELETING_ROUTE]);
    const createReceipt = routes.find((r) => r.operationId === DELETING_ROUTE)!;
    expect(createReceipt.access).toEqual({ table: 'read-write', receipts: 'read-write-delete' });
    const deletes = statementsOf(createReceipt).filter((s) => actionsOf(s).some((a) => /Delete/.test(a)));
    expect(deletes.flatMap(actionsOf).filter((a) => /Delete/.test(a))).toEqual(['s3:DeleteObject']);
    const receiptObjects = {
      'Fn::Join': ['', [{ 'Fn::ImportValue': `${synth.stacks().stateful.stackName}-ReceiptsBucketArn` }, '/*']],
    };
    for (const statement of deletes) expect(statement.Resource).toEqual(receiptObjects);
  });

  it('name the table and its gsi1 index as resources, nothing wider', () => {
    const tableArn = { 'Fn::ImportValue': `${synth.stacks().stateful.stackName}-TableArn` };
    for (const route of routes.filter((r) => r.access.table !== 'none')) {
      const statements = statementsOf(route).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      for (const statement of statements) {
        expectWithMessage(statement.Resource, route.operationId).toEqual([tableArn, { 'Fn::Join': ['', [tableArn, '/index/gsi1']] }]);
      }
    }
  });
});

describe('permissions across all stacks', () => {
  it('never allow table administration or a wildcard action, and a delete only where it is declared', () => {
    const statements = allIamStatements();
    expect(statements.length).toBeGreaterThan(0);
    // The permitted deletes: s3:DeleteObject in createReceipt's policy, and BatchWriteItem (which
    // authorises DeleteRequests) in the comment indexer's (both asserted in detail in their own tests).
    const policyOf = (role: { node: { findChild(id: string): unknown } }) => logicalId(role.node.findChild('DefaultPolicy') as never);
    const receiptPolicy = policyOf(synth.stacks().stateless.functions.get(DELETING_ROUTE)!.role);
    const indexerPolicy = policyOf(synth.stacks().stateless.commentIndexer.function.role);
    const permitted = (where: string, action: string) =>
      (where === receiptPolicy && action === 's3:DeleteObject') || (where === indexerPolicy && action === 'dynamodb:BatchWriteItem');
    for (const { where, statement } of statements.filter(({ statement }) => statement.Effect === 'Allow')) {
      for (const action of actionsOf(statement)) {
        if (permitted(where, action)) continue;
        expectWithMessage(action, where).not.toMatch(
          /Delete|\*|^dynamodb:(Create|Update|Restore)Table|^dynamodb:BatchWriteItem$|^dynamodb:Scan$/,
        );
      }
    }
  });

  it('use Resource "*" only for the X-Ray actions that support no resource-level permissions', () => {
    for (const { where, statement } of allIamStatements()) {
      const resources = ([] as unknown[]).concat(statement.Resource ?? []);
      if (resources.includes('*'))
        expectWithMessage(actionsOf(statement).sort(), where).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    }
  });
});

describe('the bucket grants of a function (ApiFunction.grant)', () => {
  // The helper exercised directly, with combinations the route table does not use.
  function boundTemplate(access: DeclaredAccess) {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Scratch', { env: { region: 'ca-central-1' } });
    const exported = (name: string) => ({ value: Fn.importValue(`Data-${name}`), exportName: `Data-${name}` });
    const stores: DataStores = {
      table: { name: exported('TableName'), arn: exported('TableArn'), indexNames: ['gsi1'] },
      receiptsBucket: { name: exported('ReceiptsBucketName'), arn: exported('ReceiptsBucketArn') },
      siteIndexBucket: { name: exported('SiteIndexBucketName'), arn: exported('SiteIndexBucketArn') },
    };
    const fn = new ApiFunction(stack, 'Fn', {
      entry: 'functions/handlers/get-health.ts',
      description: 'scratch',
      environment: {},
      removalPolicy: RemovalPolicy.DESTROY,
    });
    fn.grant(stores, access);
    const template = Template.fromStack(stack);
    const statements = Object.values(resourcesOf(template, 'AWS::IAM::Policy')).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement as Json[],
    );
    return { app, statements };
  }
  const objectsOf = (bucket: string) => ({ 'Fn::Join': ['', [{ 'Fn::ImportValue': `Data-${bucket}BucketArn` }, '/*']] });
  const actionsOn = (statements: Json[], bucket: string) =>
    statements
      .filter((s) => JSON.stringify(s.Resource).includes(JSON.stringify(objectsOf(bucket))))
      .flatMap(actionsOf)
      .sort();

  it('give read access to objects only, and read-write access without delete', () => {
    const { statements } = boundTemplate({ table: 'none', receipts: 'read-write', siteIndex: 'read' });
    expect(actionsOn(statements, 'Receipts')).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(actionsOn(statements, 'SiteIndex')).toEqual(['s3:GetObject']);
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
  });

  it('add DeleteObject only for read-write-delete, on that bucket only', () => {
    const { statements } = boundTemplate({ table: 'none', receipts: 'read-write-delete' });
    expect(actionsOn(statements, 'Receipts')).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
    expect(actionsOn(statements, 'SiteIndex')).toEqual([]);
  });

  // Which variables a function gets is the environment contract's, tested in function-environment.test.ts.
  it('grant no bucket when the access leaves the buckets out', () => {
    const { statements } = boundTemplate({ table: 'read' });
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('s3:'))).toEqual([]);
  });

  it('acknowledge exactly the object-key wildcard cdk-nag reports for each bound bucket', () => {
    const { app } = boundTemplate({ table: 'read-write', receipts: 'read-write-delete', siteIndex: 'read-write' });
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });
});
