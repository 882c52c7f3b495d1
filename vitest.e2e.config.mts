import { defineConfig } from 'vitest/config';

// Browser tests (test/e2e): real site builds served on 127.0.0.1, Debian's Chromium.
// One worker and files one after another, so builds do not compete for the two CPU cores;
// test/e2e/harness.ts keeps each build in the run folder of global-setup.ts for all files.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 900_000,
    teardownTimeout: 60_000,
  },
});
