/**
 * Paging cursors for GET /v1/sites: opaque to callers, they hold the last match of the page (rank,
 * sort key, site id) so the next page starts right after it, with neither duplicates nor gaps, even
 * if a new index is loaded between pages. A cursor is bound to its query (a fingerprint of the
 * normalised words and filters); using it with another query is a 400.
 */
import { createHash } from 'node:crypto';
import { InvalidRequestError } from '../errors';
import { type Message, message } from '../messages';
import type { SiteCategory } from '../site';
import { queryWords } from './normalize';
import type { SearchPosition } from './site-search-index';

export interface CursorQuery {
  q?: string;
  categories?: readonly SiteCategory[];
  group?: string;
}

export function queryFingerprint(query: CursorQuery): string {
  const canonical = JSON.stringify([queryWords(query.q ?? ''), [...(query.categories ?? [])].sort(), query.group ?? null]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

export function encodeCursor(position: SearchPosition, query: CursorQuery): string {
  return Buffer.from(JSON.stringify({ f: queryFingerprint(query), r: position.rank, k: position.sortKey, i: position.siteId })).toString(
    'base64url',
  );
}

const badCursor = (detail: Message) => new InvalidRequestError([{ pointer: '/cursor', detail }]);

export function decodeCursor(cursor: string, query: CursorQuery): SearchPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor(message('field.siteCursor'));
  }
  const { f, r, k, i } = (parsed ?? {}) as Record<string, unknown>;
  if (
    typeof f !== 'string' ||
    typeof r !== 'number' ||
    !Number.isInteger(r) ||
    r < 0 ||
    r > 2 ||
    typeof k !== 'string' ||
    typeof i !== 'string'
  ) {
    throw badCursor(message('field.siteCursor'));
  }
  if (f !== queryFingerprint(query)) throw badCursor(message('field.siteCursorOtherQuery'));
  return { rank: r, sortKey: k, siteId: i };
}
