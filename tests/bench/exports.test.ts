import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benchExports } from '../../bench/exports.js';
import { EXPORT_FORMATS } from '../../shared/types.js';
import { tempDir } from '../helpers/tmp.js';
import { libraryFrom, suiteDir, syntheticCorpus } from '../electron/library/export/helpers.js';

describe('benchExports', () => {
  it('exports the first articles to every format and reports one figure per format (no timing asserted)', async () => {
    const dir = suiteDir();
    syntheticCorpus(dir, 30);
    const db = await libraryFrom([dir]);
    const out = tempDir();
    const figures = await benchExports(db.name, out, 25);
    expect(figures.map((f) => f.format)).toEqual([...EXPORT_FORMATS]);
    for (const f of figures) {
      expect(f.articles).toBe(25);
      expect(f.megabytes).toBeGreaterThanOrEqual(0);
      expect(f.seconds).toBeGreaterThanOrEqual(0);
    }
    expect(readdirSync(out).sort()).toEqual([
      'export-annotations.jsonld',
      'export-bibtex.bib',
      'export-bookmarks.html',
      'export-csl-json.json',
      'export-csv.csv',
      'export-epub.epub',
      'export-folder',
      'export-html.html',
      'export-json.json',
      'export-md.md',
      'export-ndjson.ndjson',
      'export-obsidian',
      'export-ris.ris',
    ]);
  });
});
