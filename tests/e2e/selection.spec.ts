import { expect, test, type Page } from '@playwright/test';
import { articleList, expectCount, openApp, rowTitles, screenshot, searchBox, seriousViolations } from './helpers/app';
import { useGleaner } from './helpers/server';

// Multi-select, bulk actions and collections, as a person does them.
const gleaner = useGleaner({ seed: true });

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const bulkBar = (page: Page) => page.getByRole('toolbar', { name: 'Selected articles' });
const toast = (page: Page) => page.locator('.toast-region[role="status"]');
const options = (page: Page) => articleList(page).getByRole('option');
const row = (page: Page, title: string) => articleList(page).getByRole('option', { name: title, exact: true });
const picked = (page: Page) => articleList(page).locator('[role="option"][aria-selected="true"]');
const collectionEntry = (page: Page, name: string) => sidebar(page).getByRole('button', { name: new RegExp(`^${name}\\s+\\d+$`) });

async function newCollection(page: Page, name: string) {
  await sidebar(page).getByRole('button', { name: 'New collection' }).click();
  const field = sidebar(page).getByRole('textbox', { name: 'Name of the new collection' });
  await field.fill(name);
  await field.press('Enter');
  await expect(collectionEntry(page, name)).toBeVisible();
}

test('ctrl-click, shift-click and x select rows; a bulk tag made in the palette lands on each, and Undo takes it off', async ({ page }) => {
  await openApp(page, gleaner.server);
  await expectCount(page, 12);
  const titles = await rowTitles(page);

  await row(page, titles[0]!).click();
  await expect(bulkBar(page)).toHaveCount(0); // a plain click opens, it does not multi-select
  await row(page, titles[2]!).click({ modifiers: ['Control'] });
  // Ctrl-click keeps the row that was current: two picked.
  await expect(bulkBar(page)).toContainText('2 articles selected');
  await row(page, titles[4]!).click({ modifiers: ['Shift'] });
  await expect(bulkBar(page)).toContainText('4 articles selected'); // 0, 2, 3, 4
  await expect(picked(page)).toHaveCount(4);

  // x toggles the current row (the one last clicked) out, and back in.
  await articleList(page).focus();
  await page.keyboard.press('x');
  await expect(bulkBar(page)).toContainText('3 articles selected');
  await page.keyboard.press('x');
  await expect(bulkBar(page)).toContainText('4 articles selected');

  // The palette: type a new name, it offers to create it.
  await bulkBar(page).getByRole('button', { name: 'Tag…', exact: true }).click();
  const palette = page.getByRole('dialog', { name: 'Add a tag' });
  const field = palette.getByRole('combobox', { name: 'Tag to add' });
  await expect(field).toBeFocused();
  await field.fill('meeting-pack');
  await expect(palette.getByRole('option', { name: /Create “meeting-pack”/ })).toHaveAttribute('aria-selected', 'true');
  await screenshot(page, 'selection-01-palette');
  expect(await seriousViolations(page)).toEqual([]);
  await field.press('Enter');
  await expect(palette).toBeHidden();
  await expect(toast(page)).toContainText('meeting-pack');
  // Rows show their first tags as chips: check the tag through a search instead.
  await searchBox(page).fill('tag:meeting-pack');
  await expectCount(page, 4);
  expect((await rowTitles(page)).sort()).toEqual([0, 2, 3, 4].map((i) => titles[i]).sort());

  // Undo from the toast: the tag is gone from all four.
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(toast(page)).toContainText(/Undid/);
  await expectCount(page, 0);
});

test('select all matching stars every match; Escape clears the selection; Ctrl+Z unstars them', async ({ page }) => {
  await openApp(page, gleaner.server);
  await searchBox(page).fill('source:"Tech Herald"');
  await expectCount(page, 4);
  await articleList(page).focus();
  await page.keyboard.press('Control+a');
  await expect(bulkBar(page)).toContainText('4 matching articles selected');
  await expect(picked(page)).toHaveCount(4);
  await bulkBar(page).getByRole('button', { name: 'Star', exact: true }).click();
  await expect(toast(page)).toContainText('Star 4 articles');
  await expect(
    sidebar(page)
      .getByRole('button', { name: /^Starred/ })
      .locator('.count'),
  ).toHaveText('4');
  await expect(options(page).locator('.row-star')).toHaveCount(4);

  await articleList(page).focus();
  await page.keyboard.press('Escape');
  await expect(bulkBar(page)).toHaveCount(0);
  await expect(searchBox(page)).toHaveValue('source:"Tech Herald"'); // Escape cleared the selection first, not the search

  await page.keyboard.press('Control+z');
  await expect(
    sidebar(page)
      .getByRole('button', { name: /^Starred/ })
      .locator('.count'),
  ).toHaveText('0');

  // A shift-click range grows from the current row; a new query clears the selection.
  await options(page).nth(0).click();
  await options(page)
    .nth(2)
    .click({ modifiers: ['Shift'] });
  await expect(bulkBar(page)).toContainText('3 articles selected');
  await searchBox(page).fill('');
  await expectCount(page, 12);
  await expect(bulkBar(page)).toHaveCount(0);
});

test('collections: drop articles on one, add by command, follow and change its order, remove, rename, delete and undo', async ({ page }) => {
  await openApp(page, gleaner.server);
  await newCollection(page, 'Reading pack');
  const titles = await rowTitles(page);

  // Drag one row onto the collection.
  await row(page, titles[3]!).dragTo(collectionEntry(page, 'Reading pack'));
  await expect(collectionEntry(page, 'Reading pack').locator('.count')).toHaveText('1');
  await expect(toast(page)).toContainText('Reading pack');

  // Two more through the bulk bar's command.
  await row(page, titles[0]!).click();
  await row(page, titles[1]!).click({ modifiers: ['Control'] });
  await bulkBar(page).getByRole('button', { name: 'Collect…' }).click();
  await page
    .getByRole('dialog', { name: 'Add to collection' })
    .getByRole('button', { name: /^Reading pack/ })
    .click();
  await expect(collectionEntry(page, 'Reading pack').locator('.count')).toHaveText('3');

  // Opened, the list follows the collection's order: the dropped one first, then the two in list order.
  await collectionEntry(page, 'Reading pack').click();
  await expect(searchBox(page)).toHaveValue('collection:"Reading pack"');
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('collection');
  await expectCount(page, 3);
  expect(await rowTitles(page)).toEqual([titles[3], titles[0], titles[1]]);

  // Alt+↓ moves the current article down one place.
  await row(page, titles[3]!).click();
  await articleList(page).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => rowTitles(page)).toEqual([titles[0], titles[3], titles[1]]);

  // Dragging a row onto the top half of the first row puts it first.
  const first = row(page, titles[0]!);
  const box = (await first.boundingBox())!;
  await row(page, titles[1]!).dragTo(first, { targetPosition: { x: box.width / 2, y: 8 } });
  await expect.poll(() => rowTitles(page)).toEqual([titles[1], titles[0], titles[3]]);
  await screenshot(page, 'selection-02-collection');

  // Remove one from the collection (the article stays in the library).
  await row(page, titles[0]!).click();
  await row(page, titles[0]!).click({ modifiers: ['Control'] });
  await expect(bulkBar(page)).toContainText('1 article selected');
  await bulkBar(page).getByRole('button', { name: 'Remove from “Reading pack”' }).click();
  await expectCount(page, 2);
  expect(await rowTitles(page)).toEqual([titles[1], titles[3]]);

  // Rename through the entry's menu; a name already taken is refused with a reason.
  await newCollection(page, 'Other');
  await collectionEntry(page, 'Reading pack').hover();
  await sidebar(page).getByRole('button', { name: 'More for Reading pack' }).click();
  await page.getByRole('button', { name: 'Rename…' }).click();
  const rename = sidebar(page).getByRole('textbox', { name: 'New name for Reading pack' });
  await rename.fill('other');
  await rename.press('Enter');
  await expect(rename).toHaveAttribute('aria-invalid', 'true');
  await expect(collectionEntry(page, 'Other')).toBeVisible();
  await rename.fill('Train reading');
  await rename.press('Enter');
  await expect(collectionEntry(page, 'Train reading').locator('.count')).toHaveText('2');
  expect(await seriousViolations(page)).toEqual([]);

  // Delete, then Undo brings it back with its articles.
  await collectionEntry(page, 'Train reading').hover();
  await sidebar(page).getByRole('button', { name: 'More for Train reading' }).click();
  await page.getByRole('button', { name: 'Delete collection' }).click();
  await expect(collectionEntry(page, 'Train reading')).toHaveCount(0);
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(collectionEntry(page, 'Train reading').locator('.count')).toHaveText('2');
});

test('a saved search can be renamed, pointed at the current search and deleted', async ({ page }) => {
  await openApp(page, gleaner.server);
  await searchBox(page).fill('source:"Policy Review"');
  await expectCount(page, 4);
  await sidebar(page).getByRole('button', { name: 'Save search' }).click();
  await sidebar(page).getByRole('textbox', { name: 'Name of the saved search' }).fill('Policy');
  await sidebar(page).getByRole('button', { name: 'Save', exact: true }).click();
  const entry = sidebar(page).getByRole('button', { name: /^Policy\s+4$/ });
  await expect(entry).toBeVisible();

  await entry.hover();
  await sidebar(page).getByRole('button', { name: 'More for Policy' }).click();
  await page.getByRole('button', { name: 'Rename…' }).click();
  const rename = sidebar(page).getByRole('textbox', { name: 'New name for Policy' });
  await rename.fill('   ');
  await rename.press('Enter');
  await expect(rename).toHaveAttribute('aria-invalid', 'true');
  await rename.fill('Policy desk');
  await rename.press('Enter');
  const renamed = sidebar(page).getByRole('button', { name: /^Policy desk\s+4$/ });
  await expect(renamed).toBeVisible();

  // Point it at another search.
  await searchBox(page).fill('source:"Tech Herald" OR source:"Policy Review"');
  await expectCount(page, 8);
  await renamed.hover();
  await sidebar(page).getByRole('button', { name: 'More for Policy desk' }).click();
  await page.getByRole('button', { name: 'Replace with the current search' }).click();
  await expect(sidebar(page).getByRole('button', { name: /^Policy desk\s+8$/ })).toBeVisible();

  await sidebar(page)
    .getByRole('button', { name: /^Policy desk/ })
    .hover();
  await sidebar(page).getByRole('button', { name: 'More for Policy desk' }).click();
  await page.getByRole('button', { name: 'Delete saved search' }).click();
  await expect(sidebar(page).getByRole('button', { name: /^Policy desk/ })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(sidebar(page).getByRole('button', { name: /^Policy desk\s+8$/ })).toBeVisible();
});

test('the reading pane adds the open article to a new collection and takes it out again', async ({ page }) => {
  await openApp(page, gleaner.server);
  const [title] = await rowTitles(page);
  await row(page, title!).click();
  const pane = page.getByRole('region', { name: 'Reading pane' });
  await pane.getByRole('button', { name: 'Collect…' }).click();
  const picker = page.getByRole('dialog', { name: 'Add to collection' });
  await picker.getByRole('textbox', { name: 'New collection name' }).fill('From the pane');
  await picker.getByRole('button', { name: 'Create' }).click();
  const chip = pane.getByRole('list', { name: 'Collections' }).locator('.collection-chip', { hasText: 'From the pane' });
  await expect(chip).toBeVisible();
  await expect(collectionEntry(page, 'From the pane').locator('.count')).toHaveText('1');

  await pane.getByRole('button', { name: 'Remove from collection From the pane' }).click();
  await expect(chip).toHaveCount(0);
  await expect(collectionEntry(page, 'From the pane').locator('.count')).toHaveText('0');
});
