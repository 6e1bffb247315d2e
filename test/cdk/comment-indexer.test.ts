/**
 * The comment-search indexer (docs/comment-search.md): a stream consumer of the service table,
 * invoked for client items only, with bounded retries, an encrypted on-failure queue and alarms, and
 * exactly the table access its adapter uses. It is the one function allowed to delete table items
 * (BatchWriteItem DeleteRequests for the postings of words a comment no longer has, DeleteItem of a
 * retired vocabulary word), only on the search index's item kinds (test/cdk/least-privilege.test.ts
 * holds each of its table statements and their dynamodb:LeadingKeys conditions).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Template } from 'aws-cdk-lib/assertions';
import { type RouteDefinition, routes as routeTable } from '../../functions/api/routes';
import { expectWithMessage } from '../support/expect-with-message';
import { actionsOf, type Json, logicalId, resourcesOf, SYNTH_TIMEOUT_MS, synthesise, type SynthesisedApp } from './support/app-fixture';
import { alarmsOnFunction, alarmsOnQueue, expectFailureQueues, mappingsOf, statementsOfRole } from './support/stream-consumers';

const routes = routeTable as readonly RouteDefinition[];
let synth: SynthesisedApp;
let template: Template;

beforeAll(() => {
  synth = synthesise();
  template = synth.templates().stateless;
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth?.dispose());

const statefulExport = (name: string) => ({ 'Fn::ImportValue': `${synth.stacks().stateful.stackName}-${name}` });

const indexerStatements = () => statementsOfRole(template, logicalId(synth.stacks().stateless.commentIndexer.function.role));

describe('the comment indexer function', () => {
  it('runs index-client-comments.ts with the table name, like the API functions', () => {
    const fn = synth.stacks().stateless.commentIndexer.function;
    const resource = template.toJSON().Resources[logicalId(fn.function)] as Json;
    expect(resource.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
    expect(resource.Properties.Description).toMatch(/index-client-comments/);
    expect(resource.Properties.Environment.Variables.TABLE_NAME).toEqual(statefulExport('TableName'));
    expect(resource.Properties.Environment.Variables.RECEIPTS_BUCKET).toBeUndefined();
    expect(resource.Properties.Environment.Variables.SITE_INDEX_BUCKET).toBeUndefined();
    expect(resource.Properties.Environment.Variables.SEARCH_CURSOR_KEY).toBeUndefined();
  });

  it('may work on the search index in the table only, read the stream, and send to its failure queue', () => {
    const statements = indexerStatements();
    const byAction = (prefix: string) => statements.filter((s) => actionsOf(s).some((a) => a.startsWith(prefix)));
    const table = byAction('dynamodb:').filter((s) => s.Resource?.['Fn::ImportValue'] === statefulExport('TableArn')['Fn::ImportValue']);
    expect([...new Set(table.flatMap(actionsOf))].sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    for (const statement of table) expect(statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toBeDefined();
    const stream = byAction('dynamodb:').filter((s) => !table.includes(s));
    expect(stream.flatMap(actionsOf).sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ]);
    for (const statement of stream) expect(statement.Resource).toEqual(statefulExport('TableStreamArn'));
    const failuresId = logicalId(synth.stacks().stateless.commentIndexer.failures);
    const sqs = byAction('sqs:');
    expect(sqs.flatMap(actionsOf).sort()).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
    for (const statement of sqs) expect(statement.Resource).toEqual({ 'Fn::GetAtt': [failuresId, 'Arn'] });
    const all = [...new Set(statements.flatMap(actionsOf))].sort();
    expect(all).toEqual(
      [
        'dynamodb:BatchGetItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:DeleteItem',
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
        // The region's key, through DynamoDB and SQS only (encryption.test.ts).
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
    // No PutItem, no Scan, and no gsi1: it reads no client, and writes the index only.
    expect(JSON.stringify(statements)).not.toMatch(/\/index\//);
  });

  it('is the only function with BatchWriteItem; no API route gets it', () => {
    const withBatchWrite = Object.entries(resourcesOf(template, 'AWS::IAM::Policy')).filter(([, policy]) =>
      (policy.Properties.PolicyDocument.Statement as Json[]).some((s) => actionsOf(s).includes('dynamodb:BatchWriteItem')),
    );
    const indexerRole = logicalId(synth.stacks().stateless.commentIndexer.function.role);
    expect(withBatchWrite.map(([, policy]) => (policy.Properties.Roles as Json[]).map((r) => r.Ref)).flat()).toEqual([indexerRole]);
  });
});

describe('its stream event source', () => {
  // The report counter reads the same stream with its own mapping (test/cdk/report-counter.test.ts).
  const indexerMappings = () => mappingsOf(template, logicalId(synth.stacks().stateless.commentIndexer.function.function));

  it('reads the table stream from the oldest record, reports item failures, bisects and retries a bounded number of times', () => {
    const mappings = indexerMappings();
    expect(mappings).toHaveLength(1);
    expect(mappings[0]!.Properties).toMatchObject({
      EventSourceArn: statefulExport('TableStreamArn'),
      FunctionName: { Ref: logicalId(synth.stacks().stateless.commentIndexer.function.function) },
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 24 * 3600,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(synth.stacks().stateless.commentIndexer.failures), 'Arn'] } },
      },
    });
  });

  it('is invoked only for client items: new image, or old image of a removed client', () => {
    const [mapping] = indexerMappings();
    const patterns = (mapping!.Properties.FilterCriteria.Filters as Json[]).map((filter) => JSON.parse(filter.Pattern as string));
    expect(patterns).toEqual([
      { dynamodb: { NewImage: { entity: { S: ['ANONYMOUS_CLIENT'] } } } },
      { dynamodb: { OldImage: { entity: { S: ['ANONYMOUS_CLIENT'] } } } },
    ]);
  });

  it('sends what it gives up on to an encrypted, TLS-only queue that has a dead-letter queue of its own', () => {
    // SSE-KMS with the region's key (encryption.test.ts asserts it for every queue and log group), 14
    // days, TLS only, redriven to the dead-letter queue.
    expectFailureQueues(template, synth.stacks().stateless.commentIndexer, statefulExport('EncryptionKeyArn'));
    // Its two, and the report counter's two (test/cdk/report-counter.test.ts).
    expect(Object.keys(resourcesOf(template, 'AWS::SQS::Queue'))).toHaveLength(4);
  });
});

describe('its alarms', () => {
  it('watch the iterator age, the failure queues, and its errors and throttles, notifying the alarm topic', () => {
    const [topicId] = Object.keys(resourcesOf(template, 'AWS::SNS::Topic'));
    const alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm'));
    const onFunction = alarmsOnFunction(template, logicalId(synth.stacks().stateless.commentIndexer.function.function));
    expect(onFunction.map((a) => a.Properties.MetricName).sort()).toEqual(['Errors', 'IteratorAge', 'Throttles']);
    const iteratorAge = onFunction.find((a) => a.Properties.MetricName === 'IteratorAge')!;
    expect(iteratorAge.Properties).toMatchObject({ Statistic: 'Maximum', ComparisonOperator: 'GreaterThanThreshold' });
    expect(iteratorAge.Properties.Threshold).toBeLessThanOrEqual(15 * 60 * 1000);

    const { failures, failuresDeadLetters } = synth.stacks().stateless.commentIndexer;
    for (const queue of [failures, failuresDeadLetters]) {
      const onQueue = alarmsOnQueue(template, logicalId(queue));
      expectWithMessage(onQueue, queue.node.path).toHaveLength(1);
      expect(onQueue[0]!.Properties).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
      });
    }
    for (const alarm of [...onFunction]) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
    }
    // The API's two, each function's two (the routes', the indexer's, the report counter's), the two
    // consumers' iterator ages and two queues each, the handlers' DependencyUnavailable, and detection's
    // seven (test/cdk/detection.test.ts: 429, 401, 403, table throttles and errors, two Cognito risks).
    expect(alarms.length).toBe(2 + 2 * (routes.length + 2) + 2 * (1 + 2) + 1 + 7);
  });
});
