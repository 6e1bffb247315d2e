/**
 * GET /v1/sites/index: the compact site index for type-ahead front ends. Serialised and gzipped once
 * per loaded index, so a request only picks the representation. Each content coding has its own
 * strong entity tag (RFC 9110: different representations, different strong validators); either one
 * in If-None-Match answers 304, since both stand for the same content.
 */
import { routeIn } from '../api/routes/route-definition';
import { siteRoutes } from '../api/routes/site-routes';
import { compactIndexOf } from '../domain/site-search/site-listing';
import { acceptsGzip, ifNoneMatchMatches } from '../http/conditional';
import { httpRoute } from '../http/route-pipeline';
import { siteIndexHolder } from '../runtime/site-search-dependencies';

/** Private: the answer needs a token. A minute matches how often a warm function looks for a new index. */
export const SITE_INDEX_CACHE_CONTROL = 'private, max-age=60';

export const handler = httpRoute(routeIn(siteRoutes, 'getSiteIndex'), async ({ headers }) => {
  const { index } = await siteIndexHolder().current();
  const compact = compactIndexOf(index);
  const identityTag = `"${compact.hash}"`;
  const gzipTag = `"${compact.hash}-gzip"`;
  const gzip = acceptsGzip(headers['accept-encoding']);
  const common = { etag: gzip ? gzipTag : identityTag, 'cache-control': SITE_INDEX_CACHE_CONTROL, vary: 'Accept-Encoding' };
  if (ifNoneMatchMatches(headers['if-none-match'], [identityTag, gzipTag])) return { status: 304, headers: common };
  return gzip
    ? { status: 200, headers: { ...common, 'content-encoding': 'gzip' }, encodedBody: { body: compact.gzipBase64, isBase64Encoded: true } }
    : { status: 200, headers: common, encodedBody: { body: compact.json, isBase64Encoded: false } };
});
