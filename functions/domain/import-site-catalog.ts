/**
 * Operators' catalog import: the whole file is checked first and nothing is applied if any row is bad,
 * so a catalog is never half-loaded because of row 4,812.
 *
 * Order of effects, chosen for readers:
 * 1. check the file; read the published index snapshot (the catalog as search knows it) and merge the
 *    file into it; encode the new snapshot. Anything that can fail cheaply fails here, before a write;
 * 2. write the sites to the table (GET /v1/sites/{siteId} and registration checks read them), so a
 *    site is registrable before search can offer it;
 * 3. publish the new snapshot with ONE object write: every search sees the old catalog or the new
 *    one, never a mix, however long step 2 took.
 * If step 2 or 3 fails, running the import again completes it (the writes are idempotent).
 */
import type { SiteCatalogWriter } from '../ports/site-catalog';
import type { SiteIndexStore } from '../ports/site-index-store';
import type { Site } from './site';
import { parseSiteCatalogCsv, type SiteCatalogCsvError } from './site-catalog-csv';
import { decodeSnapshot, encodeSnapshot, mergeCatalog, sitesOfSnapshot } from './site-search/snapshot';

export type ImportProgress =
  | { phase: 'checking'; rowsRead: number }
  | { phase: 'indexing'; catalogSize: number }
  | { phase: 'writing'; written: number; total: number }
  | { phase: 'publishing'; indexBytes: number };

export type ImportOutcome =
  | { ok: true; siteCount: number; catalogSize: number; indexBytes: number; indexETag: string }
  | { ok: false; errors: SiteCatalogCsvError[] };

export interface ImportTargets {
  /** A name for the file, recorded in the catalog summary and the snapshot. */
  source: string;
  writer: SiteCatalogWriter;
  index: SiteIndexStore;
  onProgress?: (progress: ImportProgress) => void;
  now?: () => Date;
}

/** The catalog as search knows it: the published snapshot, or (before the first one) the table. */
async function currentCatalog(targets: ImportTargets): Promise<Site[]> {
  const published = await targets.index.read();
  if (published) return sitesOfSnapshot(decodeSnapshot(published.bytes));
  return targets.writer.allSites();
}

export async function importSiteCatalog(csv: Uint8Array, targets: ImportTargets): Promise<ImportOutcome> {
  const onProgress = targets.onProgress ?? (() => {});
  const parsed = parseSiteCatalogCsv(csv, (rowsRead) => onProgress({ phase: 'checking', rowsRead }));
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const catalog = mergeCatalog(await currentCatalog(targets), parsed.sites);
  onProgress({ phase: 'indexing', catalogSize: catalog.length });
  const snapshot = encodeSnapshot(catalog, { builtAt: (targets.now?.() ?? new Date()).toISOString(), source: targets.source });

  const total = parsed.sites.length;
  await targets.writer.putAll(parsed.sites, (written) => onProgress({ phase: 'writing', written, total }));
  await targets.writer.markLoaded(total, targets.source);
  onProgress({ phase: 'publishing', indexBytes: snapshot.length });
  const indexETag = await targets.index.publish(snapshot);
  return { ok: true, siteCount: total, catalogSize: catalog.length, indexBytes: snapshot.length, indexETag };
}

/**
 * Publishes an index of the table's catalog when none is published yet (a data directory or stack
 * that had a catalog before the index existed). Reads every site once; never on a request path.
 */
export async function publishMissingSiteIndex(
  writer: SiteCatalogWriter,
  index: SiteIndexStore,
  now = new Date(),
): Promise<number | undefined> {
  if ((await index.currentETag()) !== undefined) return undefined;
  const sites = await writer.allSites();
  if (sites.length === 0) return undefined;
  await index.publish(encodeSnapshot(sites, { builtAt: now.toISOString(), source: 'rebuilt from the table' }));
  return sites.length;
}
