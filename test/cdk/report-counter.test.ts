/**
 * The report counter (lib/report-counter.ts): a second consumer of the service table's stream, invoked
 * for client and session items only, with bounded retries, an encrypted on-failure queue whose alarm
 * says to run `npm run reports:rebuild`, and exactly the table access its writer uses (markers and
 * tallies, never a client, a session or an audit entry; no delete, no Scan, no index). The report
 * route's function reads the tallies and the site catalog only. Expected actions and key patterns are
 * written out here, not imported, so a widened grant fails.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Template } from 'aws-cdk-lib/assertions';
import { expectWithMessage } from '../support/expect-with-message';
import { actionsOf, type Json, logicalId, resourcesOf, SYNTH_TIMEOUT_MS, synthesise, type SynthesisedApp } from './support/app-fixture';
import { stringLike } from './support/iam-string-like';
import { alarmsOnFunction, alarmsOnQueue, expectFailureQueues, mappingsOf, statementsOfRole } from './support/stream-consumers';

const TALLIES = 'AGENCY#*#TALLY#*';
const MARKERS = 'AGENCY#*#TALLIED#*';
const SITES = 'SITE#*';
/** Keys of the records a report counts, and of the other agency data: none may be reached. */
const RECORD_KEYS = [
  'AGENCY#agency-1#CLIENT#',
  'AGENCY#agency-1#SESSION#',
  'AGENCY#agency-1#AUDIT#',
  'AGENCY#agency-1#RECEIPT#',
  'AGENCY#agency-1#IDEMPOTENCY#',
  'AGENCY#agency-1#WORD#classes',
  'AGENCY#agency-1#VOCABULARY#',
  'REGISTRY#AGENCIES',
];

let synth: SynthesisedApp;
let template: Template;
beforeAll(() => {
  synth = synthesise();
  template = synth.templates().stateless;
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth?.dispose());

const statefulExport = (name: string) => ({ 'Fn::ImportValue': `${synth.stacks().stateful.stackName}-${name}` });
const counter = () => synth.stacks().stateless.reportCounter;

/** The statements on table items: resource, sorted actions and LeadingKeys, each checked for its Null companion. */
function tableGrantsOf(statements: Json[]): { resource: unknown; actions: string[]; leadingKeys: string[] }[] {
  return statements
    .filter(
      (s) =>
        actionsOf(s).some((a) => a.startsWith('dynamodb:')) &&
        JSON.stringify(s.Resource) !== JSON.stringify(statefulExport('TableStreamArn')),
    )
    .map((s) => {
      expect(s.Condition?.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' });
      expect(Object.keys(s.Condition).sort()).toEqual(['ForAllValues:StringLike', 'Null']);
      return {
        resource: s.Resource,
        actions: actionsOf(s).sort(),
        leadingKeys: [].concat(s.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']),
      };
    });
}

describe('the report counter function', () => {
  it('runs count-for-reports.ts on Node 22, arm64, traced, with the service and table variables only', () => {
    const resource = template.toJSON().Resources[logicalId(counter().function.function)] as Json;
    expect(resource.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      Timeout: 60,
    });
    expect(resource.Properties.Description).toMatch(/count-for-reports/);
    const variables = resource.Properties.Environment.Variables as Json;
    expect(variables.TABLE_NAME).toEqual(statefulExport('TableName'));
    for (const absent of ['RECEIPTS_BUCKET', 'SITE_INDEX_BUCKET', 'SEARCH_CURSOR_KEY', 'CLIENT_RETENTION_YEARS']) {
      expectWithMessage(variables[absent], absent).toBeUndefined();
    }
  });

  it('may batch-get and put report markers and update tallies, under their own LeadingKeys, and nothing else in the table', () => {
    const grants = tableGrantsOf(statementsOfRole(template, logicalId(counter().function.role)));
    expect(grants.map((g) => JSON.stringify({ ...g, resource: undefined })).sort()).toEqual(
      [
        { actions: ['dynamodb:UpdateItem'], leadingKeys: [TALLIES] },
        { actions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem'], leadingKeys: [MARKERS] },
      ]
        .map((g) => JSON.stringify(g))
        .sort(),
    );
    // On the table itself: no index, no Scan, no delete, no batch write.
    for (const grant of grants) expect(grant.resource).toEqual(statefulExport('TableArn'));
    for (const grant of grants) {
      for (const key of RECORD_KEYS) {
        expectWithMessage(
          grant.leadingKeys.some((pattern) => stringLike(pattern, key)),
          `${grant.actions.join(', ')} on ${key}`,
        ).toBe(false);
      }
    }
    // Each pattern reaches its own kind (a tally, the asOf item, a marker) and not the other's.
    expect(stringLike(TALLIES, 'AGENCY#agency-1#TALLY#site+gender')).toBe(true);
    expect(stringLike(TALLIES, 'AGENCY#agency-1#TALLY#asof')).toBe(true);
    expect(stringLike(TALLIES, 'AGENCY#agency-1#TALLIED#')).toBe(false);
    expect(stringLike(MARKERS, 'AGENCY#agency-1#TALLIED#')).toBe(true);
  });

  it("reads this table's stream, sends to its own failure queue, uses the key through DynamoDB and SQS, and holds nothing more", () => {
    const statements = statementsOfRole(template, logicalId(counter().function.role));
    const stream = statements.filter((s) => JSON.stringify(s.Resource) === JSON.stringify(statefulExport('TableStreamArn')));
    expect(stream.flatMap(actionsOf).sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ]);
    const sqs = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('sqs:')));
    expect(sqs.flatMap(actionsOf).sort()).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
    for (const statement of sqs) expect(statement.Resource).toEqual({ 'Fn::GetAtt': [logicalId(counter().failures), 'Arn'] });
    const kms = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
    for (const statement of kms) {
      expect(statement.Resource).toEqual(statefulExport('EncryptionKeyArn'));
      expect(statement.Condition).toEqual({
        StringEquals: { 'kms:ViaService': ['dynamodb.ca-central-1.amazonaws.com', 'sqs.ca-central-1.amazonaws.com'] },
      });
    }
    expect([...new Set(statements.flatMap(actionsOf))].sort()).toEqual(
      [
        'dynamodb:BatchGetItem',
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'kms:Decrypt',
        'kms:GenerateDataKey',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:SendMessage',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
  });
});

describe('its stream event source', () => {
  const mappingOf = (fnId: string) => {
    const mappings = mappingsOf(template, fnId);
    expect(mappings).toHaveLength(1);
    return mappings[0]!;
  };

  it('reads the table stream from the oldest record, a second of records at a time, reports item failures, bisects and retries a bounded number of times', () => {
    expect(mappingOf(logicalId(counter().function.function)).Properties).toMatchObject({
      EventSourceArn: statefulExport('TableStreamArn'),
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 24 * 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(counter().failures), 'Arn'] } } },
    });
  });

  it('is invoked only for client and session items: a new image, or the old image of a removed one', () => {
    const patterns = (mappingOf(logicalId(counter().function.function)).Properties.FilterCriteria.Filters as Json[]).map((filter) =>
      JSON.parse(filter.Pattern as string),
    );
    expect(patterns).toEqual([
      { dynamodb: { NewImage: { entity: { S: ['ANONYMOUS_CLIENT', 'ANONYMOUS_SESSION'] } } } },
      { dynamodb: { OldImage: { entity: { S: ['ANONYMOUS_CLIENT', 'ANONYMOUS_SESSION'] } } } },
    ]);
  });

  it('is one of exactly two consumers of the stream, beside the comment indexer', () => {
    const consumers = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping')).map((m) => m.Properties.FunctionName.Ref);
    expect(consumers.sort()).toEqual(
      [logicalId(counter().function.function), logicalId(synth.stacks().stateless.commentIndexer.function.function)].sort(),
    );
  });

  it('sends what it gives up on to an encrypted, TLS-only queue that has a dead-letter queue of its own', () => {
    expectFailureQueues(template, counter(), statefulExport('EncryptionKeyArn'));
  });
});

describe('its alarms', () => {
  it('watch its errors, throttles and iterator age, and both queues, notifying the alarm topic', () => {
    const [topicId] = Object.keys(resourcesOf(template, 'AWS::SNS::Topic'));
    const onFunction = alarmsOnFunction(template, logicalId(counter().function.function));
    expect(onFunction.map((a) => a.Properties.MetricName).sort()).toEqual(['Errors', 'IteratorAge', 'Throttles']);
    const iteratorAge = onFunction.find((a) => a.Properties.MetricName === 'IteratorAge')!;
    expect(iteratorAge.Properties).toMatchObject({
      Statistic: 'Maximum',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 5 * 60 * 1000,
    });

    const [failures] = alarmsOnQueue(template, logicalId(counter().failures));
    const [deadLetters] = alarmsOnQueue(template, logicalId(counter().failuresDeadLetters));
    for (const alarm of [failures, deadLetters]) {
      expect(alarm?.Properties).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
    // What to do is in the alarm itself: the rebuild.
    expect(failures!.Properties.AlarmDescription).toMatch(/npm run reports:rebuild/);
    for (const alarm of [...onFunction, failures!, deadLetters!]) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
    }
  });
});

describe('its outputs', () => {
  it("name the counter's function and its failure queue, for the operators' runbook", () => {
    const outputs = template.toJSON().Outputs as Json;
    expect(outputs.ReportCounterFunctionName.Value).toEqual({ Ref: logicalId(counter().function.function) });
    expect(outputs.ReportCounterFailuresQueueUrl.Value).toEqual({ Ref: logicalId(counter().failures) });
  });
});

describe("the report route's function", () => {
  it('reads tallies (Query, GetItem) and sites (GetItem) only, each under its own LeadingKeys, and writes nothing', () => {
    const fn = synth.stacks().stateless.functions.get('getAnonymousClientReport');
    expect(fn).toBeDefined();
    const statements = statementsOfRole(template, logicalId(fn!.role));
    const grants = tableGrantsOf(statements);
    expect(grants.map((g) => JSON.stringify(g)).sort()).toEqual(
      [
        { resource: statefulExport('TableArn'), actions: ['dynamodb:GetItem', 'dynamodb:Query'], leadingKeys: [TALLIES] },
        { resource: statefulExport('TableArn'), actions: ['dynamodb:GetItem'], leadingKeys: [SITES] },
      ]
        .map((g) => JSON.stringify(g))
        .sort(),
    );
    // Never a client, a session or a marker: the report's cost is months × values (issue 15, rule 3).
    for (const grant of grants) {
      for (const key of [...RECORD_KEYS, 'AGENCY#agency-1#TALLIED#']) {
        expectWithMessage(
          grant.leadingKeys.some((pattern) => stringLike(pattern, key)),
          key,
        ).toBe(false);
      }
    }
    expect([...new Set(statements.flatMap(actionsOf))].sort()).toEqual(
      [
        'dynamodb:GetItem',
        'dynamodb:Query',
        'kms:Decrypt',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
  });
});
