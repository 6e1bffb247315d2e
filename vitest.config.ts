import { defineConfig } from 'vitest/config';

// Projects so each layer can run alone: `unit` needs nothing, `integration` starts the embedded stack
// (Java + DynamoDB Local) once, `cdk` synthesises the stacks offline, `e2e` needs Debian packages
// (Chromium, poppler) that CI installs.
export default defineConfig({
  test: {
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
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
