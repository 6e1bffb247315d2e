/*
 * support/: helpers shared by the tests (test/) and the benchmarks (bench/). Anything here is used by
 * both, so a change must keep both working; helpers only tests use live in test/support/.
 */
/** Sites from the shipped sample catalog, which the first start of the embedded stack loads. */
import { readFileSync } from 'node:fs';
import type { Site } from '../functions/domain/site';
import { parseSiteCatalogCsv } from '../functions/domain/site-catalog-csv';
import { SAMPLE_CATALOG } from '../local/embedded-stack';

let sites: Site[] | undefined;

export function sampleSites(): Site[] {
  if (!sites) {
    const parsed = parseSiteCatalogCsv(readFileSync(SAMPLE_CATALOG));
    if (!parsed.ok) throw new Error('the sample catalog does not parse');
    sites = parsed.sites;
  }
  return sites;
}

export const activeSite = () => sampleSites().find((site) => site.active) as Site;
export const inactiveSite = () => sampleSites().find((site) => !site.active) as Site;
