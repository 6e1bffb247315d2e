import type { Site } from '../domain/site';

/** The shared catalog of registration sites. */
export interface SiteCatalog {
  get(siteId: string): Promise<Site | undefined>;
}

/** Replaces or extends the catalog (operators' import). */
export interface SiteCatalogWriter {
  putAll(sites: Site[], onProgress?: (written: number) => void): Promise<void>;
  /** Records that a complete catalog of `siteCount` sites from `source` is in place. */
  markLoaded(siteCount: number, source: string): Promise<void>;
  /** How many sites the last complete import loaded (0 before any). */
  loadedSiteCount(): Promise<number>;
  /**
   * Every site stored, active or not. Reads the whole catalog: only for building the first search
   * index of a catalog loaded before the index existed, never on a request path.
   */
  allSites(): Promise<Site[]>;
}
