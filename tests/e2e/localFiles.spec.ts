import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { bundleSite } from '../helpers/bundle';
import { articleList, openApp, preview, readingPane, screenshot } from './helpers/app';
import { recordedPage } from './helpers/egress';
import { startGleaner, type GleanerServer } from './helpers/server';

// The bundle fixture, copied so the test can add a symbolic link out of the imported folder.
let server: GleanerServer;
let dir: string;
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gleaner-bundle-'));
  server = await startGleaner({ folder: join(bundleSite(dir), 'content') });
});
test.afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = (page: import('@playwright/test').Page, title: string) => articleList(page).getByRole('option', { name: title }).click();

test('a page bundle shows its own pictures offline, and nothing leaves the app', async ({ browser }) => {
  // Off-machine requests from any frame reach the recording proxy (Playwright's request
  // events miss the sandboxed article frame's own).
  const { page, egress, close } = await recordedPage(browser);
  try {
    await openApp(page, server);
    await open(page, 'A Page Bundle With Pictures');
    await expect(readingPane(page).getByRole('heading', { level: 1 })).toHaveText('A Page Bundle With Pictures');
    const images = preview(page).locator('img');
    await expect(images).toHaveCount(4);
    // Decoded, at their real sizes: beside the article, below it, a sibling folder, the site's static/.
    const sizes = [160, 96, 80, 48];
    for (const [i, width] of sizes.entries()) await expect(images.nth(i)).toHaveJSProperty('naturalWidth', width);
    await expect(images.first()).toHaveAttribute('alt', 'Quarterly chart');
    await expect(preview(page).locator('.gleaner-blocked')).toHaveCount(0);
    await screenshot(page, 'local-01-bundle');

    // Every picture came from the app's own image route, and nothing went anywhere else.
    const sources = await images.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).currentSrc));
    expect(sources).toHaveLength(4);
    for (const src of sources) expect(src.startsWith(server.origin + '/article-images/')).toBe(true);
    expect(egress.attempts).toEqual([]);
  } finally {
    await close();
  }
});

test('pictures that escape the folder, link out of it, are SVG or are not images show placeholders naming them', async ({ page }) => {
  await openApp(page, server);
  await open(page, 'Pictures That Must Not Load');
  const frame = preview(page);
  await expect(frame.getByText('[image: ../../secret.png (outside the imported folder)]')).toBeVisible();
  await expect(frame.getByText('[image: linked-out.png (a link that leads outside the imported folder)]')).toBeVisible();
  await expect(frame.getByText('[image: drawing.svg (an SVG image, which can carry scripts)]')).toBeVisible();
  await expect(frame.getByText('[image: notes.png (not a PNG, JPEG, GIF, WebP or AVIF image)]')).toBeVisible();
  await expect(frame.getByText('[image: missing.png (not found)]')).toBeVisible();
  await expect(frame.getByText('[image: /img/nothing-here.png (not found)]')).toBeVisible();
  await expect(frame.locator('.gleaner-blocked[data-local-file]')).toHaveCount(7);
  await expect(frame.locator('img')).toHaveCount(0);
  // The link out of the folder keeps its text and goes nowhere.
  await expect(frame.getByText('secret', { exact: true })).not.toHaveAttribute('href', /./);
  // No <img> at all: nothing of these files is requested (page request events would not show
  // the sandboxed frame's requests anyway, see helpers/egress.ts).
  await screenshot(page, 'local-02-hostile');
});

test('the image route refuses a path outside the folder and any path it did not hand out', async ({ page }) => {
  await openApp(page, server);
  await open(page, 'A Page Bundle With Pictures');
  const src = (await preview(page).locator('img').first().getAttribute('src'))!;
  expect((await page.request.get(server.origin + src)).status()).toBe(200);
  const outside = src.replace(/[^/]+$/, Buffer.from('../../secret.png').toString('base64url'));
  const refused = await page.request.get(server.origin + outside);
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain('secret');
  // A mac this server did not make: refused whatever it names.
  expect(
    (await page.request.get(`${server.origin}/article-images/1/AAAAAAAAAAAAAAAAAAAAAA/${Buffer.from('chart.png').toString('base64url')}`)).status(),
  ).toBe(404);
});

test('a relative link to another article of the library opens it in Gleaner', async ({ page }) => {
  await openApp(page, server);
  await open(page, 'A Page Bundle With Pictures');
  const pane = readingPane(page);
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText('A Page Bundle With Pictures');
  let documents = 0;
  page.on('load', () => documents++);
  await preview(page).getByRole('link', { name: 'the other post' }).click();
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText('The Other Post');
  await expect(preview(page).getByText('reached from the page bundle by a relative link')).toBeVisible();
  // And back by the link in that article; the app page never reloaded and keeps no fragment.
  await preview(page).getByRole('link', { name: 'the bundle' }).click();
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText('A Page Bundle With Pictures');
  await preview(page).getByRole('link', { name: 'by its address' }).click();
  await expect(pane.getByRole('heading', { level: 1 })).toHaveText('The Other Post');
  expect(documents).toBe(0);
  expect(new URL(page.url()).hash).toBe('');
  await expect(articleList(page).getByRole('option', { name: 'The Other Post' })).toHaveAttribute('aria-selected', 'true');
});
