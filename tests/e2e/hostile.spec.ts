/**
 * Safe preview: every article of the hostile corpus (tests/fixtures/hostile, one attack
 * class per file) is opened in the real reading pane. No script may run in any frame (each
 * payload calls window.__gleanerXss), no request may leave the app's own origin, and each
 * article's benign text must still be readable.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { articleList, expectCount, openApp, preview, searchBox, screenshot } from './helpers/app';
import { BIN, ROOT, useGleaner } from './helpers/server';

const HOSTILE = join(ROOT, 'tests', 'fixtures', 'hostile');
const numbers = readdirSync(HOSTILE)
  .map((name) => /^(\d+)-.*\.html$/.exec(name)?.[1])
  .filter((n): n is string => n !== undefined)
  .sort();

const gleaner = useGleaner();

test('opening every hostile article runs no script and makes no request beyond the app', async ({ page }) => {
  test.setTimeout(240_000);
  expect(numbers.length).toBeGreaterThanOrEqual(60);
  execFileSync(process.execPath, [BIN, 'import', HOSTILE, '--db', gleaner.server.dbPath], { cwd: ROOT, stdio: 'pipe' });

  const fired: unknown[] = [];
  await page.exposeFunction('__gleanerXss', (n: unknown) => fired.push(n));
  page.on('dialog', (dialog) => {
    fired.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(gleaner.server.origin) && !/^(data|about|blob):/.test(url)) foreign.push(url);
  });

  await openApp(page, gleaner.server);
  for (const n of numbers) {
    await searchBox(page).fill(`title:"Hostile ${n}"`);
    await expectCount(page, 1);
    // The row is named by the article's title: wait for this article's row, not the last one's.
    await articleList(page).getByRole('option', { name: new RegExp(`^Hostile ${n}:`) }).click();
    await expect(preview(page).getByText(`BENIGN-MARKER-${n}`, { exact: true })).toBeVisible();
  }
  await screenshot(page, 'hostile-last-article');
  // Give anything deferred (timers, lazy loads, meta refresh) a moment to misbehave.
  await page.waitForTimeout(1000);
  expect(fired, 'script payloads that ran').toEqual([]);
  expect(foreign, 'requests outside the app').toEqual([]);
});
