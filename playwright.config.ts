import { defineConfig } from '@playwright/test';

// End-to-end tests in a real Chromium against `gleaner serve` (real SQLite, real files).
// They use the build in out/ (run `npm run build` first). The browser is found by
// scripts/findChromium.mjs (GLEANER_CHROMIUM, Playwright's own, one on the PATH, the usual
// install places; else one try of `npx playwright install chromium`).
import { chromiumArgs, findChromium } from './scripts/findChromium.mjs';

export const CHROMIUM_ARGS: string[] = chromiumArgs();

export default defineConfig({
  testDir: 'tests/e2e',
  // Only specs: tests/e2e/perf/uiBench.mjs and the helpers are not tests.
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  outputDir: 'test-results/playwright',
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
