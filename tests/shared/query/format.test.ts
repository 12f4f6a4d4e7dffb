import { describe, expect, it } from 'vitest';
import type { QueryNode, Span } from '../../../shared/query/ast.js';
import { addFilter, formatQuery, removeNode } from '../../../shared/query/format.js';
import { parseQuery } from '../../../shared/query/parse.js';

/** The tree without spans, so trees parsed from different text compare equal. */
type Bare = Record<string, unknown>;
function bare(node: QueryNode | null): Bare | null {
  if (!node) return null;
  switch (node.kind) {
    case 'and':
    case 'or':
      return { kind: node.kind, children: node.children.map(bare) };
    case 'not':
      return { kind: 'not', child: bare(node.child) };
    default: {
      const { span: _span, ...rest } = node;
      return rest;
    }
  }
}

function parsed(input: string): QueryNode | null {
  const r = parseQuery(input);
  if (!r.ok) throw new Error(`${JSON.stringify(input)} did not parse: ${r.error.message}`);
  return r.node;
}

const canonical = (input: string): string => formatQuery(parsed(input));

/** The expected tree after removing `target`: what removeNode's text must parse to. */
function without(node: QueryNode, target: QueryNode): QueryNode | null {
  if (node === target) return null;
  if (node.kind === 'not') {
    const child = without(node.child, target);
    return child ? { ...node, child } : null;
  }
  if (node.kind !== 'and' && node.kind !== 'or') return node;
  const kids = node.children.map((c) => without(c, target)).filter((c): c is QueryNode => c !== null);
  const flat = kids.flatMap((c) => (c.kind === node.kind ? c.children : [c]));
  if (flat.length === 0) return null;
  return flat.length === 1 ? flat[0]! : { ...node, children: flat };
}

function allNodes(node: QueryNode | null): QueryNode[] {
  if (!node) return [];
  if (node.kind === 'and' || node.kind === 'or') return [node, ...node.children.flatMap(allNodes)];
  if (node.kind === 'not') return [node, ...allNodes(node.child)];
  return [node];
}

describe('formatQuery', () => {
  it('formats the empty query as empty text', () => {
    expect(formatQuery(null)).toBe('');
  });

  it('writes the canonical form of the spec example', () => {
    expect(canonical('TAG:ai  source:"IBN" after:2025-07 before:2025-08-01 NOT draft:yes "public sector" OR nhs')).toBe(
      'tag:ai source:IBN after:2025-07 before:2025-08-01 -draft:true "public sector" OR nhs',
    );
  });

  it('adds brackets only where precedence needs them', () => {
    expect(canonical('a AND (b OR c)')).toBe('a b OR c');
    expect(canonical('(a b) OR c')).toBe('(a b) OR c');
    expect(canonical('NOT (a OR b)')).toBe('-(a OR b)');
    expect(canonical('((a)) (b)')).toBe('a b');
    expect(canonical('--a')).toBe('--a');
  });

  it('quotes field values only when needed and escapes " and \\ inside quotes', () => {
    expect(canonical('source:"IBN"')).toBe('source:IBN');
    expect(canonical('source:"The Guardian"')).toBe('source:"The Guardian"');
    expect(canonical('tag:"a(b)"')).toBe('tag:"a(b)"');
    expect(canonical('title:"say \\"hi\\" \\\\o/"')).toBe('title:"say \\"hi\\" \\\\o/"');
    expect(canonical('"a \\" b"')).toBe('"a \\" b"');
  });

  it('keeps text words bare, including odd ones that still read back as words', () => {
    expect(canonical('covid-19 gov* - http://x.org note: a\\b')).toBe('covid-19 gov* - http://x.org note: a\\b');
  });

  it('quotes a hand-built text node that would not read back as a bare word', () => {
    const text = (value: string): QueryNode => ({ kind: 'text', value, phrase: false, prefix: false, span: { start: 0, end: 0 } });
    expect(formatQuery(text('OR'))).toBe('"OR"');
    expect(formatQuery(text('a b'))).toBe('"a b"');
    expect(formatQuery(text('foo:bar'))).toBe('"foo:bar"');
    expect(formatQuery(text('-x'))).toBe('"-x"');
  });

  it.each([
    'tag:ai source:"IBN" after:2025-07 before:2025-08-01 -draft:true "public sector" OR nhs',
    'a b OR c',
    '(a OR b) -c',
    '-(a b) OR NOT "x y" OR gov*',
    'folder:"My Docs/2025" title:"a \\\\ b"',
    'a OR (b (c OR -d))',
    '- -- a -',
  ])('round-trips %s', (input) => {
    const text = canonical(input);
    expect(bare(parsed(text))).toEqual(bare(parsed(input)));
    expect(canonical(text)).toBe(text);
  });
});

describe('removeNode', () => {
  /** Removes the first node whose span covers exactly `chip`. */
  function remove(input: string, chip: string): string {
    const node = allNodes(parsed(input)).find((n) => input.slice(n.span.start, n.span.end) === chip);
    if (!node) throw new Error(`no node spans ${JSON.stringify(chip)} in ${JSON.stringify(input)}`);
    return removeNode(input, node.span);
  }

  it('removes a chip and collapses the whitespace around it', () => {
    expect(remove('tag:ai   budget  source:"IBN"', 'budget')).toBe('tag:ai source:"IBN"');
    expect(remove('  tag:ai budget', 'tag:ai')).toBe('budget');
    expect(remove('budget', 'budget')).toBe('');
  });

  it('removes a negated chip with its - or NOT', () => {
    expect(remove('a -draft:true b', '-draft:true')).toBe('a b');
    expect(remove('a NOT  b c', 'NOT  b')).toBe('a c');
    // Even when only the inner term's span is given, the negation must not dangle.
    expect(remove('a NOT b c', 'b')).toBe('a c');
    expect(remove('a -b c', 'b')).toBe('a c');
  });

  it('removes the OR that joined the chip, keeping the meaning of the rest', () => {
    expect(remove('"public sector" OR nhs', 'nhs')).toBe('"public sector"');
    expect(remove('"public sector" OR nhs', '"public sector"')).toBe('nhs');
    expect(remove('a OR b OR c', 'b')).toBe('a OR c');
    expect(remove('a b OR c', 'b')).toBe('a c');
    expect(remove('a OR b c', 'b')).toBe('a c');
    expect(remove('a AND b OR c', 'b')).toBe('a AND c');
    expect(remove('a AND b', 'b')).toBe('a');
  });

  it('removes brackets left empty, and the operators around them', () => {
    expect(remove('x OR (b) y', 'b')).toBe('x y');
    expect(remove('x -(b) y', 'b')).toBe('x y');
    expect(remove('(a OR b) c', 'b')).toBe('(a) c');
    expect(remove('(a OR b) c', '(a OR b)')).toBe('c');
    expect(remove('x(b)y', 'b')).toBe('x y');
  });

  it('leaves the input alone for a span that covers nothing', () => {
    expect(removeNode('a  b', { start: 1, end: 2 })).toBe('a  b');
    expect(removeNode('a b', { start: 5, end: 2 })).toBe('a b');
  });

  it('copes with text that does not parse', () => {
    expect(removeNode('a b "unclosed', { start: 2, end: 3 })).toBe('a "unclosed');
  });
});

describe('addFilter', () => {
  it('appends a filter, quoting the value when needed', () => {
    expect(addFilter('budget', 'tag', 'ai')).toBe('budget tag:ai');
    expect(addFilter('budget  ', 'source', 'The Guardian')).toBe('budget source:"The Guardian"');
    expect(addFilter('', 'title', 'say "hi"')).toBe('title:"say \\"hi\\""');
    expect(addFilter('   ', 'tag', 'ai')).toBe('tag:ai');
  });

  it('keeps the meaning of an OR query: the filter applies to all of it', () => {
    const text = addFilter('a OR b', 'tag', 'ai');
    expect(bare(parsed(text))).toEqual(bare(parsed('(a OR b) tag:ai')));
  });

  it('does not duplicate an identical top-level filter', () => {
    expect(addFilter('tag:ai budget', 'tag', 'ai')).toBe('tag:ai budget');
    expect(addFilter('Source:"IBN"', 'source', 'IBN')).toBe('Source:"IBN"');
    expect(addFilter('draft:yes', 'draft', 'true')).toBe('draft:yes');
  });

  it('adds the filter when the same one only appears inside OR or negation', () => {
    expect(addFilter('tag:ai OR x', 'tag', 'ai')).toBe('tag:ai OR x tag:ai');
    expect(addFilter('-tag:ai', 'tag', 'ai')).toBe('-tag:ai tag:ai');
    expect(addFilter('tag:ai', 'tag', 'AI')).toBe('tag:ai tag:AI');
  });

  it('adds nothing for an empty value', () => {
    expect(addFilter('a', 'tag', '  ')).toBe('a');
  });
});

describe('fuzz: parse, format and removeNode on random input', () => {
  // A fixed seed keeps failures reproducible.
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const chars = 'abcxyz     "():-*\\';
  const pieces = [' OR ', ' AND ', ' NOT ', 'OR', 'tag:', 'is:read', 'draft:no', 'after:2025-07', 'foo:', 'http://', 'gov*', ' -', '\\"'];

  function randomQuery(next: () => number): string {
    let out = '';
    const length = Math.floor(next() * 24);
    for (let i = 0; i < length; i++) {
      out += next() < 0.2 ? pieces[Math.floor(next() * pieces.length)] : chars[Math.floor(next() * chars.length)];
    }
    return out;
  }

  function spanOk(span: Span, within: Span): boolean {
    return within.start <= span.start && span.start <= span.end && span.end <= within.end;
  }

  function checkSpans(node: QueryNode, within: Span): void {
    expect(spanOk(node.span, within)).toBe(true);
    if (node.kind === 'and' || node.kind === 'or') node.children.forEach((c) => checkSpans(c, node.span));
    if (node.kind === 'not') checkSpans(node.child, node.span);
  }

  it('always returns a tree that round-trips, or a well-formed error', () => {
    const next = rng(20250701);
    let oks = 0;
    for (let i = 0; i < 20_000; i++) {
      const input = randomQuery(next);
      const r = parseQuery(input);
      const whole = { start: 0, end: input.length };
      if (!r.ok) {
        expect(r.error.message).not.toBe('This search could not be read');
        expect(r.error.message.length).toBeGreaterThan(10);
        expect(spanOk(r.error.span, whole), `${input} → ${JSON.stringify(r.error)}`).toBe(true);
        continue;
      }
      oks++;
      if (r.node) checkSpans(r.node, whole);
      const text = formatQuery(r.node);
      const again = parseQuery(text);
      expect(again.ok, `${JSON.stringify(input)} → ${JSON.stringify(text)}`).toBe(true);
      if (again.ok) expect(bare(again.node), `${JSON.stringify(input)} → ${JSON.stringify(text)}`).toEqual(bare(r.node));

      // Removing any node leaves text that means the tree without that node.
      for (const target of allNodes(r.node)) {
        const left = removeNode(input, target.span);
        const after = parseQuery(left);
        const label = `${JSON.stringify(input)} minus ${JSON.stringify(input.slice(target.span.start, target.span.end))} → ${JSON.stringify(left)}`;
        expect(after.ok, label).toBe(true);
        if (after.ok) expect(bare(after.node), label).toEqual(bare(without(r.node!, target)));
      }
    }
    // The generator must reach the interesting path often enough to mean something.
    expect(oks).toBeGreaterThan(2000);
  });

  it('removes any node of a random valid query, leaving text that means the rest', () => {
    // Random characters rarely make deep valid trees, so build some from the grammar.
    const next = rng(7);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
    const gap = (): string => pick([' ', '  ', '\t', '']);
    const leaves = [
      'a',
      'covid-19',
      'gov*',
      '"x y"',
      '"q\\"z"',
      'tag:ai',
      'source:"I B"',
      'after:2025-07',
      'draft:yes',
      'http://x',
      'note:',
      '-',
      'or',
    ];
    const term = (depth: number): string => {
      const r = next();
      if (depth > 3 || r < 0.5) return pick(leaves);
      if (r < 0.65) return `-${term(depth + 1)}`;
      if (r < 0.75) return `NOT ${term(depth + 1)}`;
      return `(${gap()}${and(depth + 1)}${gap()})`;
    };
    const or = (depth: number): string => {
      let out = term(depth);
      for (let n = next() < 0.6 ? 0 : 1 + Math.floor(next() * 2); n > 0; n--) out += ` OR  ${term(depth)}`;
      return out;
    };
    const and = (depth: number): string => {
      let out = or(depth);
      for (let n = Math.floor(next() * 4); n > 0; n--) out += `${pick([' ', ' AND ', '\t'])}${or(depth)}`;
      return out;
    };
    for (let i = 0; i < 400; i++) {
      const input = gap() + and(0) + gap();
      // A tree too big to run (MAX_QUERY_WORDS and the like) is refused, not edited: nothing to check.
      const whole = parseQuery(input);
      if (!whole.ok && /^Too many/.test(whole.error.message)) continue;
      const tree = parsed(input);
      expect(bare(parsed(formatQuery(tree)))).toEqual(bare(tree));
      for (const target of allNodes(tree)) {
        const left = removeNode(input, target.span);
        const [got, want] = [bare(parsed(left)), bare(without(tree!, target))];
        // Compare cheaply; build the failure label only when it is needed.
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          expect(
            got,
            `${JSON.stringify(input)} minus ${JSON.stringify(input.slice(target.span.start, target.span.end))} → ${JSON.stringify(left)}`,
          ).toEqual(want);
        }
      }
    }
  });
});
