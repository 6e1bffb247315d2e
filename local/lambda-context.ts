/**
 * The Lambda context the embedded mode hands a handler: what Lambda would pass, with the deadline of
 * the function's timeout, so middy ends a request that overruns it here as Lambda would there.
 */
import type { Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';

export function localLambdaContext(functionName: string, timeoutSeconds: number, awsRequestId: string = randomUUID()): Context {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const unsupported = () => {
    throw new Error('Callback-style Lambda completion is not used by this service');
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
