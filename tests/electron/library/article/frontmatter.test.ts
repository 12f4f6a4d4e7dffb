import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter, type FrontMatter } from '../../../../electron/library/article/frontmatter.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/parse/${name}`, import.meta.url), 'utf8');

function parsed(name: string): FrontMatter {
  const result = parseFrontMatter(fixture(name));
  if (!result.ok) throw new Error(`${name} failed: ${result.reason}`);
  return result.value;
}

function reason(text: string): string {
  const result = parseFrontMatter(text);
  if (result.ok) throw new Error('expected a failure');
  return result.reason;
}

describe('TOML front matter', () => {
  it('splits the seed article into raw TOML, data and an untouched body', () => {
    const fm = parsed('toml-seed.txt');
    expect(fm.format).toBe('toml');
    expect(fm.raw!.startsWith('title = "UK Government')).toBe(true);
    expect(fm.raw!.endsWith('source = "InvestorBrandNetwork (IBN)"\n')).toBe(true);
    expect(fm.raw).not.toContain('+++');
    expect(fm.body.startsWith('\n<p>The UK government')).toBe(true);
    expect(fm.body.endsWith('to the public.</p>')).toBe(true);
    expect(fm.data['article_id']).toBe(124330);
    expect(fm.data['draft']).toBe(false);
  });

  it('drops a UTF-8 byte order mark', () => {
    const fm = parsed('toml-bom.md');
    expect(fm.format).toBe('toml');
    expect(fm.data['title']).toBe('Byte order mark');
    expect(fm.body).toBe('The file starts with a UTF-8 BOM.\n');
  });

  it('reads CRLF files and keeps their line ends in raw and body', () => {
    const fm = parsed('toml-crlf.md');
    expect(fm.data).toEqual({ title: 'Windows line ends', date: '2024-03-02', tags: ['crlf'] });
    expect(fm.raw).toBe('title = "Windows line ends"\r\ndate = "2024-03-02"\r\ntags = ["crlf"]\r\n');
    expect(fm.body).toBe('First paragraph.\r\n\r\nSecond paragraph.\r\n');
  });

  it('skips blank lines before the opening fence', () => {
    const fm = parsed('leading-blank-lines.md');
    expect(fm.format).toBe('toml');
    expect(fm.data['title']).toBe('Blank lines first');
    expect(fm.body).toBe('Body after blank lines.\n');
  });

  it('accepts empty front matter and a closing fence at the end of the file', () => {
    expect(parseFrontMatter('+++\n+++\nbody')).toEqual({ ok: true, value: { format: 'toml', raw: '', data: {}, body: 'body' } });
    expect(parseFrontMatter('+++\ntitle = "x"\n+++')).toMatchObject({ ok: true, value: { data: { title: 'x' }, body: '' } });
  });

  it('keeps nested tables and arrays of tables', () => {
    const fm = parsed('extra-nested-table.md');
    expect(fm.data['extra']).toEqual({
      team: 'the Rust team',
      release: true,
      index_html: 'Multi-line <b>string</b> with a continuation.',
      see_also: [{ path: '/inside-rust/', text: 'Inside Rust' }],
    });
    // `path` inside [[extra.see_also]] must not leak to the top level.
    expect(fm.data['path']).toBe('2019/11/07/Async-await-stable');
  });

  it('keeps every digit of integers above 2^53, even past the 64-bit range the parser wraps', () => {
    const fm = parsed('bigint-ids.md');
    expect(fm.data['article_id']).toBe(9007199254740993123n);
    expect(fm.data['feed_item_id']).toBe(99999999999999999999n);
    expect(fm.data['other_big']).toBe(12345678901234567890n);
    expect(fm.data['small']).toBe(42);
  });

  it('turns impossible bare dates back into their literal text instead of a rolled-over day', () => {
    expect(parsed('impossible-date-toml-literal.md').data['date']).toBe('2025-02-30T10:00:00Z');
    expect(parsed('impossible-month-toml-literal.md').data['date']).toBe('2025-13-01');
    // A real date stays a Date.
    expect(parsed('date-formats-toml-offset.md').data['date']).toBeInstanceOf(Date);
  });

  it('explains invalid TOML with the file line number', () => {
    expect(reason(fixture('duplicate-toml-key.md'))).toBe('TOML front matter is invalid: duplicate key "title" (line 3)');
    expect(reason(fixture('invalid-toml.md'))).toBe('TOML front matter is invalid: Unterminated string (line 2)');
    expect(reason('\n\n+++\n[t]\na = 1\n[t]\n+++\n')).toBe('TOML front matter is invalid: table [t] is defined twice (line 6)');
  });

  it('refuses table paths through inherited names, which @iarna/toml would write onto built-ins', () => {
    expect(reason(fixture('toml-inherited-table.md'))).toBe(
      'TOML front matter is not accepted: "constructor" cannot be used as a table name (line 3)',
    );
    expect(reason('+++\n[x]\ntoString.zz = 1\n+++\n')).toBe('TOML front matter is not accepted: "toString" cannot be used as a table name (line 3)');
    expect((Object as unknown as Record<string, unknown>)['zz']).toBeUndefined();
    expect((Object.prototype.toString as unknown as Record<string, unknown>)['zz']).toBeUndefined();
    // A plain key with such a name is harmless and stays accepted.
    expect(parseFrontMatter('+++\nconstructor = 1\n[a]\ntoString = "x"\n+++\n')).toMatchObject({
      ok: true,
      value: { data: { constructor: 1, a: { toString: 'x' } } },
    });
  });

  it('reports front matter that is never closed', () => {
    expect(reason(fixture('unterminated-toml.md'))).toBe('front matter opened with +++ on line 1 is never closed');
    expect(reason('\n+++')).toBe('front matter opened with +++ on line 2 is never closed');
  });
});

describe('YAML front matter', () => {
  it('parses the Node.js blog shape: quoting, comments, flow maps, keys with colons', () => {
    const fm = parsed('yaml-basic.md');
    expect(fm.format).toBe('yaml');
    expect(fm.data).toEqual({
      title: 'Node.js 22: "Jod" is LTS',
      date: '2024-10-29T12:00:00.000Z',
      author: 'Jane Doe, John Roe',
      layout: 'blog-post',
      weight: 7n,
      menu: { main: { weight: 50n } },
      'cSpell:ignore': 'Jod Roe',
    });
    expect(fm.body).toBe('\nNode.js **22** is now *long-term support*.\n');
  });

  it('leaves timestamps as strings so the date check sees what was written', () => {
    expect(parsed('date-formats-yaml-millis.md').data['date']).toBe('2026-01-13T17:00:00.123Z');
    expect(parsed('hugo-bundle/index.md').data['date']).toBe('2023-02-02');
  });

  it('keeps big integers exact', () => {
    expect(parsed('bigint-ids-yaml.md').data['article_id']).toBe(9007199254740993123n);
  });

  it('treats an empty block as no keys', () => {
    expect(parseFrontMatter('---\n# nothing yet\n---\nbody')).toMatchObject({ ok: true, value: { format: 'yaml', data: {}, body: 'body' } });
  });

  it('explains invalid YAML, duplicate keys and a block that is not a map', () => {
    expect(reason(fixture('invalid-yaml.md'))).toMatch(/^YAML front matter is invalid: Flow sequence .* \(line 4\)$/);
    expect(reason(fixture('duplicate-yaml-key.md'))).toBe('YAML front matter is invalid: duplicate key "title" (line 4)');
    expect(reason(fixture('yaml-not-a-map.md'))).toBe('YAML front matter must be a set of "key: value" lines, but it is a list');
    expect(reason('---\njust a sentence\n---\n')).toBe('YAML front matter must be a set of "key: value" lines, but it is a string');
    expect(reason(fixture('unterminated-yaml.md'))).toBe('front matter opened with --- on line 1 is never closed');
  });
});

describe('JSON front matter', () => {
  it('reads an object at the top of the file, braces inside strings included', () => {
    const fm = parsed('json-frontmatter.md');
    expect(fm.format).toBe('json');
    expect(fm.raw!.startsWith('{\n  "title"')).toBe(true);
    expect(fm.raw!.endsWith('}')).toBe(true);
    expect(fm.data['params']).toEqual({ note: 'a } inside a string' });
    expect(fm.data['draft']).toBe(true);
    expect(fm.body).toBe('The body starts after the closing brace line.\n');
  });

  it('keeps big integers exact although JSON.parse rounds them', () => {
    const fm = parsed('bigint-ids-json.md');
    expect(fm.data['article_id']).toBe(9007199254740993123n);
    expect(fm.data['feed_item_id']).toBe(17705);
  });

  it('accepts a one-line object', () => {
    expect(parseFrontMatter('{"title": "x"}\nbody\n')).toMatchObject({ ok: true, value: { format: 'json', data: { title: 'x' }, body: 'body\n' } });
  });

  it('explains invalid and unclosed JSON', () => {
    expect(reason(fixture('invalid-json.md'))).toBe('JSON front matter is invalid: Expected double-quoted property name (line 3)');
    expect(reason(fixture('unterminated-json.md'))).toBe('front matter opened with { on line 1 is never closed');
    expect(reason('{"title": "x"} trailing text\n')).toBe('JSON front matter must end with } at the end of a line (line 1)');
  });

  it('does not mistake a shortcode at the top of a body for JSON', () => {
    expect(parseFrontMatter('{{< youtube abc >}}\ntext')).toMatchObject({ ok: true, value: { format: 'none' } });
  });
});

describe('no front matter', () => {
  it('returns the whole file as the body', () => {
    const text = fixture('no-frontmatter.md');
    expect(parseFrontMatter(text)).toEqual({ ok: true, value: { format: 'none', raw: null, data: {}, body: text } });
  });

  it('does not treat a fence that is not alone on its line as front matter', () => {
    expect(parseFrontMatter('+++ not a fence\n+++\n')).toMatchObject({ ok: true, value: { format: 'none' } });
    expect(parseFrontMatter('---- four dashes\n')).toMatchObject({ ok: true, value: { format: 'none' } });
  });
});
