import type { AnonymousClient } from '../domain/anonymous-client';

/** A strong entity tag for a client's current version (If-Match on edits compares against it). */
export function clientETag(client: Pick<AnonymousClient, 'version'>): string {
  return `"${client.version}"`;
}
