import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Db } from '../../../../electron/library/db/connection.js';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import { CORPORA, corporaDir, describeNeeding, EPUBCHECK, itNeeding } from '../../../helpers/requirements.js';
import { tempDir } from '../../../helpers/tmp.js';
import { allIds, curateSome, epubcheck, FIXTURES, libraryFrom, suiteDir, syntheticCorpus, zipEntries } from './helpers.js';

// The library mixes two shared corpora (multilingual, Hugo shortcodes) with the fixtures.
describeNeeding([CORPORA], 'EPUB export', () => {
  let db: Db;

  beforeAll(async () => {
    const synthetic = suiteDir('gleaner-epub-synthetic-');
    syntheticCorpus(synthetic, 60);
    db = await libraryFrom([
      join(FIXTURES, 'messy'),
      join(__dirname, '../../../fixtures/hostile'),
      join(corporaDir(), 'redox-website'),
      join(corporaDir(), 'opentelemetry-blog'),
      synthetic,
    ]);
    curateSome(db);
  });

  itNeeding(
    [EPUBCHECK],
    'passes epubcheck with no errors or warnings: hostile, messy, multilingual and synthetic articles',
    async () => {
      const file = join(tempDir(), 'book.epub');
      const report = await exportArticles(db, { ids: allIds(db), format: 'epub', out: file, title: 'Reading pack: <all> & "more"' });
      expect(report.articles).toBe(allIds(db).length);
      expect(report.articles).toBeGreaterThan(600);
      const check = epubcheck(file);
      expect(check.output).toMatch(/No errors or warnings detected/);
      expect(check.status).toBe(0);
    },
    300_000,
  );

  it('is laid out as OCF requires, one chapter per article in the requested order, text kept', async () => {
    const ids = allIds(db).slice(0, 40).reverse();
    const file = join(tempDir(), 'book.epub');
    await exportArticles(db, { ids, format: 'epub', out: file });
    const zip = readFileSync(file);
    // mimetype: first entry, stored, no extra field, so its bytes sit at offset 30/38.
    expect(zip.toString('latin1', 30, 38)).toBe('mimetype');
    expect(zip.readUInt16LE(8)).toBe(0);
    expect(zip.readUInt16LE(28)).toBe(0);
    // …and its size is in the local header itself (no data descriptor), as strict readers expect.
    expect(zip.readUInt16LE(6) & 0x08).toBe(0);
    expect([zip.readUInt32LE(18), zip.readUInt32LE(22)]).toEqual([20, 20]);
    expect(zip.toString('latin1', 38, 58)).toBe('application/epub+zip');
    const entries = zipEntries(zip);
    expect(entries[0]!.name).toBe('mimetype');
    const names = entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['META-INF/container.xml', 'OEBPS/content.opf', 'OEBPS/nav.xhtml', 'OEBPS/style.css']));
    const chapters = entries.filter((e) => e.name.startsWith('OEBPS/text/'));
    expect(chapters).toHaveLength(40);

    const opf = entries
      .find((e) => e.name === 'OEBPS/content.opf')!
      .data()
      .toString('utf8');
    expect(opf).toMatch(/<dc:identifier id="book-id">urn:uuid:[0-9a-f-]{36}<\/dc:identifier>/);
    expect(opf).toMatch(/<meta property="dcterms:modified">\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/meta>/);
    expect(opf).toContain('<dc:title>Gleaner export</dc:title>');
    const spine = [...opf.matchAll(/<itemref idref="(c\d+)"\/>/g)].map((m) => m[1]);
    expect(spine).toEqual(chapters.map((_, i) => `c${String(i + 1).padStart(5, '0')}`));

    const titles = db.prepare('SELECT id, title FROM articles').all() as { id: number; title: string }[];
    const titleOf = new Map(titles.map((t) => [t.id, t.title]));
    chapters.forEach((chapter, i) => {
      const text = chapter.data().toString('utf8');
      const doc = parseDocument(text, { xmlMode: true });
      expect(DomUtils.textContent(DomUtils.findOne((e) => e.name === 'h1', doc.children)!)).toBe(titleOf.get(ids[i]!));
      const elements = DomUtils.findAll(() => true, doc.children);
      expect(elements.filter((e) => ['script', 'style', 'iframe', 'object', 'embed', 'form'].includes(e.name))).toEqual([]);
      for (const e of elements) {
        expect(Object.keys(e.attribs).filter((a) => a.startsWith('on') || a === 'style' || a === 'srcset')).toEqual([]);
        if (e.attribs.href !== undefined) expect(e.attribs.href).toMatch(/^(https?:|mailto:|\.\.\/style\.css$)/);
        if (e.attribs.src !== undefined) expect(e.attribs.src).toMatch(/^data:image\/(png|gif|jpeg)[;,]/);
      }
    });
  });

  it('keeps the text of a body it had to restructure', async () => {
    const id = db.prepare("SELECT id FROM articles WHERE rel_path = 'messy-structure.html'").pluck().get() as number;
    const file = join(tempDir(), 'messy.epub');
    await exportArticles(db, { ids: [id], format: 'epub', out: file });
    const chapter = zipEntries(readFileSync(file))
      .find((e) => e.name === 'OEBPS/text/c00001.xhtml')!
      .data()
      .toString('utf8');
    for (const words of [
      'Paragraph with a list inside',
      'two',
      'a div',
      'inner link',
      'Block inside a link',
      'Text directly in a list',
      'nested list without li',
      'definition before any term',
      'trailing term',
      'cell directly in table',
      'Text in table',
      'late head',
      'late caption',
      'second caption',
      'second foot',
      'text in row',
      'row outside table',
      'table in caption',
      'heading in th',
      'middle caption',
      'details without summary',
      'late summary',
      'nested header',
      'yesterday',
      'a quote',
      'pre with',
      '[image: webp]',
      'double hash',
      'block in del',
      'Article',
    ]) {
      expect(chapter, words).toContain(words);
    }
    expect(chapter).toContain('<a href="https://matrix.to/#/%23room:matrix.org">double hash</a>');
    expect(chapter).toContain('href="https://cdn.invalid/remote.png"');
    // XML 1.0 cannot hold U+0001 or U+FFFE at all, not even as &#1;: they are dropped.
    expect(chapter).toContain('Control characters: [] [\\u0001] [\u007f] [] [\ufffd] end.');
  });
});
