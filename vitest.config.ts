import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Finds the Postgres server once (or says, in one line, that its suites are skipped).
    globalSetup: ['test/setup/postgres.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: platform tests start servers, so keep the worker count modest.
    maxWorkers: 2,
  },
});
