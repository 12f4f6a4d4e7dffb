import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { articleList, expectCount, openApp, resultCount, searchBox, seriousViolations } from './helpers/app';
import { BIN, ROOT, useGleaner } from './helpers/server';

const gleaner = useGleaner({ seed: true });

// The fixtures carry flat tags only; nest two under `policy` through the CLI, as a person could.
// policy: 5 articles of its own; policy/uk and policy/eu add two more (and share City Council with it).
test.beforeAll(() => {
  const tag = (name: string, query: string) =>
    execFileSync(process.execPath, [BIN, 'tag', 'add', name, query, '--db', gleaner.server.dbPath], { cwd: ROOT, stdio: 'pipe' });
  tag('policy/uk', 'title:desert OR title:council');
  tag('policy/eu', 'title:offshore OR title:council');
});

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const tagsSection = (page: Page) => sidebar(page).getByRole('region', { name: 'Tags' });
/** A tag's row button; its name is "Filter by tag <name> …" then the state and the count. */
const tagRow = (page: Page, name: string) =>
  tagsSection(page).getByRole('button', { name: new RegExp(`^Filter by tag ${name.replace('/', '\\/')}\\b(?!/)`) });
const tagMenu = async (page: Page, name: string) => {
  await tagRow(page, name).hover();
  await tagsSection(page)
    .getByRole('button', { name: `Options for tag ${name}`, exact: true })
    .click();
  return page.getByRole('menu', { name: `Tag ${name}` });
};
const dialog = (page: Page) => page.getByRole('dialog');
const toast = (page: Page) => page.locator('.toast-region[role="status"]');
const row = (page: Page, title: string) => articleList(page).getByRole('option', { name: title, exact: true });
/** Opens the app with every tag row on screen (the section shows ten until "Show all"). */
async function openWithAllTags(page: Page) {
  await openApp(page, gleaner.server);
  await tagsSection(page)
    .getByRole('button', { name: /^Show all \d+$/ })
    .click();
}
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/${name}.png` });

test('hierarchical tags group under their parent, and the parent filters its children too', async ({ page }) => {
  await openApp(page, gleaner.server);
  // 7 articles carry policy or a tag under it: not 5 + 2 + 2 (City Council has all three).
  await expect(tagRow(page, 'policy')).toHaveAccessibleName('Filter by tag policy 7 articles');
  await expect(tagRow(page, 'policy/uk')).toHaveCount(0);
  const disclosure = tagsSection(page).getByRole('button', { name: 'Show tags under policy' });
  await disclosure.click();
  await expect(tagsSection(page).getByRole('button', { name: 'Hide tags under policy' })).toHaveAttribute('aria-expanded', 'true');
  await expect(tagRow(page, 'policy/uk')).toHaveAccessibleName('Filter by tag policy/uk 2 articles');
  await expect(tagRow(page, 'policy/eu')).toHaveAccessibleName('Filter by tag policy/eu 2 articles');
  // The child shows its last part under the parent.
  await expect(tagRow(page, 'policy/uk').locator('.sidebar-item-label')).toHaveText('uk');
  await expect(tagRow(page, 'policy')).toHaveAttribute('title', /7 with it or a tag under it \(5 with “policy” itself\)/);
  await tagsSection(page).screenshot({ path: 'test-results/tags-01-tree-light.png' });

  await tagRow(page, 'policy').click();
  await expect(searchBox(page)).toHaveValue('tag:policy');
  await expectCount(page, 7);
  await expect(tagRow(page, 'policy')).toHaveAttribute('aria-pressed', 'true');
  // Tagged only policy/uk, yet in the list: a parent includes its children.
  await expect(row(page, 'Desert Solar Farms Add Heliostat Arrays')).toBeVisible();
  await expect(row(page, 'Offshore Wind Auction Sets a Record Low Price')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await tagsSection(page).screenshot({ path: 'test-results/tags-02-tree-dark.png' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Dark theme' }).click();

  // Clicking again takes the filter out; the tree stays open (remembered).
  await tagRow(page, 'policy').click();
  await expect(searchBox(page)).toHaveValue('');
  await expectCount(page, 12);
  await page.reload();
  await expect(tagRow(page, 'policy/uk')).toBeVisible();

  // A typed filter on a folded child opens its parent, so its state shows; it can be folded again.
  await tagsSection(page).getByRole('button', { name: 'Hide tags under policy' }).click();
  await expect(tagRow(page, 'policy/uk')).toHaveCount(0);
  await searchBox(page).fill('tag:policy/uk');
  await expectCount(page, 2);
  await expect(tagRow(page, 'policy/uk')).toHaveAttribute('aria-pressed', 'true');
  await tagsSection(page).getByRole('button', { name: 'Hide tags under policy' }).click();
  await expect(tagRow(page, 'policy/uk')).toHaveCount(0);
});

test('exclude and any-of filters from the row menu, shift-click and alt-click', async ({ page }) => {
  await openWithAllTags(page);
  await expectCount(page, 12);

  const menu = await tagMenu(page, 'energy');
  await expect(menu.getByRole('menuitemradio', { name: /Must have it/ })).toBeFocused();
  await shot(page, 'tags-03-menu');
  await menu.getByRole('menuitemradio', { name: /Exclude it/ }).click();
  await expect(searchBox(page)).toHaveValue('-tag:energy');
  await expectCount(page, 7);
  // Filtered out, yet still in the tree, marked excluded.
  await expect(tagRow(page, 'energy')).toHaveAccessibleName('Filter by tag energy excluded 0 articles');
  await expect(tagRow(page, 'energy').locator('.tag-mode')).toHaveText('excluded');
  await expect(page.locator('.sidebar-scroll')).toHaveAttribute('aria-busy', 'false');
  await tagsSection(page).screenshot({ path: 'test-results/tags-03b-excluded.png' });
  expect(await seriousViolations(page)).toEqual([]);
  // The menu shows the current state, and alt-click takes the exclusion out again.
  const again = await tagMenu(page, 'energy');
  await expect(again.getByRole('menuitemradio', { name: /Exclude it/ })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(again).toBeHidden();
  await expect(searchBox(page)).toHaveValue('-tag:energy');
  await tagRow(page, 'energy').click({ modifiers: ['Alt'] });
  await expect(searchBox(page)).toHaveValue('');
  await expectCount(page, 12);

  // quantum (1) or chips (1) or wind (1).
  await tagRow(page, 'quantum').click();
  await expectCount(page, 1);
  // By keyboard: the ⋯ button opens the menu on its first item; arrows move, Enter picks.
  await tagsSection(page).getByRole('button', { name: 'Options for tag chips', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu', { name: 'Tag chips' }).getByRole('menuitemradio', { name: /Must have it/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitemradio', { name: /Any of these/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tagsSection(page).getByRole('button', { name: 'Options for tag chips', exact: true })).toBeFocused();
  await expect(searchBox(page)).toHaveValue('tag:quantum OR tag:chips');
  await expectCount(page, 2);
  await tagRow(page, 'wind').click({ modifiers: ['Shift'] });
  await expect(searchBox(page)).toHaveValue('tag:quantum OR tag:chips OR tag:wind');
  await expectCount(page, 3);
  for (const name of ['quantum', 'chips', 'wind']) {
    // Counted over the new query once its facets arrive (they wait out quick changes).
    await expect(tagRow(page, name)).toHaveAccessibleName(`Filter by tag ${name} any of 1 article`);
    await expect(tagRow(page, name)).toHaveAttribute('aria-pressed', 'true');
    await expect(tagRow(page, name).locator('.tag-mode')).toHaveText('any of');
  }
  await expect(tagRow(page, 'transport')).toHaveAccessibleName('Filter by tag transport 0 articles');
  await tagsSection(page).screenshot({ path: 'test-results/tags-04-any-of.png' });
  // A click on one of them takes it out of the group.
  await tagRow(page, 'chips').click();
  await expect(searchBox(page)).toHaveValue('tag:quantum OR tag:wind');
  await expectCount(page, 2);
});

test('renaming a tag shows everywhere, and Ctrl+Z brings the old name back', async ({ page }) => {
  await openWithAllTags(page);
  await (await tagMenu(page, 'energy')).getByRole('menuitem', { name: 'Rename…' }).click();
  const box = dialog(page).getByRole('textbox', { name: 'New name for “energy”' });
  await expect(box).toBeFocused();
  await box.fill('clean power');
  await shot(page, 'tags-05-rename');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog(page).getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(toast(page)).toContainText('Rename tag "energy" to "clean power"');
  await expect(tagRow(page, 'clean power')).toHaveAccessibleName('Filter by tag clean power 5 articles');
  await expect(tagRow(page, 'energy')).toHaveCount(0);
  const article = row(page, 'Motorway Charging Stations Double in a Year');
  await expect(article.locator('.tag-chip', { hasText: 'clean power' })).toBeVisible();

  await articleList(page).focus();
  await page.keyboard.press('Control+z');
  await expect(toast(page)).toContainText('Undid: Rename tag "energy"');
  await expect(tagRow(page, 'energy')).toHaveAccessibleName('Filter by tag energy 5 articles');
  await expect(article.locator('.tag-chip', { hasText: 'clean power' })).toHaveCount(0);
  await expect(article.locator('.tag-chip', { hasText: /^energy$/ })).toBeVisible();
});

test('renaming a parent says its children move with it, and they do', async ({ page }) => {
  await openWithAllTags(page);
  // Filtered by a child: the filter follows the rename, so the list keeps its articles.
  await searchBox(page).fill('tag:policy/uk');
  await expect(resultCount(page)).toHaveText(/^[1-9]\d* articles?$/);
  await expect(resultCount(page)).not.toHaveText('12 articles');
  const count = await resultCount(page).innerText();
  await (await tagMenu(page, 'policy')).getByRole('menuitem', { name: 'Rename…' }).click();
  await expect(dialog(page)).toContainText('The 2 tags under it move with it (policy/eu, policy/uk)');
  await dialog(page).getByRole('textbox').fill('gov');
  await dialog(page).getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(searchBox(page)).toHaveValue('tag:gov/uk');
  await expect(resultCount(page)).toHaveText(count);
  await searchBox(page).fill('');
  await expect(tagRow(page, 'gov')).toHaveAccessibleName('Filter by tag gov 7 articles');
  // The filter on gov/uk opened its group, and it stays open once the filter is gone.
  await expect(tagsSection(page).getByRole('button', { name: /tags under gov/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(tagRow(page, 'gov/uk')).toBeVisible();
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(tagRow(page, 'policy')).toHaveAccessibleName('Filter by tag policy 7 articles');
  await expect(tagRow(page, 'gov')).toHaveCount(0);
});

test('a bad name is explained next to the field and changes nothing', async ({ page }) => {
  await openWithAllTags(page);
  await (await tagMenu(page, 'wind')).getByRole('menuitem', { name: 'Rename…' }).click();
  const box = dialog(page).getByRole('textbox', { name: 'New name for “wind”' });
  const rename = dialog(page).getByRole('button', { name: 'Rename', exact: true });
  for (const [bad, message] of [
    ['   ', 'A tag name cannot be empty'],
    ['energy//x', '"energy//x" is not a tag name'],
    ['x'.repeat(101), 'at most 100 characters'],
    ['wi\u0007nd', 'cannot contain control characters'],
    ['solar', 'A tag named "solar" already exists'],
  ] as const) {
    await box.fill(bad);
    await rename.click();
    await expect(dialog(page).getByRole('alert')).toContainText(message);
    await expect(box).toHaveAttribute('aria-invalid', 'true');
  }
  await shot(page, 'tags-06-bad-name');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(tagRow(page, 'wind')).toHaveAccessibleName('Filter by tag wind 1 article');
  await expect(toast(page)).not.toContainText('Rename');
});

test('merging shows how many articles it affects first, then moves them', async ({ page }) => {
  await openWithAllTags(page);
  await expect(tagRow(page, 'wind')).toHaveAccessibleName('Filter by tag wind 1 article');
  await (await tagMenu(page, 'solar')).getByRole('menuitem', { name: 'Merge into…' }).click();
  await expect(dialog(page).getByText('Affects 2 articles')).toBeVisible();
  const merge = dialog(page).getByRole('button', { name: 'Merge', exact: true });
  await expect(merge).toBeDisabled();
  await dialog(page).getByRole('combobox', { name: 'Merge “solar” into' }).selectOption('wind');
  await expect(dialog(page)).toContainText('Affects 2 articles: they get “wind”, and “solar” is deleted.');
  await shot(page, 'tags-07-merge');
  expect(await seriousViolations(page)).toEqual([]);
  await merge.click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(toast(page)).toContainText('Merge tag "solar" into "wind" (2 articles)');
  await expect(tagRow(page, 'wind')).toHaveAccessibleName('Filter by tag wind 3 articles');
  await expect(tagRow(page, 'solar')).toHaveCount(0);

  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(tagRow(page, 'solar')).toHaveAccessibleName('Filter by tag solar 2 articles');
  await expect(tagRow(page, 'wind')).toHaveAccessibleName('Filter by tag wind 1 article');
});

test('a colour shows as a swatch on the tag', async ({ page }) => {
  await openWithAllTags(page);
  const swatch = tagRow(page, 'energy').locator('.tag-swatch');
  await expect(swatch).toHaveCount(0);
  await (await tagMenu(page, 'energy')).getByRole('menuitem', { name: 'Colour…' }).click();
  await dialog(page).getByRole('radio', { name: 'Green' }).check();
  await shot(page, 'tags-08-colour');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog(page).getByRole('button', { name: 'Save colour' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(toast(page)).toContainText('Recolor tag "energy"');
  await expect(swatch).toHaveCSS('background-color', 'rgb(47, 158, 68)');
  await expect(tagRow(page, 'energy')).toHaveAttribute('title', /Green/);
  await tagsSection(page).screenshot({ path: 'test-results/tags-09-swatch.png' });
});

test('Manage tags lists every tag; deleting one says how many articles lose it, and Undo brings it back', async ({ page }) => {
  await openWithAllTags(page);
  await tagsSection(page).getByRole('button', { name: 'Manage tags…' }).click();
  await expect(dialog(page).getByRole('heading', { name: 'Manage tags' })).toBeVisible();
  await dialog(page).getByRole('searchbox', { name: 'Find a tag' }).fill('trans');
  await expect(dialog(page).getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveCount(1);
  await shot(page, 'tags-10-manage');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog(page).getByRole('button', { name: 'Delete transport' }).click();
  await expect(dialog(page)).toContainText('This removes it from 1 article');
  await shot(page, 'tags-11-delete');
  await dialog(page).getByRole('button', { name: 'Delete tag' }).click();
  // Back on the list, without the tag.
  await expect(dialog(page).getByRole('heading', { name: 'Manage tags' })).toBeVisible();
  await expect(toast(page)).toContainText('Delete tag "transport" (1 article)');
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await expect(tagRow(page, 'transport')).toHaveCount(0);
  await expect(row(page, 'Motorway Charging Stations Double in a Year').locator('.tag-chip', { hasText: 'transport' })).toHaveCount(0);

  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(tagRow(page, 'transport')).toHaveAccessibleName('Filter by tag transport 1 article');
  await expect(row(page, 'Motorway Charging Stations Double in a Year').locator('.tag-chip', { hasText: 'transport' })).toBeVisible();
});
