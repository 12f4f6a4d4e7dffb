/** What the specs look at, named the way a person would: roles and accessible names. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { GleanerServer } from './server';

export async function openApp(page: Page, server: GleanerServer): Promise<void> {
  await page.goto(server.url);
  // The first search has answered once the count shows a number.
  await expect(resultCount(page).or(page.getByRole('heading', { name: 'Your library is empty' }))).toBeVisible();
}

export const resultCount = (page: Page) => page.getByTestId('result-count');
export const articleList = (page: Page) => page.getByRole('listbox', { name: 'Articles' });
export const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search articles' });
export const preview = (page: Page) => page.frameLocator('iframe[title="Article preview"]');
export const readingPane = (page: Page) => page.getByRole('region', { name: 'Reading pane' });

/** "12 articles", "1 article". */
export async function expectCount(page: Page, n: number, timeout?: number): Promise<void> {
  await expect(resultCount(page)).toHaveText(new RegExp(`^${n.toLocaleString('en-US')} articles?$`), { timeout });
}

/**
 * The visible row titles, top to bottom (only rows on screen exist: the list is virtualized).
 * Waits for the first row: the count can show before the rows are painted, and an empty
 * answer would make a later `getByRole('option', { name: undefined })` match every row.
 */
export async function rowTitles(page: Page): Promise<string[]> {
  await expect(articleList(page).locator('[role="option"] .row-title').first()).toBeVisible();
  return articleList(page).locator('[role="option"] .row-title').allInnerTexts();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/${name}.png` });
}

/** axe-core over the page; returns the serious and critical violations, described for a failure message. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Legacy mode: the default mode waits forever on the preview frame, which (by design)
  // cannot run scripts. The frame holds the article's own HTML, not the app's UI.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n  ')}`);
}
