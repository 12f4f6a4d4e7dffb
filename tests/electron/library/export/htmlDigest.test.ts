import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../electron/library/db/connection.js';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import { DIGEST_CSP } from '../../../../electron/library/export/formats/html.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';
import { allIds, curate, FIXTURES, libraryFrom, suiteDir } from './helpers.js';

const HOSTILE = join(__dirname, '../../../fixtures/hostile');
let db: Db;
let html: string;
let elements: Element[];
let evilId: number;

beforeAll(async () => {
  const extra = suiteDir('gleaner-html-');
  writeTree(extra, {
    'evil-meta.txt': seedLike({
      title: '<script>window.__gleanerXss(1000)</script> & "title"',
      source: '<img src=x onerror=alert(1)>',
      url: 'javascript:alert(1)',
      body: '<p>Body with <img src="https://tracker.invalid/photo.jpg" alt="a photo"> and a <a href="https://ok.invalid/">link</a>.</p>',
    }),
  });
  db = await libraryFrom([HOSTILE, join(FIXTURES, 'messy'), extra]);
  evilId = db.prepare("SELECT id FROM articles WHERE rel_path = 'evil-meta.txt'").pluck().get() as number;
  curate(db, evilId, { note: '</dd><script>alert(2)</script>\nsecond line', tags: ['<b>bold</b>'] });
  const out = join(tempDir(), 'digest.html');
  const report = await exportArticles(db, { ids: allIds(db), format: 'html', out, title: 'Digest <of> hostile things' });
  expect(report.warnings).toEqual([expect.stringMatching(/^\d+ remote image\(s\) or media were not embedded; they are links in the digest$/)]);
  html = readFileSync(out, 'utf8');
  elements = DomUtils.findAll(() => true, parseDocument(html).children);
});

describe('HTML digest', () => {
  it('declares the strict CSP and a no-referrer policy in the head', () => {
    const metas = elements.filter((e) => e.name === 'meta');
    expect(metas.filter((m) => m.attribs['http-equiv'] === 'Content-Security-Policy').map((m) => m.attribs.content)).toEqual([DIGEST_CSP]);
    expect(DIGEST_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(metas.some((m) => m.attribs.name === 'referrer' && m.attribs.content === 'no-referrer')).toBe(true);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('has no script, no event handler, no remote load and no dangerous element', () => {
    expect(
      elements.filter((e) =>
        ['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'base', 'link', 'form', 'svg', 'math', 'template'].includes(e.name),
      ),
    ).toEqual([]);
    expect(elements.filter((e) => e.name === 'style')).toHaveLength(1);
    for (const e of elements) {
      const names = Object.keys(e.attribs);
      expect(
        names.filter((a) => /^on/i.test(a)),
        e.name,
      ).toEqual([]);
      expect(names.filter((a) => ['style', 'srcset', 'background', 'poster', 'formaction', 'action', 'ping'].includes(a))).toEqual([]);
      if (e.attribs.src !== undefined) expect(e.attribs.src).toMatch(/^data:image\//);
      if (e.attribs.href !== undefined) expect(e.attribs.href).toMatch(/^(#|https?:\/\/|mailto:)/);
      if (e.name === 'meta') expect(e.attribs['http-equiv'] ?? 'none').not.toMatch(/refresh/i);
    }
  });

  it('shows every hostile article’s visible text, and article data only as text', () => {
    for (const file of readdirSync(HOSTILE).filter((f) => f.endsWith('.html'))) {
      expect(html, file).toContain(`BENIGN-MARKER-${file.slice(0, 2)}`);
    }
    const evil = elements.find((e) => e.attribs.id === `article-${evilId}`)!;
    expect(DomUtils.textContent(DomUtils.findOne((e) => e.name === 'h2', [evil])!)).toBe('<script>window.__gleanerXss(1000)</script> & "title"');
    const meta = Object.fromEntries(
      DomUtils.findAll((e) => e.name === 'dt', [evil]).map((dt) => [
        DomUtils.textContent(dt),
        DomUtils.textContent(dt.next?.type === 'tag' ? dt.next : (dt.next!.next as Element)),
      ]),
    );
    expect(meta).toMatchObject({
      Source: '<img src=x onerror=alert(1)>',
      Link: 'javascript:alert(1)',
      Tags: '<b>bold</b>',
      Note: '</dd><script>alert(2)</script>\nsecond line',
    });
  });

  it('turns a blocked remote image into a link, never an image', () => {
    const placeholder = elements.find((e) => e.attribs.class === 'gleaner-blocked' && e.attribs.href === 'https://tracker.invalid/photo.jpg')!;
    expect(placeholder.name).toBe('a');
    expect(placeholder.attribs.rel).toBe('noopener noreferrer nofollow');
    expect(DomUtils.textContent(placeholder)).toBe('[image: a photo]');
  });

  it('has a table of contents linking to every article, in order', () => {
    const toc = DomUtils.findAll((e) => e.name === 'a', [elements.find((e) => e.name === 'nav')!]).map((a) => a.attribs.href);
    // Bodies may hold <article> elements of their own; the digest's are the children of <main>.
    const main = elements.find((e) => e.name === 'main')!;
    const articles = main.children.filter((e): e is Element => e.type === 'tag' && e.name === 'article').map((a) => `#${a.attribs.id}`);
    expect(toc).toEqual(articles);
    expect(articles).toHaveLength(allIds(db).length);
    expect(DomUtils.textContent(elements.find((e) => e.name === 'title')!)).toBe('Digest <of> hostile things');
  });
});
