/**
 * Text for PDF pages in any script: which font draws each character, where lines break, and in what
 * order runs are drawn.
 *
 * - Fonts: every grapheme cluster goes to the first font that has glyphs for all its code points
 *   (Latin/Cyrillic/Greek/Vietnamese, then Arabic, then Chinese); a cluster no font covers becomes a
 *   visible replacement character, never a crash and never nothing.
 * - Lines break at word boundaries (Intl.Segmenter, which also finds breaks in Chinese), and inside a
 *   word only when the word alone is wider than the line.
 * - Direction: a simplified Unicode bidirectional algorithm at run level (strong types, numbers,
 *   neutrals between strong types, level runs reordered per rule L2). fontkit shapes Arabic and reverses
 *   a run of Arabic script itself; runs it would not reverse but should be (neutrals at odd levels) are
 *   reversed here, with mirrored brackets. Not handled: explicit embeddings and isolates, and mark
 *   positioning (pdf-lib ignores GPOS, so Arabic vowel marks sit at default offsets).
 */

export type Direction = 'ltr' | 'rtl';

/** What pdf-lib's PDFFont offers that layout needs. */
export interface MeasuringFont {
  /** The font's PostScript name; fonts with the same name measure alike. */
  name?: string;
  widthOfTextAtSize(text: string, size: number): number;
}

// Widths of words measured per font: the labels and most words recur on every receipt, and pdf-lib
// measures character by character with kerning. Fonts are new objects in every document, so the cache
// is keyed by the font's name (a subset has the same glyph widths as its whole font).
const widthCaches = new Map<string, Map<string, number>>();
const MAX_CACHED_WIDTHS = 10_000;

export function widthOf(font: MeasuringFont, text: string, size: number): number {
  if (font.name === undefined) return font.widthOfTextAtSize(text, size);
  let cache = widthCaches.get(font.name);
  if (!cache) widthCaches.set(font.name, (cache = new Map()));
  const key = `${size}|${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, size);
    if (cache.size >= MAX_CACHED_WIDTHS) cache.clear();
    cache.set(key, width);
  }
  return width;
}

export interface Cluster<F> {
  text: string;
  font: F;
  bidi: BidiClass;
}

type BidiClass = 'L' | 'R' | 'EN' | 'AN' | 'N';

export interface Run<F> {
  text: string;
  font: F;
  width: number;
}

export interface LaidOutLine<F> {
  /** Runs in drawing order, left to right. */
  runs: Run<F>[];
  width: number;
  direction: Direction;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const words = new Intl.Segmenter('und', { granularity: 'word' });

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const ARABIC_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/;
const EUROPEAN_DIGIT = /[0-9]/;
const STRONG_LTR = /[\p{L}\p{Nd}\p{No}]/u;
const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
};

function bidiClassOf(cluster: string): BidiClass {
  if (RTL_LETTER.test(cluster) && !ARABIC_DIGIT.test(cluster)) return 'R';
  if (ARABIC_DIGIT.test(cluster)) return 'AN';
  if (EUROPEAN_DIGIT.test(cluster)) return 'EN';
  if (STRONG_LTR.test(cluster)) return 'L';
  return 'N';
}

// eslint-disable-next-line no-control-regex
const SINGLE_UNIT_GRAPHEMES = /^[\u0000-\u02FF]*$/;

/** Splits text into grapheme clusters (what a reader counts as one character). */
export function clustersOf(text: string): string[] {
  // Fast path for the common receipt text (Latin, French): below U+0300 there are no combining marks or
  // surrogates, so each UTF-16 unit is its own grapheme, except CR LF. Intl.Segmenter is by far the
  // most expensive step of a Latin receipt otherwise.
  if (SINGLE_UNIT_GRAPHEMES.test(text) && !text.includes('\r\n')) return text.split('');
  return Array.from(graphemes.segment(text), (segment) => segment.segment);
}

/** The paragraph direction: that of its first strong character (left to right when there is none). */
export function paragraphDirection(text: string): Direction {
  if (!RTL_LETTER.test(text)) return 'ltr';
  for (const cluster of clustersOf(text)) {
    const type = bidiClassOf(cluster);
    if (type === 'R') return 'rtl';
    if (type === 'L') return 'ltr';
  }
  return 'ltr';
}

/**
 * Assigns each cluster a font. `choose` names the font for a cluster or undefined when none covers it;
 * neutral clusters (spaces, punctuation) stay in the previous cluster's font when it covers them, so a
 * run of Arabic or Chinese words is one run.
 */
export function assignFonts<F>(
  text: string,
  choose: (cluster: string) => F | undefined,
  covers: (font: F, cluster: string) => boolean,
  replacement: { text: string; font: F },
): Cluster<F>[] {
  const result: Cluster<F>[] = [];
  for (const cluster of clustersOf(text)) {
    const bidi = bidiClassOf(cluster);
    const previous = result[result.length - 1];
    if (bidi === 'N' && previous && previous.text !== replacement.text && covers(previous.font, cluster)) {
      result.push({ text: cluster, font: previous.font, bidi });
      continue;
    }
    const font = choose(cluster);
    result.push(font === undefined ? { text: replacement.text, font: replacement.font, bidi: 'N' } : { text: cluster, font, bidi });
  }
  return result;
}

const WHITESPACE = /^\s+$/u;
const isSpace = (cluster: Cluster<unknown>) => WHITESPACE.test(cluster.text);

function measure<F extends MeasuringFont>(clusters: Cluster<F>[], size: number): number {
  let width = 0;
  let start = 0;
  for (let i = 1; i <= clusters.length; i += 1) {
    if (i === clusters.length || clusters[i]!.font !== clusters[start]!.font) {
      width += widthOf(
        clusters[start]!.font,
        clusters
          .slice(start, i)
          .map((c) => c.text)
          .join(''),
        size,
      );
      start = i;
    }
  }
  return width;
}

/** Breaks one paragraph (no line feeds) into lines at most `maxWidth` wide, in logical order. */
export function wrapParagraph<F extends MeasuringFont>(clusters: Cluster<F>[], size: number, maxWidth: number): Cluster<F>[][] {
  if (clusters.length === 0) return [[]];
  const text = clusters.map((c) => c.text).join('');
  // Word segments by cluster index: segment boundaries always fall on cluster boundaries.
  const segments: { clusters: Cluster<F>[]; text: string; oneFont: boolean }[] = [];
  let offset = 0;
  let index = 0;
  // Latin text breaks at spaces (which also keeps punctuation with its word); other scripts need the
  // word segmenter (Chinese has no spaces), which is much slower.
  const pieces = SINGLE_UNIT_GRAPHEMES.test(text)
    ? text.split(/(\s+)/).filter((piece) => piece !== '')
    : Array.from(words.segment(text), ({ segment }) => segment);
  for (const segment of pieces) {
    const end = offset + segment.length;
    const part: Cluster<F>[] = [];
    let partText = ''; // not always `segment`: a replaced cluster's text differs from the original's
    let oneFont = true;
    while (index < clusters.length && offset < end) {
      const cluster = clusters[index]!;
      part.push(cluster);
      partText += cluster.text;
      oneFont &&= cluster.font === part[0]!.font;
      offset += cluster.text.length;
      index += 1;
    }
    if (part.length > 0) segments.push({ clusters: part, text: partText, oneFont });
  }
  const lines: Cluster<F>[][] = [];
  let line: Cluster<F>[] = [];
  let lineWidth = 0;
  for (const { clusters: segment, text: segmentText, oneFont } of segments) {
    const width = oneFont ? widthOf(segment[0]!.font, segmentText, size) : measure(segment, size);
    const spaces = WHITESPACE.test(segmentText);
    if (lineWidth + width <= maxWidth || (line.length === 0 && width <= maxWidth)) {
      if (line.length === 0 && spaces && lines.length > 0) continue; // no leading space on a wrapped line
      for (const cluster of segment) line.push(cluster);
      lineWidth += width;
      continue;
    }
    if (spaces) {
      // The break goes here; the space itself is not drawn.
      lines.push(line);
      line = [];
      lineWidth = 0;
      continue;
    }
    if (width <= maxWidth) {
      lines.push(line);
      line = [...segment];
      lineWidth = width;
      continue;
    }
    // A word wider than the line: break it between clusters.
    for (const cluster of segment) {
      const clusterWidth = measure([cluster], size);
      if (lineWidth + clusterWidth > maxWidth && line.length > 0) {
        lines.push(line);
        line = [];
        lineWidth = 0;
      }
      line.push(cluster);
      lineWidth += clusterWidth;
    }
  }
  lines.push(line);
  // Trailing spaces take no room at the end of a line.
  return lines.map((l) => {
    let end = l.length;
    while (end > 0 && isSpace(l[end - 1]!)) end -= 1;
    return l.slice(0, end);
  });
}

function resolveLevels(types: BidiClass[], base: 0 | 1): number[] {
  // Left-to-right text without right-to-left letters or Arabic digits resolves to level 0 throughout.
  if (base === 0 && !types.some((type) => type === 'R' || type === 'AN')) return types.map(() => 0);
  const paragraph: 'L' | 'R' = base === 0 ? 'L' : 'R';
  // W7: a European number after strong L (or at the start of an LTR paragraph) is L.
  let lastStrong: 'L' | 'R' = paragraph;
  const resolved = types.map((type) => {
    if (type === 'L' || type === 'R') lastStrong = type;
    return type === 'EN' && lastStrong === 'L' ? 'L' : type;
  });
  // N1/N2: neutrals between two strong types of one direction (numbers count as R) take it; others the paragraph's.
  const strength = (type: BidiClass | undefined): 'L' | 'R' | undefined =>
    type === 'L' ? 'L' : type === 'R' || type === 'EN' || type === 'AN' ? 'R' : undefined;
  for (let i = 0; i < resolved.length; i += 1) {
    if (resolved[i] !== 'N') continue;
    let j = i;
    while (j < resolved.length && resolved[j] === 'N') j += 1;
    const before = (i > 0 ? strength(resolved[i - 1]) : undefined) ?? paragraph;
    const after = (j < resolved.length ? strength(resolved[j]) : undefined) ?? paragraph;
    const direction = before === after ? before : paragraph;
    for (let k = i; k < j; k += 1) resolved[k] = direction;
  }
  // I1/I2: implicit levels.
  return resolved.map((type) => {
    if (base === 0) return type === 'R' ? 1 : type === 'EN' || type === 'AN' ? 2 : 0;
    return type === 'R' ? 1 : 2;
  });
}

/**
 * Orders one line's clusters into drawable runs, left to right. `fontReverses(font, text)` says whether
 * fontkit will itself reverse this run (it does for text in a right-to-left script).
 */
export function visualRuns<F extends MeasuringFont>(
  line: Cluster<F>[],
  direction: Direction,
  size: number,
  fontReverses: (text: string) => boolean,
): LaidOutLine<F> {
  const levels = resolveLevels(
    line.map((c) => c.bidi),
    direction === 'rtl' ? 1 : 0,
  );
  // Level runs split further by font, in logical order.
  const runs: { clusters: Cluster<F>[]; level: number }[] = [];
  line.forEach((cluster, i) => {
    const last = runs[runs.length - 1];
    if (last && last.level === levels[i] && last.clusters[0]!.font === cluster.font) last.clusters.push(cluster);
    else runs.push({ clusters: [cluster], level: levels[i]! });
  });
  // L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above.
  const maxLevel = Math.max(0, ...runs.map((r) => r.level));
  const lowestOdd = runs.some((r) => r.level % 2 === 1)
    ? Math.min(...runs.filter((r) => r.level % 2 === 1).map((r) => r.level))
    : maxLevel + 1;
  for (let level = maxLevel; level >= lowestOdd; level -= 1) {
    for (let i = 0; i < runs.length;) {
      if (runs[i]!.level < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j += 1;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  const drawn = runs.map(({ clusters, level }) => {
    const logical = clusters.map((c) => c.text).join('');
    const wantReversed = level % 2 === 1;
    let text = logical;
    if (wantReversed !== fontReverses(logical)) {
      const reversed = [...clusters].reverse().map((c) => c.text);
      text = (wantReversed ? reversed.map((t) => MIRRORED[t] ?? t) : reversed).join('');
    }
    const font = clusters[0]!.font;
    return { text, font, width: widthOf(font, logical, size) };
  });
  return { runs: drawn, width: drawn.reduce((sum, run) => sum + run.width, 0), direction };
}

/** True when fontkit will lay this text out right to left: its first character with a script is in an RTL script. */
export function startsWithRtlScript(text: string): boolean {
  for (const char of text) {
    if (/[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u.test(char)) continue;
    return RTL_LETTER.test(char);
  }
  return false;
}
