import { expect, test, type Page } from '@playwright/test';
import { articleList, expectCount, openApp, preview, readingPane, screenshot, searchBox } from './helpers/app';
import { useGleaner } from './helpers/server';

const gleaner = useGleaner({ seed: true });

const SOLAR = 'Desert Solar Farms Add Heliostat Arrays';
const SENTENCE = 'Operators say molten-salt storage lets the plants deliver power for six hours after sunset.';

/** Selects the first occurrence of `text` in the article frame, from the app's side (the frame runs no script). */
async function selectInFrame(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Article preview"]');
    const doc = frame?.contentDocument;
    if (!doc) throw new Error('the article frame has no readable document');
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = doc.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      doc.getSelection()!.removeAllRanges();
      doc.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in one text node of the article`);
  }, text);
}

async function openArticle(page: Page, title: string): Promise<void> {
  await articleList(page).getByRole('option', { name: title }).click();
  await expect(readingPane(page).getByRole('heading', { level: 1 })).toHaveText(title);
}

const panel = (page: Page) => page.getByRole('complementary', { name: 'Highlights in this article' });

test('a sentence highlighted with h and annotated stays after a reload; the Highlights view and has:highlights find it; undo takes it away', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page, gleaner.server);
  await openArticle(page, SOLAR);
  await expect(preview(page).getByText(SENTENCE)).toBeVisible();

  // The focus in the frame (a click there), then the sentence selected, then h typed in the frame.
  await preview(page).getByText(SENTENCE).click();
  await selectInFrame(page, SENTENCE);
  await expect(readingPane(page).getByRole('button', { name: 'Highlight', exact: true })).toBeVisible();
  await page.keyboard.press('h');

  // The passage is marked in the frame and listed, its note field ready.
  await expect(preview(page).locator('mark.gleaner-hl')).toHaveText(SENTENCE);
  const note = panel(page).getByRole('textbox', { name: 'Note on the highlight' });
  await expect(note).toBeFocused();
  await note.fill('Six hours of storage: check against the grid report.');
  await panel(page).getByRole('button', { name: 'Save note' }).click();
  await expect(panel(page).getByText('Six hours of storage: check against the grid report.')).toBeVisible();

  await page.reload();
  await expect(searchBox(page)).toBeVisible();
  await openArticle(page, SOLAR);
  const mark = preview(page).locator('mark.gleaner-hl-yellow');
  await expect(mark).toHaveText(SENTENCE);
  await expect(mark).toHaveAttribute('data-highlight-id', /^\d+$/);
  await expect(panel(page).getByRole('button', { name: new RegExp(`^${SENTENCE.slice(0, 30)}`) })).toBeVisible();
  await expect(panel(page).getByText('Six hours of storage: check against the grid report.')).toBeVisible();

  // Across the library: the view lists it with its article, and opens the article at the passage.
  await openArticle(page, 'Grid Batteries Pass a Winter Stress Test');
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Highlights' }).click();
  const view = page.getByRole('region', { name: 'Highlights' });
  await expect(view.getByText('1 highlight')).toBeVisible();
  const entry = view.getByRole('button', { name: new RegExp(SOLAR) });
  await expect(entry).toContainText(SENTENCE);
  await expect(entry).toContainText('Green Energy Times');
  await expect(entry).toContainText('Six hours of storage');
  await entry.click();
  await expect(readingPane(page).getByRole('heading', { level: 1 })).toHaveText(SOLAR);
  await expect(preview(page).locator('mark.gleaner-hl-flash')).toHaveText(SENTENCE);

  // The query syntax finds the article by its highlights and by their words.
  await searchBox(page).fill('has:highlights');
  await expectCount(page, 1);
  await expect(articleList(page).getByRole('option', { name: SOLAR })).toBeVisible();
  await searchBox(page).fill('highlight:storage');
  await expectCount(page, 1);

  // Two changes, two undo steps: the note, then the highlight itself.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await expect(panel(page).getByText('Six hours of storage: check against the grid report.')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(preview(page).locator('mark.gleaner-hl')).toHaveCount(0);
  await expect(panel(page).getByRole('listitem')).toHaveCount(0);
  await searchBox(page).fill('has:highlights');
  await expectCount(page, 0);
});

test('the Highlight button, five colours in both themes, a list beside the article that recolours and deletes', async ({ page }) => {
  test.setTimeout(90_000); // four highlights, two themes, four screenshots on a shared machine
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, gleaner.server);
  await openArticle(page, SOLAR);
  const passages = [
    'Three utility-scale plants announced new',
    'mirrors that track the sun',
    'Operators say molten-salt storage',
    'deliver power for six hours',
  ];
  for (const passage of passages) {
    await preview(page).getByText(SENTENCE).click();
    await selectInFrame(page, passage);
    await readingPane(page).getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect(preview(page).locator('mark.gleaner-hl', { hasText: passage })).toHaveCount(1);
    await panel(page).getByRole('button', { name: 'Cancel' }).click();
  }
  const items = panel(page).getByRole('listitem');
  await expect(items).toHaveCount(4);
  // In reading order, each recoloured by its swatches (one undo step each).
  const colors = ['Green', 'Blue', 'Pink', 'Purple'];
  for (const [i, color] of colors.entries()) {
    await items.nth(i).getByRole('button', { name: color }).click();
    await expect(items.nth(i).getByRole('button', { name: color })).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(preview(page).locator('mark.gleaner-hl-purple')).toHaveText('deliver power for six hours');
  const light = await preview(page)
    .locator('mark.gleaner-hl-green')
    .first()
    .evaluate((m) => getComputedStyle(m).backgroundColor);
  expect(light).toBe('rgb(195, 235, 196)');
  await screenshot(page, 'highlights-light');

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(preview(page).locator('mark.gleaner-hl-green').first()).toHaveCSS('background-color', 'rgb(31, 75, 44)');
  await screenshot(page, 'highlights-dark');

  // Delete from the keyboard: focus the passage in the list, press Delete.
  await items
    .nth(0)
    .getByRole('button', { name: /^Three utility-scale/ })
    .focus();
  await page.keyboard.press('Delete');
  await expect(items).toHaveCount(3);
  await expect(preview(page).locator('mark.gleaner-hl-green')).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Highlights' }).click();
  await expect(page.getByRole('region', { name: 'Highlights' }).getByRole('listitem')).toHaveCount(3);
  await screenshot(page, 'highlights-view-dark');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await screenshot(page, 'highlights-view-light');
});
