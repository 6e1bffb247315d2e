/**
 * Each function may do exactly what its route declares in the route table, on exactly the stores it
 * declares, and nothing in any stack may administer the table or use a service-wide wildcard. Every
 * table grant is limited by `dynamodb:LeadingKeys` to the item kinds the function uses (docs/storage.md,
 * "Who may touch what"): no function can update, delete or batch-write an audit entry, and only the
 * three routes that record a change may append one. Deletes exist in two places only, each asserted
 * here: s3:DeleteObject on the receipts bucket for createReceipt (it removes the file it just uploaded
 * when the receipt record cannot be written), and BatchWriteItem / DeleteItem for the comment indexer,
 * on the search index's item kinds. The expected actions and key patterns are written out here, not
 * imported from lib/ or the table design, so a widened grant fails these tests.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { App, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { TableAccess } from '../../functions/adapters/dynamodb/table-design';
import { type BucketAccess, type RouteDefinition, routes as routeTable } from '../../functions/api/routes';
import { ApiFunction, type DataStores, type DeclaredAccess } from '../../lib/api-function';
import { expectWithMessage } from '../support/expect-with-message';
import { actionsOf, type Json, logicalId, resourcesOf, SYNTH_TIMEOUT_MS, synthesise, type SynthesisedApp } from './support/app-fixture';
import { stringLike } from './support/iam-string-like';

const routes = routeTable as readonly RouteDefinition[];

/** The partition-key patterns of the item kinds (docs/storage.md), as IAM StringLike patterns. */
const CLIENTS = 'AGENCY#*#CLIENT#*';
const AUDIT = 'AGENCY#*#AUDIT#*';
const RECEIPTS = 'AGENCY#*#RECEIPT#*';
const SESSIONS = 'AGENCY#*#SESSION#*';
const IDEMPOTENCY = 'AGENCY#*#IDEMPOTENCY#*';
const REGISTRATIONS = 'AGENCY#*#REGISTRATIONS#*';
const WORD_POSTINGS = 'AGENCY#*#WORD#*';
const SITE_POSTINGS = 'AGENCY#*#SITE#*';
const VOCABULARY = 'AGENCY#*#VOCABULARY#*';
const AGENCY_REGISTRY = 'REGISTRY#AGENCIES';
const REPORT_TALLIES = 'AGENCY#*#TALLY#*';
const REPORT_MARKERS = 'AGENCY#*#TALLIED#*';
const SITES = 'SITE#*';

/** One table grant: where (the table, or gsi1), which actions (sorted), which partition keys. */
interface TableGrant {
  on: 'table' | 'gsi1';
  actions: string[];
  leadingKeys: string[];
}
const onTable = (leadingKeys: string[], ...actions: string[]): TableGrant => ({
  on: 'table',
  actions: actions.map((a) => `dynamodb:${a}`).sort(),
  leadingKeys,
});
const registrationsIndex: TableGrant = {
  on: 'gsi1',
  actions: ['dynamodb:Query'],
  // The clients' pattern too: a next-page Query carries a client's table key (ExclusiveStartKey).
  leadingKeys: [REGISTRATIONS, CLIENTS],
};

/** Every route's table grants, as its code uses the table (functions/adapters/dynamodb/*). */
const EXPECTED_TABLE_GRANTS: Record<string, TableGrant[]> = {
  getHealth: [],
  getOpenApiDocument: [],
  getReferenceData: [],
  registerAnonymousClient: [
    onTable([CLIENTS], 'GetItem', 'BatchGetItem', 'PutItem'),
    onTable([IDEMPOTENCY], 'GetItem', 'PutItem'),
    onTable([SITES], 'GetItem'),
  ],
  registerAnonymousClientBatch: [
    onTable([CLIENTS], 'GetItem', 'BatchGetItem', 'PutItem'),
    onTable([IDEMPOTENCY], 'GetItem', 'PutItem'),
    onTable([SITES], 'GetItem'),
  ],
  getAnonymousClient: [onTable([CLIENTS], 'GetItem')],
  editAnonymousClient: [onTable([CLIENTS], 'GetItem', 'UpdateItem'), onTable([AUDIT], 'PutItem'), onTable([SITES], 'GetItem')],
  getAnonymousClientHistory: [onTable([CLIENTS], 'GetItem'), onTable([AUDIT], 'Query')],
  findAnonymousClients: [
    onTable([CLIENTS], 'BatchGetItem'),
    registrationsIndex,
    onTable([WORD_POSTINGS], 'Query'),
    onTable([SITE_POSTINGS], 'Query'),
    onTable([VOCABULARY], 'Query'),
  ],
  getSessionDraft: [onTable([CLIENTS], 'GetItem')],
  beginSession: [
    onTable([CLIENTS], 'GetItem', 'ConditionCheckItem'),
    onTable([SESSIONS], 'PutItem'),
    onTable([AUDIT], 'PutItem'),
    onTable([SITES], 'GetItem'),
  ],
  listSessions: [onTable([CLIENTS], 'GetItem'), onTable([SESSIONS], 'Query')],
  getSite: [onTable([SITES], 'GetItem')],
  listSites: [],
  getSiteTree: [],
  getSiteIndex: [],
  createReceipt: [onTable([CLIENTS], 'GetItem', 'ConditionCheckItem'), onTable([RECEIPTS], 'PutItem'), onTable([AUDIT], 'PutItem')],
  listReceipts: [onTable([CLIENTS], 'GetItem'), onTable([RECEIPTS], 'Query')],
  getReceipt: [onTable([RECEIPTS], 'GetItem')],
  // A report reads a view's tallies and asOf, and the names of its sites: never a client.
  getAnonymousClientReport: [onTable([REPORT_TALLIES], 'GetItem', 'Query'), onTable([SITES], 'GetItem')],
};
/** The comment indexer's: the search index's kinds and the agency registry, nothing else. */
const EXPECTED_INDEXER_GRANTS: TableGrant[] = [
  onTable([WORD_POSTINGS], 'BatchWriteItem', 'Query'),
  onTable([SITE_POSTINGS], 'BatchWriteItem'),
  onTable([VOCABULARY], 'BatchGetItem', 'BatchWriteItem', 'UpdateItem', 'DeleteItem'),
  onTable([AGENCY_REGISTRY], 'BatchWriteItem'),
];
/** The report counter's: its markers (what each unit is counted as) and the tallies, nothing else. */
const EXPECTED_COUNTER_GRANTS: TableGrant[] = [
  onTable([REPORT_MARKERS], 'BatchGetItem', 'PutItem'),
  onTable([REPORT_TALLIES], 'UpdateItem'),
];
/** The routes that record a change to a client, and so append an audit entry. */
const AUDIT_APPENDERS = ['beginSession', 'createReceipt', 'editAnonymousClient'];

/** A key of each item kind, as the service writes them (docs/storage.md), to try patterns against. */
const SAMPLE_KEYS = {
  client: 'AGENCY#agency-1#CLIENT#',
  audit: 'AGENCY#agency-1#AUDIT#',
  receipt: 'AGENCY#agency-1#RECEIPT#',
  session: 'AGENCY#agency-1#SESSION#',
  idempotency: 'AGENCY#agency-1#IDEMPOTENCY#',
  wordPosting: 'AGENCY#agency-1#WORD#classes',
  reportTally: 'AGENCY#agency-1#TALLY#site+gender',
  reportMarker: 'AGENCY#agency-1#TALLIED#',
  sitePosting: 'AGENCY#agency-1#SITE#ON-SCH-000001',
  vocabulary: 'AGENCY#agency-1#VOCABULARY#',
  site: 'SITE#ON-SCH-000001',
  catalogSummary: 'CATALOG',
} as const;

/** Actions that read or write table items (as opposed to the stream or the table's settings). */
const ITEM_ACTION =
  /^dynamodb:(GetItem|BatchGetItem|Query|Scan|ConditionCheckItem|PutItem|UpdateItem|DeleteItem|BatchWriteItem|PartiQL\w+)$/;

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

/** The table's ARN and gsi1's, as the stateless stack imports them. */
function tableResources(): { table: string; gsi1: string } {
  const tableArn = { 'Fn::ImportValue': `${synth.stacks().stateful.stackName}-TableArn` };
  return { table: JSON.stringify(tableArn), gsi1: JSON.stringify({ 'Fn::Join': ['', [tableArn, '/index/gsi1']] }) };
}

/** The LeadingKeys patterns of a statement (undefined when it has no such condition). */
function leadingKeysOf(statement: Json): string[] | undefined {
  const patterns = statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string | string[] | undefined;
  return patterns === undefined ? undefined : ([] as string[]).concat(patterns);
}

/**
 * The table grants among `statements` (those with item actions: the indexer's stream statements are
 * not), each checked to name one resource (the table or gsi1) and to
 * carry exactly the LeadingKeys condition and its Null companion, and nothing else.
 */
function tableGrantsIn(statements: Json[], where: string): TableGrant[] {
  const { table, gsi1 } = tableResources();
  return statements
    .filter((s) => actionsOf(s).some((a) => ITEM_ACTION.test(a)))
    .map((statement) => {
      const resources = ([] as unknown[]).concat(statement.Resource).map((r) => JSON.stringify(r));
      expectWithMessage(resources.length, `${where}: one resource per table statement`).toBe(1);
      const on = resources[0] === table ? 'table' : resources[0] === gsi1 ? 'gsi1' : `elsewhere: ${resources[0]}`;
      expectWithMessage(['table', 'gsi1'], `${where}: a table statement on ${on}`).toContain(on);
      const leadingKeys = leadingKeysOf(statement);
      expectWithMessage(statement.Condition, `${where}: ${actionsOf(statement).join(', ')}`).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leadingKeys },
        Null: { 'dynamodb:LeadingKeys': 'false' },
      });
      return { on: on as TableGrant['on'], actions: actionsOf(statement).sort(), leadingKeys: leadingKeys ?? [] };
    });
}

const byJson = (grants: TableGrant[]) => grants.map((g) => JSON.stringify(g)).sort();

/**
 * The region key's actions a route's stores imply (each limited to those stores' services, asserted in
 * encryption.test.ts): Decrypt with any store, GenerateDataKey with one it writes.
 */
function expectedKeyActions(route: RouteDefinition): string[] {
  const tableActions = (EXPECTED_TABLE_GRANTS[route.operationId] ?? []).flatMap((grant) => grant.actions);
  const bucketLevels = [bucketLevel(route, 'receipts'), bucketLevel(route, 'siteIndex')];
  const reads = tableActions.length > 0 || bucketLevels.some((level) => level !== 'none');
  const writes =
    tableActions.some((action) => WRITE_ACTIONS.includes(action)) || bucketLevels.some((level) => level !== 'none' && level !== 'read');
  return [...(reads ? ['kms:Decrypt'] : []), ...(writes ? ['kms:GenerateDataKey'] : [])];
}

describe('function permissions', () => {
  it('grant each function exactly the table and bucket actions its route declares', () => {
    for (const route of routes) {
      const actions = statementsOf(route).flatMap(actionsOf);
      expectWithMessage([...new Set(actions)].sort(), route.operationId).toEqual(
        [
          ...new Set([
            ...ALWAYS,
            ...(EXPECTED_TABLE_GRANTS[route.operationId] ?? []).flatMap((grant) => grant.actions),
            ...EXPECTED_BUCKET_ACTIONS[bucketLevel(route, 'receipts')],
            ...EXPECTED_BUCKET_ACTIONS[bucketLevel(route, 'siteIndex')],
            ...expectedKeyActions(route),
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
      if (route.method === 'GET') {
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
    expect(createReceipt.access.receipts).toBe('read-write-delete');
    const deletes = statementsOf(createReceipt).filter((s) => actionsOf(s).some((a) => /Delete/.test(a)));
    expect(deletes.flatMap(actionsOf).filter((a) => /Delete/.test(a))).toEqual(['s3:DeleteObject']);
    const receiptObjects = {
      'Fn::Join': ['', [{ 'Fn::ImportValue': `${synth.stacks().stateful.stackName}-ReceiptsBucketArn` }, '/*']],
    };
    for (const statement of deletes) expect(statement.Resource).toEqual(receiptObjects);
  });

  it('list a table grant for every route of the route table', () => {
    expect(Object.keys(EXPECTED_TABLE_GRANTS).sort()).toEqual(routes.map((r) => r.operationId).sort());
  });

  it('limit each table grant by dynamodb:LeadingKeys to the item kinds the function uses', () => {
    for (const route of routes) {
      const grants = tableGrantsIn(statementsOf(route), route.operationId);
      expectWithMessage(byJson(grants), route.operationId).toEqual(byJson(EXPECTED_TABLE_GRANTS[route.operationId] ?? []));
      if (route.access.table === 'none') expectWithMessage(grants, route.operationId).toEqual([]);
    }
  });

  it('let getSite read one site item and nothing else', () => {
    const getSite = routes.find((r) => r.operationId === 'getSite')!;
    expect(tableGrantsIn(statementsOf(getSite), 'getSite')).toEqual([{ on: 'table', actions: ['dynamodb:GetItem'], leadingKeys: [SITES] }]);
  });

  it('name gsi1 only for Find a Client, with Query alone', () => {
    for (const route of routes) {
      const onIndex = tableGrantsIn(statementsOf(route), route.operationId).filter((g) => g.on === 'gsi1');
      if (route.operationId === 'findAnonymousClients') expect(onIndex).toEqual([registrationsIndex]);
      else expectWithMessage(onIndex, route.operationId).toEqual([]);
    }
  });

  it('let no function update, delete or batch-write an audit entry, and only the appending routes put one', () => {
    const appenders: string[] = [];
    const readers: string[] = [];
    for (const route of routes) {
      for (const grant of tableGrantsIn(statementsOf(route), route.operationId)) {
        if (!grant.leadingKeys.some((pattern) => stringLike(pattern, SAMPLE_KEYS.audit))) continue;
        expectWithMessage(
          grant.actions.filter((a) => a !== 'dynamodb:PutItem' && a !== 'dynamodb:Query'),
          route.operationId,
        ).toEqual([]);
        if (grant.actions.includes('dynamodb:PutItem')) appenders.push(route.operationId);
        if (grant.actions.includes('dynamodb:Query')) readers.push(route.operationId);
      }
    }
    expect(appenders.sort()).toEqual(AUDIT_APPENDERS);
    // An appender cannot read the audit partition, so it cannot learn the key of an entry it did not write.
    expect(readers).toEqual(['getAnonymousClientHistory']);
  });

  it('let the comment indexer batch-write and delete only the search index and the agency registry', () => {
    const indexer = synth.stacks().stateless.commentIndexer.function.role;
    const policies = Object.entries(resourcesOf(synth.templates().stateless, 'AWS::IAM::Policy')).filter(([, policy]) =>
      (policy.Properties.Roles as Json[]).some((role) => role.Ref === logicalId(indexer)),
    );
    const statements = policies.flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Json[]);
    const grants = tableGrantsIn(statements, 'the comment indexer');
    expect(byJson(grants)).toEqual(byJson(EXPECTED_INDEXER_GRANTS));
    const records = [
      SAMPLE_KEYS.client,
      SAMPLE_KEYS.audit,
      SAMPLE_KEYS.receipt,
      SAMPLE_KEYS.session,
      SAMPLE_KEYS.idempotency,
      SAMPLE_KEYS.site,
    ];
    for (const grant of grants) {
      for (const key of records)
        expectWithMessage(
          grant.leadingKeys.some((p) => stringLike(p, key)),
          `${grant.actions.join(', ')} on ${key}`,
        ).toBe(false);
    }
  });

  it('let the report counter put its markers and update tallies only: no record, no delete, no batch write', () => {
    const counter = synth.stacks().stateless.reportCounter.function.role;
    const statements = Object.values(resourcesOf(synth.templates().stateless, 'AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as Json[]).some((role) => role.Ref === logicalId(counter)))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Json[]);
    const grants = tableGrantsIn(statements, 'the report counter');
    expect(byJson(grants)).toEqual(byJson(EXPECTED_COUNTER_GRANTS));
    const others = Object.entries(SAMPLE_KEYS)
      .filter(([kind]) => kind !== 'reportTally' && kind !== 'reportMarker')
      .map(([, key]) => key);
    for (const grant of grants) {
      for (const key of others)
        expectWithMessage(
          grant.leadingKeys.some((p) => stringLike(p, key)),
          `${grant.actions.join(', ')} on ${key}`,
        ).toBe(false);
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
      (where === receiptPolicy && action === 's3:DeleteObject') ||
      (where === indexerPolicy && (action === 'dynamodb:BatchWriteItem' || action === 'dynamodb:DeleteItem'));
    for (const { where, statement } of statements.filter(({ statement }) => statement.Effect === 'Allow')) {
      for (const action of actionsOf(statement)) {
        if (permitted(where, action)) continue;
        expectWithMessage(action, where).not.toMatch(
          /Delete|\*|^dynamodb:(Create|Update|Restore)Table|^dynamodb:BatchWriteItem$|^dynamodb:Scan$/,
        );
      }
    }
  });

  it('condition every grant on table items by dynamodb:LeadingKeys, in every stack', () => {
    const withItemActions = allIamStatements().filter(
      ({ statement }) => statement.Effect === 'Allow' && actionsOf(statement).some((a) => ITEM_ACTION.test(a)),
    );
    expect(withItemActions.length).toBeGreaterThan(0);
    for (const { where, statement } of withItemActions) {
      expectWithMessage(leadingKeysOf(statement)?.length ?? 0, `${where}: ${actionsOf(statement).join(', ')}`).toBeGreaterThan(0);
      expectWithMessage(statement.Condition?.Null, where).toEqual({ 'dynamodb:LeadingKeys': 'false' });
      // No pattern reaches every agency item (a bare AGENCY#* would match every kind).
      for (const pattern of leadingKeysOf(statement)!) expectWithMessage(pattern, where).not.toMatch(/^AGENCY#\*$|^\*/);
      // Nobody anywhere may update, delete or batch-write an audit entry.
      if (leadingKeysOf(statement)!.some((pattern) => stringLike(pattern, SAMPLE_KEYS.audit))) {
        expectWithMessage(
          actionsOf(statement).filter((a) => /UpdateItem|DeleteItem|BatchWriteItem|PartiQL/.test(a)),
          where,
        ).toEqual([]);
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
  function boundTemplate(access: DeclaredAccess, indexNames: readonly string[] = ['gsi1']) {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Scratch', { env: { region: 'ca-central-1' } });
    const exported = (name: string) => ({ value: Fn.importValue(`Data-${name}`), exportName: `Data-${name}` });
    const stores: DataStores = {
      table: { name: exported('TableName'), arn: exported('TableArn'), indexNames },
      receiptsBucket: { name: exported('ReceiptsBucketName'), arn: exported('ReceiptsBucketArn') },
      siteIndexBucket: { name: exported('SiteIndexBucketName'), arn: exported('SiteIndexBucketArn') },
      encryptionKey: { arn: exported('EncryptionKeyArn'), userRolePath: '/newcomer-intake/scratch/ca-central-1/' },
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
    const { statements } = boundTemplate({ table: { client: ['get'] } });
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('s3:'))).toEqual([]);
  });

  it('acknowledge exactly the object-key wildcard cdk-nag reports for each bound bucket', () => {
    const { app } = boundTemplate({
      table: { client: ['get', 'update'], registrations: ['query'], audit: ['put'] },
      receipts: 'read-write-delete',
      siteIndex: 'read-write',
    });
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });
});

describe('the table grants of a function (ApiFunction.grantTable)', () => {
  const tableArn = { 'Fn::ImportValue': 'Data-TableArn' };
  function grantedStatements(access: TableAccess, indexNames: readonly string[] = ['gsi1']): Json[] {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Scratch', { env: { region: 'ca-central-1' } });
    const fn = new ApiFunction(stack, 'Fn', {
      entry: 'functions/handlers/get-health.ts',
      description: 'scratch',
      environment: {},
      removalPolicy: RemovalPolicy.DESTROY,
    });
    fn.grantTable({ arn: { value: Fn.importValue('Data-TableArn'), exportName: 'Data-TableArn' }, indexNames }, access);
    return Object.values(resourcesOf(Template.fromStack(stack), 'AWS::IAM::Policy'))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Json[])
      .filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
  }

  it('write one statement per item kind, each with its own LeadingKeys condition', () => {
    const statements = grantedStatements({ client: ['get', 'check'], audit: ['put'] });
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:ConditionCheckItem', 'dynamodb:GetItem'],
        Resource: tableArn,
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [CLIENTS] }, Null: { 'dynamodb:LeadingKeys': 'false' } },
      },
      {
        Effect: 'Allow',
        Action: 'dynamodb:PutItem',
        Resource: tableArn,
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [AUDIT] }, Null: { 'dynamodb:LeadingKeys': 'false' } },
      },
    ]);
  });

  it('grant index access on the index alone, and refuse an index the table does not have', () => {
    const [statement] = grantedStatements({ registrations: ['query'] });
    expect(statement!.Resource).toEqual({ 'Fn::Join': ['', [tableArn, '/index/gsi1']] });
    expect(() => grantedStatements({ registrations: ['query'] }, [])).toThrow(/gsi1/);
  });

  it('refuse an operation the table design does not allow on a kind, whatever the types say', () => {
    expect(() => grantedStatements({ audit: ['update'] } as unknown as TableAccess)).toThrow(/no "update" on audit/);
    expect(() => grantedStatements({ client: ['batchWrite'] } as unknown as TableAccess)).toThrow(/no "batchWrite" on client/);
  });
});
