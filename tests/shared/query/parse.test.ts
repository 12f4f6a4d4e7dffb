import { describe, expect, it } from 'vitest';
import type { QueryError, QueryNode } from '../../../shared/query/ast.js';
import { queryDatePeriod } from '../../../shared/query/dates.js';
import { MAX_QUERY_DEPTH, MAX_QUERY_PREFIXES, MAX_QUERY_TERMS, MAX_QUERY_WORDS, parseQuery } from '../../../shared/query/parse.js';

/** Compact, span-free picture of a tree: `(and tag="ai" (or "public sector" nhs))`. */
function show(node: QueryNode | null): string {
  if (!node) return '∅';
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${node.kind} ${node.children.map(show).join(' ')})`;
    case 'not':
      return `(not ${show(node.child)})`;
    case 'text':
      return node.phrase ? JSON.stringify(node.value) : `${node.value}${node.prefix ? '*' : ''}`;
    case 'field':
      return `${node.field}=${JSON.stringify(node.value)}`;
  }
}

function tree(input: string): string {
  const r = parseQuery(input);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got: ${r.error.message}`);
  return show(r.node);
}

function error(input: string): QueryError & { text: string } {
  const r = parseQuery(input);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to fail, got ${show(r.node)}`);
  return { ...r.error, text: input.slice(r.error.span.start, r.error.span.end) };
}

/** The typed text a node's span points at. */
const textOf = (input: string, node: QueryNode): string => input.slice(node.span.start, node.span.end);

describe('parseQuery: the example from the spec', () => {
  const input = 'tag:ai source:"IBN" after:2025-07 before:2025-08-01 -draft:true "public sector" OR nhs';

  it('builds the whole tree', () => {
    expect(tree(input)).toBe('(and tag="ai" source="IBN" after="2025-07" before="2025-08-01" (not draft="true") (or "public sector" nhs))');
  });

  it('gives every node a span over its typed text', () => {
    const r = parseQuery(input);
    if (!r.ok || r.node?.kind !== 'and') throw new Error('expected an and');
    expect(r.node.span).toEqual({ start: 0, end: input.length });
    expect(r.node.children.map((c) => textOf(input, c))).toEqual([
      'tag:ai',
      'source:"IBN"',
      'after:2025-07',
      'before:2025-08-01',
      '-draft:true',
      '"public sector" OR nhs',
    ]);
    const not = r.node.children[4];
    if (not?.kind !== 'not') throw new Error('expected a not');
    expect(textOf(input, not.child)).toBe('draft:true');
    const or = r.node.children[5];
    if (or?.kind !== 'or') throw new Error('expected an or');
    expect(or.children.map((c) => textOf(input, c))).toEqual(['"public sector"', 'nhs']);
  });
});

describe('parseQuery: precedence and grouping', () => {
  it('treats empty and blank input as "match everything"', () => {
    expect(parseQuery('')).toEqual({ ok: true, node: null });
    expect(parseQuery('  \t\n ')).toEqual({ ok: true, node: null });
  });

  it('returns a single term without a wrapper', () => {
    expect(parseQuery('  nhs ')).toEqual({
      ok: true,
      node: { kind: 'text', value: 'nhs', phrase: false, prefix: false, span: { start: 2, end: 5 } },
    });
  });

  it('ANDs terms separated by whitespace', () => {
    expect(tree('a b\tc')).toBe('(and a b c)');
  });

  it('binds OR tighter than the implicit AND', () => {
    expect(tree('a b OR c')).toBe('(and a (or b c))');
    expect(tree('a OR b c')).toBe('(and (or a b) c)');
    expect(tree('a OR b c OR d')).toBe('(and (or a b) (or c d))');
    expect(tree('a OR b OR c')).toBe('(or a b c)');
  });

  it('accepts uppercase AND as the same as a space', () => {
    expect(tree('a AND b OR c')).toBe(tree('a b OR c'));
    expect(tree('a AND b AND c')).toBe('(and a b c)');
  });

  it('treats lowercase or/and/not as words', () => {
    expect(tree('cats or dogs and not mice')).toBe('(and cats or dogs and not mice)');
    expect(tree('Or')).toBe('Or');
    expect(tree('constructor toString __proto__')).toBe('(and constructor toString __proto__)');
    expect(error('constructor:x').text).toBe('constructor:');
  });

  it('groups with parentheses and flattens same-kind nesting', () => {
    expect(tree('(a OR b) -c')).toBe('(and (or a b) (not c))');
    expect(tree('(a b) OR c')).toBe('(or (and a b) c)');
    expect(tree('a (b c) d')).toBe('(and a b c d)');
    expect(tree('a OR (b OR c)')).toBe('(or a b c)');
    expect(tree('((a))')).toBe('a');
  });

  it('gives a bracketed group a span that includes its brackets', () => {
    const input = 'x (a OR b)';
    const r = parseQuery(input);
    if (!r.ok || r.node?.kind !== 'and') throw new Error('expected an and');
    expect(textOf(input, r.node.children[1]!)).toBe('(a OR b)');
  });

  it("keeps a bracketed single term to its own span, inside its parents' spans", () => {
    const input = '-(c) OR (d)';
    const r = parseQuery(input);
    if (!r.ok || r.node?.kind !== 'or') throw new Error('expected an or');
    expect(textOf(input, r.node)).toBe(input);
    expect(r.node.children.map((c) => textOf(input, c))).toEqual(['-(c)', 'd']);
  });
});

describe('parseQuery: negation', () => {
  it('negates words, phrases, fields and groups with - or NOT', () => {
    expect(tree('-a')).toBe('(not a)');
    expect(tree('-"a b"')).toBe('(not "a b")');
    expect(tree('-tag:ai')).toBe('(not tag="ai")');
    expect(tree('-(a OR b)')).toBe('(not (or a b))');
    expect(tree('NOT a b')).toBe('(and (not a) b)');
    expect(tree('NOT (a b)')).toBe('(not (and a b))');
    expect(tree('--a')).toBe('(not (not a))');
  });

  it('binds negation tighter than OR', () => {
    expect(tree('-a OR b')).toBe('(or (not a) b)');
    expect(tree('NOT a OR b')).toBe('(or (not a) b)');
  });

  it('keeps dashes that do not start a term, and a lone dash, as text', () => {
    expect(tree('covid-19')).toBe('covid-19');
    expect(tree('a - b')).toBe('(and a - b)');
    expect(tree('a -')).toBe('(and a -)');
    expect(tree('(a -)')).toBe('(and a -)');
  });

  it('spans a negation from its - or NOT to the end of its term', () => {
    const input = 'x NOT  tag:"a b"';
    const r = parseQuery(input);
    if (!r.ok || r.node?.kind !== 'and') throw new Error('expected an and');
    expect(textOf(input, r.node.children[1]!)).toBe('NOT  tag:"a b"');
  });
});

describe('parseQuery: phrases and prefixes', () => {
  it('reads quoted phrases with backslash escapes', () => {
    expect(tree('"public sector"')).toBe('"public sector"');
    expect(tree('"say \\"hi\\""')).toBe(JSON.stringify('say "hi"'));
    expect(tree('"a\\\\b"')).toBe(JSON.stringify('a\\b'));
    // Other backslashes are kept, so pasted paths survive.
    expect(tree('"C:\\Users"')).toBe(JSON.stringify('C:\\Users'));
  });

  it('treats a phrase glued to other terms as separate terms', () => {
    expect(tree('"a b"c')).toBe('(and "a b" c)');
  });

  it('marks a trailing * as a prefix search', () => {
    const r = parseQuery('gov*');
    expect(r).toMatchObject({ ok: true, node: { kind: 'text', value: 'gov', prefix: true, phrase: false } });
  });

  it('rejects * alone or inside a word, pointing at the word', () => {
    expect(error('a * b')).toMatchObject({ message: '"*" needs letters before it, as in gov*', text: '*' });
    expect(error('go*v')).toMatchObject({ message: '"*" only works at the end of a word, as in gov*', text: 'go*v' });
    expect(error('gov**').text).toBe('gov**');
  });

  it('rejects empty quotes', () => {
    expect(error('a ""')).toMatchObject({ message: 'Empty quotes at character 3: put the words to find between them', text: '""' });
  });
});

describe('parseQuery: fields', () => {
  it('reads field:value and field:"quoted value", field names in any case', () => {
    expect(tree('tag:ai')).toBe('tag="ai"');
    expect(tree('SOURCE:"The Guardian"')).toBe('source="The Guardian"');
    expect(tree('Title:budget*')).toBe('title="budget*"');
    expect(tree('folder:a:b')).toBe('folder="a:b"');
  });

  it('spans the whole filter including the field name and quotes', () => {
    const input = '  source:"a b"  ';
    const r = parseQuery(input);
    expect(r.ok && r.node && textOf(input, r.node)).toBe('source:"a b"');
  });

  it('normalises draft:, has: and is: values', () => {
    expect(tree('draft:YES draft:no has:Summary is:UNREAD')).toBe('(and draft="true" draft="false" has="summary" is="unread")');
  });

  it('validates has:, is: and draft: values', () => {
    expect(error('has:pictures')).toMatchObject({
      message: 'has: takes enclosure, summary, tags, note or highlights, not "pictures"',
      text: 'pictures',
    });
    expect(error('is:new').message).toBe('is: takes read, unread, starred, unstarred, missing, draft or copy, not "new"');
    expect(error('draft:maybe').message).toBe('draft: takes true, false, yes or no, not "maybe"');
  });

  it('reads author: as typed and lang: as a lowercase language code (country-style jp/cz mapped)', () => {
    expect(tree('author:"Mara Bos" AUTHOR:niko')).toBe('(and author="Mara Bos" author="niko")');
    expect(tree('lang:DE lang:pt-BR lang:zh_Hant lang:jp')).toBe('(and lang="de" lang="pt-br" lang="zh-hant" lang="ja")');
    expect(tree('-lang:en')).toBe('(not lang="en")');
  });

  it('refuses a lang: value that is not a language code', () => {
    expect(error('lang:german')).toMatchObject({ message: 'lang: takes a language code such as de, en or pt-br, not "german"', text: 'german' });
    expect(error('lang:').message).toBe('lang: needs a value right after the colon, as in lang:de');
    expect(error('author:').message).toBe('author: needs a value right after the colon, as in author:"Mara Bos"');
  });

  it('rejects a filter with no value', () => {
    expect(error('a tag:')).toMatchObject({ message: 'tag: needs a value right after the colon, as in tag:ai', text: 'tag:' });
    expect(error('tag: ai').text).toBe('tag:');
    expect(error('source:""').message).toMatch(/^source: needs a value/);
    expect(error('tag:(ai)').text).toBe('tag:');
  });

  it('rejects unknown filters, naming the known ones', () => {
    const e = error('a foo:bar');
    expect(e.text).toBe('foo:');
    expect(e.message).toBe(
      'Unknown filter "foo:" — use one of tag:, source:, author:, lang:, after:, before:, date:, draft:, has:, title:, is:, folder:, collection:, highlight:, story: ' +
        '(or write "foo:bar" in quotes to search for that text)',
    );
    expect(error('foo:"bar baz"')).toMatchObject({ text: 'foo:', message: expect.stringContaining('(or write "foo:bar baz" in quotes') });
    // No hint that would repeat the rest of the query.
    expect(error('foo:"bar OR a b c').message).toMatch(/story:$/);
  });

  it('keeps links, bare "word:" and quoted colons as text', () => {
    expect(tree('http://x.org/a https:x mailto:me@x.org git://host/repo')).toBe('(and http://x.org/a https:x mailto:me@x.org git://host/repo)');
    expect(tree('note: 12:30')).toBe('(and note: 12:30)');
    expect(tree('"foo:bar"')).toBe('"foo:bar"');
  });
});

describe('parseQuery: dates', () => {
  it('accepts YYYY, YYYY-MM and YYYY-MM-DD, leap days included', () => {
    expect(tree('after:2025 before:2025-08 date:2024-02-29')).toBe('(and after="2025" before="2025-08" date="2024-02-29")');
  });

  it.each([
    ['after:2025-13', '"2025-13" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD'],
    ['before:25-07', '"25-07" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD'],
    ['date:2025-7-1', '"2025-7-1" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD'],
    ['date:2025-00', '"2025-00" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD'],
    ['date:2025-02-30', '"2025-02-30" is not a date: 2025-02 has 28 days (use YYYY, YYYY-MM or YYYY-MM-DD)'],
    ['date:2023-02-29', '"2023-02-29" is not a date: 2023-02 has 28 days (use YYYY, YYYY-MM or YYYY-MM-DD)'],
    ['date:2025-04-31', '"2025-04-31" is not a date: 2025-04 has 30 days (use YYYY, YYYY-MM or YYYY-MM-DD)'],
    ['date:2025-01-00', '"2025-01-00" is not a date: 2025-01 has 31 days (use YYYY, YYYY-MM or YYYY-MM-DD)'],
  ])('rejects %s', (input, message) => {
    const e = error(`x ${input}`);
    expect(e.message).toBe(message);
    // The span points at the value, not the field name.
    expect(e.text).toBe(input.slice(input.indexOf(':') + 1));
  });

  it('gives the compiler the period a date names, end exclusive', () => {
    expect(queryDatePeriod('2025')).toEqual({ start: '2025-01-01', end: '2026-01-01' });
    expect(queryDatePeriod('2025-07')).toEqual({ start: '2025-07-01', end: '2025-08-01' });
    expect(queryDatePeriod('2025-12')).toEqual({ start: '2025-12-01', end: '2026-01-01' });
    expect(queryDatePeriod('2024-02-29')).toEqual({ start: '2024-02-29', end: '2024-03-01' });
    expect(queryDatePeriod('2025-12-31')).toEqual({ start: '2025-12-31', end: '2026-01-01' });
    expect(queryDatePeriod('2025-08-01')).toEqual({ start: '2025-08-01', end: '2025-08-02' });
    expect(queryDatePeriod('2025-02-30')).toBeNull();
  });

  it('points at a quoted bad value including its quotes', () => {
    expect(error('after:"2025-13"').text).toBe('"2025-13"');
  });
});

describe('parseQuery: errors a person can act on', () => {
  it('reports an unclosed quote from the quote to the end', () => {
    const input = 'tag:ai budget "public sector';
    expect(error(input)).toMatchObject({
      message: 'Unclosed quote starting at character 15',
      span: { start: 14, end: input.length },
    });
    expect(error('source:"IBN').message).toBe('Unclosed quote starting at character 8');
    expect(error('"a \\"').message).toBe('Unclosed quote starting at character 1');
  });

  it('reports a missing ) at its (', () => {
    expect(error('a (b OR c')).toMatchObject({ message: 'Missing ")" for the "(" at character 3', span: { start: 2, end: 3 } });
    expect(error('((a)').span).toEqual({ start: 0, end: 1 });
  });

  it('reports an unmatched )', () => {
    expect(error('a) b')).toMatchObject({ message: 'Unmatched ")" at character 2: there is no "(" before it', text: ')' });
  });

  it('reports empty brackets', () => {
    expect(error('a ( ) b')).toMatchObject({ message: 'Nothing between "(" and ")" at character 3', text: '( )' });
  });

  it('reports OR and AND without a term on each side, at the operator', () => {
    for (const input of ['OR a', 'a OR', 'a OR OR b', '(OR a)', '(a OR) b']) {
      expect(error(input).message, input).toBe('OR needs a term on both sides');
      expect(error(input).text, input).toBe('OR');
    }
    for (const input of ['AND a', 'a AND', 'a AND OR b', '(a AND)']) {
      expect(error(input).message, input).toBe('AND needs a term on both sides');
    }
  });

  it('reports NOT or - with nothing to negate', () => {
    expect(error('a NOT')).toMatchObject({ message: 'NOT needs a term after it', text: 'NOT' });
    expect(error('(NOT) a').text).toBe('NOT');
    expect(error('a OR -OR')).toMatchObject({ text: '-' });
    expect(error('a -OR b')).toMatchObject({ message: '"-" needs a word, phrase, filter or group right after it', text: '-' });
  });

  it('reports the first problem in the text', () => {
    expect(error('a OR "unclosed').message).toBe('Unclosed quote starting at character 6');
    expect(error('OR "unclosed').message).toBe('OR needs a term on both sides');
  });

  it('limits nesting instead of overflowing the stack', () => {
    expect(tree(`${'('.repeat(MAX_QUERY_DEPTH)}a${')'.repeat(MAX_QUERY_DEPTH)}`)).toBe('a');
    expect(tree(`${'-'.repeat(MAX_QUERY_DEPTH)}a`)).toMatch(/^\(not /);
    expect(error(`${'('.repeat(MAX_QUERY_DEPTH + 1)}a${')'.repeat(MAX_QUERY_DEPTH + 1)}`).text).toBe('a');
    const deep = `${'('.repeat(5000)}a${')'.repeat(5000)}`;
    expect(error(deep).message).toMatch(/^This search nests too deeply at character \d+/);
    expect(error(`${'-'.repeat(5000)}a`).message).toMatch(/nests too deeply/);
    expect(error(`${'NOT '.repeat(5000)}a`).message).toMatch(/nests too deeply/);
  });

  it('refuses long flat queries quickly, saying how many words a search may have', () => {
    const input = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `w${i} OR` : `tag:t${i}`)).join(' ') + ' end';
    const started = performance.now();
    expect(parseQuery(input)).toMatchObject({
      ok: false,
      error: { message: `Too many words: at most ${MAX_QUERY_WORDS} words to match in one search` },
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('limits words (CJK letters one by one), filters and prefixes, pointing at the first one too many', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(parseQuery(words(MAX_QUERY_WORDS)).ok).toBe(true);
    expect(parseQuery(`"${words(MAX_QUERY_WORDS + 1)}"`)).toMatchObject({ ok: false, error: { message: /^Too many words/ } });
    expect(parseQuery('微'.repeat(MAX_QUERY_WORDS + 1))).toMatchObject({ ok: false, error: { message: /^Too many words/ } });
    const tags = Array.from({ length: MAX_QUERY_TERMS + 1 }, (_, i) => `tag:t${i}`).join(' ');
    expect(parseQuery(tags)).toMatchObject({
      ok: false,
      error: { message: `Too many terms: at most ${MAX_QUERY_TERMS} words and filters in one search` },
    });
    const prefixes = Array.from({ length: MAX_QUERY_PREFIXES + 1 }, (_, i) => `p${i}*`).join(' ');
    const refused = parseQuery(prefixes);
    expect(refused).toMatchObject({ ok: false, error: { message: /^Too many prefixes/ } });
    expect(!refused.ok && prefixes.slice(refused.error.span.start, refused.error.span.end)).toBe(`p${MAX_QUERY_PREFIXES}*`);
    expect(parseQuery('a*')).toMatchObject({ ok: false, error: { message: /"a\*" is too short/ } });
  });
});

describe('parseQuery: story fields', () => {
  it('accepts is:copy and story:<id>, and refuses a story: that is not an article id', () => {
    const ok = parseQuery('is:copy story:42');
    expect(ok.ok).toBe(true);
    const bad = parseQuery('story:abc');
    expect(bad.ok ? null : bad.error.message).toBe('story: takes an article id such as story:1234, not "abc"');
  });
});
