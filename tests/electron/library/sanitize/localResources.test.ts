import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml, type LocalResources } from '../../../../electron/library/sanitize/sanitizeArticleHtml.js';
import type { LocalPath } from '../../../../electron/library/sanitize/urls.js';

const off = { allowRemoteImages: false };
const ROUTE = '/article-images/7/AAAAAAAAAAAAAAAAAAAAAA/Y2hhcnQucG5n';

/** A resolver that shows chart.png, refuses the rest, and knows one article at other.md. */
function local(asked: LocalPath[] = [], src = ROUTE): LocalResources {
  return {
    image: (ref) => (asked.push(ref), ref.path === 'chart.png' ? { src } : { refused: 'not found' }),
    article: (ref) => (ref.path === '../other.md' ? 12 : undefined),
  };
}

describe('local images and links in the sanitizer', () => {
  it('asks only for local paths, writes the route for shown ones and a named placeholder for the rest', () => {
    const asked: LocalPath[] = [];
    const html =
      '<img src="chart.png" alt="A chart" onerror="x()"><img src="/img/gone.png"><img src="https://cdn.invalid/r.png"><img src="javascript:alert(1)"><img src="chart.png" width="1" height="1">';
    const { html: out, blockedRemote } = sanitizeArticleHtml(html, { ...off, local: local(asked) });
    expect(asked).toEqual([
      { kind: 'relative', path: 'chart.png' },
      { kind: 'site-root', path: '/img/gone.png' },
    ]);
    expect(out).toContain(`<img src="${ROUTE}" alt="A chart" />`);
    expect(out).toContain(
      '<span class="gleaner-blocked" data-local-file="/img/gone.png" title="Image not shown: /img/gone.png (not found)">[image: /img/gone.png (not found)]</span>',
    );
    // Remote images keep their own placeholders; the tracking pixel is dropped unasked.
    expect(blockedRemote).toEqual([{ kind: 'image', url: 'https://cdn.invalid/r.png' }]);
    expect(out).not.toContain('javascript');
  });

  it('writes no src the resolver offers outside the route or an embeddable copy', () => {
    for (const bad of [
      'javascript:alert(1)',
      '/api/library/stats',
      '../article-images/7/x',
      'https://evil.invalid/x.png',
      'data:image/svg+xml,<svg/>',
    ]) {
      const { html } = sanitizeArticleHtml('<img src="chart.png">', { ...off, local: local([], bad) });
      expect(html, bad).toBe(
        '<span class="gleaner-blocked" data-local-file="chart.png" title="Image not shown: chart.png (not embedded)">[image: chart.png (not embedded)]</span>',
      );
    }
  });

  it('turns a link to a library article into an in-app fragment link; other local links keep only their text', () => {
    const { html } = sanitizeArticleHtml('<a href="../other.md">next</a> <a href="../nowhere.md">gone</a> <a href="#gleaner-article=5">written</a>', {
      ...off,
      local: local(),
    });
    expect(html).toBe(
      '<a href="#gleaner-article=12" rel="noopener noreferrer nofollow" target="_top">next</a> ' +
        '<a rel="noopener noreferrer nofollow" target="_blank">gone</a> ' +
        '<a href="#gleaner-article=5" rel="noopener noreferrer nofollow" target="_top">written</a>',
    );
  });

  it('without a resolver, local images vanish and local links lose their target, as before', () => {
    const { html } = sanitizeArticleHtml('<img src="chart.png"><a href="../other.md">next</a>', off);
    expect(html).toBe('<a rel="noopener noreferrer nofollow" target="_blank">next</a>');
  });

  it('is stable: sanitizing the preview again changes nothing, and a forged route src without a resolver is dropped', () => {
    const first = sanitizeArticleHtml('<p><img src="chart.png"><img src="x.png"><a href="../other.md">next</a></p>', { ...off, local: local() }).html;
    const again = sanitizeArticleHtml(first, off).html;
    // The route src is only ever written by a resolver; the rest survives a second pass as it is.
    expect(again).toBe(first.replace(`<img src="${ROUTE}" />`, ''));
    expect(sanitizeArticleHtml(again, off).html).toBe(again);
  });
});
