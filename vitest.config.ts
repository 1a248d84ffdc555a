import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'server/**/*.test.ts',
      'client/**/*.test.ts',
      'tools/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    // Browser tests join in software WebGL (~10 s a page on a busy machine): room for two joins and a walk.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
