/**
 * The one place errors become HTTP answers: RFC 9457 problem+json, its title and details written in
 * the caller's language (see ./language.ts). A 500 says nothing about its cause; the correlation id
 * in `instance` lets support find the (PII-free) log line instead.
 */
import { ConflictError, DependencyUnavailableError, DomainError, InvalidRequestError, UnprocessableError } from '../domain/errors';
import { type Language, message, render } from '../domain/messages';
import type { ApiResult } from './api-result';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_PREFIX = 'urn:newcomer-intake:problem:';

export function problemInstance(correlationId: string): string {
  return `urn:newcomer-intake:request:${correlationId}`;
}

export function problemFromError(error: unknown, correlationId: string, language: Language = 'en'): ApiResult {
  if (!(error instanceof DomainError)) {
    return {
      status: 500,
      contentType: PROBLEM_CONTENT_TYPE,
      body: {
        type: `${PROBLEM_TYPE_PREFIX}internal-error`,
        title: render(message('title.internalError'), language),
        status: 500,
        detail: render(message('request.internalError'), language),
        instance: problemInstance(correlationId),
      },
    };
  }
  const headers: Record<string, string> = {};
  const retryAfter =
    error instanceof DependencyUnavailableError || error instanceof ConflictError ? error.retryAfterSeconds : undefined;
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  const fieldErrors = error instanceof InvalidRequestError || error instanceof UnprocessableError ? error.errors : [];
  return {
    status: error.status,
    contentType: PROBLEM_CONTENT_TYPE,
    headers,
    body: {
      type: `${PROBLEM_TYPE_PREFIX}${error.slug}`,
      title: render(error.title, language),
      status: error.status,
      detail: render(error.detail, language),
      instance: problemInstance(correlationId),
      ...(fieldErrors.length > 0
        ? { errors: fieldErrors.map(({ pointer, detail }) => ({ pointer, detail: render(detail, language) })) }
        : {}),
    },
  };
}
