import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocalImage, resolveLocalImage, siteStaticFolder, type ArticlePlace } from '../../../../electron/library/local/localImages.js';
import { localPath } from '../../../../electron/library/sanitize/urls.js';
import { bundleSite } from '../../../helpers/bundle.js';
import { tempDir } from '../../../helpers/tmp.js';

function site(): { root: string; content: string } {
  const root = bundleSite(tempDir());
  return { root, content: join(root, 'content') };
}

const image = (place: ArticlePlace, src: string) => resolveLocalImage(place, localPath(src)!);

describe('local images of an article', () => {
  it('finds pictures beside the article, below it, in a sibling folder and in the site static folder, typed by their bytes', () => {
    const { root, content } = site();
    const place = { root: content, relPath: 'posts/my-post/index.md' };
    expect(image(place, 'chart.png')).toEqual({ ok: true, file: join(content, 'posts/my-post/chart.png'), mime: 'image/png' });
    expect(image(place, './img/photo.jpg')).toMatchObject({ ok: true, mime: 'image/jpeg' });
    expect(image(place, '../shared/diagram.png')).toMatchObject({ ok: true, file: join(content, 'posts/shared/diagram.png') });
    expect(image(place, '/img/logo.png')).toEqual({ ok: true, file: join(root, 'static/img/logo.png'), mime: 'image/png' });
    // Query strings and percent-encoding are how Markdown writers spell the same file.
    expect(image(place, 'chart.png?v=2#x')).toMatchObject({ ok: true });
    expect(image(place, './img/%70hoto.jpg')).toMatchObject({ ok: true });
  });

  it('refuses every path out of the imported folder, however it is spelled', () => {
    const { content } = site();
    const place = { root: content, relPath: 'hostile/index.md' };
    for (const src of ['../../secret.png', '../../../../../../../../etc/hostname', '..%2F..%2Fsecret.png', '..\\..\\secret.png', '/../secret.png']) {
      const found = image(place, src);
      expect(found.ok, src).toBe(false);
    }
    expect(image(place, '../../secret.png')).toEqual({ ok: false, reason: 'outside the imported folder' });
    // A site-root path stays inside static/: `/../` cannot climb out of it.
    expect(image(place, '/../secret.png')).toEqual({ ok: false, reason: 'outside the imported folder' });
  });

  it('refuses a symbolic link that leads out of the folder, also through a linked folder', () => {
    const { root, content } = site();
    const place = { root: content, relPath: 'hostile/index.md' };
    expect(image(place, 'linked-out.png')).toEqual({ ok: false, reason: 'a link that leads outside the imported folder' });
    symlinkSync(join(root, 'static'), join(content, 'hostile', 'outside-dir'));
    expect(image(place, 'outside-dir/img/logo.png')).toEqual({ ok: false, reason: 'a link that leads outside the imported folder' });
    // A link that stays inside is followed.
    symlinkSync('../posts/my-post/chart.png', join(content, 'hostile', 'inside.png'));
    expect(image(place, 'inside.png')).toMatchObject({ ok: true, mime: 'image/png' });
  });

  it('decides the type by the bytes: SVG and text named .png are refused, a PNG named .txt is shown', () => {
    const { content } = site();
    const place = { root: content, relPath: 'hostile/index.md' };
    expect(image(place, 'drawing.svg')).toEqual({ ok: false, reason: 'an SVG image, which can carry scripts' });
    expect(image(place, 'notes.png')).toEqual({ ok: false, reason: 'not a PNG, JPEG, GIF, WebP or AVIF image' });
    expect(image(place, 'missing.png')).toEqual({ ok: false, reason: 'not found' });
    expect(image(place, '.')).toEqual({ ok: false, reason: 'not a file' });
    mkdirSync(join(content, 'hostile', 'folder.png'));
    expect(image(place, 'folder.png')).toEqual({ ok: false, reason: 'not a file' });
    writeFileSync(join(content, 'hostile', 'renamed.txt'), readPng(content));
    expect(image(place, 'renamed.txt')).toMatchObject({ ok: true, mime: 'image/png' });
  });

  it('reads the whole image for serving, and says why when there is no static folder', () => {
    const { content } = site();
    const read = readLocalImage({ root: content, relPath: 'posts/my-post/index.md' }, localPath('chart.png')!);
    expect(read.ok && read.bytes.equals(readPng(content))).toBe(true);
    const bare = tempDir();
    writeFileSync(join(bare, 'a.md'), '# a');
    expect(siteStaticFolder(bare)).toBeNull();
    expect(image({ root: bare, relPath: 'a.md' }, '/img/logo.png')).toEqual({
      ok: false,
      reason: 'no Hugo static folder at or above the imported folder',
    });
  });
});

function readPng(content: string): Buffer {
  return readFileSync(join(content, 'posts/my-post/chart.png'));
}
