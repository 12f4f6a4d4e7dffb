import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../electron/library/db/connection.js';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import { FORMAT_DESCRIPTORS } from '../../../../electron/library/export/formats/index.js';
import { FOLDER_MARKER } from '../../../../electron/library/export/target.js';
import { EXPORT_FORMATS, ExportError, type ExportFormat } from '../../../../electron/library/export/types.js';
import { tempDir } from '../../../helpers/tmp.js';
import { allIds, libraryFrom, suiteDir, syntheticCorpus } from './helpers.js';

let db: Db;
let ids: number[];
let libraryFolder: string;

beforeAll(async () => {
  libraryFolder = suiteDir('gleaner-behaviour-');
  syntheticCorpus(libraryFolder, 450);
  db = await libraryFrom([libraryFolder]);
  ids = allIds(db);
});

const fileName = (format: ExportFormat) => {
  const descriptor = FORMAT_DESCRIPTORS.find((d) => d.format === format)!;
  return descriptor.writes === 'folder' ? 'out' : `out${descriptor.extension}`;
};

async function rejection(promise: Promise<unknown>): Promise<ExportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExportError);
  return error as ExportError;
}

describe('exportArticles: progress', () => {
  it('reports the start, every chunk and the end, never going backwards', async () => {
    const calls: [number, number][] = [];
    const report = await exportArticles(
      db,
      { ids, format: 'ndjson', out: join(tempDir(), 'a.ndjson') },
      { onProgress: (d, t) => calls.push([d, t]) },
    );
    expect(report.articles).toBe(450);
    expect(calls).toEqual([
      [0, 450],
      [200, 450],
      [400, 450],
      [450, 450],
    ]);
  });
});

describe('exportArticles: all or nothing', () => {
  for (const format of EXPORT_FORMATS) {
    it(`${format}: a cancelled export leaves nothing behind`, async () => {
      const dir = tempDir();
      const controller = new AbortController();
      const error = await rejection(
        exportArticles(
          db,
          { ids, format, out: join(dir, fileName(format)) },
          { signal: controller.signal, onProgress: (done) => done >= 200 && controller.abort() },
        ),
      );
      expect(error.code).toBe('cancelled');
      expect(error.message).toBe(`The export to ${join(dir, fileName(format))} was cancelled; nothing was written`);
      expect(readdirSync(dir)).toEqual([]);
    });

    it(`${format}: a failed export leaves nothing behind and says where and why`, async () => {
      const dir = tempDir();
      // Pull the temporary out from under the export half way through.
      const error = await rejection(
        exportArticles(
          db,
          { ids, format, out: join(dir, fileName(format)) },
          {
            onProgress: (done) => {
              if (done === 200) for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
            },
          },
        ),
      );
      expect(error.code).toBe('io');
      expect(error.message).toContain(join(dir, fileName(format)));
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('stops before writing anything when the signal has already aborted', async () => {
    const dir = tempDir();
    const error = await rejection(exportArticles(db, { ids, format: 'json', out: join(dir, 'x.json') }, { signal: AbortSignal.abort() }));
    expect(error.code).toBe('cancelled');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('exportArticles: never overwrites by accident', () => {
  it('refuses an existing file, and replaces it only with overwrite', async () => {
    const dir = tempDir();
    const out = join(dir, 'set.json');
    writeFileSync(out, 'precious');
    const error = await rejection(exportArticles(db, { ids, format: 'json', out }));
    expect(error.code).toBe('exists');
    expect(error.message).toBe(`Cannot export to ${out}: it already exists; choose another name or allow replacing it`);
    expect(readFileSync(out, 'utf8')).toBe('precious');

    await exportArticles(db, { ids, format: 'json', out, overwrite: true });
    expect(JSON.parse(readFileSync(out, 'utf8')).articles).toHaveLength(450);
    expect(readdirSync(dir)).toEqual(['set.json']);
  });

  it('writes into an empty folder, refuses a non-empty one, and replaces only an earlier export', async () => {
    const dir = tempDir();
    const out = join(dir, 'pack');
    mkdirSync(out);
    await exportArticles(db, { ids: ids.slice(0, 5), format: 'folder', out });
    const paths = ids.slice(0, 5).map((id) => db.prepare('SELECT rel_path FROM articles WHERE id = ?').pluck().get(id) as string);
    expect(
      readdirSync(out, { recursive: true })
        .map(String)
        .filter((p) => p.includes('.'))
        .sort(),
    ).toEqual([FOLDER_MARKER, ...paths].sort());
    expect(JSON.parse(readFileSync(join(out, FOLDER_MARKER), 'utf8'))).toMatchObject({ gleaner: { version: 1, format: 'folder', count: 5 } });
    expect((await rejection(exportArticles(db, { ids, format: 'folder', out }))).code).toBe('exists');

    // overwrite replaces a folder an earlier export wrote, as a whole.
    const report = await exportArticles(db, { ids: ids.slice(0, 3), format: 'folder', out, overwrite: true });
    expect(report.files).toBe(4);
    expect(readdirSync(out, { recursive: true }).filter((p) => statSync(join(out, String(p))).isFile())).toHaveLength(4);
    expect(readdirSync(dir)).toEqual(['pack']);

    // …but never someone's own folder, even with overwrite.
    const mine = join(dir, 'Documents');
    mkdirSync(mine);
    writeFileSync(join(mine, 'thesis.md'), 'years of work');
    const error = await rejection(exportArticles(db, { ids, format: 'folder', out: mine, overwrite: true }));
    expect(error.code).toBe('bad-request');
    expect(error.message).toBe(
      `Will not replace ${mine}: it is not empty and was not written by a Gleaner folder export (no ${FOLDER_MARKER}); choose an empty or new folder`,
    );
    // …and says so at once, without first offering to replace it.
    expect(await rejection(exportArticles(db, { ids, format: 'folder', out: mine }))).toMatchObject({ code: 'bad-request', message: error.message });
    expect(readFileSync(join(mine, 'thesis.md'), 'utf8')).toBe('years of work');
  });

  it('refuses a folder where a file is expected, and the reverse', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x.json'));
    writeFileSync(join(dir, 'folder'), '');
    expect((await rejection(exportArticles(db, { ids, format: 'json', out: join(dir, 'x.json'), overwrite: true }))).message).toMatch(
      /it is a folder; choose a file name$/,
    );
    expect((await rejection(exportArticles(db, { ids, format: 'folder', out: join(dir, 'folder'), overwrite: true }))).message).toMatch(
      /a file with that name exists; choose a folder$/,
    );
  });
});

describe('exportArticles: clear errors and warnings', () => {
  it('names a missing folder', async () => {
    const out = join(tempDir(), 'missing', 'x.csv');
    const error = await rejection(exportArticles(db, { ids, format: 'csv', out }));
    expect(error).toMatchObject({ code: 'not-found', message: `Cannot export to ${out}: the folder ${join(out, '..')} does not exist` });
  });

  it('refuses bad requests', async () => {
    const out = join(tempDir(), 'x');
    expect((await rejection(exportArticles(db, { ids, format: 'pdf' as ExportFormat, out }))).code).toBe('bad-request');
    expect((await rejection(exportArticles(db, { ids: [1.5], format: 'json', out }))).code).toBe('bad-request');
    expect((await rejection(exportArticles(db, { ids: [999_999], format: 'json', out }))).message).toBe(
      'There are no articles to export (none of the ids exists)',
    );
    expect((await rejection(exportArticles(db, { ids, format: 'json', out: 'a\0b' }))).code).toBe('bad-request');
  });

  it('skips unknown and repeated ids with a warning, and says an NDJSON export embeds no images', async () => {
    const out = join(tempDir(), 'x.ndjson');
    const report = await exportArticles(db, { ids: [ids[0]!, 999_999, ids[1]!, ids[0]!], format: 'ndjson', out, embedLocalImages: true });
    expect(report.articles).toBe(2);
    expect(report.warnings).toEqual([
      '1 article id(s) not found and skipped: 999999',
      '1 repeated article id(s) were exported once',
      'images are embedded only in the HTML digest, the Markdown digest, EPUB and the Obsidian vault; the ndjson export keeps bodies as written',
    ]);
  });

  it('warns when the export lands inside an imported folder', async () => {
    const out = join(libraryFolder, 'digest-inside.md');
    try {
      const report = await exportArticles(db, { ids: ids.slice(0, 2), format: 'md', out });
      expect(report.warnings).toContain(
        `the export is inside the imported folder ${libraryFolder}; importing that folder again will add the exported files as articles`,
      );
    } finally {
      rmSync(out, { force: true });
    }
  });
});
