/**
 * Which library files a relative or site-root link in an article may mean, most likely first.
 * Pure: the caller looks the candidates up among the articles of the same imported folder.
 *
 * - A link to a file (`../other-post/index.md`, `./2024-01-01-foo.md`) means that file,
 *   relative to the article's file.
 * - A link to a page (`../why-histograms`, `other/`) means the page's file: `x.md`, `x/index.md`
 *   or `x/_index.md`. Hugo resolves it against the page's URL, which for a leaf file `a/b.md`
 *   is the folder `a/b/`, so both bases are tried.
 * - A site-root page link (`/blog/2023/lambda-release/`) names the page by its URL. The site's
 *   section prefix is unknown (`/blog/` may be the imported folder itself, or `articles/` in
 *   it), so each shorter suffix of the path is tried below each leading part of the article's
 *   own folder: the longest suffix that matches wins.
 */
import { posix } from 'node:path';
import type { LocalPath } from '../sanitize/urls.js';

const ARTICLE_FILE = /\.(?:md|markdown|html?|txt)$/i;
const PAGE_FILES = ['.md', '/index.md', '/_index.md', '.markdown', '/index.html', '.html'];

/** Relative paths (from the imported folder, `/`-separated) the link may name, most likely first. */
export function articleLinkCandidates(relPath: string, ref: LocalPath): string[] {
  const out: string[] = [];
  const add = (path: string | null) => {
    if (path !== null && !out.includes(path)) out.push(path);
  };
  const target = ref.path.replace(/\/+$/, '');
  const isFile = ARTICLE_FILE.test(target) && !ref.path.endsWith('/');
  const forms = (path: string | null): (string | null)[] => (path === null ? [] : isFile ? [path] : PAGE_FILES.map((ending) => path + ending));
  if (ref.kind === 'relative') {
    const fileDir = posix.dirname(relPath);
    const pageDir = /(?:^|\/)_?index\.[^/]+$/.test(relPath) ? fileDir : relPath.replace(/\.[^./]+$/, '');
    // A file link is relative to the file; only a page link may mean the page's address.
    for (const base of isFile ? [fileDir] : [fileDir, pageDir]) forms(inside(posix.join(base, target))).forEach(add);
  } else {
    const segments = target.split('/').filter((s) => s !== '' && s !== '.');
    if (segments.includes('..')) return [];
    // The imported folder may sit above the content (`site/articles/2023/x.md` for `/blog/2023/x/`):
    // each leading part of the article's own folder is tried as where the section begins.
    const dirs = posix
      .dirname(relPath)
      .split('/')
      .filter((s) => s !== '.');
    const bases = dirs.map((_, n) => dirs.slice(0, n).join('/'));
    for (let i = 0; i < segments.length; i++) {
      const rest = segments.slice(i).join('/');
      for (const base of bases.length > 0 ? bases : ['']) forms(inside(base ? `${base}/${rest}` : rest)).forEach(add);
    }
  }
  return out;
}

// A normalized path that stays inside the imported folder, or null.
function inside(path: string): string | null {
  const normal = posix.normalize(path);
  return normal === '.' || normal === '..' || normal.startsWith('../') || normal.startsWith('/') ? null : normal;
}
