import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../../../electron/library/sanitize/sanitizeArticleHtml.js';

type Element = ReturnType<typeof DomUtils.findAll>[number];
type DomNode = ReturnType<typeof parseDocument>['children'][number];

const HOSTILE_DIR = join(import.meta.dirname, '../../../fixtures/hostile');
const hostileFiles = readdirSync(HOSTILE_DIR)
  .filter((name) => name.endsWith('.html'))
  .sort();

/** The body after the `+++` front matter, the simple way an importer would split it. */
function body(file: string): string {
  const parts = readFileSync(join(HOSTILE_DIR, file), 'utf8').split(/^\+\+\+[ \t]*$/m);
  expect(parts).toHaveLength(3);
  return parts[2]!;
}

function elements(html: string): Element[] {
  return DomUtils.findAll(() => true, parseDocument(html).children);
}

// Iterative on purpose: one corpus article nests 3000 elements, and DomUtils.textContent recurses.
function text(html: string): string {
  let out = '';
  const stack: DomNode[] = [...parseDocument(html).children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === ElementType.Text) out += node.data;
    else if ('children' in node) stack.push(...[...node.children].reverse());
  }
  return out;
}

// Written independently of the implementation (no shared helpers), and stricter than a
// browser: every control and space is removed before the scheme is read.
const squash = (value: string): string => value.replace(/[\u0000-\u0020\u007f-\u009f\u2028\u2029]/g, '');
const LINK_OK = /^(?:https?:\/\/|mailto:)/i;
const SRC_OK = /^(?:https?:\/\/|data:image\/(?:png|gif|jpeg|webp|avif)[;,])/i;
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'poster',
  'srcset',
  'xlink:href',
  'background',
  'dynsrc',
  'lowsrc',
  'ping',
  'cite',
];

// What the output may contain at all; anything else is a leak even if it looks harmless.
const TAGS = new Set(
  `h1 h2 h3 h4 h5 h6 p br hr ul ol li dl dt dd table caption colgroup col thead tbody tfoot tr th td
   blockquote pre code kbd samp var figure figcaption img a em strong b i u s del ins sub sup small mark
   abbr cite q span div section article aside header footer details summary time`.split(/\s+/),
);
const GLOBAL_ATTRIBUTES = new Set(['lang', 'dir']);
const ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  abbr: ['title'],
  time: ['datetime'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'reversed'],
  li: ['value'],
  details: ['open'],
  span: ['class', 'data-blocked-kind', 'data-blocked-url', 'title'],
};

/** Every property the brief asks of sanitized output, checked on a parsed tree. */
function expectSafe(html: string, allowRemoteImages: boolean): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<style/i);
  for (const el of elements(html)) {
    const where = `<${el.name}> in ${html.slice(0, 300)}`;
    expect(TAGS.has(el.name), where).toBe(true);
    for (const [name, value] of Object.entries(el.attribs)) {
      expect(name.startsWith('on'), `${name} on ${where}`).toBe(false);
      expect(GLOBAL_ATTRIBUTES.has(name) || (ATTRIBUTES[el.name] ?? []).includes(name), `${name} on ${where}`).toBe(true);
      if (URL_ATTRIBUTES.includes(name)) {
        expect(squash(value), `${name} on ${where}`).toMatch(name === 'src' ? SRC_OK : LINK_OK);
      }
    }
    if (el.attribs.class !== undefined) expect(el.attribs.class).toBe('gleaner-blocked');
    if (el.name === 'a') {
      expect(el.attribs.rel).toBe('noopener noreferrer nofollow');
      expect(el.attribs.target).toBe('_blank');
    }
    if (el.name === 'img' && !allowRemoteImages) expect(squash(el.attribs.src ?? '')).toMatch(/^data:image\//i);
  }
}

describe('sanitizeArticleHtml on the hostile corpus', () => {
  it('has at least 60 articles, one marker each', () => {
    expect(hostileFiles.length).toBeGreaterThanOrEqual(60);
    hostileFiles.forEach((file, index) => {
      const nn = String(index + 1).padStart(2, '0');
      expect(file.startsWith(`${nn}-`)).toBe(true);
      expect(body(file)).toContain(`<p>BENIGN-MARKER-${nn}</p>`);
    });
  });

  it('lists every article in its README', () => {
    const readme = readFileSync(join(HOSTILE_DIR, 'README.md'), 'utf8');
    for (const file of hostileFiles) expect(readme).toContain(`\`${file}\``);
  });

  describe.each([false, true])('allowRemoteImages: %s', (allowRemoteImages) => {
    it.each(hostileFiles)('%s', (file) => {
      const nn = file.slice(0, 2);
      const { html } = sanitizeArticleHtml(body(file), { allowRemoteImages });
      expectSafe(html, allowRemoteImages);
      expect(text(html)).toContain(`BENIGN-MARKER-${nn}`);
      expect(sanitizeArticleHtml(html, { allowRemoteImages }).html).toBe(html);
    });
  });
});

describe('sanitizeArticleHtml keeps what reading needs', () => {
  const off = { allowRemoteImages: false };

  it('keeps code samples with angle brackets escaped', () => {
    const code =
      '<pre><code>&lt;div class="a"&gt;x &amp;&amp; y &lt;/div&gt;\n&lt;script&gt;</code></pre><p>Use <code>&lt;b&gt;</code> and <kbd>Ctrl</kbd>.</p>';
    expect(sanitizeArticleHtml(code, off).html).toBe(code);
  });

  it('keeps headings, lists, tables, figures and inline semantics byte for byte', () => {
    const article = [
      '<article><header><h1>Title</h1><p><time datetime="2025-01-02">2 Jan</time></p></header>',
      '<section><h2>Part</h2><p><em>e</em> <strong>s</strong> <b>b</b> <i>i</i> <u>u</u> <s>s</s> <del>d</del> <ins>n</ins>',
      ' H<sub>2</sub>O x<sup>2</sup> <small>sm</small> <mark>m</mark> <abbr title="HyperText">HTML</abbr> <cite>c</cite> <q>q</q> <samp>o</samp> <var>v</var></p>',
      '<ul><li>one</li><li>two<ol start="3" reversed><li value="7">nested</li></ol></li></ul>',
      '<dl><dt>term</dt><dd>definition</dd></dl><blockquote><p>quoted</p></blockquote><hr />',
      '<table><caption>Cap</caption><colgroup><col span="2" /></colgroup><thead><tr><th scope="col">H</th><th>I</th></tr></thead>',
      '<tbody><tr><td colspan="2" rowspan="1">cell</td></tr></tbody><tfoot><tr><td>f</td><td>g</td></tr></tfoot></table>',
      '<figure><img src="data:image/png;base64,iVBORw0KGgo=" alt="chart" width="10" height="20" /><figcaption>Figure 1</figcaption></figure>',
      '<details open><summary>More</summary><div dir="rtl" lang="ar">نص</div></details>',
      '<aside>note</aside><footer>end<br />line</footer></section></article>',
    ].join('');
    expect(sanitizeArticleHtml(article, off).html).toBe(article);
  });
});

describe('sanitizeArticleHtml and remote resources', () => {
  const off = { allowRemoteImages: false };
  const on = { allowRemoteImages: true };

  it('replaces a remote image with an escaped placeholder and records it', () => {
    const result = sanitizeArticleHtml('<p><img src="https://tracker.invalid/a.jpg?x=1&amp;y=2" alt="A <cat>"></p>', off);
    const url = 'https://tracker.invalid/a.jpg?x=1&amp;y=2';
    expect(result.html).toBe(
      `<p><span class="gleaner-blocked" data-blocked-kind="image" data-blocked-url="${url}" title="Remote image blocked: ${url}">[image: A &lt;cat&gt;]</span></p>`,
    );
    expect(result.blockedRemote).toEqual([{ kind: 'image', url: 'https://tracker.invalid/a.jpg?x=1&y=2' }]);
  });

  it('keeps remote images when allowed, protocol-relative ones as https', () => {
    const result = sanitizeArticleHtml('<img src="https://tracker.invalid/a.jpg" alt="A" onload="x()"><img src="//tracker.invalid/b.jpg">', on);
    expect(result.html).toBe('<img src="https://tracker.invalid/a.jpg" alt="A" /><img src="https://tracker.invalid/b.jpg" />');
    expect(result.blockedRemote).toEqual([]);
  });

  it('blocks a protocol-relative image like any remote one', () => {
    const result = sanitizeArticleHtml('<img src="//tracker.invalid/b.jpg">', off);
    expect(result.blockedRemote).toEqual([{ kind: 'image', url: 'https://tracker.invalid/b.jpg' }]);
    expect(result.html).toContain('[image]');
  });

  it.each([off, on])('drops tracking pixels and counts them (%o)', (options) => {
    const html =
      '<p>a<img src="https://tracker.invalid/p.gif" width="1" height="1">b<img src="https://tracker.invalid/q.gif" width="0" height="0">c<img src="https://tracker.invalid/r.gif" style="display: none">d</p>';
    const result = sanitizeArticleHtml(html, options);
    expect(result.html).toBe('<p>abcd</p>');
    expect(result.blockedRemote.map((b) => b.url)).toEqual(['p.gif', 'q.gif', 'r.gif'].map((f) => `https://tracker.invalid/${f}`));
    expect(result.blockedRemote.every((b) => b.kind === 'image')).toBe(true);
  });

  it.each([off, on])('never loads video, audio or frames, and drops what was inside them (%o)', (options) => {
    const html =
      '<p>a<video src="https://evil.invalid/v.mp4" poster="https://evil.invalid/p.jpg">fallback <b>x</b><img src="https://evil.invalid/i.png"></video>b' +
      '<iframe src="https://evil.invalid/f">fallback <p>y</p></iframe>c<audio controls><source src="https://evil.invalid/a.mp3"></audio>d</p>';
    const result = sanitizeArticleHtml(html, options);
    expect(text(result.html)).toBe('a[video: https://evil.invalid/v.mp4]b[iframe: https://evil.invalid/f]c[audio: https://evil.invalid/a.mp3]d');
    expect(result.blockedRemote).toEqual([
      { kind: 'media', url: 'https://evil.invalid/v.mp4' },
      { kind: 'iframe', url: 'https://evil.invalid/f' },
      { kind: 'media', url: 'https://evil.invalid/a.mp3' },
    ]);
  });

  it('records stylesheets, fonts and plugins it drops', () => {
    const html =
      '<link rel="Stylesheet" href="https://evil.invalid/s.css"><link rel="preload" as="font" href="https://evil.invalid/f.woff2"><embed src="https://evil.invalid/e.swf">';
    expect(sanitizeArticleHtml(html, on)).toEqual({
      html: '',
      blockedRemote: [
        { kind: 'stylesheet', url: 'https://evil.invalid/s.css' },
        { kind: 'font', url: 'https://evil.invalid/f.woff2' },
        { kind: 'other', url: 'https://evil.invalid/e.swf' },
      ],
    });
  });

  it('strips a forged placeholder whose URL is not a web URL', () => {
    const forged = '<span class="gleaner-blocked" data-blocked-kind="image" data-blocked-url="javascript:alert(1)" title="t">x</span>';
    expect(sanitizeArticleHtml(forged, off).html).toBe('<span>x</span>');
  });
});

describe('sanitizeArticleHtml and links', () => {
  const off = { allowRemoteImages: false };

  it('gives every link rel and target, replacing what the article set', () => {
    const html = '<a href="https://ok.invalid/a" rel="opener" target="_self" id="x" name="y" ping="https://tracker.invalid/">a</a>';
    expect(sanitizeArticleHtml(html, off).html).toBe('<a href="https://ok.invalid/a" rel="noopener noreferrer nofollow" target="_blank">a</a>');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '&#106;avascript:alert(1)',
    ' \u0001javascript:alert(1)',
    'java&#x0A;script:alert(1)',
    'vbscript:x',
    'data:text/html,x',
    'data:image/png;base64,AAAA',
    '//evil.invalid/',
    '/relative',
    '#top',
    'file:///etc/passwd',
  ])('drops href %j but keeps the text', (href) => {
    expect(sanitizeArticleHtml(`<a href="${href}">keep me</a>`, off).html).toBe('<a rel="noopener noreferrer nofollow" target="_blank">keep me</a>');
  });

  it('keeps mailto links', () => {
    expect(sanitizeArticleHtml('<a href="MAILTO:me@ok.invalid">m</a>', off).html).toContain('href="mailto:me@ok.invalid"');
  });
});

describe('sanitizeArticleHtml structure', () => {
  const off = { allowRemoteImages: false };

  // sanitize-html leaves its rename table stale when a renamed element is discarded; the next
  // sibling's end tag then came out under the wrong name. Dropping must not rename.
  it('closes the sibling after a dropped element under its own name', () => {
    expect(sanitizeArticleHtml('<div><img src="javascript:x"><p>text</p></div><p>after</p>', off).html).toBe('<div><p>text</p></div><p>after</p>');
    expect(
      sanitizeArticleHtml('<picture><source srcset="https://e.invalid/a.webp"><img src="https://e.invalid/a.jpg" alt="p"></picture>', {
        allowRemoteImages: true,
      }).html,
    ).toBe('<img src="https://e.invalid/a.jpg" alt="p" />');
  });

  it('unwraps form markup but keeps readable text', () => {
    const html =
      '<form action="https://evil.invalid/"><label>Name <input name="n"></label><button>Send</button><select><option>o</option></select><textarea>t</textarea></form>';
    expect(sanitizeArticleHtml(html, off).html).toBe('Name Send');
  });
});
