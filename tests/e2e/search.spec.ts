import { expect, test } from '@playwright/test';
import { articleList, expectCount, openApp, resultCount, rowTitles, screenshot, searchBox } from './helpers/app';
import { useGleaner } from './helpers/server';

const gleaner = useGleaner({ seed: true });

test.beforeEach(async ({ page }) => {
  await openApp(page, gleaner.server);
  await expectCount(page, 12);
});

test('typing a search narrows the list and highlights the match', async ({ page }) => {
  await searchBox(page).pressSequentially('heliostat', { delay: 30 });
  await expectCount(page, 2);
  const titles = await rowTitles(page);
  expect(titles.sort()).toEqual(['Desert Solar Farms Add Heliostat Arrays', 'New Chip Fab Breaks Ground Near the Harbour']);
  // The matched word is marked inside the snippet of the row whose body has it.
  const marks = articleList(page).locator('mark');
  await expect(marks.first()).toBeVisible();
  await expect(marks.first()).toHaveText(/heliostat/i);
  // No space typed after it yet: the word is still being typed, so it shows (and matches) as a prefix.
  await expect(page.getByRole('list', { name: 'Search filters' }).getByRole('listitem')).toHaveText(['heliostat…']);
  await screenshot(page, 'search-01-highlight');
});

test('part of a word being typed finds the whole words; a space ends the word', async ({ page }) => {
  await searchBox(page).pressSequentially('collec', { delay: 30 });
  await expectCount(page, 2);
  expect((await rowTitles(page)).sort()).toEqual(['City Council Publishes an Open Budget Portal', 'Motorway Charging Stations Double in a Year']);
  // The whole words are marked: "collection" in one body, "collector" in the other.
  const marks = articleList(page).locator('mark');
  await expect(marks).toHaveText([/^collector$/i, /^collection$/i]);
  const chips = page.getByRole('list', { name: 'Search filters' });
  await expect(chips.getByRole('listitem')).toHaveText(['collec…']);
  await screenshot(page, 'search-01b-typing-prefix');
  // A space ends the word: now it must be the whole word "collec", which no article has.
  await searchBox(page).press('Space');
  await expect(chips.getByRole('listitem')).toHaveText(['collec']);
  await expectCount(page, 0);
});

test('clicking a source adds a removable chip; removing it restores the list', async ({ page }) => {
  await page.getByRole('button', { name: 'Filter by source Tech Herald 4 articles' }).click();
  await expect(searchBox(page)).toHaveValue('source:"Tech Herald"');
  const chips = page.getByRole('list', { name: 'Search filters' });
  await expect(chips.getByRole('listitem')).toHaveText(['source: Tech Herald']);
  await expectCount(page, 4);
  for (const title of await rowTitles(page)) expect(title).not.toBe('Desert Solar Farms Add Heliostat Arrays');
  // The facet shows as active and the other facets count within it.
  await expect(page.getByRole('button', { name: 'Filter by source Tech Herald 4 articles' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Filter by tag energy 1 article', exact: true })).toBeVisible();

  // A tag on top of it: two chips, both applied.
  await page.getByRole('button', { name: 'Filter by tag energy 1 article', exact: true }).click();
  await expect(chips.getByRole('listitem')).toHaveText(['source: Tech Herald', 'tag: energy']);
  await expectCount(page, 1);
  await screenshot(page, 'search-02-chips');

  await page.getByRole('button', { name: 'Remove source:"Tech Herald"' }).click();
  await expect(chips.getByRole('listitem')).toHaveText(['tag: energy']);
  await expectCount(page, 5);
  await page.getByRole('button', { name: 'Remove tag:energy' }).click();
  await expect(chips).toBeHidden();
  await expectCount(page, 12);
});

test('a query that does not parse shows where, and the list keeps the last good search', async ({ page }) => {
  await searchBox(page).fill('quantum');
  await expectCount(page, 1);
  await searchBox(page).fill('quantum tag:');
  const error = page.locator('#search-error');
  await expect(error).toContainText('tag: needs a value right after the colon');
  await expect(error.locator('.bad')).toHaveText('tag:');
  await expect(searchBox(page)).toHaveAttribute('aria-invalid', 'true');
  // Nothing ran: still the one result for "quantum".
  await page.waitForTimeout(400);
  await expectCount(page, 1);
  await screenshot(page, 'search-03-parse-error');
  await searchBox(page).fill('quantum tag:research');
  await expect(error).toBeHidden();
  await expectCount(page, 1);
});

test('no results suggests the filter to remove', async ({ page }) => {
  await searchBox(page).fill('heliostat source:"Policy Review"');
  const empty = page.getByRole('region', { name: 'No articles match this search' });
  await expect(empty).toBeVisible();
  await expect(resultCount(page)).toHaveText('0 articles');
  // Best first: dropping the word brings back all 4 from that source, dropping the source the 2 with the word.
  await expect(empty.getByRole('listitem')).toHaveText(['Remove heliostat shows 4', 'Remove source:"Policy Review" shows 2']);
  const suggestion = empty.getByRole('button', { name: 'Remove source:"Policy Review"' });
  await screenshot(page, 'search-04-no-results');
  await suggestion.click();
  await expectCount(page, 2);
});

test('sorting by title, oldest first and source reorders the list', async ({ page }) => {
  const sort = page.getByRole('combobox', { name: 'Sort by' });
  await expect(sort).toHaveValue('date-desc');
  expect((await rowTitles(page))[0]).toBe('Motorway Charging Stations Double in a Year');
  await sort.selectOption({ label: 'Title' });
  await expect.poll(async () => (await rowTitles(page))[0]).toBe('A Reading List for Quiet Evenings');
  const titles = await rowTitles(page);
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  await sort.selectOption({ label: 'Oldest first' });
  await expect.poll(async () => (await rowTitles(page))[0]).toBe('Desert Solar Farms Add Heliostat Arrays');
  // The choice is remembered.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('date-asc');
});

test('dragging across the timeline filters by those months', async ({ page }) => {
  const timeline = page.getByRole('slider', { name: /Timeline/ });
  // Mar 2025 … Sep 2025 is seven bars (April empty); drag from the 3rd (May) to the 5th (Jul).
  const bars = timeline.locator('.bar');
  await expect(bars).toHaveCount(7);
  const centre = async (i: number) => {
    const b = (await bars.nth(i).boundingBox())!;
    const strip = (await timeline.boundingBox())!;
    return { x: b.x + b.width / 2, y: strip.y + strip.height / 2 };
  };
  const from = await centre(2);
  const via = await centre(3);
  const to = await centre(4);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(via.x, via.y, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  await expect(searchBox(page)).toHaveValue('after:2025-05 before:2025-08');
  // May (3) + June (1) + July (3).
  await expectCount(page, 7);
  // The whole span stays in view with the chosen months highlighted, so the range can be redrawn.
  await expect(bars).toHaveCount(7);
  await expect(timeline.locator('.bar.kept')).toHaveCount(3);
  await screenshot(page, 'search-05-timeline');
  await page.getByRole('button', { name: 'Clear dates' }).click();
  await expectCount(page, 12);
});

test('statistics show articles per source and tag for the current query', async ({ page }) => {
  await page.getByRole('button', { name: 'Statistics' }).click();
  const stats = page.getByRole('region', { name: 'Statistics' });
  await expect(stats.getByRole('button', { name: 'Filter by source Green Energy Times 4 articles, 33%' })).toBeVisible();
  await expect(stats.getByRole('button', { name: 'Filter by tag energy 5 articles, 42%' })).toBeVisible();
  await searchBox(page).fill('source:"Tech Herald"');
  await expect(stats.getByRole('button', { name: 'Filter by tag energy 1 article, 25%' })).toBeVisible();
  await screenshot(page, 'search-06-statistics');
});
