import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import { closeOpenFence, escapeMarkdown } from '../../../../electron/library/export/formats/markdown.js';
import { seedLike, writeTree } from '../../../helpers/articles.js';
import { tempDir } from '../../../helpers/tmp.js';
import { allIds, curate, libraryFrom } from './helpers.js';

describe('Markdown digest', () => {
  it('writes a title, contents and one section per article that a Markdown parser reads as such', async () => {
    const dir = tempDir('gleaner-md-');
    writeTree(dir, {
      'a-unclosed.md': '+++\ntitle = "Unclosed fence"\n+++\nIntro.\n\n```js\nconst open = true;\n',
      'b-markdown.md': '---\ntitle: "# Title *with* [brackets] <b>"\ndate: 2025-07-29\n---\nKept **as written**, {{< shortcode >}} and all.\n',
      'c-html.txt': seedLike({
        title: 'HTML body',
        body: '<h2>Sub</h2><p>Para with <img src="https://cdn.invalid/x.png" alt="pic"> and <a href="https://ok.invalid/">a link</a>.</p><ul><li>one</li></ul>',
      }),
      'd-text.txt': 'Plain *stars* and # not a heading\n\nSecond paragraph <script>x</script>\n',
    });
    copyFileSync(join(__dirname, '../../../fixtures/hostile/01-script-plain.html'), join(dir, 'e-hostile.html'));
    const db = await libraryFrom([dir]);
    const ids = allIds(db);
    curate(db, ids[1]!, { note: 'Line *one*\n# line two', starred: true, tags: ['to_read'] });
    const out = join(tempDir(), 'digest.md');
    const report = await exportArticles(db, { ids, format: 'md', out });
    expect(report.warnings).toEqual(['1 remote image(s) or media were not embedded; they are links in the digest']);
    const md = readFileSync(out, 'utf8');

    const tokens = new MarkdownIt().parse(md, {});
    const headings = tokens.filter((t) => t.type === 'heading_open').map((t, i, all) => `${t.tag}:${tokens[tokens.indexOf(all[i]!) + 1]!.content}`);
    // The unclosed fence of the first article must not swallow the rest of the digest.
    expect(headings).toEqual([
      'h1:Gleaner export',
      'h2:Contents',
      'h2:Unclosed fence',
      'h2:\\# Title \\*with\\* \\[brackets\\] \\<b\\>',
      'h2:HTML body',
      'h2:Sub',
      'h2:d\\-text',
      'h2:Hostile 01: script element, plain',
    ]);
    expect(md).toContain('1. Unclosed fence\n2. \\# Title \\*with\\* \\[brackets\\] \\<b\\>\n3. HTML body\n');
    // A Markdown body is written from its sanitized HTML, as the reading pane shows it (shortcodes dropped).
    expect(md).toContain('Kept **as written**, and all.');
    expect(md).toContain('- **Starred:** yes\n- **File:** ');
    expect(md).toContain('> Line \\*one\\*\n> \\# line two');
    expect(md).toContain('[\\[image: pic\\]](https://cdn.invalid/x.png "Remote image blocked: https://cdn.invalid/x.png")');
    // Text that looks like HTML stays text for Markdown viewers that render raw HTML.
    expect(md).toContain('Second paragraph \\<script\\>x\\</script\\>');
    expect(md).not.toMatch(/!\[[^\]]*\]\(https?:/);
    expect(md).toContain('Plain \\*stars\\* and # not a heading');
    expect(md).toContain('BENIGN-MARKER-01');
    expect(md).not.toContain('__gleanerXss');
  });
});

describe('Markdown digest of hostile Markdown bodies', () => {
  it('writes the sanitized body: raw <script>, on…= handlers, <iframe> and <base> in a Markdown body never reach the digest', async () => {
    // Each hostile fixture's HTML, given to the importer as a Markdown body (raw HTML is Markdown).
    const hostile = join(__dirname, '../../../fixtures/hostile');
    const dir = tempDir('gleaner-md-hostile-');
    const files = readdirSync(hostile).filter((f) => f.endsWith('.html'));
    for (const file of files) copyFileSync(join(hostile, file), join(dir, file.replace(/\.html$/, '.md')));
    const db = await libraryFrom([dir]);
    const out = join(tempDir(), 'digest.md');
    await exportArticles(db, { ids: allIds(db), format: 'md', out });
    const md = readFileSync(out, 'utf8');
    // Rendered as a viewer that allows raw HTML would render it.
    const rendered = new MarkdownIt({ html: true }).render(md);
    expect(rendered).not.toMatch(/<script/i);
    expect(rendered).not.toMatch(/<iframe/i);
    expect(rendered).not.toMatch(/<base/i);
    expect(rendered).not.toMatch(/<(object|embed|frame|frameset|meta|form|svg|math|style|link)\b/i);
    expect(rendered).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    // A title that tried to end its link early ("><script>…) stays inside the title, escaped.
    expect(md).toContain('[Entity-quoted.](https://ok.invalid/ "\\"><script>window.__gleanerXss(10)</script>")');
    expect(rendered).toContain(
      '<a href="https://ok.invalid/" title="&quot;&gt;&lt;script&gt;window.__gleanerXss(10)&lt;/script&gt;">Entity-quoted.</a>',
    );
    expect(rendered).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|vbscript|data:text)/i);
    // …while the articles' own text is all there.
    for (const file of files) expect(rendered, file).toContain(`BENIGN-MARKER-${file.slice(0, 2)}`);
  });
});

describe('closeOpenFence', () => {
  it('closes only a fence left open', () => {
    expect(closeOpenFence('```\ncode\n```\n')).toBe('```\ncode\n```\n');
    expect(closeOpenFence('````md\n```\nstill code')).toBe('````md\n```\nstill code\n````\n');
    expect(closeOpenFence('~~~\na\n```\n')).toBe('~~~\na\n```\n~~~\n');
    expect(closeOpenFence('inline ```code``` only')).toBe('inline ```code``` only');
  });
});

describe('escapeMarkdown', () => {
  it('leaves text that renders as the same text', () => {
    const md = new MarkdownIt();
    for (const text of ['# h', '*a* _b_ `c`', '[x](javascript:y)', '<script>z</script>', '1. not a list', '- nor this', 'a | b', '&amp; stays']) {
      expect(md.renderInline(escapeMarkdown(text))).toBe(md.utils.escapeHtml(text));
    }
  });
});
