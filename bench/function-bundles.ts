/**
 * Issue 7's figures: the size of each route's Lambda bundle and its cold-start import time, beside an
 * empty handler bundled the same way and timed in the same run. Bundles are built with the esbuild
 * options the CDK stack deploys with (lib/bundling.ts), so the numbers are those of what runs in AWS.
 *
 * Targets: every bundle but the receipt ones under 500 KB minified; every import at most 100 ms slower
 * than the empty handler's. `npx tsx bench/function-bundles.ts` prints the table.
 */
import type { Metafile } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type RouteDefinition, routes as routeTable } from '../functions/api/routes';
import { ENVIRONMENT_GROUPS_ALL, environmentFor } from '../functions/runtime/env';
import { REPOSITORY_ROOT } from '../lib/api-function';
import { FUNCTION_BUNDLE, FUNCTION_EXTRAS, FUNCTION_NODE_OPTIONS } from '../lib/bundling';
import { CLIENT_RETENTION_ENTRY } from '../lib/client-retention';
import { COMMENT_INDEXER_ENTRY } from '../lib/comment-indexer';
import { buildFunctionPackage, type FunctionPackage } from '../lib/function-package';
import { REPORT_COUNTER_ENTRY } from '../lib/report-counter';

export const BUNDLE_TARGET_BYTES = 500 * 1024;
export const INIT_TARGET_EXTRA_MS = 100;
const RUNS = 5;

export interface FunctionBundleRow {
  operationId: string;
  bundleBytes: number;
  initMs: number;
}

export interface FunctionBundleFigures {
  rows: FunctionBundleRow[];
  emptyHandlerInitMs: number;
  notes: string[];
}

/** Receipt routes render PDFs with embedded fonts: they are exempt from the size target. */
function isReceiptRoute(route: RouteDefinition): boolean {
  return /receipt/i.test(route.path) || /receipt/i.test(route.handler);
}

/** What Lambda sets for a function, with placeholder names: module-level code may read them. */
const LAMBDA_LIKE_ENV = {
  AWS_REGION: 'ca-central-1',
  AWS_DEFAULT_REGION: 'ca-central-1',
  ...environmentFor(ENVIRONMENT_GROUPS_ALL, {
    service: { SERVICE_VERSION: '0.0.0-bench', AGENCY_TIME_ZONE: 'America/Toronto', POWERTOOLS_METRICS_NAMESPACE: 'newcomer-intake-bench' },
    table: { TABLE_NAME: 'bench-table' },
    receipts: { RECEIPTS_BUCKET: 'bench-receipts' },
    retention: {},
    siteIndex: { SITE_INDEX_BUCKET: 'bench-site-index' },
    searchCursorKey: { SEARCH_CURSOR_KEY: Buffer.alloc(32, 1).toString('base64') },
  }),
  NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
};

/** Imports a module in a fresh Node process and returns how long the import took, in ms. */
function timeImport(file: string): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write('\\nINIT_MS ' + (performance.now() - t));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, ...LAMBDA_LIKE_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('INIT_MS '));
      if (code !== 0 || !line) reject(new Error(`importing ${file} failed (exit ${code}): ${err.trim().slice(0, 500)}`));
      else resolve(Number(line.slice('INIT_MS '.length)));
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The packages (or source folders) that take the most room in a bundle. */
function largestInputs(metafile: Metafile, count: number): string {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const parts = input.split('/');
      const at = parts.lastIndexOf('node_modules');
      const name = at >= 0 ? parts.slice(at + 1, parts[at + 1]?.startsWith('@') ? at + 3 : at + 2).join('/') : parts.slice(0, 2).join('/');
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, bytes]) => `${name} ${Math.round(bytes / 1024)} KB`)
    .join(', ');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export async function benchFunctionBundles(): Promise<FunctionBundleFigures> {
  // Every function the stacks deploy: one per route, the comment indexer fed by the table's stream, and
  // the retention function (deployed only with clientRetentionYears).
  const functions = [
    ...(routeTable as readonly RouteDefinition[]).map((route) => ({
      name: route.operationId,
      entry: route.handler,
      receipts: isReceiptRoute(route),
    })),
    { name: 'indexClientComments (stream)', entry: COMMENT_INDEXER_ENTRY, receipts: false },
    { name: 'countForReports (stream)', entry: REPORT_COUNTER_ENTRY, receipts: false },
    { name: 'expireAnonymousClients (schedule)', entry: CLIENT_RETENTION_ENTRY, receipts: false },
  ];
  const workDir = await mkdtemp(join(tmpdir(), 'newcomer-intake-bundles-'));
  try {
    const emptyEntry = join(workDir, 'empty-handler.mjs');
    await writeFile(emptyEntry, "export const handler = async () => ({ statusCode: 200, body: '' });\n");
    const targets = [
      { operationId: '(empty handler)', entry: emptyEntry },
      ...functions.map((fn) => ({ operationId: fn.name, entry: fn.entry })),
    ];
    const bundles: ({ operationId: string; file: string; bytes: number } & Pick<FunctionPackage, 'metafile' | 'splitFiles'>)[] = [];
    for (const [index, target] of targets.entries()) {
      const built = await buildFunctionPackage(target.entry, join(workDir, String(index)));
      bundles.push({
        operationId: target.operationId,
        file: built.main,
        bytes: built.mainBytes,
        metafile: built.metafile,
        splitFiles: built.splitFiles,
      });
    }
    // Round-robin, so that a slow moment of the machine does not land on one bundle only.
    const samples = new Map<string, number[]>(bundles.map((b) => [b.operationId, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const bundle of bundles) samples.get(bundle.operationId)!.push(await timeImport(bundle.file));
    }
    const [empty, ...measured] = bundles;
    const emptyHandlerInitMs = median(samples.get(empty!.operationId)!);
    const rows = measured.map((bundle) => ({
      operationId: bundle.operationId,
      bundleBytes: bundle.bytes,
      initMs: median(samples.get(bundle.operationId)!),
    }));

    const notes = [
      `Bundled with lib/bundling.ts (${FUNCTION_BUNDLE.format}, ${FUNCTION_BUNDLE.target}, minified, AWS SDK bundled); init = median of ${RUNS} fresh \`node ${FUNCTION_NODE_OPTIONS}\` imports on Node ${process.version} (Lambda runs Node 22 with less CPU: compare against the empty handler, not in absolute terms).`,
    ];
    for (const fn of functions) {
      const files = FUNCTION_EXTRAS[fn.entry]?.runtimeFiles ?? [];
      if (files.length === 0) continue;
      let bytes = 0;
      for (const file of files) bytes += (await stat(join(REPOSITORY_ROOT, 'node_modules', file))).size;
      notes.push(
        `${fn.name}: the deployed package also holds ${files.length} files read at run time (${(bytes / 1024 / 1024).toFixed(1)} MB: fonts and HarfBuzz, lib/bundling.ts FUNCTION_EXTRAS), not counted in the bundle size above; they are read on first need, not at import.`,
      );
    }
    for (const bundle of bundles) {
      for (const split of bundle.splitFiles) {
        const firstUse = [];
        for (let run = 0; run < RUNS; run++) firstUse.push(await timeImport(split.file));
        notes.push(
          `${bundle.operationId}: ${basename(split.file)} (${kb(split.bytes)}, lib/bundling.ts SPLIT_MODULES) is a file of its own, imported on the first PDF rather than at init: ${median(firstUse).toFixed(0)} ms in a fresh process, paid once by the first PDF request of an instance.`,
        );
      }
    }
    for (const [index, row] of rows.entries()) {
      const exempt = functions[index]!.receipts;
      if (!exempt && row.bundleBytes > BUNDLE_TARGET_BYTES) {
        notes.push(
          `${row.operationId}: ${kb(row.bundleBytes)} is over the ${kb(BUNDLE_TARGET_BYTES)} target; largest parts: ${largestInputs(measured[index]!.metafile, 4)}.`,
        );
      }
      if (row.initMs > emptyHandlerInitMs + INIT_TARGET_EXTRA_MS) {
        notes.push(`${row.operationId}: init ${row.initMs.toFixed(0)} ms is over the target (empty handler + ${INIT_TARGET_EXTRA_MS} ms).`);
      }
    }
    const sizeMisses = rows.filter((row, index) => !functions[index]!.receipts && row.bundleBytes > BUNDLE_TARGET_BYTES).length;
    const initMisses = rows.filter((row) => row.initMs > emptyHandlerInitMs + INIT_TARGET_EXTRA_MS).length;
    notes.push(
      `Targets: size under ${kb(BUNDLE_TARGET_BYTES)} (receipts exempt): ${rows.length - sizeMisses}/${rows.length} met; init within empty + ${INIT_TARGET_EXTRA_MS} ms: ${rows.length - initMisses}/${rows.length} met.`,
    );
    return { rows, emptyHandlerInitMs, notes };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The figures as a Markdown table and notes. */
export function formatFunctionBundles(figures: FunctionBundleFigures): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const table = [
    line(['function', 'bundle (minified)', 'cold import (median)', 'vs empty handler']),
    line(['---', '---:', '---:', '---:']),
    line(['(empty handler)', '', `${figures.emptyHandlerInitMs.toFixed(1)} ms`, '']),
    ...figures.rows.map((row) =>
      line([
        row.operationId,
        kb(row.bundleBytes),
        `${row.initMs.toFixed(1)} ms`,
        `+${(row.initMs - figures.emptyHandlerInitMs).toFixed(1)} ms`,
      ]),
    ),
  ];
  return `${table.join('\n')}\n\n${figures.notes.map((note) => `- ${note}`).join('\n')}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatFunctionBundles(await benchFunctionBundles()));
}
