/**
 * Long lists of the Find dialog's tree cut into alphabetical ranges ("A–B", "C", "Sa–Sc"), so no list
 * a worker scrolls through is longer than about MAX_LIST entries. Runs of whole initial letters are
 * kept together where they fit; a single letter with more entries than that is cut into equal parts
 * labelled by the first letters of their first and last entries. Pure: no DOM.
 */

export const MAX_LIST = 50;

export interface AlphabeticalRange<T> {
  /** "A–B", "C" or "Sa–Sc". */
  label: string;
  items: T[];
}

const initialOf = (key: string) => {
  const first = key.charAt(0).toUpperCase();
  return /\p{L}/u.test(first) ? first : '#';
};

const prefixOf = (key: string, length: number) => (key.charAt(0).toUpperCase() + key.slice(1, length)).trimEnd();

/** How many leading characters tell `a` from `b` (at least 2): where two parts meet, their labels differ. */
function distinguishing(a: string, b: string): number {
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same += 1;
  return Math.max(2, same + 1);
}

const span = (from: string, to: string) => (from === to ? from : `${from}–${to}`);

/**
 * `items` (in order of `keyOf`, a normalised lower-case sort key) as consecutive ranges of at most
 * `max`; a list that already fits is one range.
 */
export function alphabeticalRanges<T>(items: readonly T[], keyOf: (item: T) => string, max = MAX_LIST): AlphabeticalRange<T>[] {
  if (items.length <= max)
    return [{ label: items.length ? span(initialOf(keyOf(items[0]!)), initialOf(keyOf(items.at(-1)!))) : '', items: [...items] }];
  const blocks: { initial: string; items: T[] }[] = [];
  for (const item of items) {
    const initial = initialOf(keyOf(item));
    const last = blocks.at(-1);
    if (last?.initial === initial) last.items.push(item);
    else blocks.push({ initial, items: [item] });
  }
  const ranges: AlphabeticalRange<T>[] = [];
  let run: { from: string; to: string; items: T[] } | undefined;
  const flush = () => {
    if (run) ranges.push({ label: span(run.from, run.to), items: run.items });
    run = undefined;
  };
  for (const block of blocks) {
    if (block.items.length > max) {
      flush();
      const parts = Math.ceil(block.items.length / max);
      const size = Math.ceil(block.items.length / parts);
      const keys = block.items.map(keyOf);
      for (let start = 0; start < block.items.length; start += size) {
        const end = Math.min(start + size, block.items.length) - 1;
        const first = keys[start]!;
        const last = keys[end]!;
        const from = prefixOf(first, start > 0 ? distinguishing(keys[start - 1]!, first) : 2);
        const to = prefixOf(last, end + 1 < keys.length ? distinguishing(last, keys[end + 1]!) : 2);
        ranges.push({ label: span(from, to), items: block.items.slice(start, end + 1) });
      }
    } else if (run && run.items.length + block.items.length <= max) {
      run.to = block.initial;
      run.items.push(...block.items);
    } else {
      flush();
      run = { from: block.initial, to: block.initial, items: [...block.items] };
    }
  }
  flush();
  return ranges;
}
