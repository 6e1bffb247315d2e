/**
 * Writes the SAMPLE site catalog for Ontario (synthetic data for demos, tests and benchmarks, NOT a
 * directory of real sites) to a CSV file. The data is in `sample-sites/data.ts`, the generator in
 * `sample-sites/generate.ts`.
 *
 *   npx tsx scripts/generate-sample-sites.ts [--count N] [--seed S] [--out file]
 *
 * Deterministic: the same count and seed give a byte-identical file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sitesToCsv } from '../functions/domain/site-catalog-csv';
import { DEFAULT_COUNT, DEFAULT_SEED, generateSampleSites } from './sample-sites/generate';

const DEFAULT_OUT = 'data/sites/sample-ontario-sites.csv';

function parseArgs(argv: readonly string[]): { count: number; seed: number | string; out: string } {
  const options = { count: DEFAULT_COUNT, seed: DEFAULT_SEED as number | string, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[(i += 1)];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--count': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new Error(`--count must be a non-negative integer, got "${v}"`);
        options.count = Number(v);
        break;
      }
      case '--seed':
        options.seed = value();
        break;
      case '--out':
        options.out = value();
        break;
      case '--help':
      case '-h':
        console.log('usage: npx tsx scripts/generate-sample-sites.ts [--count N] [--seed S] [--out file]');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument "${arg}" (usage: [--count N] [--seed S] [--out file])`);
    }
  }
  return options;
}

function main(): void {
  const { count, seed, out } = parseArgs(process.argv.slice(2));
  const sites = generateSampleSites({ count, seed });
  const csv = sitesToCsv(sites);
  const path = resolve(out);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, csv, 'utf8');

  const byCategory = new Map<string, number>();
  for (const s of sites) byCategory.set(s.category, (byCategory.get(s.category) ?? 0) + 1);
  const groups = new Set(sites.map((s) => s.group)).size;
  const schoolGroups = new Set(sites.filter((s) => s.category === 'SCHOOL').map((s) => s.group)).size;
  const cities = new Set(sites.map((s) => s.city)).size;
  console.log(`wrote ${sites.length} SAMPLE sites (seed ${seed}) to ${path} (${Buffer.byteLength(csv)} bytes)`);
  console.log(
    `  ${[...byCategory].map(([k, v]) => `${k} ${v}`).join(', ')}; ${groups} groups (${schoolGroups} school boards); ${cities} cities; ${sites.filter((s) => !s.active).length} inactive`,
  );
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
