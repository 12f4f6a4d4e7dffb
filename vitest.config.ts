import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/electron/**/*.test.ts',
      'tests/shared/**/*.test.ts',
      'tests/renderer/**/*.test.ts',
      'tests/scripts/**/*.test.ts',
      'tests/bench/**/*.test.ts',
    ],
    environment: 'node',
    // Announces suites that skip for want of the shared corpora or epubcheck.
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // better-sqlite3 is native; forks isolate it cleanly per file.
    pool: 'forks',
  },
});
