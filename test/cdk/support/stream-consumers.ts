/**
 * What the tests of the table stream's consumers (the comment indexer, the report counter:
 * lib/table-stream-consumer.ts) read from a synthesised template: a role's statements, a function's
 * event source mapping, the alarms on a function or a queue, and the checks every failure queue pair
 * (lib/failure-queues.ts) must pass.
 */
import { expect } from '@jest/globals';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { type Json, logicalId, resourcesOf } from './app-fixture';

/** Every statement of the IAM policies attached to a role, which must have no managed or inline policy. */
export function statementsOfRole(template: Template, roleId: string): Json[] {
  const role = template.toJSON().Resources[roleId] as Json;
  expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  expect(role.Properties.Policies).toBeUndefined();
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Json[]);
}

/** The event source mappings of one function. */
export function mappingsOf(template: Template, functionId: string): Json[] {
  return Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping')).filter(
    (mapping) => mapping.Properties.FunctionName?.Ref === functionId,
  );
}

/** The alarms on a metric of one function (Errors, Throttles, IteratorAge). */
export function alarmsOnFunction(template: Template, functionId: string): Json[] {
  return Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).filter((a) =>
    (a.Properties.Dimensions as Json[] | undefined)?.some((d) => d.Value?.Ref === functionId),
  );
}

/** The alarms on a metric of one queue. */
export function alarmsOnQueue(template: Template, queueId: string): Json[] {
  return Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).filter((a) =>
    (a.Properties.Dimensions as Json[] | undefined)?.some((d) => d.Value?.['Fn::GetAtt']?.[0] === queueId),
  );
}

/**
 * A failure queue and its dead-letter queue (lib/failure-queues.ts): SSE-KMS with the region's key
 * (`keyArn`, as the template names it), kept 14 days, TLS only, the first redriving to the second.
 */
export function expectFailureQueues(template: Template, queues: { failures: Queue; failuresDeadLetters: Queue }, keyArn: unknown): void {
  const all = resourcesOf(template, 'AWS::SQS::Queue');
  for (const queue of [queues.failures, queues.failuresDeadLetters]) {
    const properties = all[logicalId(queue)]?.Properties as Json;
    expect(properties.KmsMasterKeyId).toEqual(keyArn);
    expect(properties.SqsManagedSseEnabled).toBeUndefined();
    expect(properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: logicalId(queue) }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  }
  expect(all[logicalId(queues.failures)]!.Properties.RedrivePolicy).toEqual({
    deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(queues.failuresDeadLetters), 'Arn'] },
    maxReceiveCount: 5,
  });
}
