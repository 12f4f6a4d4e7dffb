import { expect, test, type Page } from '@playwright/test';
import { articleList, expectCount, openApp, readingPane, screenshot, searchBox, seriousViolations } from './helpers/app';
import { useGleaner } from './helpers/server';

const gleaner = useGleaner({ seed: true });

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

test('the theme follows the system until switched, and the switch is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, gleaner.server);
  expect(await theme(page)).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => theme(page)).toBe('light');

  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await theme(page)).toBe('dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(28, 29, 32)');
  // The article frame follows the app's theme, not only the system's.
  await articleList(page).getByRole('option', { name: 'Quantum Network Links Two Universities' }).click();
  await expect(page.locator('iframe[title="Article preview"]')).toHaveAttribute('srcdoc', /color-scheme: dark/);
  await screenshot(page, 'theme-01-dark');

  await page.reload();
  await expect.poll(() => theme(page)).toBe('dark');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical accessibility violations (${scheme})`, async ({ page }) => {
    // Six full-page scans: more than the default budget on a busy machine.
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page, gleaner.server);
    expect(await theme(page)).toBe(scheme);

    // The main screen with an article open and a search with chips.
    await searchBox(page).fill('energy tag:energy');
    await expectCount(page, 4);
    await articleList(page).getByRole('option').first().click();
    await expect(readingPane(page).getByRole('heading', { level: 1 })).toBeVisible();
    await screenshot(page, `a11y-${scheme}-01-main`);
    expect(await seriousViolations(page)).toEqual([]);

    // A selected row with matched words, while the list has focus (the strongest selection colour).
    await searchBox(page).fill('record');
    await articleList(page).locator('[role="option"]:has(mark)').first().click();
    await articleList(page).focus();
    await expect(articleList(page)).toBeFocused();
    await expect(articleList(page).locator('[role="option"][aria-selected="true"] mark').first()).toBeVisible();
    await screenshot(page, `a11y-${scheme}-01-selected-match`);
    expect(await seriousViolations(page)).toEqual([]);

    // A parse error.
    await searchBox(page).fill('energy tag:');
    await expect(page.locator('#search-error')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // No results, with suggestions.
    await searchBox(page).fill('heliostat source:"Policy Review"');
    await expect(page.getByRole('region', { name: 'No articles match this search' }).getByRole('listitem').first()).toBeVisible();
    await screenshot(page, `a11y-${scheme}-02-no-results`);
    expect(await seriousViolations(page)).toEqual([]);

    // Statistics.
    await searchBox(page).fill('');
    await page.getByRole('button', { name: 'Statistics' }).click();
    await expect(page.getByRole('region', { name: 'Statistics' }).getByRole('listitem').first()).toBeVisible();
    await screenshot(page, `a11y-${scheme}-03-statistics`);
    expect(await seriousViolations(page)).toEqual([]);

    // The shortcuts dialog.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
