/**
 * Typed domain errors: what went wrong, in the domain's words. Domain code throws these; how each
 * kind becomes an HTTP answer (status, problem type, title) is decided in one place,
 * functions/http/problem.ts, so this module knows nothing of HTTP. Messages here reach callers, so
 * they never carry stored values. Details are catalog messages (./messages.ts), written in the
 * caller's language when the answer is written; `message` is the English detail, for logs.
 */
import { message, render, type Text } from './messages';

export interface FieldError {
  /** JSON Pointer into the request body, e.g. `/postalCode` or `/clients/3/postalCode`. */
  pointer: string;
  detail: Text;
}

export abstract class DomainError extends Error {
  constructor(
    readonly detail: Text,
    options?: ErrorOptions,
  ) {
    super(render(detail, 'en'), options);
  }
}

/** The request is malformed or names bad fields (each one in `errors`). */
export class InvalidRequestError extends DomainError {
  constructor(
    readonly errors: FieldError[],
    detail: Text = message('request.invalidFields'),
  ) {
    super(detail);
  }
}

/** No (valid) identity: the caller must sign in. */
export class UnauthenticatedError extends DomainError {}

/** A known caller whose role or agency does not allow this. */
export class ForbiddenError extends DomainError {}

/** Unknown, or another agency's: the two are never told apart. */
export class NotFoundError extends DomainError {}

/** The current state does not allow it (a second session), or the same request is still in progress. */
export class ConflictError extends DomainError {
  constructor(
    detail: Text,
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
  }
}

/** An edit based on a version that is no longer the current one. */
export class PreconditionFailedError extends DomainError {}

/** An edit that does not say which version it was based on. */
export class PreconditionRequiredError extends DomainError {}

/** The request's body is over the limit. */
export class PayloadTooLargeError extends DomainError {}

/** The request's body is not in a form we read. */
export class UnsupportedMediaTypeError extends DomainError {}

/** Well-formed, but it cannot be done (an inactive site, a reused idempotency key). */
export class UnprocessableError extends DomainError {
  constructor(
    detail: Text,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

/** A dependency (database, object store) is unavailable or throttling; the caller should retry. */
export class DependencyUnavailableError extends DomainError {
  constructor(
    detail: Text,
    readonly retryAfterSeconds = 2,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
  }
}
