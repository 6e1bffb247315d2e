/**
 * Where Lambda describes the work a background function gave up on (an on-failure destination), and
 * where those descriptions go when nobody deletes them: two queues, encrypted with the region's key,
 * TLS only, kept 14 days, each with an alarm that fires on any message. The stream consumers (the
 * comment indexer, the report counter: lib/table-stream-consumer.ts) and the retention function use
 * them alike. A description holds the batch's or the event's coordinates, never item data.
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { ServiceAlarms } from './alarms';
import { encryptQueue, type ServiceKeyReference } from './key-use';

/** A failure message received this many times without being deleted moves to the dead-letter queue. */
export const FAILURE_MAX_RECEIVE_COUNT = 5;

export interface FailureQueues {
  /** Where Lambda describes what it gave up on (on-failure destination). */
  readonly failures: Queue;
  /** Where failure messages go after being received FAILURE_MAX_RECEIVE_COUNT times without being deleted. */
  readonly failuresDeadLetters: Queue;
}

export interface FailureQueuesProps {
  removalPolicy: RemovalPolicy;
  /** The region's key (SSE-KMS, set by encryptQueue: lib/key-use.ts says why not CDK's own). */
  encryptionKey: ServiceKeyReference;
}

/** The two queues, as `Failures` and `FailuresDeadLetters` under `scope`. */
export function createFailureQueues(scope: Construct, props: FailureQueuesProps): FailureQueues {
  const queueDefaults = { enforceSSL: true, retentionPeriod: Duration.days(14), removalPolicy: props.removalPolicy };
  const failuresDeadLetters = new Queue(scope, 'FailuresDeadLetters', queueDefaults);
  const failures = new Queue(scope, 'Failures', {
    ...queueDefaults,
    deadLetterQueue: { queue: failuresDeadLetters, maxReceiveCount: FAILURE_MAX_RECEIVE_COUNT },
  });
  for (const queue of [failures, failuresDeadLetters]) encryptQueue(queue, props.encryptionKey);
  return { failures, failuresDeadLetters };
}

/**
 * An alarm on each queue: `<name>Failures` says what happened and what to run (`onFailure`),
 * `<name>FailuresDeadLetters` that failure messages of `owner` were left undeleted.
 */
export function watchFailureQueues(alarms: ServiceAlarms, name: string, queues: FailureQueues, owner: string, onFailure: string): void {
  alarms.watchQueue(`${name}Failures`, queues.failures, onFailure);
  alarms.watchQueue(
    `${name}FailuresDeadLetters`,
    queues.failuresDeadLetters,
    `failure messages of ${owner} were received ${FAILURE_MAX_RECEIVE_COUNT} times without being deleted`,
  );
}
