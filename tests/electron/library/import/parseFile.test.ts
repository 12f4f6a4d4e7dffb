import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticleFile, tooLargeReason } from '../../../../electron/library/import/parseFile.js';
import type { ParsedArticle } from '../../../../electron/library/import/types.js';
import { CORPORA, corporaDir, describeNeeding } from '../../../helpers/requirements.js';

const fixtureDir = new URL('../../../fixtures/parse/', import.meta.url);
const bytes = (name: string): Buffer => readFileSync(new URL(name, fixtureDir));

function article(name: string, relPath = name): ParsedArticle {
  const result = parseArticleFile(bytes(name), relPath);
  if (!result.ok) throw new Error(`${name} failed: ${result.reason}`);
  return result.article;
}

function failure(name: string | Buffer, relPath = typeof name === 'string' ? name : 'x.md', maxBytes?: number): string {
  const result = parseArticleFile(typeof name === 'string' ? bytes(name) : name, relPath, { maxBytes });
  if (result.ok) throw new Error('expected a failure');
  return result.reason;
}

describe('the seed article', () => {
  it('comes out with every field right', () => {
    const a = article('toml-seed.txt', 'news/seed-article.txt');
    expect(a.format).toBe('toml');
    expect(a.bodyFormat).toBe('html');
    expect(a.fields).toEqual({
      title: 'UK Government and OpenAI Partner to Revolutionize Public Sector Services with AI',
      date: '2025-07-29T14:15:29.000Z',
      dateSource: 'front-matter',
      draft: false,
      summary:
        'The collaboration between the UK government and OpenAI aims to leverage artificial intelligence to improve public sector services, marking a significant step towards the modernization of government operations worldwide.',
      description:
        "OpenAI collaborates with the UK government to explore AI's role in improving public sector services, marking a significant step towards tech-driven governance.",
      source: 'InvestorBrandNetwork (IBN)',
      sourceOrigin: 'file',
      authors: [],
      lang: null,
      sourceLink: 'https://rss.investorbrandnetwork.com/ainw/uk-openai-ink-deal-for-ai-use-in-public-services/',
      url: '/202507/124330-uk-government-and-openai-partner-to-revolutionize-public-sector-services-with-ai',
      enclosure: 'https://cdn.newsramp.app/genai/images/257/29/4566bfe447669ad6ac509dd3f41d50fa.png',
      articleId: '124330',
      feedItemId: '17705',
    });
    expect(a.extra).toEqual({ qrcode: 'https://cdn.newsramp.app/ibn/qrcode/257/29/irisg6At.webp' });
    expect(a.fileTags).toEqual([]);
    expect(a.warnings).toEqual([]);
    expect(a.text.startsWith('The UK government has entered into a strategic partnership')).toBe(true);
    expect(a.text).toContain('public sector innovation.\nThe partnership also');
    expect(a.text).toContain('companies like D-Wave Quantum Inc. (NYSE: QBTS) leading');
    expect(a.text).not.toContain('<');
    expect(a.contentHash).toBe(createHash('sha1').update(a.body).digest('hex'));
    expect(a.contentHash).toMatch(/^[0-9a-f]{40}$/);
    expect(a.body.startsWith('\n<p>The UK government')).toBe(true);
    // The result crosses a worker boundary: it must survive structured cloning unchanged.
    expect(structuredClone(a)).toEqual(a);
  });
});

describe('authors, language, source, categories and excerpts', () => {
  it('reads authors as objects with a name, a language key, a publisher as the source, and category strings as tags', () => {
    const a = article('authors-objects.md');
    expect(a.fields).toMatchObject({
      authors: ['Ada Lovelace', 'Charles Babbage'],
      lang: 'en-gb',
      source: 'Analytical Engine Weekly',
      sourceOrigin: 'site-field',
    });
    expect(a.fileTags).toEqual(['history', 'computing', 'Engines']);
    // Mapped keys leave extra; the publisher stays (it is the source only for want of a better one).
    expect(a.extra).toEqual({ publisher: 'Analytical Engine Weekly' });
    expect(a.excerpt).toBe('Some text.');
  });

  it('reads a byline joined by &, the host of an absolute url, the language of the file name, and category as a tag', () => {
    const a = article('byline-url-host.de.md', 'news/byline-url-host.de.md');
    expect(a.fields).toMatchObject({ authors: ['Anna Schmidt', 'Jörg Weber'], lang: 'de', source: 'heise.de', sourceOrigin: 'url' });
    expect(a.fileTags).toEqual(['news']);
  });

  it('reads a creator link; a relative url names no source (the folder gives one at import)', () => {
    const a = article('creator-relative-url.md');
    expect(a.fields).toMatchObject({ authors: ['Sam Lee'], lang: 'de', source: null, sourceOrigin: null });
    // Cut before character 200, at the last space, with an ellipsis.
    expect(a.excerpt).toBe(`${'A body long enough to have an excerpt cut at a word boundary. '.repeat(3)}A body long…`);
  });

  it('keeps the file source first: `source` wins over a publisher and a url', () => {
    const a = parseArticleFile(Buffer.from('---\ntitle: T\nsource: Own\npublisher: Other\nurl: https://x.org/a\n---\nBody'), 'a.md');
    expect(a.ok && [a.article.fields.source, a.article.fields.sourceOrigin]).toEqual(['Own', 'file']);
  });

  it('gives no excerpt when the file has a summary or a description', () => {
    expect(article('toml-seed.txt').excerpt).toBeNull();
  });

  it('skips empty and whitespace-only files with a reason, but keeps front matter with an empty body', () => {
    expect(parseArticleFile(bytes('empty-file.md'), 'empty-file.md')).toEqual({ ok: false, skipped: true, reason: 'empty file' });
    expect(parseArticleFile(bytes('whitespace-only.md'), 'whitespace-only.md')).toEqual({
      ok: false,
      skipped: true,
      reason: 'file holds only blank space',
    });
    expect(article('frontmatter-empty-body.md').fields.title).toBe('Still an article');
  });
});

describe('bytes to text', () => {
  it('fails a file over the size limit with the size in words', () => {
    const big = Buffer.alloc(Math.round(12.3 * 1024 * 1024), 'a');
    expect(failure(big, 'big.md')).toBe('file is 12.3 MB, over the 10 MB limit (change it with --max-file-size)');
    expect(failure(Buffer.from('+++\ntitle = "x"\n+++\nabc'), 'small.md', 10)).toMatch(/^file is 0 MB, over the 0 MB limit/);
    expect(tooLargeReason(3 * 1024 * 1024, 2 * 1024 * 1024)).toBe('file is 3 MB, over the 2 MB limit (change it with --max-file-size)');
  });

  it('refuses binary files and UTF-16', () => {
    expect(failure('binary-disguised.md')).toBe('looks like a binary file, not text');
    expect(failure('utf16.txt')).toBe('is UTF-16 text; save it as UTF-8 to import it');
  });

  it('replaces a few invalid UTF-8 bytes with a warning', () => {
    const a = article('invalid-utf8.txt');
    expect(a.text).toBe('Café au lait is a drink. Prices: \uFFFD 3 euros, \uFFFD and more text after the bad bytes so they stay under ten percent.');
    expect(a.warnings).toContain('contains invalid UTF-8; bad bytes were replaced with \uFFFD');
  });

  it('refuses a file in another encoding', () => {
    expect(failure('latin1.txt')).toMatch(/^not UTF-8 text \(\d+% of characters could not be decoded; save it as UTF-8\)$/);
  });
});

describe('front matter formats', () => {
  it.each([
    ['toml-bom.md', 'toml', 'Byte order mark', '2024-03-01T08:00:00.000Z'],
    ['toml-crlf.md', 'toml', 'Windows line ends', '2024-03-02T00:00:00.000Z'],
    ['leading-blank-lines.md', 'toml', 'Blank lines first', null],
    ['yaml-basic.md', 'yaml', 'Node.js 22: "Jod" is LTS', '2024-10-29T12:00:00.000Z'],
    ['json-frontmatter.md', 'json', 'JSON front matter', '2023-05-06T05:08:09.000Z'],
  ] as const)('%s: %s, title and date', (name, format, title, date) => {
    const a = article(name);
    expect([a.format, a.fields.title, a.fields.date, a.warnings]).toEqual([format, title, date, []]);
  });

  it('keeps YAML extras typed: small integers as numbers, nested maps', () => {
    expect(article('yaml-basic.md').fields.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(article('yaml-basic.md').extra).toEqual({
      layout: 'blog-post',
      weight: 7,
      menu: { main: { weight: 50 } },
      'cSpell:ignore': 'Jod Roe',
    });
  });

  it.each([
    ['unterminated-toml.md', 'front matter opened with +++ on line 1 is never closed'],
    ['invalid-yaml.md', 'YAML front matter is invalid: Flow sequence in block collection must be sufficiently indented and end with a ] (line 4)'],
    ['duplicate-toml-key.md', 'TOML front matter is invalid: duplicate key "title" (line 3)'],
    ['invalid-json.md', 'JSON front matter is invalid: Expected double-quoted property name (line 3)'],
    ['yaml-not-a-map.md', 'YAML front matter must be a set of "key: value" lines, but it is a list'],
  ])('%s fails: %s', (name, reason) => {
    expect(failure(name)).toBe(reason);
  });
});

describe('an .html file with TOML front matter (Hugo content, the bench corpus)', () => {
  it('reads the front matter and the rest as an HTML body', () => {
    const a = article('toml-frontmatter.html', '2024/03/harbour.html');
    expect([a.format, a.bodyFormat, a.warnings]).toEqual(['toml', 'html', []]);
    expect([a.fields.title, a.fields.date, a.fields.source, a.fileTags]).toEqual([
      'Harbour authority publishes the quarterly report',
      '2024-03-05T09:30:00.000Z',
      'Regional Gazette',
      ['ports', 'reports'],
    ]);
    // The body is the HTML after the front matter, markup kept (sanitized when shown).
    expect(a.body).not.toContain('+++');
    expect(a.body.trimStart()).toMatch(/^<p>The harbour authority <em>published<\/em>/);
    expect(a.text).toBe('The harbour authority published its quarterly report.\nA link and a second paragraph & an entity.');
  });
});

describe('no front matter', () => {
  it('HTML: title from <title>, head not indexed', () => {
    const a = article('no-frontmatter.html');
    expect([a.format, a.bodyFormat, a.fields.title, a.warnings]).toEqual(['none', 'html', 'Plain & Simple Page', []]);
    expect(a.frontMatterRaw).toBeNull();
    expect(a.body).toBe(bytes('no-frontmatter.html').toString('utf8'));
  });

  it('Markdown: title from the first # heading, inline markup removed', () => {
    const a = article('no-frontmatter.md');
    expect([a.format, a.bodyFormat, a.fields.title]).toEqual(['none', 'markdown', 'Markdown Heading Title']);
  });

  it('plain text: stays text (angle brackets kept), title from the file name with a warning', () => {
    const a = article('plain.txt', 'notes/plain.txt');
    expect([a.bodyFormat, a.fields.title]).toEqual(['text', 'plain']);
    expect(a.text).toBe('Just some plain text.\nIt mentions a < b and x > y, and <angle> words, but no HTML tags.\nSecond paragraph.');
    expect(a.warnings).toEqual(['no title in the front matter or the body; used the file name "plain"']);
  });

  it('a .txt holding HTML is read as HTML', () => {
    const a = article('txt-html.txt');
    expect([a.bodyFormat, a.text]).toEqual(['html', 'A .txt file whose body is HTML.\nSecond paragraph.']);
  });
});

describe('fields', () => {
  it('keeps ids above 2^53 digit for digit in TOML, YAML and JSON', () => {
    expect(article('bigint-ids.md').fields).toMatchObject({ articleId: '9007199254740993123', feedItemId: '99999999999999999999' });
    expect(article('bigint-ids.md').extra).toEqual({ other_big: '12345678901234567890', small: 42 });
    expect(article('bigint-ids-yaml.md').fields).toMatchObject({ articleId: '9007199254740993123', feedItemId: '17705' });
    expect(article('bigint-ids-json.md').fields).toMatchObject({ articleId: '9007199254740993123', feedItemId: '17705' });
  });

  it.each([
    ['impossible-date.md', 'date "2025-02-30" is not a real date; stored without a date'],
    ['impossible-date-toml-literal.md', 'date "2025-02-30T10:00:00Z" is not a real date; stored without a date'],
    ['impossible-month-toml-literal.md', 'date "2025-13-01" is not a real date; stored without a date'],
    ['date-formats-unreadable.md', 'date "next Tuesday" is not a date format Gleaner can read; stored without a date'],
  ])('%s: no date, a warning, never a shifted day', (name, warning) => {
    const a = article(name);
    expect([a.fields.date, a.fields.dateSource, a.warnings]).toEqual([null, null, [warning]]);
  });

  it.each([
    ['date-formats-offset.md', '2017-10-30T18:58:39.000Z', 'front-matter'],
    ['date-formats-space-offset.md', '2017-10-30T19:58:39.000Z', 'front-matter'],
    ['date-formats-space-utc.md', '2017-10-30T19:58:39.000Z', 'front-matter'],
    ['date-formats-date-only.md', '2019-11-07T00:00:00.000Z', 'front-matter'],
    ['date-formats-toml-offset.md', '1979-05-27T07:32:00.000Z', 'front-matter'],
    ['date-formats-toml-local-datetime.md', '1979-05-27T07:32:00.000Z', 'front-matter'],
    ['date-formats-toml-local-date.md', '1979-05-27T00:00:00.000Z', 'front-matter'],
    ['date-formats-yaml-millis.md', '2026-01-13T17:00:00.123Z', 'front-matter'],
    ['date-formats-publishdate.md', '2020-01-02T03:04:05.678Z', 'front-matter'],
    ['date-formats-rfc2822.md', '2025-07-29T14:15:29.000Z', 'front-matter'],
    ['2019-11-07-path-date.md', '2019-11-07T00:00:00.000Z', 'path'],
    ['extra-nested-table.md', '2019-11-07T00:00:00.000Z', 'path'],
    ['hugo-bundle/index.md', '2023-02-02T00:00:00.000Z', 'front-matter'],
  ])('%s: date %s from %s', (name, date, source) => {
    const a = article(name);
    expect([a.fields.date, a.fields.dateSource, a.warnings.filter((w) => w.includes('date'))]).toEqual([date, source, []]);
  });

  it('takes the date from a folder path when the front matter has none', () => {
    const a = article('empty-body.md', 'posts/2021/03/04/empty-body.md');
    expect([a.fields.date, a.fields.dateSource]).toEqual(['2021-03-04T00:00:00.000Z', 'path']);
  });

  it('reads draft as a boolean, from "true"/"false" strings too, and warns on anything else', () => {
    expect(article('json-frontmatter.md').fields.draft).toBe(true);
    expect(article('draft-string.md').fields.draft).toBe(true);
    const a = article('draft-invalid.md');
    expect([a.fields.draft, a.warnings]).toEqual([false, ['draft "maybe" is not true or false; treated as false']]);
  });

  it('accepts Title/Date/Draft only when the lowercase key is absent', () => {
    expect(article('title-case-keys.md').fields).toMatchObject({ title: 'Capitalized keys', date: '2021-06-01T09:30:00.000Z', draft: true });
    expect(article('title-case-keys.md').extra).toEqual({});
    const both = article('both-title-keys.md');
    expect([both.fields.title, both.extra]).toEqual(['lowercase wins', { Title: 'Capitalized' }]);
  });

  it('takes the url of a Hugo-style enclosure table', () => {
    const a = article('enclosure-table.md');
    expect([a.fields.enclosure, a.extra]).toEqual(['https://example.com/audio.mp3', {}]);
  });

  it('merges tags, categories and keywords: trimmed, no empties, de-duplicated ignoring case', () => {
    const a = article('tags-categories.md');
    expect(a.fileTags).toEqual(['Rust', 'async', 'Release', 'Performance', '2024']);
    expect(a.extra).toEqual({});
  });

  it('keeps every other key in extra as JSON: arrays, nested tables, datetimes as text', () => {
    expect(article('extra-nested-table.md').fields.authors).toEqual(['Niko Matsakis']);
    expect(article('extra-nested-table.md').extra).toEqual({
      path: '2019/11/07/Async-await-stable',
      aliases: ['2019/11/07/Async-await-stable.html'],
      published_at: '2019-11-07T10:00:00.000Z',
      local_day: '2019-11-07',
      extra: {
        team: 'the Rust team',
        release: true,
        index_html: 'Multi-line <b>string</b> with a continuation.',
        see_also: [{ path: '/inside-rust/', text: 'Inside Rust' }],
      },
    });
  });

  it('names a page bundle after its folder when it has no title', () => {
    const a = article('hugo-bundle/index.md', 'blog/2023/hugo-bundle/index.md');
    expect(a.fields.title).toBe('hugo-bundle');
    expect(a.warnings).toEqual(['no title in the front matter or the body; used the file name "hugo-bundle"']);
  });

  it('handles an empty body', () => {
    const a = article('empty-body.md');
    expect([a.body, a.text, a.fields.title]).toEqual(['', '', 'Empty body']);
    expect(a.contentHash).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });
});

describe('body text', () => {
  it('removes shortcodes from the index text and keeps what the reader should see', () => {
    const a = article('shortcodes.md');
    // Only the escaped shortcode and the ones inside code are left, as text.
    expect(a.text).toBe(
      [
        'Intro text.',
        'Visible inner text.',
        'Read the original post.',
        'Unknown param: []',
        'Escaped: {{< figure src="literal" >}}',
        'Inline code {{< not-a-shortcode >}} stays.',
        '{{< highlight go >}}',
        'Outro.',
      ].join('\n'),
    );
    expect(a.body).toContain('{{< comment >}}'); // the body itself is kept as written
  });

  it('keeps angle-bracket text from code, drops HTML comments', () => {
    const a = article('code-angle-brackets.md');
    expect(a.text).toBe(
      'Run node --run <script-in-package-json> to start. The <HookName> type matters.\nif (a < b && c > d) { console.log("<p>not a tag</p>"); }\nA real bold tag and an escaped <tag>.',
    );
  });
});

// ---------------------------------------------------------------------------------------
// Real-world corpora (see ../shared/corpora/README.md). They live beside the repository
// (as on CI, where GLEANER_REQUIRE_CORPORA=1 makes their absence a failure); a clone with
// nothing beside it skips this suite only.
// ---------------------------------------------------------------------------------------

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

describeNeeding([CORPORA], 'real-world corpora', () => {
  const corpora: string[] = [];
  const results = new Map<string, ParsedArticle>();
  const failures: string[] = [];
  // In a hook, not at collection time, so the ~3 s of parsing counts against a timeout.
  beforeAll(() => {
    corpora.push(
      ...readdirSync(corporaDir(), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name),
    );
    for (const corpus of corpora) {
      const root = join(corporaDir(), corpus, 'articles');
      for (const file of walk(root)) {
        const rel = relative(root, file);
        const result = parseArticleFile(readFileSync(file), rel);
        if (result.ok) results.set(`${corpus}/${rel}`, result.article);
        else failures.push(`${corpus}/${rel}: ${result.reason}`);
      }
    }
  });
  const get = (key: string): ParsedArticle => {
    const a = results.get(key);
    if (!a) throw new Error(`${key} was not parsed`);
    return a;
  };

  it('parses every file without a failure', () => {
    expect(corpora.sort()).toEqual(['nodejs-blog', 'opentelemetry-blog', 'redox-website', 'rust-blog']);
    expect(failures).toEqual([]);
    expect(results.size).toBe(2331);
  });

  it('rust-blog: TOML, dates from the path key, literal strings, no-title and text files', () => {
    expect(get('rust-blog/4-Years-Of-Rust.md').fields).toMatchObject({
      title: '4 years of Rust',
      date: '2019-05-15T00:00:00.000Z',
      dateSource: 'path',
    });
    expect(get('rust-blog/Clippy-deprecating-feature-cargo-clippy.md').fields).toMatchObject({
      title: 'Clippy: Deprecating `feature = "cargo-clippy"`',
      date: '2024-02-28T00:00:00.000Z',
    });
    expect(get('rust-blog/inside-rust/all-hands.md').fields).toMatchObject({
      title: 'Save the Date: Rust All Hands 2025',
      date: '2024-09-02T00:00:00.000Z',
    });
    expect(get('rust-blog/1.94.1-release.md').fields.date).toBe('2026-03-26T00:00:00.000Z');
    const latest = get('rust-blog/releases/latest.md');
    expect([latest.fields.title, latest.fields.date, latest.text, latest.extra]).toEqual(['latest', null, '', { template: 'latest.html' }]);
    const txt = get('rust-blog/Increasing-Rusts-Reach/application.txt');
    expect([txt.format, txt.bodyFormat, txt.fields.title]).toEqual(['none', 'text', 'application']);
    const index = get('rust-blog/_index.md');
    expect(index.fields.title).toBe('Rust Blog');
    expect((index.extra['extra'] as Record<string, unknown>)['index_title']).toBe('The Rust Programming Language Blog');
    // `cargo <script>` in a code span is text, not the start of a script element.
    const cargo = get('rust-blog/inside-rust/this-development-cycle-in-cargo-1.79/index.md').text;
    expect(cargo).toContain('cargo <script> loads the config file');
    expect(cargo).toContain('This is like cargo install');
  });

  it('nodejs-blog: YAML, quoted and unquoted ISO dates, offsets, the empty index page', () => {
    expect(get('nodejs-blog/announcements/mikeal.md').fields).toMatchObject({
      title: 'In Memory of Mikeal Rogers: A Builder of Communities',
      date: '2025-06-20T15:00:00.000Z',
    });
    expect(get('nodejs-blog/announcements/mikeal.md').extra['canonical']).toBe('https://openjsf.org/blog/in-memory-of-mikeal-rogers');
    expect(get('nodejs-blog/announcements/official-discord-launch-announcement.md').fields.date).toBe('2025-03-17T14:00:00.000Z');
    expect(get('nodejs-blog/vulnerability/january-2026-dos-mitigation-async-hooks.md').fields.date).toBe('2026-01-13T17:00:00.000Z');
    const big = get('nodejs-blog/uncategorized/10-lts-to-12-lts.md');
    expect(big.fields).toMatchObject({ title: 'The Difference Between Node.js 10 LTS and Node.js 12 LTS', date: '2019-10-20T12:00:00.000Z' });
    expect(big.text.length).toBeGreaterThan(100_000);
    const index = get('nodejs-blog/index.md');
    expect([index.fields.title, index.fields.date, index.text]).toEqual(['Blog', null, '']);
  });

  it('redox-website: eight date shapes, YAML among TOML, a blank line before +++, partials', () => {
    const date = (f: string) => get(`redox-website/${f}`).fields.date;
    expect(date('news/this-week-in-redox-31.md')).toBe('2017-10-30T19:58:39.000Z');
    expect(date('news/gsoc-self-hosting-2.md')).toBe('2017-07-08T23:52:23.000Z');
    expect(date('news/revirt-1.md')).toBe('2022-07-18T04:35:30.295Z');
    expect(date('news/rsoc-ion-lib-0.md')).toBe('2019-06-02T01:26:25.000Z');
    expect(date('news/rsoc-ion-ux-0.md')).toBe('2019-07-21T00:00:00.000Z');
    expect(get('redox-website/news/rsoc-ion-lib-0.md').format).toBe('yaml');
    const ar = get('redox-website/donate.ar.md');
    expect([ar.format, ar.fields.title]).toEqual(['toml', 'تبرع']);
    expect(get('redox-website/donate.zh.md').text).not.toMatch(/partial|\{\{/);
    const kernel = get('redox-website/news/kernel-10.md');
    expect(kernel.fields.title).toBe('Significant performance and correctness improvements to the kernel');
    expect(kernel.text).not.toContain('width: 100%');
  });

  it('opentelemetry-blog: bare dates, shortcodes, hidden comments, folded authors', () => {
    const governance = get('opentelemetry-blog/2019/opentelemetry-governance-committee-explained/index.md');
    expect(governance.fields).toMatchObject({ title: 'OpenTelemetry Governance Committee Explained', date: '2019-11-06T00:00:00.000Z' });
    expect(governance.text).not.toContain('{{');
    const kubecon = get('opentelemetry-blog/2026/kubecon-eu.md');
    expect(kubecon.text).not.toContain('OpenTelemetry Observatory');
    expect(kubecon.text).toContain('Join us');
    expect(get('opentelemetry-blog/2023/euwg-future-of-observability-panel.md').text).not.toContain('youtube');
    const root = get('opentelemetry-blog/_index.md');
    expect([root.fields.title, root.fields.date, root.text]).toEqual(['Blog', null, '']);
    expect(root.extra['menu']).toEqual({ main: { weight: 50 } });
    // `author: '[Laurent Quérel](https://github.com/lquerel) (F5), [Joshua MacDonald](…) (ServiceNow)'`
    expect(get('opentelemetry-blog/2023/otel-arrow/index.md').fields.authors).toEqual(['Laurent Quérel', 'Joshua MacDonald']);
  });

  it('only warns about the two files that really have no title', () => {
    const warned = [...results].filter(([, a]) => a.warnings.length > 0).map(([k, a]) => `${k}: ${a.warnings.join('; ')}`);
    expect(warned).toEqual([
      'rust-blog/Increasing-Rusts-Reach/application.txt: no title in the front matter or the body; used the file name "application"',
      'rust-blog/releases/latest.md: no title in the front matter or the body; used the file name "latest"',
    ]);
  });
});

describe('tags from the file', () => {
  it('keeps valid tags (trimmed, hierarchy normalized, first spelling) and warns about the rest', () => {
    const a = article('tags-invalid.md');
    expect(a.fileTags).toEqual(['ok', 'Spaced', 'policy/uk']);
    expect(a.warnings).toHaveLength(3);
    expect(a.warnings.join('\n')).toMatch(/"policy\/\/uk" was not imported: .*each part/);
    expect(a.warnings.join('\n')).toMatch(/at most 100 characters/);
    expect(a.warnings.join('\n')).toMatch(/control characters/);
  });
});

describe('CRLF TOML with comments', () => {
  it('parses (the \\r ending a comment line is a line end, not a control character)', () => {
    const a = article('toml-crlf-comment.md');
    expect(a.fields.title).toBe('CRLF with comment');
    expect(a.fields.date).toBe('2025-01-02T00:00:00.000Z');
    expect(a.frontMatterRaw).toContain('\r\n# a comment line\r\n');
  });
});
