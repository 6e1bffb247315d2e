/**
 * The one place errors become HTTP answers: RFC 9457 problem+json, its title and details written in
 * the caller's language. Domain errors say what went wrong; the table below says which status,
 * problem type and title each kind answers with. A 500 says nothing about its cause; the correlation
 * id in `instance` lets support find the (PII-free) log line instead.
 */
import {
  ConflictError,
  DependencyUnavailableError,
  type DomainError,
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  PreconditionRequiredError,
  UnauthenticatedError,
  UnprocessableError,
  UnsupportedMediaTypeError,
} from '../domain/errors';
import { type Language, message, type Message, render } from '../domain/messages';
import type { ApiResult } from './api-result';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_PREFIX = 'urn:newcomer-intake:problem:';

interface ProblemKind {
  status: number;
  /** The end of the problem's `type` URI; also the `kind` dimension of the ClientErrors metric. */
  slug: string;
  title: Message;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- error classes with their own constructor arguments
type ErrorClass = abstract new (...args: any[]) => DomainError;

const PROBLEM_KINDS: ReadonlyArray<readonly [ErrorClass, ProblemKind]> = [
  [InvalidRequestError, { status: 400, slug: 'invalid-request', title: message('title.invalidRequest') }],
  [UnauthenticatedError, { status: 401, slug: 'unauthenticated', title: message('title.unauthenticated') }],
  [ForbiddenError, { status: 403, slug: 'forbidden', title: message('title.forbidden') }],
  [NotFoundError, { status: 404, slug: 'not-found', title: message('title.notFound') }],
  [ConflictError, { status: 409, slug: 'conflict', title: message('title.conflict') }],
  [PreconditionFailedError, { status: 412, slug: 'precondition-failed', title: message('title.preconditionFailed') }],
  [PayloadTooLargeError, { status: 413, slug: 'payload-too-large', title: message('title.payloadTooLarge') }],
  [UnsupportedMediaTypeError, { status: 415, slug: 'unsupported-media-type', title: message('title.unsupportedMediaType') }],
  [UnprocessableError, { status: 422, slug: 'unprocessable', title: message('title.unprocessable') }],
  [PreconditionRequiredError, { status: 428, slug: 'precondition-required', title: message('title.preconditionRequired') }],
  [DependencyUnavailableError, { status: 503, slug: 'service-unavailable', title: message('title.serviceUnavailable') }],
];

const INTERNAL_ERROR: ProblemKind = { status: 500, slug: 'internal-error', title: message('title.internalError') };

/** The status, problem type and title an error answers with; anything not ours is a 500. */
export function problemKindOf(error: unknown): ProblemKind {
  return PROBLEM_KINDS.find(([kind]) => error instanceof kind)?.[1] ?? INTERNAL_ERROR;
}

export function problemInstance(correlationId: string): string {
  return `urn:newcomer-intake:request:${correlationId}`;
}

export function problemFromError(error: unknown, correlationId: string, language: Language = 'en'): ApiResult {
  const kind = problemKindOf(error);
  const known = kind === INTERNAL_ERROR ? undefined : (error as DomainError);
  const headers: Record<string, string> = {};
  const retryAfter = error instanceof DependencyUnavailableError || error instanceof ConflictError ? error.retryAfterSeconds : undefined;
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  const fieldErrors = error instanceof InvalidRequestError || error instanceof UnprocessableError ? error.errors : [];
  return {
    status: kind.status,
    contentType: PROBLEM_CONTENT_TYPE,
    headers,
    body: {
      type: `${PROBLEM_TYPE_PREFIX}${kind.slug}`,
      title: render(kind.title, language),
      status: kind.status,
      detail: render(known ? known.detail : message('request.internalError'), language),
      instance: problemInstance(correlationId),
      ...(fieldErrors.length > 0
        ? { errors: fieldErrors.map(({ pointer, detail }) => ({ pointer, detail: render(detail, language) })) }
        : {}),
    },
  };
}
