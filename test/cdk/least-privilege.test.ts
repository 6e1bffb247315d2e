/**
 * Each function may do exactly what its route declares in the route table, and nothing in any stack
 * may delete data, administer the table or use a service-wide wildcard. The expected action lists are
 * written out here, not imported from lib/, so a widened grant in lib/ fails these tests.
 */
import { App, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, type RouteDefinition, routes as routeTable } from '../../functions/api/routes';
import { ApiFunction, type DataStores, type DeclaredAccess } from '../../lib/api-function';
import { actionsOf, type Json, logicalId, resourcesOf, type SynthesisedApp, synthesise, SYNTH_TIMEOUT_MS } from './support/app-fixture';

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
const EXPECTED_BUCKET_ACTIONS: Record<Access, string[]> = {
  none: [],
  read: ['s3:GetObject'],
  'read-write': ['s3:GetObject', 's3:PutObject'],
};
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
  expect(role.Properties.ManagedPolicyArns, `${route.operationId} has managed policies`).toBeUndefined();
  expect(role.Properties.Policies, `${route.operationId} has inline role policies`).toBeUndefined();
  return policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Json[]);
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
      const bucketLevel = route.access.bucket;
      expect([...new Set(actions)].sort(), route.operationId).toEqual(
        [...new Set([...ALWAYS, ...EXPECTED_TABLE_ACTIONS[route.access.table], ...EXPECTED_BUCKET_ACTIONS[bucketLevel]])].sort(),
      );
    }
  });

  it('give a route that only reads no way to write', () => {
    for (const route of routes) {
      const actions = statementsOf(route).flatMap(actionsOf);
      if (route.access.table !== 'read-write') {
        expect(actions.filter((a) => a.startsWith('dynamodb:') && WRITE_ACTIONS.includes(a)), route.operationId).toEqual([]);
      }
      if (route.access.bucket !== 'read-write') {
        expect(actions.filter((a) => a.startsWith('s3:') && WRITE_ACTIONS.includes(a)), route.operationId).toEqual([]);
      }
      if (route.access.table === 'none') expect(actions.some((a) => a.startsWith('dynamodb:')), route.operationId).toBe(false);
      if (route.access.bucket === 'none') expect(actions.some((a) => a.startsWith('s3:')), route.operationId).toBe(false);
    }
  });

  it('name the table and its gsi1 index as resources, nothing wider', () => {
    const tableArn = { 'Fn::ImportValue': `${synth.stacks().stateful.stackName}-TableArn` };
    for (const route of routes.filter((r) => r.access.table !== 'none')) {
      const statements = statementsOf(route).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      for (const statement of statements) {
        expect(statement.Resource, route.operationId).toEqual([tableArn, { 'Fn::Join': ['', [tableArn, '/index/gsi1']] }]);
      }
    }
  });
});

describe('permissions across all stacks', () => {
  it('never allow a delete, table administration or a wildcard action', () => {
    const statements = allIamStatements();
    expect(statements.length).toBeGreaterThan(0);
    for (const { where, statement } of statements.filter(({ statement }) => statement.Effect === 'Allow')) {
      for (const action of actionsOf(statement)) {
        expect(action, where).not.toMatch(/Delete|\*|^dynamodb:(Create|Update|Restore)Table|^dynamodb:BatchWriteItem$|^dynamodb:Scan$/);
      }
    }
  });

  it('use Resource "*" only for the X-Ray actions that support no resource-level permissions', () => {
    for (const { where, statement } of allIamStatements()) {
      const resources = ([] as unknown[]).concat(statement.Resource ?? []);
      if (resources.includes('*')) expect(actionsOf(statement).sort(), where).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    }
  });
});

describe('the bucket grants of a function (ApiFunction.bind)', () => {
  // No route of the table reaches a bucket yet, so the helper is exercised directly here.
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
    fn.bind(stores, access);
    const template = Template.fromStack(stack);
    const statements = Object.values(resourcesOf(template, 'AWS::IAM::Policy')).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement as Json[],
    );
    const variables = Object.values(resourcesOf(template, 'AWS::Lambda::Function'))[0]!.Properties.Environment.Variables as Json;
    return { app, statements, variables };
  }
  const objectsOf = (bucket: string) => ({ 'Fn::Join': ['', [{ 'Fn::ImportValue': `Data-${bucket}BucketArn` }, '/*']] });
  const actionsOn = (statements: Json[], bucket: string) =>
    statements
      .filter((s) => JSON.stringify(s.Resource).includes(JSON.stringify(objectsOf(bucket))))
      .flatMap(actionsOf)
      .sort();

  it('give read access to objects only, and read-write access without delete', () => {
    const { statements, variables } = boundTemplate({ table: 'none', bucket: { receipts: 'read-write', siteIndex: 'read' } });
    expect(actionsOn(statements, 'Receipts')).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(actionsOn(statements, 'SiteIndex')).toEqual(['s3:GetObject']);
    expect(variables.RECEIPTS_BUCKET).toEqual({ 'Fn::ImportValue': 'Data-ReceiptsBucketName' });
    expect(variables.SITE_INDEX_BUCKET).toEqual({ 'Fn::ImportValue': 'Data-SiteIndexBucketName' });
    expect(variables.TABLE_NAME).toBeUndefined();
  });

  it('bind no bucket, and set no bucket variable, when the access is none', () => {
    const { statements, variables } = boundTemplate({ table: 'read', bucket: 'none' });
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('s3:'))).toEqual([]);
    expect(variables.RECEIPTS_BUCKET).toBeUndefined();
    expect(variables.SITE_INDEX_BUCKET).toBeUndefined();
  });

  it('acknowledge exactly the object-key wildcard cdk-nag reports for each bound bucket', () => {
    const { app } = boundTemplate({ table: 'read-write', bucket: 'read-write' });
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });
});
