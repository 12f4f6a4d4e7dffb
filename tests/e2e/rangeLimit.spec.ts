import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { articleList, expectCount, openApp, searchBox } from './helpers/app';
import { writeNotes } from './helpers/files';
import { useGleaner } from './helpers/server';

// The shift-select limit: a range asks for its rows by id, up to 10,000; beyond that the
// person is pointed at "Select all", which sends the query instead of ids.
// 10,050 tiny articles: 10,000 from "Inside Wire", 50 from "Outside Wire".
const folder = mkdtempSync(join(tmpdir(), 'gleaner-e2e-range-'));
test.describe.configure({ timeout: 180_000 });
test.beforeAll(() => writeNotes(folder, 10_050, (n) => (n < 10_000 ? 'Inside Wire' : 'Outside Wire')));
const gleaner = useGleaner({ folder });
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

const bulkBar = (page: Page) => page.getByRole('toolbar', { name: 'Selected articles' });
const toast = (page: Page) => page.locator('.toast-region[role="status"]');

test('shift-selecting more than 10,000 rows is refused with a pointer to Select all, which takes them all', async ({ page }) => {
  await openApp(page, gleaner.server);
  await expectCount(page, 10_050);
  await articleList(page).getByRole('option').first().click();
  await articleList(page).focus();
  await page.keyboard.press('Shift+End'); // from the first row to the last: 10,050 rows, most never fetched
  await expect(toast(page)).toContainText('That range holds 10,050 articles: use "Select all" for more than 10,000');
  await expect(bulkBar(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Select all', exact: true }).click();
  await expect(bulkBar(page)).toContainText('10,050 matching articles selected');
});

test('a range of exactly 10,000, mostly never on screen, is fetched and selected', async ({ page }) => {
  await openApp(page, gleaner.server);
  await searchBox(page).fill('source:"Inside Wire"');
  await expectCount(page, 10_000);
  await articleList(page).getByRole('option').first().click();
  await articleList(page).focus();
  await page.keyboard.press('Shift+End');
  await expect(bulkBar(page)).toContainText('10,000 articles selected', { timeout: 20_000 });
  // The selection is ids, so a bulk action reaches each one: star them all and count.
  await bulkBar(page).getByRole('button', { name: 'Star', exact: true }).click();
  await expect(toast(page)).toContainText(/Star 10,?000 articles/);
  await searchBox(page).fill('is:starred');
  await expectCount(page, 10_000);
});
