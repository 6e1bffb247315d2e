/**
 * The one retry policy for DynamoDB's batch calls. BatchWriteItem and BatchGetItem may leave part of a
 * request unprocessed (throttling, the 16 MB response limit) without failing: what is left is asked for
 * again after an exponential backoff, a bounded number of times. Each attempt's `.send(` stays in the
 * caller's `withStorageErrors`, on the caller's (deadline-bound) client.
 */

const MAX_RETRIES = 8;
const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 2_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `requests` (write requests or keys) with `attempt`, which answers what DynamoDB left
 * unprocessed, until nothing is left; throws when DynamoDB keeps leaving some after MAX_RETRIES retries.
 */
export async function untilAllProcessed<R>(
  what: string,
  requests: readonly R[],
  attempt: (pending: R[]) => Promise<readonly R[] | undefined>,
): Promise<void> {
  let pending = [...requests];
  for (let retry = 0; pending.length > 0; retry += 1) {
    if (retry > MAX_RETRIES) throw new Error(`${what}: DynamoDB kept returning unprocessed items`);
    if (retry > 0) await pause(Math.min(FIRST_DELAY_MS * 2 ** (retry - 1), MAX_DELAY_MS));
    pending = [...((await attempt(pending)) ?? [])];
  }
}
