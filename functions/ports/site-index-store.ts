/**
 * Where the site-search index snapshot is published (one object, replaced whole by each import) and
 * read back by the search functions. The S3 adapter lives in functions/adapters/s3/.
 */
export interface SiteIndexObject {
  bytes: Uint8Array;
  /** The store's entity tag for exactly these bytes. */
  etag: string;
}

export interface SiteIndexStore {
  /** The entity tag of the published snapshot without reading it; undefined when none is published. */
  currentETag(): Promise<string | undefined>;
  /** The published snapshot; undefined when none is published. */
  read(): Promise<SiteIndexObject | undefined>;
  /** Replaces the snapshot in one write (readers see the old one or the new one); returns its tag. */
  publish(bytes: Uint8Array): Promise<string>;
}
