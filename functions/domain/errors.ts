/**
 * Typed domain errors. Domain code throws these; one mapper (functions/http/problem.ts) turns them into
 * RFC 9457 problem+json. Messages here reach callers, so they never carry stored values. Titles and
 * details are catalog messages (./messages.ts), written in the caller's language by that mapper;
 * `message` is the English detail, for logs.
 */
import { message, type Message, render, type Text } from './messages';

export interface FieldError {
  /** JSON Pointer into the request body, e.g. `/postalCode` or `/clients/3/postalCode`. */
  pointer: string;
  detail: Text;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly slug: string;
  abstract readonly title: Message;
  constructor(readonly detail: Text, options?: ErrorOptions) {
    super(render(detail, 'en'), options);
  }
}

export class InvalidRequestError extends DomainError {
  readonly status = 400;
  readonly slug = 'invalid-request';
  readonly title = message('title.invalidRequest');
  constructor(readonly errors: FieldError[], detail: Text = message('request.invalidFields')) {
    super(detail);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  readonly slug = 'unauthenticated';
  readonly title = message('title.unauthenticated');
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly slug = 'forbidden';
  readonly title = message('title.forbidden');
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly slug = 'not-found';
  readonly title = message('title.notFound');
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly slug = 'conflict';
  readonly title = message('title.conflict');
  constructor(detail: Text, readonly retryAfterSeconds?: number) {
    super(detail);
  }
}

export class PreconditionFailedError extends DomainError {
  readonly status = 412;
  readonly slug = 'precondition-failed';
  readonly title = message('title.preconditionFailed');
}

export class PreconditionRequiredError extends DomainError {
  readonly status = 428;
  readonly slug = 'precondition-required';
  readonly title = message('title.preconditionRequired');
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly slug = 'payload-too-large';
  readonly title = message('title.payloadTooLarge');
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly slug = 'unsupported-media-type';
  readonly title = message('title.unsupportedMediaType');
}

export class UnprocessableError extends DomainError {
  readonly status = 422;
  readonly slug = 'unprocessable';
  readonly title = message('title.unprocessable');
  constructor(detail: Text, readonly errors: FieldError[] = []) {
    super(detail);
  }
}

/** A dependency (database, object store) is unavailable or throttling; the caller should retry. */
export class DependencyUnavailableError extends DomainError {
  readonly status = 503;
  readonly slug = 'service-unavailable';
  readonly title = message('title.serviceUnavailable');
  constructor(detail: Text, readonly retryAfterSeconds = 2, options?: { cause?: unknown }) {
    super(detail, options);
  }
}
