import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { articleList, expectCount, openApp, readingPane, rowTitles, screenshot, searchBox, seriousViolations } from './helpers/app';
import { useGleaner } from './helpers/server';

const dialog = (page: Page) => page.getByRole('dialog');
const exportButton = (page: Page) => dialog(page).getByRole('button', { name: 'Export', exact: true });
/** One "which articles" row, by its radio's name. */
const choiceRow = (page: Page, name: string) =>
  dialog(page)
    .locator('.export-choice')
    .filter({ has: page.getByRole('radio', { name, exact: true }) });
/** The number of articles a row says it would export. */
const countIn = async (page: Page, name: string) => {
  const row = choiceRow(page, name);
  await expect(row.locator('.export-count')).toHaveText(/^[\d,]+ articles?$/);
  return Number((await row.locator('.export-count').innerText()).replace(/\D/g, ''));
};

async function openExport(page: Page): Promise<void> {
  await page.locator('.list-header').getByRole('button', { name: 'Export…' }).click();
  await expect(dialog(page)).toHaveAccessibleName('Export articles');
  // The formats come from the service; the dialog is ready once they are listed.
  await expect(dialog(page).getByRole('radio', { name: /^JSON document/ })).toBeVisible();
}

/** Every file under a folder, as paths relative to it. */
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));

test.describe('on the seeded library', () => {
  const gleaner = useGleaner({ seed: true });
  let scratch = '';
  test.beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'gleaner-e2e-export-'));
  });
  test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test('exports the current search to JSON: the file downloads with those articles in the list’s order', async ({ page }) => {
    await openApp(page, gleaner.server);
    await searchBox(page).fill('energy');
    await expectCount(page, 5);
    const titles = await rowTitles(page);
    expect(titles).toHaveLength(5);

    await openExport(page);
    const source = dialog(page).getByRole('radio', { name: 'Current search results' });
    await expect(source).toBeChecked();
    await expect(choiceRow(page, 'Current search results')).toContainText('5 articles');
    expect(await countIn(page, 'Whole library')).toBeGreaterThan(5);
    await dialog(page)
      .getByRole('radio', { name: /^JSON document/ })
      .check();
    // Title is for digests and e-books only.
    await expect(dialog(page).getByRole('textbox', { name: 'Title' })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'export-01-idle');

    const [download] = await Promise.all([page.waitForEvent('download'), exportButton(page).click()]);
    expect(download.suggestedFilename()).toBe('Gleaner export.json');
    const doc = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { articles: { title: string }[] };
    expect(doc.articles.map((a) => a.title)).toEqual(titles);

    await expect(dialog(page)).toHaveAccessibleName('Export finished');
    await expect(dialog(page).getByRole('status')).toContainText('Exported 5 articles');
    await expect(dialog(page).getByTestId('export-target')).toHaveText('Gleaner export.json');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'export-02-finished');
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    await expect(dialog(page)).toHaveCount(0);
  });

  test('exports a tag as an EPUB named after the title given', async ({ page }) => {
    await openApp(page, gleaner.server);
    await openExport(page);
    await dialog(page).getByRole('combobox', { name: 'Tag to export' }).selectOption('policy');
    await expect(dialog(page).getByRole('radio', { name: 'Tag', exact: true })).toBeChecked();
    const tagged = await countIn(page, 'Tag');
    expect(tagged).toBeGreaterThan(1);
    await dialog(page)
      .getByRole('radio', { name: /^EPUB e-book/ })
      .check();
    const title = dialog(page).getByRole('textbox', { name: 'Title' });
    await expect(title).toHaveAttribute('placeholder', 'policy');
    await title.fill('Train reading: policy');
    // Downloading images is its own permission, offered only while embedding into a format that can.
    const embed = dialog(page).getByRole('checkbox', { name: /^Embed images from the local cache/ });
    const fetchImages = dialog(page).getByRole('checkbox', { name: /^Also download missing images now/ });
    await expect(fetchImages).toBeDisabled();
    await embed.check();
    await expect(fetchImages).toBeEnabled();
    await dialog(page)
      .getByRole('radio', { name: /^JSON document/ })
      .check();
    await expect(fetchImages).toBeDisabled();
    await dialog(page)
      .getByRole('radio', { name: /^EPUB e-book/ })
      .check();
    await expect(fetchImages).toBeEnabled();
    await embed.uncheck();
    await expect(fetchImages).toBeDisabled();

    const [download] = await Promise.all([page.waitForEvent('download'), exportButton(page).click()]);
    // The colon cannot be in a Windows file name; the host made the name safe.
    expect(download.suggestedFilename()).toBe('Train reading_ policy.epub');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.subarray(30, 58).toString()).toBe('mimetypeapplication/epub+zip');
    await expect(dialog(page).getByRole('status')).toContainText(`Exported ${tagged} articles`);
  });

  test('exports the selected article to CSV', async ({ page }) => {
    await openApp(page, gleaner.server);
    const title = 'Desert Solar Farms Add Heliostat Arrays';
    await articleList(page).getByRole('option', { name: title, exact: true }).click();
    await expect(readingPane(page).getByRole('heading', { level: 1 })).toHaveText(title);
    await openExport(page);
    await expect(choiceRow(page, 'Selected article')).toContainText('1 article');
    await dialog(page).getByRole('radio', { name: 'Selected article', exact: true }).check();
    await dialog(page)
      .getByRole('radio', { name: /^CSV spreadsheet/ })
      .check();
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton(page).click()]);
    expect(download.suggestedFilename()).toBe('Gleaner export.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(title);
    expect(csv).not.toContain('Offshore Wind Auction');
  });

  test('the bulk bar exports the multi-selection', async ({ page }) => {
    await openApp(page, gleaner.server);
    const [first, , third] = await rowTitles(page);
    await articleList(page).getByRole('option', { name: first!, exact: true }).click();
    await articleList(page)
      .getByRole('option', { name: third!, exact: true })
      .click({ modifiers: ['Control'] });
    await page.getByRole('toolbar', { name: 'Selected articles' }).getByRole('button', { name: 'Export…' }).click();
    await expect(dialog(page)).toHaveAccessibleName('Export articles');
    await expect(dialog(page).getByRole('radio', { name: 'Selected articles', exact: true })).toBeChecked();
    await expect(choiceRow(page, 'Selected articles')).toContainText('2 articles');
    await dialog(page)
      .getByRole('radio', { name: /^CSV spreadsheet/ })
      .check();
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton(page).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(first!);
    expect(csv).toContain(third!);
    expect(csv.trim().split('\n')).toHaveLength(3); // the header and two rows
  });

  test('the desktop menu’s Export… opens the dialog', async ({ page }) => {
    // The shell's command channel, as the Electron preload exposes it (the page stays in browser mode).
    await page.addInitScript(() => {
      (window as unknown as { gleanerShell: unknown }).gleanerShell = {
        onCommand: (listener: (command: { type: string }) => void) => {
          (window as unknown as { menu: typeof listener }).menu = listener;
          return () => undefined;
        },
      };
    });
    await openApp(page, gleaner.server);
    await page.evaluate(() => (window as unknown as { menu: (c: { type: string }) => void }).menu({ type: 'export' }));
    await expect(dialog(page)).toHaveAccessibleName('Export articles');
  });

  test('a folder export goes to a typed path; replacing needs a choice; someone’s own folder is refused', async ({ page }) => {
    await openApp(page, gleaner.server);
    await openExport(page);
    const whole = dialog(page).getByRole('radio', { name: 'Whole library' });
    await whole.check();
    const total = await countIn(page, 'Whole library');
    expect(total).toBeGreaterThan(5);
    await dialog(page)
      .getByRole('radio', { name: /^Folder of article files/ })
      .check();
    await expect(exportButton(page)).toBeDisabled();
    const out = join(scratch, 'pack');
    await dialog(page).getByRole('textbox', { name: 'Folder path' }).fill(out);
    await exportButton(page).click();

    await expect(dialog(page)).toHaveAccessibleName('Export finished');
    await expect(dialog(page).getByRole('status')).toContainText(`Exported ${total} articles`);
    await expect(dialog(page).getByTestId('export-target')).toHaveText(out);
    const written = filesUnder(out);
    expect(written).toContain('.gleaner-export.json');
    expect(written.filter((f) => f !== '.gleaner-export.json')).toHaveLength(total);

    // Again to the same folder: asked first; "Keep it" leaves it alone.
    await dialog(page).getByRole('button', { name: 'Export more' }).click();
    await expect(dialog(page).getByRole('textbox', { name: 'Folder path' })).toHaveValue(out);
    writeFileSync(join(out, 'marker-of-the-old-copy'), '');
    await exportButton(page).click();
    await expect(dialog(page)).toHaveAccessibleName('Replace it?');
    await expect(dialog(page).getByRole('alert')).toContainText(`Cannot export to ${out}: it already exists and is not empty`);
    await screenshot(page, 'export-03-replace');
    await dialog(page).getByRole('button', { name: 'Keep it' }).click();
    await expect(dialog(page)).toHaveAccessibleName('Export articles');
    expect(existsSync(join(out, 'marker-of-the-old-copy'))).toBe(true);
    // "Replace" writes a fresh copy.
    await exportButton(page).click();
    await dialog(page).getByRole('button', { name: 'Replace' }).click();
    await expect(dialog(page)).toHaveAccessibleName('Export finished');
    expect(existsSync(join(out, 'marker-of-the-old-copy'))).toBe(false);
    expect(filesUnder(out)).toHaveLength(total + 1);

    // A folder with someone's own files is never replaced, and no "Replace?" pretends it could be.
    const mine = join(scratch, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'thesis.md'), 'years of work');
    await dialog(page).getByRole('button', { name: 'Export more' }).click();
    await dialog(page).getByRole('textbox', { name: 'Folder path' }).fill(mine);
    await exportButton(page).click();
    await expect(dialog(page)).toHaveAccessibleName('Export failed');
    await expect(dialog(page).getByRole('alert')).toHaveText(
      new RegExp(`^Will not replace ${mine}: it is not empty and was not written by a Gleaner folder export`),
    );
    expect(readdirSync(mine)).toEqual(['thesis.md']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'export-04-error');
    await dialog(page).getByRole('button', { name: 'Back' }).click();
    await expect(dialog(page).getByRole('textbox', { name: 'Folder path' })).toHaveValue(mine);
  });
});

test.describe('on a large library', () => {
  const ARTICLES = 20_000;
  const folder = mkdtempSync(join(tmpdir(), 'gleaner-e2e-large-'));
  test.beforeAll(() => {
    for (let i = 0; i < ARTICLES; i++) {
      const date = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`;
      writeFileSync(
        join(folder, `a${i}.html`),
        `+++\ntitle = "Generated article ${i}"\ndate = "${date}"\nsource = "Wire ${i % 7}"\n+++\n\n<p>${`Paragraph ${i} of generated text. `.repeat(30)}</p>\n`,
      );
    }
  });
  const gleaner = useGleaner({ folder });
  test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('shows progress and cancels: nothing is left at the target', async ({ page }) => {
    test.setTimeout(60_000);
    await openApp(page, gleaner.server);
    await expectCount(page, ARTICLES);
    await openExport(page);
    await dialog(page)
      .getByRole('radio', { name: /^Folder of article files/ })
      .check();
    const parent = mkdtempSync(join(tmpdir(), 'gleaner-e2e-cancel-'));
    const out = join(parent, 'everything');
    await dialog(page).getByRole('textbox', { name: 'Folder path' }).fill(out);
    await exportButton(page).click();

    const bar = dialog(page).getByRole('progressbar', { name: 'Export progress' });
    await expect(bar).toHaveAttribute('aria-valuemax', String(ARTICLES));
    // Some progress reported, the export not over: then Cancel.
    await expect(bar).not.toHaveAttribute('aria-valuenow', '0', { timeout: 10_000 });
    const done = Number(await bar.getAttribute('aria-valuenow'));
    expect(done).toBeLessThan(ARTICLES);
    await expect(dialog(page).getByTestId('export-tally')).toContainText(`of ${ARTICLES.toLocaleString('en-US')} articles`);
    await screenshot(page, 'export-05-running');
    await dialog(page).getByRole('button', { name: 'Cancel export' }).click();

    await expect(dialog(page)).toHaveAccessibleName('Export cancelled');
    await expect(dialog(page).getByRole('status')).toContainText('Nothing was written.');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
    rmSync(parent, { recursive: true, force: true });
  });
});
