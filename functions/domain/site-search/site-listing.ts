/**
 * What the three search routes answer, computed from one loaded index: a page of matches with its
 * cursor, the browse tree, and the compact document for type-ahead front ends (built once per index
 * and kept, with its gzip form and content hash, for as long as that index is current).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Site, SiteCategory } from '../site';
import { type CursorQuery, decodeCursor, encodeCursor } from './cursor';
import type { SiteSearchIndex, TreeNode } from './site-search-index';

export interface ListSitesParams extends CursorQuery {
  limit: number;
  cursor?: string;
}

export interface SiteList {
  items: Site[];
  total: number;
  nextCursor: string | null;
}

export function listSites(index: SiteSearchIndex, params: ListSitesParams): SiteList {
  const after = params.cursor === undefined ? undefined : decodeCursor(params.cursor, params);
  const result = index.search({ q: params.q, categories: params.categories, group: params.group, limit: params.limit, after });
  return { items: result.items, total: result.total, nextCursor: result.next ? encodeCursor(result.next, params) : null };
}

export function siteTree(index: SiteSearchIndex): { nodes: TreeNode[] } {
  return { nodes: index.browseTree() };
}

/** The compact index document: only what a filter box needs. */
export interface CompactSiteIndex {
  /** Changes whenever the content does (the entity tag is made from it). */
  version: string;
  builtAt: string;
  /** The meaning of each position of a `sites` row. */
  fields: ['siteId', 'name', 'group'];
  /** A row's third value is a position in this list. */
  groups: { category: SiteCategory; group: string }[];
  /** Active sites, in the order search ranks ties (alphabetical by normalised name). */
  sites: [string, string, number][];
}

export interface EncodedCompactIndex {
  json: string;
  gzipBase64: string;
  /** Content hash of `json`, the base of the entity tags. */
  hash: string;
}

const encoded = new WeakMap<SiteSearchIndex, EncodedCompactIndex>();

export function compactIndexOf(index: SiteSearchIndex): EncodedCompactIndex {
  let result = encoded.get(index);
  if (!result) {
    const rows = index.compactRows();
    const groups = index.groups.map((g) => ({ category: g.category, group: g.group }));
    const content = JSON.stringify({ groups, sites: rows });
    const hash = createHash('sha256').update(content).digest('base64url').slice(0, 27);
    const document: CompactSiteIndex = { version: hash, builtAt: index.builtAt, fields: ['siteId', 'name', 'group'], groups, sites: rows };
    const json = JSON.stringify(document);
    result = { json, hash, gzipBase64: gzipSync(json, { level: 6 }).toString('base64') };
    encoded.set(index, result);
  }
  return result;
}
