import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/electron/**/*.test.ts', 'tests/shared/**/*.test.ts', 'tests/renderer/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // better-sqlite3 is native; forks isolate it cleanly per file.
    pool: 'forks',
  },
});
