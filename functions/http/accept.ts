/**
 * Which of the media types a route answers in the client asked for (Accept, RFC 9110 §12.5.1): the
 * highest quality wins, a specific type beats a wildcard, and a tie or no Accept at all gives the first
 * (JSON). Only the routes with an alternative answer (a report's CSV) ask.
 */
interface AcceptRange {
  type: string;
  quality: number;
}

function rangesOf(accept: string): AcceptRange[] {
  return accept
    .split(',')
    .map((part) => {
      const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
      const q = parameters.find((parameter) => parameter.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { type, quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((range) => range.type.includes('/'));
}

/** The quality Accept gives `mediaType`: its own entry, else `type/*`, else `*\/*`; 0 when none matches. */
function qualityOf(mediaType: string, ranges: AcceptRange[]): { quality: number; specific: boolean } {
  const exact = ranges.find((range) => range.type === mediaType);
  if (exact) return { quality: exact.quality, specific: true };
  const family = ranges.find((range) => range.type === `${mediaType.split('/')[0]}/*`);
  if (family) return { quality: family.quality, specific: false };
  const any = ranges.find((range) => range.type === '*/*');
  return { quality: any?.quality ?? 0, specific: false };
}

/** The preferred one of `offered` (first = default) for the request's Accept header. */
export function preferredMediaType<T extends string>(accept: string | undefined, offered: readonly [T, ...T[]]): T {
  if (!accept?.trim()) return offered[0];
  const ranges = rangesOf(accept);
  let best = offered[0];
  let bestScore = qualityOf(best, ranges);
  for (const candidate of offered.slice(1)) {
    const score = qualityOf(candidate, ranges);
    if (
      score.quality > bestScore.quality ||
      (score.quality === bestScore.quality && score.quality > 0 && score.specific && !bestScore.specific)
    ) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
