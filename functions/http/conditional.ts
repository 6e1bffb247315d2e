/** Content negotiation and conditional-request helpers (RFC 9110 §12.5.3, §13.1.2). Pure. */

/** Whether `Accept-Encoding` allows gzip (listed, or covered by `*`, with a q-value above 0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let star: boolean | undefined;
  for (const part of acceptEncoding.split(',')) {
    const [coding, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const allowed = q === undefined || Number(q) > 0;
    if (coding === 'gzip' || coding === 'x-gzip') return allowed;
    if (coding === '*') star = allowed;
  }
  return star ?? false;
}

/** Whether `If-None-Match` matches any of `etags` (weak comparison, as the RFC requires for it). */
export function ifNoneMatchMatches(ifNoneMatch: string | undefined, etags: readonly string[]): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = new Set(etags.map(opaque));
  return (ifNoneMatch.match(/(W\/)?"[^"]*"/g) ?? []).some((tag) => wanted.has(opaque(tag)));
}
