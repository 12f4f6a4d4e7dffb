import { expect, test } from '@playwright/test';
import { articleList, expectCount, openApp, preview, readingPane, screenshot, searchBox } from './helpers/app';
import { useGleaner } from './helpers/server';

const gleaner = useGleaner({ seed: true });

const selectedOption = (page: import('@playwright/test').Page) => articleList(page).locator('[role="option"][aria-selected="true"]');

test('j/k move through the list and Enter opens the selected article', async ({ page }) => {
  await openApp(page, gleaner.server);
  await expectCount(page, 12);
  await page.keyboard.press('j');
  await expect(selectedOption(page)).toHaveAccessibleName('Motorway Charging Stations Double in a Year');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(selectedOption(page)).toHaveAccessibleName('Field Notes from a Solar Cooperative');
  await page.keyboard.press('k');
  await expect(selectedOption(page)).toHaveAccessibleName('Offshore Wind Auction Sets a Record Low Price');
  await expect(selectedOption(page)).toHaveCount(1);

  // Enter from the list itself: focus the list, then open.
  await articleList(page).focus();
  await expect(articleList(page)).toHaveAttribute('aria-activedescendant', /article-option-1$/);
  await page.keyboard.press('Enter');
  await expect(readingPane(page).getByRole('heading', { level: 1 })).toHaveText('Offshore Wind Auction Sets a Record Low Price');
  await expect(preview(page).getByText('Developers bid record low prices')).toBeVisible();

  // Arrow keys work inside the focused list too, and Space opens.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(readingPane(page).getByRole('heading', { level: 1 })).toHaveText('Field Notes from a Solar Cooperative');
  await expect(preview(page).getByText('The cooperative has')).toBeVisible();
  await screenshot(page, 'keyboard-01-list-focus');

  // End jumps to the last row (scrolling it into view) and Home back to the first.
  await page.keyboard.press('End');
  await expect(selectedOption(page)).toHaveAccessibleName('Desert Solar Farms Add Heliostat Arrays');
  await expect(selectedOption(page)).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(selectedOption(page)).toHaveAccessibleName('Motorway Charging Stations Double in a Year');
});

test('/ focuses the search, Escape clears it, ? shows the shortcuts', async ({ page }) => {
  await openApp(page, gleaner.server);
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('quantum');
  await expectCount(page, 1);
  // Letters typed into the box are text, not shortcuts.
  await expect(searchBox(page)).toHaveValue('quantum');
  // ↓ goes on to the results, selecting the first.
  await page.keyboard.press('ArrowDown');
  await expect(articleList(page)).toBeFocused();
  await expect(selectedOption(page)).toHaveAccessibleName('Quantum Network Links Two Universities');
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await expectCount(page, 12);

  await searchBox(page).blur();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Next article/ })).toBeVisible();
  await screenshot(page, 'keyboard-02-shortcuts');
  // While a dialog is open, j does not move the list behind it.
  const before = await selectedOption(page).count();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(selectedOption(page)).toHaveCount(before);
  if (before === 1) await expect(selectedOption(page)).toHaveAccessibleName('Quantum Network Links Two Universities');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('o opens the original of the open article in a new tab', async ({ page, context }) => {
  await context.route(/^https:\/\/news\.example\.com\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Original</title>' }),
  );
  await openApp(page, gleaner.server);
  await articleList(page).getByRole('option', { name: 'Quantum Network Links Two Universities' }).click();
  await expect(readingPane(page).getByRole('heading', { level: 1 })).toHaveText('Quantum Network Links Two Universities');
  const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('o')]);
  await expect(popup).toHaveURL('https://news.example.com/202507/1008-quantum-network/');
  // noopener: the new tab cannot reach back into the library.
  expect(await popup.evaluate(() => window.opener)).toBeNull();
  await popup.close();
});

test('focus is always visible when moving with Tab', async ({ page }) => {
  await openApp(page, gleaner.server);
  await articleList(page).getByRole('option').first().click();
  await expect(page.getByRole('button', { name: 'Filter by source Tech Herald 4 articles' })).toBeVisible();
  // Start from the very first control, as after loading the page.
  await page.getByRole('button', { name: 'Open folder…' }).focus();
  await page.keyboard.press('Shift+Tab');
  const seen = new Set<string>();
  // Every stop of the Tab order, from the first control to the last (then focus leaves the page).
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      if (el === document.body) return null;
      const style = getComputedStyle(el);
      // A splitter is a hairline: it shows focus by colouring its line (a pseudo-element).
      const line = getComputedStyle(el, '::after').backgroundColor;
      const name = el.getAttribute('aria-label') ?? el.textContent ?? el.tagName;
      return {
        name: name + ' <' + el.tagName + ' ' + el.className + '>',
        shown: style.boxShadow !== 'none' || style.outlineStyle !== 'none' || (el.role === 'separator' && line !== 'rgba(0, 0, 0, 0)'),
      };
    });
    if (!ring) break;
    expect(ring.shown, `focus ring on Tab #${i + 1}: ${ring.name.slice(0, 80)}`).toBe(true);
    seen.add(ring.name);
  }
  // The walk reached the list, the reading pane's link and the window tools.
  expect([...seen].join('\n')).toMatch(/Articles <DIV list-scroll>/);
  expect([...seen].join('\n')).toMatch(/Open original/);
  expect([...seen].join('\n')).toMatch(/Keyboard shortcuts/);
});
