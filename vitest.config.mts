import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests run separately: vitest run --config vitest.e2e.config.mts
    exclude: [...configDefaults.exclude, 'test/e2e/**'],
    testTimeout: 30_000,
  },
});
