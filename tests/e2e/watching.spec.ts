import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { articleList, expectCount, openApp, searchBox } from './helpers/app';
import { noteFile, writeNotes } from './helpers/files';
import { FIXTURES, startGleaner, useGleaner } from './helpers/server';

// Watched folders as a person sees them: files that appear on disk appear in the open list,
// without a reload. Written against behaviour (files → rows), not against the watcher inside.
const watchedCopy = mkdtempSync(join(tmpdir(), 'gleaner-e2e-watched-'));
cpSync(FIXTURES, watchedCopy, { recursive: true });
const gleaner = useGleaner({ folder: watchedCopy });
test.afterAll(() => rmSync(watchedCopy, { recursive: true, force: true }));
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const row = (page: Page, title: string) => articleList(page).getByRole('option', { name: title, exact: true });

test('a file added to an imported folder appears in the open list, and its count, without a reload', async ({ page }) => {
  await openApp(page, gleaner.server);
  await expectCount(page, 12);
  let reloaded = false;
  page.on('framenavigated', (frame) => (reloaded ||= frame === page.mainFrame()));

  writeFileSync(
    join(watchedCopy, '202509', 'arrived-on-disk.md'),
    noteFile('Tide Mill Reopens After Restoration', 'Coast Courier', 'The mill turned again.'),
  );
  // Serve starts watching 3 s after it starts, then waits for a quiet moment: well within 30 s.
  await expect(row(page, 'Tide Mill Reopens After Restoration')).toBeVisible({ timeout: 30_000 });
  await expectCount(page, 13);
  expect(reloaded).toBe(false);
});

test('a file written while a first import runs is caught up once the folder’s watch is ready', async ({ page }) => {
  // A new, empty library; the folder is big enough that the import is still running when the
  // file is written, after the scan that lists the files: only the catch-up can find it.
  const folder = mkdtempSync(join(tmpdir(), 'gleaner-e2e-catchup-'));
  writeNotes(folder, 3000);
  const server = await startGleaner();
  try {
    await openApp(page, server);
    await page.waitForTimeout(3500); // serve begins watching 3 s after it starts; the import must come after that
    await page.getByLabel('Folder path').fill(folder);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuetext', /of 3,000 files/, { timeout: 30_000 });
    writeFileSync(join(folder, 'late.md'), noteFile('Written During The Import', 'Late Wire', 'Arrived while the import ran.'));

    const report = page.getByRole('dialog', { name: 'Import finished' });
    await expect(report).toBeVisible({ timeout: 60_000 });
    await expect(report.locator('.report-counts')).toContainText('Added3,000Updated0'); // the import itself did not see it
    await report.getByRole('button', { name: 'Done' }).click();
    await expectCount(page, 3001, 30_000);
    await searchBox(page).fill('source:"Late Wire"');
    await expect(row(page, 'Written During The Import')).toBeVisible();
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
