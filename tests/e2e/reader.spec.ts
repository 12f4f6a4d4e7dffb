import { expect, test } from '@playwright/test';
import { articleList, openApp, preview, readingPane, screenshot } from './helpers/app';
import { recordedPage } from './helpers/egress';
import { useGleaner } from './helpers/server';

const gleaner = useGleaner({ seed: true });

test('opening an article shows its header and its body in the sandboxed preview', async ({ page }) => {
  await openApp(page, gleaner.server);
  await articleList(page).getByRole('option', { name: 'Desert Solar Farms Add Heliostat Arrays' }).click();
  const pane = readingPane(page);
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText('Desert Solar Farms Add Heliostat Arrays');
  await expect(pane.getByText('Green Energy Times', { exact: true })).toBeVisible();
  await expect(pane.getByText('Utility-scale plants in the desert are adding heliostat fields')).toBeVisible();
  await expect(preview(page).getByText('Operators say molten-salt storage lets the plants deliver power')).toBeVisible();

  // The frame runs no script. It is same-origin only so the app can read its selection and draw highlights.
  const frame = page.locator('iframe[title="Article preview"]');
  // Top navigation only on a click, for links to other articles (a fragment of the app's page).
  await expect(frame).toHaveAttribute(
    'sandbox',
    'allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation',
  );
  const srcdoc = (await frame.getAttribute('srcdoc'))!;
  // Images only inline or from the app's route for the article's own pictures.
  expect(srcdoc).toContain(`default-src 'none'; img-src data: ${gleaner.server.origin}/article-images/;`);

  // The original opens outside the app, with no opener and no referrer.
  const original = pane.getByRole('link', { name: 'Open original' });
  await expect(original).toHaveAttribute('href', 'https://news.example.com/202503/1001-solar-farms/');
  await expect(original).toHaveAttribute('target', '_blank');
  await expect(original).toHaveAttribute('rel', 'noopener noreferrer');

  // The remote image in the body and the enclosure are held back until asked for.
  await expect(pane.getByRole('status')).toContainText('2 remote items blocked');
  await expect(pane.getByText('Image from cdn.example.com not loaded')).toBeVisible();
  await expect(preview(page).locator('.gleaner-blocked')).toHaveAttribute('data-blocked-url', 'https://cdn.example.com/images/heliostat.jpg');
  await screenshot(page, 'reader-01-article');
});

test('opening articles makes no request outside the app', async ({ browser }) => {
  // Off-machine requests from any frame reach the recording proxy: Playwright's request
  // events miss the sandboxed article frame's own (see helpers/egress.ts).
  const { page, egress, close } = await recordedPage(browser);
  try {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await openApp(page, gleaner.server);
    const options = articleList(page).getByRole('option');
    const count = await options.count();
    expect(count).toBeGreaterThanOrEqual(8);
    for (let i = 0; i < count; i++) {
      const option = options.nth(i);
      const title = await option.locator('.row-title').innerText();
      await option.click();
      await expect(readingPane(page).getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(preview(page).locator('body')).not.toBeEmpty();
    }
    expect(requests.length).toBeGreaterThan(count); // the app's own API calls were seen
    const outside = requests.filter((url) => !url.startsWith(gleaner.server.origin + '/') && !url.startsWith('data:') && !url.startsWith('about:'));
    expect(outside).toEqual([]);
    // The seed's bodies name remote images (cdn.example.com): blocked, so none reached the proxy.
    expect(egress.attempts).toEqual([]);
  } finally {
    await close();
  }
});

test('"Load remote images" allows them for this article only', async ({ page }) => {
  // Offline test machine: answer image requests locally instead of waiting for DNS.
  const remote: string[] = [];
  await page.route(/^https:\/\/cdn\.example\.com\//, (route) => {
    remote.push(route.request().url());
    return route.fulfill({ status: 404, body: '' });
  });
  await openApp(page, gleaner.server);
  await articleList(page).getByRole('option', { name: 'Desert Solar Farms Add Heliostat Arrays' }).click();
  const pane = readingPane(page);
  await pane.getByRole('button', { name: 'Load remote images' }).click();
  await expect(pane.getByRole('button', { name: 'Load remote images' })).toBeHidden();
  const frame = page.locator('iframe[title="Article preview"]');
  await expect(frame).toHaveAttribute('srcdoc', /img-src data: \S+\/article-images\/ https:;/);
  await expect(preview(page).locator('img[alt="Heliostat field at dawn"]')).toHaveAttribute('src', 'https://cdn.example.com/images/heliostat.jpg');
  await expect.poll(() => remote.sort()).toEqual(['https://cdn.example.com/images/1001.png', 'https://cdn.example.com/images/heliostat.jpg']);

  // The next article starts blocked again.
  await articleList(page).getByRole('option', { name: 'Grid Batteries Pass a Winter Stress Test' }).click();
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText('Grid Batteries Pass a Winter Stress Test');
  await expect(pane.getByRole('button', { name: 'Load remote images' })).toBeVisible();
  await expect(frame).toHaveAttribute('srcdoc', /img-src data: \S+\/article-images\/;/);
});

test('text size and line width are adjustable and remembered', async ({ page }) => {
  await openApp(page, gleaner.server);
  await articleList(page).getByRole('option', { name: 'Quantum Network Links Two Universities' }).click();
  const frame = page.locator('iframe[title="Article preview"]');
  await expect(frame).toHaveAttribute('srcdoc', /font: 17px\/1\.65/);
  await page.getByRole('button', { name: 'Reading settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Reading settings' });
  await settings.getByRole('button', { name: 'Larger text' }).click();
  await settings.getByRole('button', { name: 'Larger text' }).click();
  await settings.getByRole('button', { name: 'Wide' }).click();
  await expect(frame).toHaveAttribute('srcdoc', /font: 20px\/1\.65/);
  await expect(frame).toHaveAttribute('srcdoc', /max-width: 84ch/);
  await screenshot(page, 'reader-02-settings');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await page.reload();
  await articleList(page).getByRole('option', { name: 'Quantum Network Links Two Universities' }).click();
  await expect(frame).toHaveAttribute('srcdoc', /font: 20px\/1\.65/);
  await expect(frame).toHaveAttribute('srcdoc', /max-width: 84ch/);
});

test('"Always for this source" loads remote images for every article of that source until taken back', async ({ page }) => {
  await page.route(/^https:\/\/cdn\.example\.com\//, (route) => route.fulfill({ status: 404, body: '' }));
  await openApp(page, gleaner.server);
  const pane = readingPane(page);
  const frame = page.locator('iframe[title="Article preview"]');
  await articleList(page).getByRole('option', { name: 'Desert Solar Farms Add Heliostat Arrays' }).click();
  await pane.getByRole('button', { name: 'Always for Green Energy Times' }).click();
  await expect(pane.getByText('Remote images always load for Green Energy Times.')).toBeVisible();
  await expect(frame).toHaveAttribute('srcdoc', /img-src data: \S+\/article-images\/ https:;/);

  // Another article of the same source: allowed without asking; another source: still blocked.
  await articleList(page).getByRole('option', { name: 'Grid Batteries Pass a Winter Stress Test' }).click();
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText('Grid Batteries Pass a Winter Stress Test');
  await expect(frame).toHaveAttribute('srcdoc', /img-src data: \S+\/article-images\/ https:;/);
  await expect(pane.getByRole('button', { name: 'Load remote images' })).toBeHidden();
  await articleList(page).getByRole('option', { name: 'Quantum Network Links Two Universities' }).click();
  await expect(pane.getByRole('button', { name: 'Load remote images' })).toBeVisible();
  await expect(frame).toHaveAttribute('srcdoc', /img-src data: \S+\/article-images\/;/);

  // Taking it back.
  await articleList(page).getByRole('option', { name: 'Grid Batteries Pass a Winter Stress Test' }).click();
  await pane.getByRole('button', { name: 'Stop loading them' }).click();
  await expect(pane.getByRole('button', { name: 'Load remote images' })).toBeVisible();
  await expect(frame).toHaveAttribute('srcdoc', /img-src data: \S+\/article-images\/;/);
});

test('the article starts in the top third of the pane at 1400×900, under one toolbar row', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, gleaner.server);
  // The busiest header of the fixtures: summary, tags, a held-back enclosure and the privacy notice.
  await articleList(page).getByRole('option', { name: 'Desert Solar Farms Add Heliostat Arrays' }).click();
  const pane = readingPane(page);
  await expect(pane.getByRole('status')).toContainText('remote items blocked');
  const actions = pane.getByRole('group', { name: 'Article actions' });
  for (const name of ['Star', 'Collect…', 'Note']) await expect(actions.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(actions.getByRole('button', { name: /^Mark (un)?read$/ })).toBeVisible();
  await expect(actions.getByRole('textbox', { name: 'Add tag' }).or(actions.getByRole('combobox', { name: 'Add tag' }))).toBeVisible();
  // One row: every action is centred on the same line (within a pixel or two of rounding).
  // (The closed "Collect…" panel sits in the group too, in the top layer and without a box.)
  const middles = await actions.locator(':scope > *').evaluateAll((els) =>
    els
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.height > 0)
      .map((r) => r.top + r.height / 2),
  );
  expect(middles.length).toBe(5);
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(2);

  const first = preview(page).locator('p').first();
  await expect(first).toHaveText(/^Three utility-scale plants/);
  const paneBox = (await pane.boundingBox())!;
  const firstBox = (await first.boundingBox())!;
  // Its first line (not just its top edge) lies within the pane's top third.
  const firstLine = firstBox.y + Math.min(firstBox.height, 28);
  expect(firstLine, `first paragraph at ${Math.round(firstBox.y)}px in a pane from ${paneBox.y}px, ${paneBox.height}px high`).toBeLessThanOrEqual(
    paneBox.y + paneBox.height / 3,
  );
  await screenshot(page, 'reader-03-top-third');
});

test('the private note opens on demand and stays open for an article that has one', async ({ page }) => {
  await openApp(page, gleaner.server);
  const pane = readingPane(page);
  await articleList(page).getByRole('option', { name: 'Grid Batteries Pass a Winter Stress Test' }).click();
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText('Grid Batteries Pass a Winter Stress Test');
  const noteButton = pane.getByRole('button', { name: 'Note', exact: true });
  const note = pane.getByRole('textbox', { name: 'Private note' });
  await expect(noteButton).toHaveAttribute('aria-expanded', 'false');
  await expect(note).toHaveCount(0);

  await noteButton.click();
  await expect(noteButton).toHaveAttribute('aria-expanded', 'true');
  await expect(note).toBeFocused();
  await note.fill('Check the cold-snap figures');
  await note.press('Tab'); // leaving the field saves it
  await expect(page.locator('.toast-region[role="status"]')).toContainText(/note/i);

  // Another article without a note starts closed; back on this one, the note shows by itself.
  await articleList(page).getByRole('option', { name: 'Quantum Network Links Two Universities' }).click();
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText('Quantum Network Links Two Universities');
  await expect(note).toHaveCount(0);
  await articleList(page).getByRole('option', { name: 'Grid Batteries Pass a Winter Stress Test' }).click();
  await expect(note).toHaveValue('Check the cold-snap figures');
  await expect(noteButton).toHaveAttribute('aria-expanded', 'true');

  // And the button closes it again.
  await noteButton.click();
  await expect(note).toHaveCount(0);
});
