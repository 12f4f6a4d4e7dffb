import { defineConfig } from '@playwright/test';

// The desktop app's smoke test: Playwright drives the real Electron binary on out/main.cjs
// (run `npm run build` first). Separate from the browser-mode suite (playwright.config.ts
// at the root, testDir tests/e2e). Run: npx playwright test -c tests/e2e-electron/playwright.config.ts
// Without the Electron binary the test is skipped with a reason that names it.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './globalSetup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: '../../test-results/playwright-electron',
  reporter: [['list']],
});
