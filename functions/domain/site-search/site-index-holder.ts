/**
 * Keeps a warm search index per process: loaded from the store on first use (a Lambda cold start),
 * then checked for a newer snapshot by entity tag at most once per `refreshIntervalMs`, and swapped in
 * whole. A request takes one `LoadedSiteIndex` and uses only it, so it never sees two catalogs.
 * If a check fails while an index is loaded, the loaded one keeps serving and the check is retried
 * after the interval. Never logs request data.
 */
import type { SiteIndexStore } from '../../ports/site-index-store';
import { DependencyUnavailableError } from '../errors';
import { message } from '../messages';
import { SiteSearchIndex } from './site-search-index';
import { decodeSnapshot } from './snapshot';

export interface LoadedSiteIndex {
  index: SiteSearchIndex;
  etag: string;
}

export type SiteIndexEvent =
  { event: 'loaded'; etag: string; siteCount: number; loadMs: number } | { event: 'check-failed'; errorName: string };

export interface SiteIndexHolderOptions {
  refreshIntervalMs: number;
  now?: () => number;
  onEvent?: (event: SiteIndexEvent) => void;
}

export class SiteIndexHolder {
  private loaded: LoadedSiteIndex | undefined;
  private lastCheck = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<LoadedSiteIndex> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly store: SiteIndexStore,
    private readonly options: SiteIndexHolderOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The newest index known to this process (checked against the store at most once per interval). */
  async current(): Promise<LoadedSiteIndex> {
    if (this.loaded && this.now() - this.lastCheck < this.options.refreshIntervalMs) return this.loaded;
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async refresh(): Promise<LoadedSiteIndex> {
    const previous = this.loaded;
    this.lastCheck = this.now();
    try {
      if (previous && (await this.store.currentETag()) === previous.etag) return previous;
      const object = await this.store.read();
      if (!object) {
        if (previous) return previous; // a deleted object is an operator's mistake: keep serving
        throw new DependencyUnavailableError(message('request.siteIndexMissing'), 30);
      }
      if (previous && object.etag === previous.etag) return previous;
      const started = performance.now();
      const index = new SiteSearchIndex(decodeSnapshot(object.bytes));
      this.loaded = { index, etag: object.etag };
      this.options.onEvent?.({
        event: 'loaded',
        etag: object.etag,
        siteCount: index.size,
        loadMs: Math.round(performance.now() - started),
      });
      return this.loaded;
    } catch (error) {
      if (!previous) {
        this.lastCheck = Number.NEGATIVE_INFINITY; // nothing to serve: try again on the next request
        throw error;
      }
      this.options.onEvent?.({ event: 'check-failed', errorName: error instanceof Error ? error.name : typeof error });
      return previous;
    }
  }
}
