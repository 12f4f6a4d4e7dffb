import { expect, test, type Page } from '@playwright/test';
import { articleList, expectCount, openApp, readingPane, screenshot, searchBox, seriousViolations } from './helpers/app';
import { useGleaner } from './helpers/server';

const gleaner = useGleaner({ seed: true });

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const sidebarEntry = (page: Page, name: string) => sidebar(page).getByRole('button', { name: new RegExp(`^${name}\\b`) });
const toast = (page: Page) => page.locator('.toast-region[role="status"]');
const row = (page: Page, title: string) => articleList(page).getByRole('option', { name: title, exact: true });

async function open(page: Page, title: string) {
  await row(page, title).click();
  await expect(readingPane(page).getByRole('heading', { level: 1 })).toHaveText(title);
}

test('starring with the button and with s shows in the Starred count and list', async ({ page }) => {
  await openApp(page, gleaner.server);
  const starred = sidebarEntry(page, 'Starred');
  await expect(starred.locator('.count')).toHaveText('0');

  await open(page, 'Desert Solar Farms Add Heliostat Arrays');
  const star = readingPane(page).getByRole('button', { name: 'Star', exact: true });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await expect(toast(page)).toContainText('Star 1 article');
  await expect(starred.locator('.count')).toHaveText('1');
  await expect(row(page, 'Desert Solar Farms Add Heliostat Arrays').locator('.row-star')).toBeVisible();

  // The second article by keyboard, from the list.
  const second = await articleList(page).getByRole('option').nth(1).locator('.row-title').innerText();
  await open(page, second);
  await articleList(page).focus();
  await page.keyboard.press('s');
  await expect(readingPane(page).getByRole('button', { name: 'Star', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(starred.locator('.count')).toHaveText('2');

  await starred.click();
  await expect(searchBox(page)).toHaveValue('is:starred');
  await expectCount(page, 2);
  await expect(row(page, 'Desert Solar Farms Add Heliostat Arrays')).toBeVisible();
  await expect(row(page, second)).toBeVisible();
  await screenshot(page, 'curation-01-starred');

  // Clicking again clears the filter.
  await starred.click();
  await expect(searchBox(page)).toHaveValue('');
});

test('adding a tag shows its chip in the row and the facet; Ctrl+Z undoes it', async ({ page }) => {
  await openApp(page, gleaner.server);
  const title = 'Desert Solar Farms Add Heliostat Arrays';
  await open(page, title);
  const pane = readingPane(page);
  const input = pane.getByRole('combobox', { name: 'Add tag' }).or(pane.getByRole('textbox', { name: 'Add tag' }));

  // A bad name is explained where it was typed.
  await input.fill('policy//uk');
  await input.press('Enter');
  await expect(pane.getByText('"policy//uk" is not a tag name')).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveValue('policy//uk');

  await input.fill('keeper');
  await input.press('Enter');
  await expect(pane.getByRole('button', { name: 'Remove tag keeper' })).toBeVisible();
  await expect(input).toHaveValue('');
  await expect(toast(page)).toContainText('keeper');
  await expect(row(page, title).locator('.tag-chip', { hasText: 'keeper' })).toBeVisible();
  const facet = sidebar(page).getByRole('button', { name: /Filter by tag keeper\b/ });
  await expect(facet).toBeVisible();
  await screenshot(page, 'curation-02-tag');
  expect(await seriousViolations(page)).toEqual([]);

  // Undo from the list (not while typing).
  await articleList(page).focus();
  await page.keyboard.press('Control+z');
  await expect(toast(page)).toContainText(/Undid: .*keeper/);
  await expect(pane.getByRole('button', { name: 'Remove tag keeper' })).toHaveCount(0);
  await expect(facet).toHaveCount(0);

  // And redo brings it back.
  await page.keyboard.press('Control+Shift+z');
  await expect(toast(page)).toContainText(/Redid: .*keeper/);
  await expect(pane.getByRole('button', { name: 'Remove tag keeper' })).toBeVisible();
});

test('a saved search shows in the sidebar with its count and runs again', async ({ page }) => {
  await openApp(page, gleaner.server);
  const all = (await page.getByTestId('result-count').innerText()).trim();
  await searchBox(page).fill('solar');
  await expect(page.getByTestId('result-count')).not.toHaveText(all);
  await expect(page.getByTestId('result-count')).toHaveText(/^[\d,]+ articles?$/);
  const countText = (await page.getByTestId('result-count').innerText()).trim();
  const n = Number(/^([\d,]+)/.exec(countText)?.[1]?.replace(/,/g, ''));
  const section = sidebar(page).getByRole('region', { name: 'Saved searches' });
  await section.getByRole('button', { name: 'Save search' }).click();
  await section.getByRole('textbox', { name: 'Name of the saved search' }).fill('Sun power');
  await section.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = section.getByRole('button', { name: /^Sun power/ });
  await expect(saved).toBeVisible();
  await expect(saved.locator('.count')).toHaveText(String(n));

  await searchBox(page).fill('');
  await saved.click();
  // The saved search is the query the list showed: the word being typed was a prefix.
  await expect(searchBox(page)).toHaveValue('solar*');
  await expectCount(page, n);
});

test('opening an article marks it read after a moment', async ({ page }) => {
  await openApp(page, gleaner.server);
  const unread = sidebarEntry(page, 'Unread').locator('.count');
  await expect(unread).toHaveText(/^\d+$/);
  const before = Number(await unread.innerText());
  expect(before).toBeGreaterThan(0);
  // Earlier tests in this file opened some articles: take one nobody has opened yet.
  const title = await articleList(page).locator('[role="option"].unread .row-title').first().innerText();
  await expect(row(page, title)).toHaveClass(/\bunread\b/);
  await open(page, title);
  await expect(unread).toHaveText(String(before - 1));
  await expect(row(page, title)).not.toHaveClass(/\bunread\b/);
  await expect(readingPane(page).getByRole('button', { name: 'Mark unread' })).toBeVisible();

  // m marks it unread again, and the count follows.
  await articleList(page).focus();
  await page.keyboard.press('m');
  await expect(unread).toHaveText(String(before));
  await screenshot(page, 'curation-03-unread');
});

test('Ctrl+Shift+Z and Ctrl+Y each redo an undone change', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page, gleaner.server);
  const title = 'Desert Solar Farms Add Heliostat Arrays';
  await open(page, title);
  const pane = readingPane(page);
  const input = pane.getByRole('combobox', { name: 'Add tag' }).or(pane.getByRole('textbox', { name: 'Add tag' }));
  await input.fill('redo-check');
  await input.press('Enter');
  const chip = pane.getByRole('button', { name: 'Remove tag redo-check' });
  await expect(chip).toBeVisible();

  await articleList(page).focus();
  for (const redo of ['Control+Shift+z', 'Control+y']) {
    await page.keyboard.press('Control+z');
    await expect(toast(page)).toContainText(/Undid: .*redo-check/);
    await expect(chip).toHaveCount(0);
    await page.keyboard.press(redo);
    await expect(toast(page), redo).toContainText(/Redid: .*redo-check/);
    await expect(chip, redo).toBeVisible();
  }
  await searchBox(page).fill('tag:redo-check');
  await expectCount(page, 1);
});
