import { expect, test } from '@playwright/test';
import { articleList, expectCount, openApp, screenshot, seriousViolations } from './helpers/app';
import { FIXTURES, useGleaner } from './helpers/server';

// A fresh, empty library: the first thing a new person sees, then their first import.
const gleaner = useGleaner();
test.describe.configure({ mode: 'serial' });

test('an empty library says what to do and imports a folder through the path field', async ({ page }) => {
  await openApp(page, gleaner.server);
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
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
    await report.locator('.report-counts > div').evaluateAll((els) => els.map((e) => [e.querySelector('dt')!.textContent, Number(e.querySelector('dd')!.textContent)])),
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
