import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../../../electron/library/sanitize/sanitizeArticleHtml.js';

const HOSTILE_DIR = join(import.meta.dirname, '../../../fixtures/hostile');
const hostileFiles = readdirSync(HOSTILE_DIR)
  .filter((name) => name.endsWith('.html'))
  .sort();
const body = (file: string) => readFileSync(join(HOSTILE_DIR, file), 'utf8').split(/^\+\+\+[ \t]*$/m)[2]!;
const off = { allowRemoteImages: false };
const DATA = 'data:image/png;base64,iVBORw0KGgo=';
const imgs = (html: string) => DomUtils.findAll((el) => el.name === 'img', parseDocument(html).children);

describe('embedImage (exports embedding cached images)', () => {
  it('replaces a remote image by the embedded copy, keeping alt and size; tracking pixels never reach the hook', () => {
    const asked: string[] = [];
    const html =
      '<p><img src="https://cdn.invalid/a.png" alt="A <cat>" width="40" height="30" onerror="x()">' +
      '<img src="https://tracker.invalid/p.gif" width="1" height="1"><img src="https://tracker.invalid/q.gif" style="display:none"></p>';
    const result = sanitizeArticleHtml(html, { ...off, embedImage: (url) => (asked.push(url), DATA) });
    expect(asked).toEqual(['https://cdn.invalid/a.png']);
    expect(result.html).toBe(`<p><img src="${DATA}" alt="A &lt;cat&gt;" width="40" height="30" /></p>`);
    expect(result.blockedRemote.map((b) => b.url)).toEqual(['https://tracker.invalid/p.gif', 'https://tracker.invalid/q.gif']);
  });

  it('keeps the placeholder when the hook has no copy, and accepts a package path only in its fixed shape', () => {
    const html = '<p><img src="https://cdn.invalid/a.png" alt="A"></p>';
    const none = sanitizeArticleHtml(html, { ...off, embedImage: () => undefined });
    expect(none).toEqual(sanitizeArticleHtml(html, off));
    expect(sanitizeArticleHtml(html, { ...off, embedImage: () => '../images/i00001.png' }).html).toBe(
      '<p><img src="../images/i00001.png" alt="A" /></p>',
    );
  });

  it.each([
    'javascript:alert(1)',
    'data:image/svg+xml;base64,PHN2Zz4=',
    'data:text/html,<script>alert(1)</script>',
    'https://elsewhere.invalid/x.png',
    '../../../etc/passwd',
    '../images/../../x.png',
    '/images/i1.png',
    'images/i1.png',
    '../images/i1.svg',
    ' ../images/i1.png',
    '" onerror="alert(1)',
  ])('ignores a replacement that is not a raster data: URL or a package image: %s', (evil) => {
    const html = '<p><img src="https://cdn.invalid/a.png" alt="A"></p>';
    expect(sanitizeArticleHtml(html, { ...off, embedImage: () => evil })).toEqual(sanitizeArticleHtml(html, off));
  });

  it.each(hostileFiles)('hostile corpus %s: only embedded copies load, and everything else is as without embedding', (file) => {
    const plain = sanitizeArticleHtml(body(file), off);
    const embedded = sanitizeArticleHtml(body(file), { ...off, embedImage: () => DATA });
    for (const img of imgs(embedded.html)) expect(img.attribs.src).toMatch(/^data:image\/(?:png|gif|jpeg|webp|avif)[;,]/i);
    for (const el of DomUtils.findAll(() => true, parseDocument(embedded.html).children)) {
      expect(['script', 'style', 'svg', 'iframe', 'object'], file).not.toContain(el.name);
      expect(
        Object.keys(el.attribs).filter((name) => name.startsWith('on')),
        file,
      ).toEqual([]);
    }
    // Held back with embedding = held back without it, minus the remote images that were embedded.
    const imagesEmbedded = plain.blockedRemote.length - embedded.blockedRemote.length;
    expect(imagesEmbedded).toBe(imgs(embedded.html).length - imgs(plain.html).length);
    expect(embedded.blockedRemote.every((b) => plain.blockedRemote.some((p) => p.url === b.url && p.kind === b.kind))).toBe(true);
    // And with a hook that never has a copy, the output is byte for byte the same.
    expect(sanitizeArticleHtml(body(file), { ...off, embedImage: () => undefined })).toEqual(plain);
  });
});

it('the hostile corpus does hold remote images for the check above to replace', () => {
  const replaced = hostileFiles.reduce(
    (n, file) =>
      n +
      imgs(sanitizeArticleHtml(body(file), { ...off, embedImage: () => DATA }).html).length -
      imgs(sanitizeArticleHtml(body(file), off).html).length,
    0,
  );
  expect(replaced).toBeGreaterThan(3);
});
