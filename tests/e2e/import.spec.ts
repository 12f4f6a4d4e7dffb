import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { articleList, expectCount, openApp, screenshot, seriousViolations } from './helpers/app';
import { writeNotes } from './helpers/files';
import { FIXTURES, useGleaner } from './helpers/server';

// A fresh, empty library: the first thing a new person sees, then their first import.
const gleaner = useGleaner();
test.describe.configure({ mode: 'serial' });

test('an empty library says what to do and imports a folder through the path field', async ({ page }) => {
  await openApp(page, gleaner.server);
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  // The bundled samples are offered: the path field comes filled in with their folder.
  await expect(page.getByLabel('Folder path')).toHaveValue(/samples[\\/]articles$/);
  await screenshot(page, 'import-01-empty-library');
  expect(await seriousViolations(page)).toEqual([]);

  // A folder that does not exist is refused with the reason, right under the field.
  await page.getByLabel('Folder path').fill('/no/such/folder');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/no\/such\/folder|not found|does not exist|no such/i);

  await page.getByLabel('Folder path').fill(FIXTURES);
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toBeVisible({ timeout: 15_000 });
  await expect(report.getByRole('definition').first()).toBeVisible();
  const counts = Object.fromEntries(
    await report
      .locator('.report-counts > div')
      .evaluateAll((els) => els.map((e) => [e.querySelector('dt')!.textContent, Number(e.querySelector('dd')!.textContent)])),
  );
  expect(counts).toMatchObject({ Added: 12, Updated: 0, Unchanged: 0, Missing: 0, Failed: 1 });
  const failed = report.getByRole('region', { name: 'Files that could not be imported' }).getByRole('listitem');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('202507/1099-broken.txt');
  await expect(failed).toContainText('front matter opened with +++ on line 1 is never closed');
  await screenshot(page, 'import-02-report');
  expect(await seriousViolations(page)).toEqual([]);

  await report.getByRole('button', { name: 'Done' }).click();
  await expect(report).toBeHidden();
  await expectCount(page, 12);
  await expect(articleList(page).getByRole('option').first()).toHaveAccessibleName('Motorway Charging Stations Double in a Year');
  await expect(page.getByRole('button', { name: 'Filter by source Tech Herald 4 articles' })).toBeVisible();
  await screenshot(page, 'import-03-library');
});

test('importing the same folder again from "Open folder…" reports it unchanged', async ({ page }) => {
  await openApp(page, gleaner.server);
  await expectCount(page, 12);
  await page.getByRole('button', { name: 'Open folder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a folder' });
  await expect(dialog.getByLabel('Folder path')).toBeFocused();
  await dialog.getByLabel('Folder path').fill(FIXTURES);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toBeVisible({ timeout: 15_000 });
  await expect(report.locator('.report-counts')).toContainText('Unchanged12');
  // Escape closes the report, like any dialog.
  await page.keyboard.press('Escape');
  await expect(report).toBeHidden();
  await expectCount(page, 12);
});

test('a long import shows files done of total and can be cancelled', async ({ page }) => {
  test.setTimeout(90_000);
  // Enough small files that the import is still running when Cancel is pressed.
  const folder = mkdtempSync(join(tmpdir(), 'gleaner-e2e-many-'));
  try {
    writeNotes(folder, 30_000);
    await openApp(page, gleaner.server);
    await page.getByRole('button', { name: 'Open folder…' }).click();
    await page.getByRole('dialog', { name: 'Import a folder' }).getByLabel('Folder path').fill(folder);
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await expect(progress).toHaveAttribute('aria-valuetext', /^[\d,]+ of 30,000 files$/, { timeout: 15_000 });
    await expect(page.getByRole('contentinfo')).toContainText(/Importing [\d,]+ \/ 30,000 files/);
    await expect(page.getByRole('button', { name: 'Open folder…' })).toBeDisabled();
    await screenshot(page, 'import-04-progress');
    await page.getByRole('button', { name: 'Cancel' }).click();

    const report = page.getByRole('dialog', { name: 'Import cancelled' });
    await expect(report).toBeVisible({ timeout: 15_000 });
    const added = Number((await report.locator('.report-counts > div', { hasText: 'Added' }).locator('dd').innerText()).replace(/\D/g, ''));
    expect(added).toBeGreaterThanOrEqual(0);
    expect(added).toBeLessThan(30_000);
    await report.getByRole('button', { name: 'Done' }).click();
    await expect(progress).toBeHidden();
    // What was written before the cancel stays, and the list shows it.
    await expectCount(page, 12 + added);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
