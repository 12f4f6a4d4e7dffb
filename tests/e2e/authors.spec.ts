import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { articleList, expectCount, openApp, readingPane, screenshot, searchBox, seriousViolations } from './helpers/app';
import { ROOT, useGleaner } from './helpers/server';

// Authors, languages, reading time and a folder's source, on a small folder made for them:
// three authors on one article, a German file named `*.de.md`, and articles without a source.
const gleaner = useGleaner({ folder: join(ROOT, 'tests', 'fixtures', 'e2e', 'field-journal') });

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const section = (page: Page, name: string) => sidebar(page).getByRole('region', { name });
const row = (page: Page, title: string) => articleList(page).getByRole('option', { name: title, exact: true });

test('the Authors facet counts articles per author, and a click filters the list', async ({ page }) => {
  await openApp(page, gleaner.server);
  await expectCount(page, 4);
  const authors = section(page, 'Authors');
  await expect(authors.getByRole('button', { name: 'Filter by author Grace Hopper 2 articles' })).toBeVisible();
  await expect(authors.getByRole('button', { name: 'Filter by author Ada Lovelace 2 articles' })).toBeVisible();
  await expect(authors.getByRole('button', { name: 'Filter by author Alan Turing 1 article' })).toBeVisible();

  // A row names its first author and how many more.
  await expect(row(page, 'A Long Read on Tidal Power').locator('.row-authors')).toHaveText('Ada Lovelace +2');

  await authors.getByRole('button', { name: /^Filter by author Grace Hopper\b/ }).click();
  await expect(searchBox(page)).toHaveValue('author:"Grace Hopper"');
  await expectCount(page, 2);
  await expect(row(page, 'A Long Read on Tidal Power')).toBeVisible();
  await expect(row(page, 'Gezeitenkraftwerk geht ans Netz')).toBeVisible();
  await expect(authors.getByRole('button', { name: /^Filter by author Grace Hopper\b/ })).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'authors-01-facet');
  expect(await seriousViolations(page)).toEqual([]);

  // Clicking again takes the filter out.
  await authors.getByRole('button', { name: /^Filter by author Grace Hopper\b/ }).click();
  await expect(searchBox(page)).toHaveValue('');
  await expectCount(page, 4);
});

test('the Languages facet shows language names and filters by code', async ({ page }) => {
  await openApp(page, gleaner.server);
  const languages = section(page, 'Languages');
  await expect(languages.getByRole('button', { name: 'Filter by language German 1 article' })).toBeVisible();
  await expect(languages.getByRole('button', { name: 'Filter by language French 1 article' })).toBeVisible();
  await languages.getByRole('button', { name: /^Filter by language German\b/ }).click();
  await expect(searchBox(page)).toHaveValue('lang:de');
  // The filter's chip names the language; the code stays what was typed.
  await expect(page.getByRole('list', { name: 'Search filters' })).toContainText('lang: German');
  await expectCount(page, 1);
  await expect(row(page, 'Gezeitenkraftwerk geht ans Netz')).toBeVisible();
});

test('the reading header shows authors, source, reading time and language', async ({ page }) => {
  await openApp(page, gleaner.server);
  const pane = readingPane(page);
  await row(page, 'A Long Read on Tidal Power').click();
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText('A Long Read on Tidal Power');
  await expect(pane.getByText('By Ada Lovelace, Grace Hopper, and Alan Turing', { exact: true })).toBeVisible();
  // 745 words at 230 a minute.
  await expect(pane.getByText('4 min read', { exact: true })).toBeVisible();
  // No source in the file: the folder's name stands in.
  await expect(pane.locator('.article-source')).toHaveText('field-journal');
  await expect(pane.getByRole('list', { name: 'Tags' })).toContainText('tides');

  await row(page, 'Gezeitenkraftwerk geht ans Netz').click();
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText('Gezeitenkraftwerk geht ans Netz');
  await expect(pane.getByText('By Grace Hopper', { exact: true })).toBeVisible();
  await expect(pane.getByText('German', { exact: true })).toBeVisible();
  await expect(pane.getByText('1 min read', { exact: true })).toBeVisible();
  await expect(pane.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'de');
  await screenshot(page, 'authors-02-header');
  // The new header, rows and facets, in both themes.
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a row without a summary shows the first words of the body; one with no text at all is short', async ({ page }) => {
  await openApp(page, gleaner.server);
  await expect(row(page, 'Gezeitenkraftwerk geht ans Netz').locator('.row-summary')).toHaveText(
    /^Das neue Gezeitenkraftwerk an der Flussmündung liefert/,
  );
  await expect(row(page, 'Notes from the Harbour Board').locator('.row-summary')).toHaveText(
    'The board approved a second berth for the cable-laying ship.',
  );
  const titleOnly = row(page, 'A Title and Nothing Else');
  await expect(titleOnly.locator('.row-summary')).toHaveCount(0);
  const short = (await titleOnly.boundingBox())!.height;
  const full = (await row(page, 'Notes from the Harbour Board').boundingBox())!.height;
  expect(short).toBeLessThan(full * 0.7);
  // The rows below it move up: nothing overlaps and nothing is left as a gap.
  const boxes = await articleList(page)
    .getByRole('option')
    .evaluateAll((els) =>
      els
        .map((el) => el.getBoundingClientRect())
        .sort((a, b) => a.top - b.top)
        .map((r) => [Math.round(r.top), Math.round(r.bottom)]),
    );
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]![0]).toBe(boxes[i - 1]![1]);
});

test("a folder's source is renamed from its Sources entry and the new name shows everywhere", async ({ page }) => {
  await openApp(page, gleaner.server);
  const sources = section(page, 'Sources');
  const entry = sources.getByRole('button', { name: /^Filter by source field-journal\b/ });
  await expect(entry).toHaveAccessibleName('Filter by source field-journal 2 articles');
  // Harbour Gazette comes from the files themselves: nothing to rename there.
  await expect(sources.getByRole('button', { name: 'More for Harbour Gazette' })).toHaveCount(0);

  await entry.hover();
  await sources.getByRole('button', { name: 'More for field-journal' }).click();
  const menu = page.getByRole('dialog', { name: 'Source field-journal' });
  const field = menu.getByRole('textbox', { name: 'New name for the source field-journal' });
  await expect(field).toBeFocused();
  await field.fill('The Field Journal');
  await menu.getByRole('button', { name: 'Rename' }).click();
  await expect(menu).toBeHidden();

  await expect(sources.getByRole('button', { name: 'Filter by source The Field Journal 2 articles' })).toBeVisible();
  await expect(sources.getByRole('button', { name: /^Filter by source field-journal\b/ })).toHaveCount(0);
  await row(page, 'A Long Read on Tidal Power').click();
  await expect(readingPane(page).locator('.article-source')).toHaveText('The Field Journal');
  await expect(row(page, 'A Long Read on Tidal Power').locator('.row-source')).toHaveText('The Field Journal');
  await screenshot(page, 'authors-03-renamed-source');

  // And back to the name Gleaner gave it.
  await sources.getByRole('button', { name: /^Filter by source The Field Journal\b/ }).hover();
  await sources.getByRole('button', { name: 'More for The Field Journal' }).click();
  await page.getByRole('dialog', { name: 'Source The Field Journal' }).getByRole('button', { name: 'Use the folder’s own name again' }).click();
  await expect(sources.getByRole('button', { name: 'Filter by source field-journal 2 articles' })).toBeVisible();
});

test('the statistics view counts articles per author and per language', async ({ page }) => {
  await openApp(page, gleaner.server);
  await page.getByRole('button', { name: 'Statistics' }).click();
  const stats = page.getByRole('region', { name: 'Statistics' });
  await expect(stats.getByText('The library: 4 articles from 2 sources, by 3 authors, in 2 languages.')).toBeVisible();
  const perAuthor = stats.getByRole('region', { name: 'Articles per author' });
  await expect(perAuthor.getByRole('listitem')).toHaveCount(3);
  await expect(perAuthor.getByRole('button', { name: /^Filter by author Grace Hopper 2 articles/ })).toBeVisible();
  const perLanguage = stats.getByRole('region', { name: 'Articles per language' });
  await expect(perLanguage.getByRole('button', { name: /^Filter by language German 1 article/ })).toBeVisible();
  await perLanguage.getByRole('button', { name: /^Filter by language French\b/ }).click();
  await expect(searchBox(page)).toHaveValue('lang:fr');
  await expectCount(page, 1);
});
