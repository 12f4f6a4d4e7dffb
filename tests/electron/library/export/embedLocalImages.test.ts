/**
 * An article's own pictures (page bundles, a Hugo site's static/) in exports that embed images:
 * embedded from disk like cached remote images; refused ones stay placeholders naming the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../electron/library/db/connection.js';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import type { ExportRequest } from '../../../../electron/library/export/types.js';
import { bundleSite } from '../../../helpers/bundle.js';
import { tempDir } from '../../../helpers/tmp.js';
import { libraryFrom, suiteDir, zipEntries } from './helpers.js';

let db: Db;
let site: string;
let ids: { bundle: number; hostile: number };

beforeAll(async () => {
  site = bundleSite(suiteDir('gleaner-local-embed-'));
  db = await libraryFrom([join(site, 'content')]);
  const id = (rel: string) => db.prepare('SELECT id FROM articles WHERE rel_path = ?').pluck().get(rel) as number;
  ids = { bundle: id('posts/my-post/index.md'), hostile: id('hostile/index.md') };
});

const file = (rel: string) => readFileSync(join(site, rel));
const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;
const imgSrcs = (html: string) => DomUtils.findAll((el) => el.name === 'img', parseDocument(html).children).map((el) => el.attribs.src!);

async function run(format: ExportRequest['format'], options: Partial<ExportRequest> = {}) {
  const out = join(tempDir(), `out.${format}`);
  const report = await exportArticles(db, { ids: [ids.bundle, ids.hostile], format, out, ...options });
  return { report, out };
}

describe('local images in exports', () => {
  it('HTML digest: the bundle pictures and the static logo become data: URLs; refused ones stay named placeholders', async () => {
    const { out } = await run('html', { embedLocalImages: true });
    const html = readFileSync(out, 'utf8');
    expect(imgSrcs(html)).toEqual([
      dataUrl('image/png', file('content/posts/my-post/chart.png')),
      dataUrl('image/jpeg', file('content/posts/my-post/img/photo.jpg')),
      dataUrl('image/png', file('content/posts/shared/diagram.png')),
      dataUrl('image/png', file('static/img/logo.png')),
    ]);
    expect(html).toContain('[image: ../../secret.png (outside the imported folder)]');
    expect(html).toContain('[image: linked-out.png (a link that leads outside the imported folder)]');
    expect(html).toContain('[image: drawing.svg (an SVG image, which can carry scripts)]');
    expect(html).not.toContain(file('secret.png').toString('base64'));
    // Links between articles have no library to open in a file: they keep their text only.
    expect(html).not.toContain('gleaner-article');
  });

  it('without embedding, local pictures are placeholders and nothing is read into the file', async () => {
    const { out } = await run('html');
    const html = readFileSync(out, 'utf8');
    expect(imgSrcs(html)).toEqual([]);
    expect(html).not.toContain('data:image');
  });

  it('Markdown digest: a Markdown body showing local pictures is converted with them embedded', async () => {
    const { out } = await run('md', { embedLocalImages: true });
    const md = readFileSync(out, 'utf8');
    expect(md).toContain(`![Quarterly chart](${dataUrl('image/png', file('content/posts/my-post/chart.png'))})`);
    expect(md).toContain(dataUrl('image/png', file('static/img/logo.png')));
  });

  it('EPUB: local pictures are image files of the book', async () => {
    const { out } = await run('epub', { embedLocalImages: true });
    const entries = zipEntries(readFileSync(out));
    const images = entries.filter((e) => e.name.startsWith('OEBPS/images/'));
    expect(images.map((e) => e.name)).toEqual([
      'OEBPS/images/i00001.png',
      'OEBPS/images/i00002.jpg',
      'OEBPS/images/i00003.png',
      'OEBPS/images/i00004.png',
    ]);
    expect(images[0]!.data().equals(file('content/posts/my-post/chart.png'))).toBe(true);
  });
});
