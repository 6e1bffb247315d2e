/**
 * What every benchmark shares: running operations a given number at a time, percentiles, and the
 * figures, printed and written into docs/benchmarks.md between markers named after the benchmark, with
 * the date and the machine, so the document always holds the latest run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const DOCUMENT = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));

export function machineDescription(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
}

export function percentile(sortedOrNot: number[], p: number): number {
  const sorted = [...sortedOrNot].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** Runs `total` operations, `concurrency` at a time; answers the milliseconds it took. */
export async function inParallel(total: number, concurrency: number, operation: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await operation(next++);
    }),
  );
  return performance.now() - started;
}

export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Replaces (or appends) the section of `name` in docs/benchmarks.md. */
export async function recordSection(name: string, title: string, body: string): Promise<void> {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const section = `${start}\n## ${title}\n\nMeasured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineDescription()}.\n\n${body}\n${end}`;
  let document: string;
  try {
    document = await readFile(DOCUMENT, 'utf8');
  } catch {
    document =
      '# Benchmarks\n\nWritten by `npm run bench`; each section is replaced by its latest run. Figures are ratios against a baseline measured in the same run, because machines here are shared and noisy.\n';
  }
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  document = pattern.test(document) ? document.replace(pattern, section) : `${document.trimEnd()}\n\n${section}\n`;
  await writeFile(DOCUMENT, document);
}
