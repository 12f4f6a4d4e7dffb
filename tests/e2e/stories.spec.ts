import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { articleList, expectCount, openApp, readingPane, searchBox, seriousViolations } from './helpers/app';
import { ROOT, useGleaner } from './helpers/server';

// Stories: two press releases republished by other outlets (their own headers, footers, title
// styles, one changed word, a dropped paragraph) among unrelated articles of the same outlets.
const gleaner = useGleaner({ folder: join(ROOT, 'tests', 'fixtures', 'stories') });

const TIDAL = 'Harbor City Opens Tidal Energy Pilot';
const toggle = (page: Page) => page.getByRole('button', { name: 'One per story' });
const row = (page: Page, title: string) => articleList(page).getByRole('option', { name: title, exact: true });
const copies = (page: Page) => readingPane(page).getByRole('region', { name: 'Copies' });
const toast = (page: Page) => page.locator('.toast-region[role="status"]');
const bulkBar = (page: Page) => page.getByRole('toolbar', { name: 'Selected articles' });

/** Saves a screenshot for a person to look at, outside the repository. */
const look = (page: Page, name: string) => page.screenshot({ path: join(process.env.STORY_SHOTS ?? 'test-results', `${name}.png`) });

test('"One per story" folds copies into their first article; "2 copies" opens the Copies list and the diff shows the changed word', async ({
  page,
}) => {
  test.setTimeout(90_000); // many steps, two themes and two accessibility scans on a shared machine
  await openApp(page, gleaner.server);
  await expectCount(page, 11);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');

  // Keyboard reachable: focus it and press Space.
  await toggle(page).focus();
  await page.keyboard.press('Space');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  // Two stories of three articles each become two rows: 11 - 4.
  await expectCount(page, 7);
  await expect(row(page, 'PRESS RELEASE: Harbor City Opens Tidal Energy Pilot')).toHaveCount(0);
  const tidal = row(page, TIDAL);
  await expect(tidal).toContainText('2 copies');
  // The sources the copies came from, compactly.
  await expect(tidal.locator('.copies-sources')).toHaveText('Coastal Daily, Metro Ledger');
  await expect(row(page, 'Winter Ferry Schedule Cuts Evening Crossings')).not.toContainText('cop');
  await look(page, 'stories-list-light');

  // The setting is kept across a reload, like the other view settings.
  await page.reload();
  await expectCount(page, 7);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');

  await row(page, TIDAL).getByText('2 copies').click();
  const panel = copies(page);
  await expect(panel.getByRole('button', { name: /copies of this story/ })).toHaveAttribute('aria-expanded', 'true');
  const members = panel.getByRole('listitem');
  await expect(members).toHaveCount(2);
  await expect(members.nth(0)).toContainText('Coastal Daily');
  await expect(members.nth(1)).toContainText('Metro Ledger');

  await panel.getByRole('button', { name: /Coastal Daily/ }).click();
  // The comparison takes the article's place in the reading pane.
  const compare = readingPane(page).getByRole('region', { name: 'Changes in Coastal Daily' });
  const diff = compare.getByTestId('story-diff');
  await expect(diff.locator('del')).toHaveText(['six']);
  await expect(diff.locator('ins')).toHaveText(['eight']);
  // The outlet's header is set apart and collapsed, not part of the diff.
  await expect(diff).not.toContainText('PORTSMOUTH');
  const header = compare.locator('details.story-outlet', { hasText: 'Outlet header' });
  await expect(header.getByText(/PORTSMOUTH/)).toBeHidden();
  await header.getByText('Outlet header').click();
  await expect(header.getByText(/PORTSMOUTH/)).toBeVisible();
  await look(page, 'stories-diff-light');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await look(page, 'stories-diff-dark');
  expect(await seriousViolations(page)).toEqual([]);
});

test('-is:copy in the query shows one per story, and the toggle says so; turning it off takes the filter out', async ({ page }) => {
  await openApp(page, gleaner.server);
  await searchBox(page).fill('-is:copy');
  await expectCount(page, 7);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await toggle(page).click();
  await expect(searchBox(page)).toHaveValue('');
  await expectCount(page, 11);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
});

test('"Not a copy of this story" splits an article out, and Undo puts it back', async ({ page }) => {
  await openApp(page, gleaner.server);
  await expectCount(page, 11);
  const copy = row(page, 'PRESS RELEASE: Harbor City Opens Tidal Energy Pilot');
  await expect(copy).toContainText('2 copies');
  await copy.getByText('2 copies').click();
  await copies(page).getByRole('button', { name: 'Not a copy of this story' }).click();
  await expect(toast(page)).toContainText('Split');
  await expect(copy).not.toContainText('copies');
  await expect(row(page, TIDAL)).toContainText('1 copy');
  await expect(copies(page)).toHaveCount(0);

  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(copy).toContainText('2 copies');
  await expect(row(page, TIDAL)).toContainText('2 copies');
});

test('"Same story" merges two picked articles; "Include copies" adds a story\'s copies to the selection', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page, gleaner.server);
  await expectCount(page, 11);
  await row(page, 'Winter Ferry Schedule Cuts Evening Crossings').click();
  await row(page, 'Council Debates Tolls on the East River Bridge').click({ modifiers: ['Control'] });
  await expect(bulkBar(page)).toContainText('2 articles selected');
  await bulkBar(page).getByRole('button', { name: 'Same story' }).click();
  await expect(toast(page)).toContainText('Merge');
  await expect(row(page, 'Winter Ferry Schedule Cuts Evening Crossings')).toContainText('1 copy');
  // The keyboard's undo (the toast may have gone by now).
  await articleList(page).focus();
  await page.keyboard.press('Control+z');
  await expect(row(page, 'Winter Ferry Schedule Cuts Evening Crossings')).not.toContainText('copy');

  await page.keyboard.press('Escape');
  await toggle(page).click();
  await expectCount(page, 7);
  await row(page, TIDAL).click();
  await row(page, 'Riverside Libraries Open Their Local History Archive').click({ modifiers: ['Control'] });
  await expect(bulkBar(page)).toContainText('2 articles selected');
  await bulkBar(page).getByRole('button', { name: 'Include copies' }).click();
  await expect(bulkBar(page)).toContainText('6 articles selected');
});
