/**
 * `npm run bench [-- name ...]`: runs the benchmarks the issues ask for, prints their figures, each
 * beside a baseline measured in the same run, and records them in docs/benchmarks.md.
 */
import { runRegistrationBenchmark } from './registration';

const benchmarks: Record<string, () => Promise<void>> = {
  registration: runRegistrationBenchmark,
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
