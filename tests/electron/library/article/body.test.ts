import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectBodyFormat, extractText, htmlToText, renderBody, renderMarkdown, stripShortcodes } from '../../../../electron/library/article/body.js';
import { parseFrontMatter } from '../../../../electron/library/article/frontmatter.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/parse/${name}`, import.meta.url), 'utf8');

describe('detectBodyFormat', () => {
  it.each([
    ['post.md', 'plain words', 'markdown'],
    ['post.MARKDOWN', '<p>html inside markdown is still markdown</p>', 'markdown'],
    ['page.html', 'no tags at all', 'html'],
    ['page.htm', 'x', 'html'],
    ['seed.txt', '\n<p>The UK government</p>', 'html'],
    ['notes.txt', 'a line<br>another', 'html'],
    ['notes.txt', '<h1>Title</h1>', 'html'],
    ['notes.txt', 'if a < b and <b> is bold in prose', 'text'],
    ['notes.txt', '# Heading\n\n1. Your name:', 'text'],
    ['no-extension', '<div>x</div>', 'html'],
  ] as const)('%s with %j is %s', (path, body, expected) => {
    expect(detectBodyFormat(path, body)).toBe(expected);
  });
});

describe('stripShortcodes', () => {
  const { data, body } = (() => {
    const fm = parseFrontMatter(fixture('shortcodes.md'));
    if (!fm.ok) throw new Error(fm.reason);
    return fm.value;
  })();
  const out = stripShortcodes(body, data);

  it('removes self-contained shortcodes, with or without spaces, across lines, with back-quoted args', () => {
    expect(out).toContain('Intro  text.');
    expect(out).not.toMatch(/youtube|figure class|chart\.png|A chart|partial|badge/);
    expect(out).not.toContain('{{<youtube');
  });

  it('keeps the inner content of paired shortcodes but hides comment blocks', () => {
    expect(out).toContain('Visible inner text.');
    expect(out).not.toContain('details');
    expect(out).not.toContain('Hidden heading');
    expect(out).not.toContain('Hidden draft notes');
  });

  it('substitutes param with the front-matter value, and nothing for unknown params', () => {
    expect(out).toContain('[original post]: <https://example.com/original-post>');
    expect(out).toContain('Unknown param: []');
  });

  it('shows escaped shortcodes literally and leaves code alone', () => {
    expect(out).toContain('Escaped: {{< figure src="literal" >}}');
    expect(out).toContain('`{{< not-a-shortcode >}}`');
    expect(out).toContain('```go-html-template\n{{< highlight go >}}\n```');
  });

  it('escapes substituted values and looks up nested, case-insensitive keys', () => {
    expect(stripShortcodes('{{% param "a.B" %}}', { a: { b: '<x> & y' } })).toBe('&lt;x&gt; &amp; y');
  });

  it('treats a single quote in arguments as a plain character, as Hugo does', () => {
    expect(stripShortcodes("{{< figure caption=it's >}} and 'quoted' text", {})).toBe(" and 'quoted' text");
  });

  it('does not let an unclosed comment swallow the rest of the article', () => {
    expect(stripShortcodes('before {{< comment >}} after', {})).toBe('before  after');
  });

  it('returns text without shortcodes unchanged', () => {
    const md = fixture('code-angle-brackets.md');
    expect(stripShortcodes(md)).toBe(md);
  });
});

describe('renderMarkdown', () => {
  it('keeps raw HTML, does not linkify and does not rewrite quotes', () => {
    const html = renderMarkdown('<div class="note">raw</div>\n\nSee https://example.com -- "quoted" (c)\n');
    expect(html).toContain('<div class="note">raw</div>');
    expect(html).not.toContain('<a href');
    expect(html).toContain('-- &quot;quoted&quot; (c)');
  });

  it('escapes angle brackets in code spans and code blocks instead of emitting tags', () => {
    const html = renderMarkdown(fixture('code-angle-brackets.md').split('+++\n')[2]!);
    expect(html).toContain('<code>node --run &lt;script-in-package-json&gt;</code>');
    expect(html).toContain('&lt;p&gt;not a tag&lt;/p&gt;');
    expect(html).toContain('<b>bold</b>');
  });

  it('renders tables and reference links resolved across the document', () => {
    const html = renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n\nA [link][x].\n\n[x]: https://example.com\n');
    expect(html).toContain('<table>');
    expect(html).toContain('<a href="https://example.com">link</a>');
  });
});

describe('renderBody', () => {
  it('turns plain text into escaped paragraphs', () => {
    expect(renderBody('a < b\nline two\n\nsecond', 'text')).toBe('<p>a &lt; b<br>\nline two</p>\n<p>second</p>');
  });

  it('passes HTML through with shortcodes made inert', () => {
    expect(renderBody('<p>x {{< y >}}</p>', 'html')).toBe('<p>x </p>');
  });
});

describe('htmlToText', () => {
  it('skips script, style and template, decodes entities, separates blocks and cells', () => {
    expect(htmlToText(fixture('html-with-script.html'))).toBe('Section one\nFirst—paragraph\nsecond\ncell1 cell2\nitem1\nitem2');
  });

  it('keeps words apart at block boundaries and line breaks but not inside inline markup', () => {
    expect(htmlToText('<p>one</p><p>two</p>three<br>four<div>five</div><li>six</li>')).toBe('one\ntwo\nthree\nfour\nfive\nsix');
    expect(htmlToText('un<em>believ</em><strong>able</strong>')).toBe('unbelievable');
  });

  it('collapses whitespace, including non-breaking spaces and tabs', () => {
    expect(htmlToText('  a \t b&nbsp;&nbsp;c\n\n\n d  ')).toBe('a b c\nd');
  });

  it('reads text that merely mentions tags in escaped form', () => {
    expect(htmlToText('<p><code>cargo &lt;script&gt;</code> loads config</p><p>after</p>')).toBe('cargo <script> loads config\nafter');
  });

  it('does not index the head or title', () => {
    expect(htmlToText(fixture('no-frontmatter.html'))).toBe('A different heading\nHello\nworld.');
  });

  it('is reusable after unbalanced input', () => {
    expect(htmlToText('<script>never closed')).toBe('');
    expect(htmlToText('<p>fine</p>')).toBe('fine');
  });
});

describe('extractText heading', () => {
  it('finds the first <h1> or <title>, whichever comes first', () => {
    expect(extractText(fixture('no-frontmatter.html')).heading).toBe('Plain & Simple Page');
    expect(extractText('<h2>no</h2><h1>  Main <em>one</em> </h1><h1>second</h1>').heading).toBe('Main one');
    expect(extractText('<h1> </h1><h1>Not empty</h1>').heading).toBe('Not empty');
    expect(extractText('<p>none</p>').heading).toBeNull();
  });

  it('finds a Markdown # heading after rendering', () => {
    expect(extractText(renderMarkdown(fixture('no-frontmatter.md'))).heading).toBe('Markdown Heading Title');
    expect(extractText(renderMarkdown('```\n# not a heading\n```\n')).heading).toBeNull();
  });
});
