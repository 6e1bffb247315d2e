/**
 * `npm run bench [-- name ...]`: runs the benchmarks the issues ask for, prints their figures, each
 * beside a baseline measured in the same run, and records them in docs/benchmarks.md.
 */
import { runBatchRegistrationBenchmark } from './batch-registration';
import { runCommentSearchBenchmark } from './comment-search';
import { benchFunctionBundles, formatFunctionBundles } from './function-bundles';
import { runLoadBenchmark, runSoakBenchmark } from './load';
import { runPipelineOverheadBenchmark } from './pipeline-overhead';
import { runReceiptsBenchmark } from './receipts';
import { runRegistrationBenchmark } from './registration';
import { recordSection } from './report';
import { runReportsBenchmark } from './reports';
import { runSiteSearchBenchmark } from './site-search';
import { runWebBenchmark } from './web';

const benchmarks: Record<string, () => Promise<void>> = {
  registration: runRegistrationBenchmark,
  'comment-search': runCommentSearchBenchmark,
  'site-search': runSiteSearchBenchmark,
  receipts: runReceiptsBenchmark,
  'batch-registration': runBatchRegistrationBenchmark,
  'function-bundles': async () => {
    const table = formatFunctionBundles(await benchFunctionBundles());
    console.log(table);
    await recordSection('function-bundles', 'Function bundles and cold init (issue 7)', table);
  },
  'pipeline-overhead': runPipelineOverheadBenchmark,
  // Issue 14: mixed load at 8 and 32 concurrent clients (about 3–4 minutes), and a soak that watches
  // the server's memory (about 12 minutes): run it on its own, `npm run bench -- soak`.
  load: runLoadBenchmark,
  soak: runSoakBenchmark,
  // Issue 12: the front-desk web app in chromium (Debian's, as the e2e tests).
  web: runWebBenchmark,
  // Issue 15: report reading cost by agency size, counting cost and delay (seeds 51,000 clients: minutes).
  reports: runReportsBenchmark,
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
for (const name of requested.length > 0 ? requested : Object.keys(benchmarks)) {
  console.log(`\n## ${name}\n`);
  await benchmarks[name]!();
}
