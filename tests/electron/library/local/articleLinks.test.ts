import { describe, expect, it } from 'vitest';
import { articleLinkCandidates } from '../../../../electron/library/local/articleLinks.js';
import { localPath } from '../../../../electron/library/sanitize/urls.js';

const candidates = (relPath: string, href: string) => articleLinkCandidates(relPath, localPath(href)!);

describe('which library file a link names', () => {
  it('a link to a file means that file, relative to the article', () => {
    expect(candidates('posts/my-post/index.md', '../other-post.md')).toEqual(['posts/other-post.md']);
    expect(candidates('posts/a.md', './2024-01-01-foo.md#intro')).toEqual(['posts/2024-01-01-foo.md']);
  });

  it('a link to a page tries its file forms, from the file and from the page address', () => {
    const found = candidates('2023/histograms-vs-summaries/index.md', '../why-histograms');
    expect(found.slice(0, 3)).toEqual(['2023/why-histograms.md', '2023/why-histograms/index.md', '2023/why-histograms/_index.md']);
    // A leaf page's address is a folder of its own name: `../b` from a/x.md is a/b.
    expect(candidates('a/x.md', '../b/')).toContain('a/b.md');
    expect(candidates('a/x.md', '../b/')).toContain('b.md');
  });

  it('a site-root page address is tried without its section prefix, longest first', () => {
    const found = candidates('2023/x.md', '/blog/2023/lambda-release/');
    expect(found.indexOf('blog/2023/lambda-release.md')).toBeLessThan(found.indexOf('2023/lambda-release.md'));
    expect(found).toContain('2023/lambda-release/index.md');
    expect(found).toContain('lambda-release.md');
    // The imported folder holds the section under another name: articles/2023/… for /blog/2023/….
    expect(candidates('articles/2023/x.md', '/blog/2023/lambda-release/')).toContain('articles/2023/lambda-release.md');
  });

  it('never names a path out of the imported folder', () => {
    expect(candidates('a.md', '../../etc/passwd.md')).toEqual([]);
    expect(candidates('a.md', '/a/../../b/')).toEqual([]);
  });
});
