import { defineConfig } from 'vitest/config';

// Projects so each layer can run alone: `unit` needs nothing, `integration` starts the embedded stack
// (Java + DynamoDB Local) once, `cdk` synthesises the stacks offline.
export default defineConfig({
  test: {
    // The JSON summary lets .ci/run print the plain "N passed, N failed" line. `npm run test:e2e` writes
    // its own (VITEST_JSON_REPORT=test-results/e2e.json) so it does not overwrite `npm test`'s.
    reporters: ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT ?? 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // EMF lines only where a test reads them (business-metrics.test.ts turns them on).
          env: { POWERTOOLS_METRICS_DISABLED: 'true' },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Needs Debian poppler-utils (pdftotext, pdftoppm) and chromium; `npm run test:e2e`, which .ci/run runs.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'cdk',
          include: ['test/cdk/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
