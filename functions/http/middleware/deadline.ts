/**
 * The request's deadline (functions/runtime/request-deadline.ts): REQUEST_DEADLINE_SECONDS after it
 * arrived, or sooner if the function has less time left than that plus the margin for the answer.
 * Computed here, right after the request scope; the route pipeline then runs the implementation
 * inside it (`withinRequestDeadline`), so every AWS SDK call the implementation makes is aborted when
 * the deadline passes and answers 503 with Retry-After, well before API Gateway's 30 s.
 *
 * The implementation is run inside it rather than the deadline being entered here: an
 * AsyncLocalStorage store entered by a middleware (`enterWith`) does not follow middy into the
 * handler, and under concurrency it leaks into other requests.
 */
import type { Context } from 'aws-lambda';
import { readEnv } from '../../runtime/env';
import { deadlineAt, RequestDeadline, runWithDeadline } from '../../runtime/request-deadline';
import type { PipelineRequest } from './request-scope';

const deadlines = new WeakMap<Context, RequestDeadline>();

export function requestDeadline() {
  return {
    before: (request: PipelineRequest) => {
      const { context } = request;
      // A context without it (a test's bare object) has no limit of its own: the configured one applies.
      const remaining = typeof context.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : undefined;
      deadlines.set(context, new RequestDeadline(deadlineAt(readEnv('service').REQUEST_DEADLINE_SECONDS, remaining)));
    },
  };
}

/** Runs the route's implementation with the deadline `requestDeadline` set for this invocation. */
export function withinRequestDeadline<T>(context: Context, work: () => Promise<T>): Promise<T> {
  const deadline = deadlines.get(context);
  if (!deadline) throw new Error('The request deadline middleware must run before the implementation');
  return runWithDeadline(deadline, work);
}
