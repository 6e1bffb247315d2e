/**
 * Operators' catalog import: the whole file is checked first and nothing is applied if any row is bad,
 * so a catalog is never half-loaded because of row 4,812.
 */
import type { SiteCatalogWriter } from '../ports/site-catalog';
import { parseSiteCatalogCsv, type SiteCatalogCsvError } from './site-catalog-csv';

export type ImportProgress = { phase: 'checking'; rowsRead: number } | { phase: 'writing'; written: number; total: number };

export type ImportOutcome = { ok: true; siteCount: number } | { ok: false; errors: SiteCatalogCsvError[] };

export async function importSiteCatalog(
  csv: Uint8Array,
  source: string,
  writer: SiteCatalogWriter,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportOutcome> {
  const parsed = parseSiteCatalogCsv(csv, (rowsRead) => onProgress({ phase: 'checking', rowsRead }));
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const total = parsed.sites.length;
  await writer.putAll(parsed.sites, (written) => onProgress({ phase: 'writing', written, total }));
  await writer.markLoaded(total, source);
  return { ok: true, siteCount: total };
}
