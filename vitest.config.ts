import { defineConfig } from 'vitest/config';

// Projects so each layer can run alone: `unit` needs nothing, `integration` starts the embedded stack
// (Java + DynamoDB Local) once, `cdk` synthesises the stacks offline.
export default defineConfig({
  test: {
    // The JSON summary lets .ci/run print the plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
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
        test: {
          name: 'cdk',
          include: ['test/cdk/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
