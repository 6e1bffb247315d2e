/**
 * Retention in the CDK app (lib/client-retention.ts): nothing without `-c clientRetentionYears`; with
 * it, a daily schedule invoking one function with the retention environment, exactly the grants its
 * removal needs (per item kind, with dynamodb:LeadingKeys), bounded retries into an encrypted failure
 * queue, alarms, and cdk-nag still clean (synthesise() fails on any finding).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { environmentSchemaFor } from '../../functions/runtime/env';
import { CLIENT_RETENTION_DELETED_KINDS } from '../../lib/client-retention';
import { readDeploymentSettings } from '../../lib/settings';
import { actionsOf, type Json, logicalId, resourcesOf, SYNTH_TIMEOUT_MS, synthesise, type SynthesisedApp } from './support/app-fixture';

let off: SynthesisedApp;
let on: SynthesisedApp;
beforeAll(() => {
  off = synthesise();
  on = synthesise({ stage: 'prod', regions: 'ca-central-1,ca-west-1', alarmEmail: 'ops@example.org', clientRetentionYears: 7 });
}, 2 * SYNTH_TIMEOUT_MS);
afterAll(() => {
  off?.dispose();
  on?.dispose();
});

const retentionOf = (region?: string) => {
  const retention = on.stacks(region).stateless.clientRetention;
  if (!retention) throw new Error('no retention construct');
  return retention;
};
const resources = (region?: string) => on.templates(region).stateless.toJSON().Resources as Record<string, Json>;

function statementsOf(region?: string): Json[] {
  const roleId = logicalId(retentionOf(region).function.role);
  return Object.values(resourcesOf(on.templates(region).stateless, 'AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Json[]);
}

describe('without -c clientRetentionYears (the default)', () => {
  it('has no retention function, schedule or queue', () => {
    for (const { stateless } of off.regions) expect(stateless.clientRetention).toBeUndefined();
    const template = off.templates().stateless;
    expect(Object.keys(resourcesOf(template, 'AWS::Events::Rule'))).toEqual([]);
    const descriptions = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).map((fn) => String(fn.Properties.Description));
    expect(descriptions.some((text) => /expire-anonymous-clients/.test(text))).toBe(false);
  });

  it('refuses a value that is not a whole number of years from 1 to 100', () => {
    const read = (value: unknown) => readDeploymentSettings(new App({ context: { clientRetentionYears: value } }).node, {});
    expect(read(7).clientRetentionYears).toBe(7);
    expect(read(undefined).clientRetentionYears).toBeUndefined();
    for (const bad of ['0', '101', '2.5', 'seven']) expect(() => read(bad)).toThrow(/"clientRetentionYears".*whole number from 1 to 100/);
  });
});

describe('with -c clientRetentionYears=7', () => {
  it('leaves cdk-nag with nothing to report', () => {
    expect(new AwsSolutionsChecks().validateScope(on.app).violations).toEqual([]);
  });

  it.each(['ca-central-1', 'ca-west-1'])('runs expire-anonymous-clients once a day (%s)', (region) => {
    const retention = retentionOf(region);
    const fnId = logicalId(retention.function.function);
    const rules = Object.values(resourcesOf(on.templates(region).stateless, 'AWS::Events::Rule'));
    expect(rules).toHaveLength(1);
    expect(rules[0]!.Properties.ScheduleExpression).toBe('cron(0 7 * * ? *)');
    expect(rules[0]!.Properties.State).toBe('ENABLED');
    expect(rules[0]!.Properties.Targets).toEqual([
      expect.objectContaining({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] }, Input: '{}', RetryPolicy: { MaximumRetryAttempts: 2 } }),
    ]);
    const fn = resources(region)[fnId]!;
    expect(fn.Properties.Description).toMatch(/expire-anonymous-clients/);
    expect(fn.Properties.Timeout).toBe(900);
  });

  it('gets the retention years, the table, the receipts bucket and the time zone, and nothing else', () => {
    const variables = resources()[logicalId(retentionOf().function.function)]!.Properties.Environment.Variables as Json;
    expect(variables.CLIENT_RETENTION_YEARS).toBe('7');
    expect(variables.AGENCY_TIME_ZONE).toBe('America/Toronto');
    expect(variables.TABLE_NAME).toEqual({ 'Fn::ImportValue': expect.stringMatching(/-Stateful-TableName$/) });
    expect(variables.RECEIPTS_BUCKET).toEqual({ 'Fn::ImportValue': expect.stringMatching(/-Stateful-ReceiptsBucketName$/) });
    expect(variables.SEARCH_CURSOR_KEY).toBeUndefined();
    expect(variables.SITE_INDEX_BUCKET).toBeUndefined();
    const { NODE_OPTIONS: _node, ...contract } = variables;
    const deployed = Object.fromEntries(
      Object.entries(contract).map(([name, value]) => [name, typeof value === 'string' ? value : `x-${name}`]),
    );
    const parsed = environmentSchemaFor(['service', 'table', 'receipts', 'retention']).strict().safeParse(deployed);
    expect(parsed.success ? 'valid' : parsed.error.issues).toBe('valid');
  });

  it('may query and delete exactly the item kinds it removes, each under its own LeadingKeys, and put nothing but report markers', () => {
    const statements = statementsOf();
    const table = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
    for (const statement of table) {
      expect(statement.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys'].length).toBeGreaterThan(0);
      expect(statement.Condition.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' });
    }
    const actions = [...new Set(table.flatMap(actionsOf))].sort();
    expect(actions).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    const keysOf = (statement: Json) => statement.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys'] as string[];
    const deletes = table
      .filter((s) => actionsOf(s).includes('dynamodb:DeleteItem'))
      .flatMap(keysOf)
      .sort();
    expect(deletes).toEqual(
      ['AGENCY#*#CLIENT#*', 'AGENCY#*#AUDIT#*', 'AGENCY#*#RECEIPT#*', 'AGENCY#*#SESSION#*', 'AGENCY#*#VOCABULARY#*'].sort(),
    );
    expect(CLIENT_RETENTION_DELETED_KINDS).toHaveLength(4);
    // Batch writes (puts too) only on the search index's postings; updates only on the vocabulary.
    const batchWrites = table
      .filter((s) => actionsOf(s).includes('dynamodb:BatchWriteItem'))
      .flatMap(keysOf)
      .sort();
    expect(batchWrites).toEqual(['AGENCY#*#SITE#*', 'AGENCY#*#WORD#*']);
    // Updates on the vocabulary and (settling a client's report counts) the tallies; puts and batch gets
    // on report markers only; one GetItem, of the client it settles.
    const withAction = (action: string) =>
      table
        .filter((s) => actionsOf(s).includes(action))
        .flatMap(keysOf)
        .sort();
    expect(withAction('dynamodb:UpdateItem')).toEqual(['AGENCY#*#TALLY#*', 'AGENCY#*#VOCABULARY#*']);
    expect(withAction('dynamodb:PutItem')).toEqual(['AGENCY#*#TALLIED#*']);
    expect(withAction('dynamodb:BatchGetItem')).toEqual(['AGENCY#*#TALLIED#*']);
    expect(withAction('dynamodb:GetItem')).toEqual(['AGENCY#*#CLIENT#*']);
    expect(withAction('dynamodb:Query')).toEqual(
      [
        'AGENCY#*#AUDIT#*',
        'AGENCY#*#CLIENT#*',
        'AGENCY#*#RECEIPT#*',
        'AGENCY#*#REGISTRATIONS#*',
        'AGENCY#*#SESSION#*',
        'AGENCY#*#WORD#*',
        'REGISTRY#AGENCIES',
      ].sort(),
    );
    // The registrations index, for the due clients; no Scan anywhere.
    const onIndex = table.filter((s) => JSON.stringify(s.Resource).includes('/index/gsi1'));
    expect(onIndex.flatMap(actionsOf)).toEqual(['dynamodb:Query']);
    expect(JSON.stringify(statements)).not.toMatch(/Scan|dynamodb:\*/);
  });

  it('is, with retention on, the only role in either region that may delete, update or batch-write an audit entry', () => {
    for (const region of ['ca-central-1', 'ca-west-1']) {
      const retentionRole = logicalId(retentionOf(region).function.role);
      const mayRemoveAudit = Object.values(resourcesOf(on.templates(region).stateless, 'AWS::IAM::Policy'))
        .filter((policy) =>
          (policy.Properties.PolicyDocument.Statement as Json[]).some(
            (statement) =>
              actionsOf(statement).some((a) =>
                ['dynamodb:DeleteItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:*'].includes(a),
              ) &&
              (statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ?? ['*']).some((k: string) =>
                ['AGENCY#*#AUDIT#*', '*', 'AGENCY#*'].includes(k),
              ),
          ),
        )
        .flatMap((policy) => (policy.Properties.Roles as Json[]).map((r) => r.Ref as string));
      expect(mayRemoveAudit).toEqual([retentionRole]);
    }
  });

  it('may list the receipts/ prefix of the receipts bucket and delete under it, and read nothing', () => {
    const s3 = statementsOf().filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    expect(s3.flatMap(actionsOf).sort()).toEqual(['s3:DeleteObject', 's3:ListBucket']);
    const list = s3.find((s) => actionsOf(s).includes('s3:ListBucket'))!;
    expect(list.Condition).toEqual({ StringLike: { 's3:prefix': ['receipts/*'] } });
    expect(JSON.stringify(list.Resource)).toMatch(/ReceiptsBucketArn/);
    const remove = s3.find((s) => actionsOf(s).includes('s3:DeleteObject'))!;
    expect(JSON.stringify(remove.Resource)).toMatch(/ReceiptsBucketArn.*\/receipts\/\*/);
  });

  it('retries a failed run twice, then describes it in an encrypted queue watched by an alarm', () => {
    const retention = retentionOf();
    const configs = Object.values(resourcesOf(on.templates().stateless, 'AWS::Lambda::EventInvokeConfig'));
    expect(configs).toHaveLength(1);
    expect(configs[0]!.Properties).toMatchObject({
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(retention.failures), 'Arn'] } } },
    });
    for (const queue of [retention.failures, retention.failuresDeadLetters]) {
      const properties = resources()[logicalId(queue)]!.Properties;
      expect(properties.KmsMasterKeyId).toBeDefined();
    }
    const alarms = Object.values(resourcesOf(on.templates().stateless, 'AWS::CloudWatch::Alarm'));
    const watching = (id: string) =>
      alarms.filter(
        (alarm) => JSON.stringify(alarm.Properties).includes(id) || JSON.stringify(alarm.Properties.Metrics ?? []).includes(id),
      );
    expect(watching(logicalId(retention.failures)).length).toBeGreaterThan(0);
    expect(watching(logicalId(retention.function.function)).length).toBeGreaterThan(0);
  });
});
