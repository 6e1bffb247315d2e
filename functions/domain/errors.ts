/**
 * Typed domain errors. Domain code throws these; one mapper (functions/http/problem.ts) turns them into
 * RFC 9457 problem+json. Messages here reach callers, so they never carry stored values.
 */

export interface FieldError {
  /** JSON Pointer into the request body, e.g. `/postalCode` or `/clients/3/postalCode`. */
  pointer: string;
  detail: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly slug: string;
  abstract readonly title: string;
}

export class InvalidRequestError extends DomainError {
  readonly status = 400;
  readonly slug = 'invalid-request';
  readonly title = 'The request is not valid';
  constructor(readonly errors: FieldError[], detail = 'One or more fields are not valid.') {
    super(detail);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  readonly slug = 'unauthenticated';
  readonly title = 'Authentication required';
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly slug = 'forbidden';
  readonly title = 'Not allowed';
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly slug = 'not-found';
  readonly title = 'Not found';
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly slug = 'conflict';
  readonly title = 'Conflict with the current state';
  constructor(detail: string, readonly retryAfterSeconds?: number) {
    super(detail);
  }
}

export class PreconditionFailedError extends DomainError {
  readonly status = 412;
  readonly slug = 'precondition-failed';
  readonly title = 'The resource has changed';
}

export class PreconditionRequiredError extends DomainError {
  readonly status = 428;
  readonly slug = 'precondition-required';
  readonly title = 'If-Match is required';
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly slug = 'payload-too-large';
  readonly title = 'The request body is too large';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly slug = 'unsupported-media-type';
  readonly title = 'The request body must be application/json';
}

export class UnprocessableError extends DomainError {
  readonly status = 422;
  readonly slug = 'unprocessable';
  readonly title = 'The request cannot be processed';
  constructor(detail: string, readonly errors: FieldError[] = []) {
    super(detail);
  }
}

/** A dependency (database, object store) is unavailable or throttling; the caller should retry. */
export class DependencyUnavailableError extends DomainError {
  readonly status = 503;
  readonly slug = 'service-unavailable';
  readonly title = 'Temporarily unavailable';
  constructor(detail: string, readonly retryAfterSeconds = 2, options?: { cause?: unknown }) {
    super(detail, options);
  }
}
