import { describe, expect, it } from 'vitest';
import { compileQuery } from '../../../../electron/library/query/compile.js';
import { QUERY_FIELDS, type QueryField, type QueryNode } from '../../../../shared/query/ast.js';
import { FIELD_SPECS, HAS_VALUES, IS_VALUES } from '../../../../shared/query/fields.js';
import { parseQuery } from '../../../../shared/query/parse.js';

const span = { start: 0, end: 0 };
// A tree the parser would refuse, as another caller could hand the compiler one.
const field = (name: string, value: string): QueryNode => ({ kind: 'field', field: name as QueryField, value, span });

describe('compileQuery: the shared query vocabulary', () => {
  it('compiles every field the parser accepts, from its own example', () => {
    for (const name of QUERY_FIELDS) {
      const parsed = parseQuery(FIELD_SPECS[name].example);
      expect(parsed.ok, name).toBe(true);
      const compiled = compileQuery(parsed.ok ? parsed.node : null);
      expect(compiled.where, name).not.toBe('1');
    }
  });

  it('compiles every has: and is: value', () => {
    for (const value of HAS_VALUES) expect(() => compileQuery(field('has', value)), value).not.toThrow();
    for (const value of IS_VALUES) expect(() => compileQuery(field('is', value)), value).not.toThrow();
  });

  it('refuses another is: or has: value, naming exactly the shared values', () => {
    expect(() => compileQuery(field('is', 'New'))).toThrow(`is:new is not a filter: use ${IS_VALUES.map((v) => `is:${v}`).join(', ')}`);
    expect(() => compileQuery(field('is', 'New'))).toThrow('is:read, is:unread, is:starred, is:unstarred, is:missing, is:draft, is:copy');
    expect(() => compileQuery(field('has', 'constructor'))).toThrow(
      `has:constructor is not a filter: use ${HAS_VALUES.map((v) => `has:${v}`).join(', ')}`,
    );
  });

  it('refuses a field that is not in the vocabulary, even one named like an object property', () => {
    expect(() => compileQuery(field('colour', 'red'))).toThrow('Unknown filter "colour:"');
    expect(() => compileQuery(field('toString', 'x'))).toThrow('Unknown filter "toString:"');
  });
});
