import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createLibraryService, type LibraryService } from '../../../../electron/library/service.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { anchorText } from '../../../../electron/library/highlights/anchorText.js';
import { quoteAt } from '../../../../shared/highlights/anchor.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';

let service: LibraryService | undefined;
afterEach(() => service?.close());

const PASSAGE = 'The harbour board approved the new ferry timetable for the winter months.';
const article = (body: string) => seedLike({ title: 'Harbour', date: '2025-03-01T00:00:00Z', source: 'IBN', body });

/** Rewrites the article file and imports the folder again (a new mtime, so it is re-read). */
async function rewrite(folder: string, body: string, stamp: number): Promise<void> {
  writeFileSync(join(folder, 'harbour.txt'), article(body));
  utimesSync(join(folder, 'harbour.txt'), stamp, stamp);
  const report = await importFolders(service!.db, [folder]);
  expect(report.updated).toBe(1);
}

it('keeps a highlight on its passage across re-imports, detaches it when the passage goes, and re-attaches it when it returns', async () => {
  const folder = tempDir();
  const original = `<p>Opening remarks about the weather.</p><p>${PASSAGE} Ferries will run hourly.</p>`;
  writeTree(folder, { 'harbour.txt': article(original) });
  service = createLibraryService({ dbPath: join(tempDir(), 'lib.db') });
  await importFolders(service.db, [folder]);
  const id = (await service.api.articles.search({ query: '' })).items[0]!.id;
  const text = anchorText(service.db, id)!;
  const start = text.indexOf(PASSAGE);
  const { highlight } = await service.api.highlights.add({ articleId: id, anchor: quoteAt(text, start, start + PASSAGE.length), note: 'timetable' });

  // A paragraph before the passage, and a word changed right after it.
  await rewrite(
    folder,
    `<p>A new introduction added by the editors.</p><p>Opening remarks about the weather.</p><p>${PASSAGE} Ferries will sail hourly.</p>`,
    2_000_000_000,
  );
  let [moved] = await service.api.highlights.forArticle({ id });
  const newText = anchorText(service.db, id)!;
  expect(moved).toMatchObject({ id: highlight.id, detached: false, exact: PASSAGE, note: 'timetable' });
  expect(newText.slice(moved!.start, moved!.end)).toBe(PASSAGE);
  expect(moved!.start).toBe(newText.indexOf(PASSAGE));
  expect(moved!.suffix).toBe(' Ferries will sail hourly.\n');

  // A word changed inside the passage: still placed, on the edited sentence.
  const edited = PASSAGE.replace('approved', 'endorsed');
  await rewrite(folder, `<p>Opening remarks about the weather.</p><p>${edited} Ferries will sail hourly.</p>`, 2_000_000_100);
  [moved] = await service.api.highlights.forArticle({ id });
  const editedText = anchorText(service.db, id)!;
  expect(moved!.detached).toBe(false);
  expect(editedText.slice(moved!.start, moved!.end)).toBe(edited);

  // The passage deleted: kept, detached, with its quote.
  await rewrite(folder, '<p>Opening remarks about the weather.</p><p>Nothing else was decided.</p>', 2_000_000_200);
  const [gone] = await service.api.highlights.forArticle({ id });
  expect(gone).toMatchObject({ id: highlight.id, detached: true, exact: PASSAGE, note: 'timetable' });
  expect((await service.api.highlights.list({})).items[0]!.detached).toBe(true);

  // It comes back: attached again.
  await rewrite(folder, original, 2_000_000_300);
  const [back] = await service.api.highlights.forArticle({ id });
  expect(back).toMatchObject({ detached: false, start: anchorText(service.db, id)!.indexOf(PASSAGE) });
});
