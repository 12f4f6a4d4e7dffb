import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildTagTree, type TagNode } from '../../../renderer/src/lib/tagTree.js';

const shape = (nodes: TagNode[]): unknown => nodes.map((n) => [n.label, n.own, n.atLeast, ...(n.children.length ? [shape(n.children)] : [])]);

describe('buildTagTree', () => {
  it('groups names under their parents, making up parents that are no tag themselves', () => {
    const tree = buildTagTree([
      { value: 'energy', count: 5 },
      { value: 'policy/uk', count: 3 },
      { value: 'policy', count: 2 },
      { value: 'policy/eu', count: 4 },
      { value: 'gov/uk/london', count: 1 },
    ]);
    expect(shape(tree)).toEqual([
      ['energy', 5, 5],
      [
        'policy',
        2,
        4,
        [
          ['eu', 4, 4],
          ['uk', 3, 3],
        ],
      ],
      ['gov', null, 1, [['uk', null, 1, [['london', 1, 1]]]]],
    ]);
    expect(tree[1]!.children[1]!.name).toBe('policy/uk');
  });
  it('adds filtered tags missing from the counts with zero, once whatever their case', () => {
    const tree = buildTagTree([{ value: 'ai', count: 1 }], ['AI', 'draft/old']);
    expect(shape(tree)).toEqual([
      ['ai', 1, 1],
      ['draft', null, 0, [['old', 0, 0]]],
    ]);
  });
});

describe('ancestorsOf', () => {
  it('lists every parent, outermost first', () => {
    expect(ancestorsOf('policy/uk/london')).toEqual(['policy', 'policy/uk']);
    expect(ancestorsOf('ai')).toEqual([]);
  });
});
