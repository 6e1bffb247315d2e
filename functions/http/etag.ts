import type { AnonymousClient } from '../domain/anonymous-client';
import { clientMessage } from '../domain/client-messages';
import { PreconditionFailedError, PreconditionRequiredError } from '../domain/errors';

/** A strong entity tag for a client's current version (If-Match on edits compares against it). */
export function clientETag(client: Pick<AnonymousClient, 'version'>): string {
  return `"${client.version}"`;
}

/**
 * The version an edit was based on, from If-Match (CONTRACT §3): missing is a 428; `*` accepts any
 * current version; a weak or foreign tag can never match, so it is a 412.
 */
export function versionFromIfMatch(headers: Record<string, string>): number | '*' {
  const value = headers['if-match']?.trim();
  if (!value) throw new PreconditionRequiredError(clientMessage('request.ifMatchRequired'));
  if (value === '*') return '*';
  const match = /^"(\d{1,9})"$/.exec(value);
  if (!match) throw new PreconditionFailedError(clientMessage('request.ifMatchStale'));
  return Number(match[1]);
}
