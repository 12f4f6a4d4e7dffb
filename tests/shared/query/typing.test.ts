import { describe, expect, it } from 'vitest';
import type { QueryNode } from '../../../shared/query/ast.js';
import { formatQuery } from '../../../shared/query/format.js';
import { parseQuery } from '../../../shared/query/parse.js';

/** What the search box runs for this text while it is being typed. */
const typed = (text: string): string => {
  const parsed = parseQuery(text, { typing: true });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return formatQuery(parsed.node);
};

describe('parseQuery with typing: the word being typed is a prefix', () => {
  it('matches the last bare word as a prefix until a space ends it', () => {
    expect(typed('collec')).toBe('collec*');
    expect(typed('open collec')).toBe('open collec*');
    expect(typed('collec ')).toBe('collec');
    expect(typed('open collec tag:ai')).toBe('open collec tag:ai');
  });

  it('leaves quoted phrases, filters, brackets and explicit prefixes alone', () => {
    expect(typed('"public sec"')).toBe('"public sec"');
    expect(typed('source:Tech')).toBe('source:Tech');
    expect(typed('(solar OR wind)')).toBe('solar OR wind');
    expect(typed('gov*')).toBe('gov*');
  });

  it('reaches the word inside an OR group or a negation', () => {
    expect(typed('solar OR win')).toBe('solar OR win*');
    expect(typed('energy -win')).toBe('energy -win*');
  });

  it('keeps a one-letter word whole: a prefix that short matches nearly everything', () => {
    expect(typed('a')).toBe('a');
    expect(typed('open b')).toBe('open b');
    expect(typed('漢字')).toBe('漢字*');
  });

  it('changes nothing without the option (the CLI keeps exact words)', () => {
    const parsed = parseQuery('collec');
    expect(parsed.ok && (parsed.node as Extract<QueryNode, { kind: 'text' }>).prefix).toBe(false);
  });

  it('keeps the spans of what was typed, so chips still point at the text', () => {
    const parsed = parseQuery('open collec', { typing: true });
    expect(parsed.ok && parsed.node?.kind === 'and' && parsed.node.children[1]).toMatchObject({
      kind: 'text',
      value: 'collec',
      prefix: true,
      span: { start: 5, end: 11 },
    });
  });
});
