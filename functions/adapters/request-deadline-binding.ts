/**
 * Ties an AWS SDK client to the deadline of the request being served (functions/runtime/request-deadline.ts),
 * so that a stalled DynamoDB or S3 never holds a request past it:
 *   - its HTTP handler gets the request's abort signal on every attempt: the attempt in flight is
 *     destroyed when the deadline passes, and one started after it fails at once;
 *   - the SDK's retry loop gets the same signal (its Smithy context): a backoff wait ends with the
 *     deadline, and an aborted attempt is never retried (its error is an `AbortError`, which the SDK's
 *     retry strategy does not count as transient), so `maxAttempts` never outlives the request.
 * The error is then `AbortError` (cause: RequestDeadlineExceeded), which `isTransientAwsError` maps to a
 * 503 with Retry-After. Outside a request there is no deadline and nothing changes: only the client's
 * own per-attempt timeouts (`connectionTimeout`, `requestTimeout` with `throwOnRequestTimeout`,
 * `socketTimeout`) apply.
 *
 * The SDK's own handler (NodeHttpHandler, built from the client's `requestHandler` options) is wrapped
 * after the client is built, rather than constructed here: @smithy/node-http-handler is not one of the
 * service's dependencies, only the SDK's.
 */
import { currentDeadline } from '../runtime/request-deadline';

/**
 * Per-attempt limits of the HTTP handler. `requestTimeout` only logs a warning in
 * @smithy/node-http-handler 4.x unless `throwOnRequestTimeout` is set, which is why it is here.
 */
export interface AttemptTimeouts {
  connectionTimeout: number;
  requestTimeout: number;
  socketTimeout: number;
  throwOnRequestTimeout: true;
}

interface HandlerOptions {
  abortSignal?: unknown;
}

/** What the SDK calls on a client's HTTP handler (RequestHandler and HttpHandler of @smithy/types). */
interface HttpHandlerLike {
  metadata?: unknown;
  handle(request: never, options?: HandlerOptions): Promise<unknown>;
  updateHttpClientConfig?(key: never, value: never): void;
  httpHandlerConfigs?(): object;
  destroy?(): void;
}

interface DeadlineBindable {
  config: { requestHandler: HttpHandlerLike };
  middlewareStack: {
    add(
      middleware: (
        next: (args: never) => Promise<unknown>,
        context: { __smithy_context?: { abortSignal?: unknown } },
      ) => (args: never) => Promise<unknown>,
      options: { step: 'initialize'; name: string; priority: 'high' },
    ): void;
  };
}

const MIDDLEWARE_NAME = 'requestDeadlineMiddleware';

/** Binds `client` to the request deadline (see above) and returns it. */
export function boundToRequestDeadline<C extends DeadlineBindable>(client: C): C {
  const inner = client.config.requestHandler;
  const bound: HttpHandlerLike = {
    metadata: inner.metadata,
    handle: (request, options = {}) => {
      const abortSignal = options.abortSignal ?? currentDeadline()?.signal();
      return inner.handle(request, abortSignal === undefined ? options : { ...options, abortSignal });
    },
    // What else the SDK calls on its handler stays the handler's own.
    updateHttpClientConfig: (key, value) => inner.updateHttpClientConfig?.(key, value),
    httpHandlerConfigs: () => inner.httpHandlerConfigs?.() ?? {},
    destroy: () => inner.destroy?.(),
  };
  client.config.requestHandler = bound;
  client.middlewareStack.add(
    (next, context) => (args) => {
      const deadline = currentDeadline();
      if (deadline) {
        const smithy = (context.__smithy_context ??= {});
        smithy.abortSignal ??= deadline.signal();
      }
      return next(args);
    },
    { step: 'initialize', name: MIDDLEWARE_NAME, priority: 'high' },
  );
  return client;
}
