// Jest 30 as native ESM (the package is "type": "module"; middy and other dependencies are ESM-only):
// `npm run jest` starts it as node --experimental-vm-modules, and @swc/jest strips the types
// without changing the module format. One project per layer so each can run alone:
// `unit` needs nothing, `cdk` synthesises the stacks offline, `integration` starts the embedded stack
// (Java + DynamoDB Local) once, `e2e` needs Debian's poppler-utils and chromium (`npm run test:e2e`).

import { mkdirSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

// `--json --outputFile=test-results/….json` (npm test, test:e2e, .ci/run) does not create the folder,
// which a fresh clone lacks.
mkdirSync(fileURLToPath(new globalThis.URL('./test-results', import.meta.url)), { recursive: true });

const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

/** What every project shares: TypeScript through swc, ESM, and the package's `#pdf-renderer` import. */
const layer = (name, { timeoutMs = 5_000, ...extra } = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^#pdf-renderer$': '<rootDir>/functions/adapters/pdf/pdf-receipt.ts' },
  // Jest reads `testTimeout` only from the top-level config; a project's own budget goes through
  // `globals` to test/support/layer-timeout.ts. Hooks share it.
  globals: { layerTimeoutMs: timeoutMs },
  setupFilesAfterEnv: ['<rootDir>/test/support/layer-timeout.ts'],
  ...extra,
});

const layers = [
  // EMF lines only where a test reads them (business-metrics.test.ts turns them on).
  layer('unit', { setupFiles: ['<rootDir>/test/unit/metrics-off.ts'] }),
  layer('cdk', { timeoutMs: 120_000 }),
  layer('integration', {
    globalSetup: '<rootDir>/test/integration/global-setup.ts',
    globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
    timeoutMs: 60_000,
  }),
  layer('e2e', { globalSetup: '<rootDir>/test/e2e/global-setup.ts', timeoutMs: 60_000 }),
];

// TEST_LAYERS=unit,integration picks layers (the npm scripts set it) and leaves jest's own arguments
// free: `npm run test:integration -- some.test.ts -t name` (jest's --selectProjects would swallow them).
const picked = process.env.TEST_LAYERS?.split(',');
const unknown = picked?.filter((name) => !layers.some((l) => l.displayName === name)) ?? [];
if (unknown.length > 0)
  throw new Error(`TEST_LAYERS names no layer ${unknown.join(', ')}: use ${layers.map((l) => l.displayName).join(', ')}`);

export default {
  projects: picked ? layers.filter((l) => picked.includes(l.displayName)) : layers,
  // Two vCPUs here: jest's default (cores - 1) would run every file one after another.
  maxWorkers: 2,
  // Jest gives a worker 500 ms to exit after its last file. On full runs on two busy cores a worker
  // that had loaded aws-cdk-lib or the SDK into many VM contexts sometimes took longer and was
  // force-exited with a "leaking" warning, though a probe printing the worker's active handles after
  // its last file found only jest's own IPC pipes. A longer grace, not a leak.
  workerGracefulExitTimeout: 3_000,
};
