import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../shared/query/parse.js';
import { collectionFilter, collectionQuery, collectionView } from '../../../renderer/src/lib/collectionView.js';

const collections = [
  { id: 1, name: 'Reading pack', count: 3 },
  { id: 2, name: 'Say "hi" \\ there', count: 0 },
];

describe('collection view', () => {
  it('writes a query that reads back as the same collection, whatever the name holds', () => {
    for (const c of collections) {
      const parsed = parseQuery(collectionQuery(c.name));
      expect(collectionFilter(parsed)).toBe(c.name);
      expect(collectionView(parsed, collections, 'collection')).toEqual({ collection: c, reorderable: true });
    }
  });

  it('finds the collection without case, and only at the top level', () => {
    expect(collectionView(parseQuery('collection:"reading PACK"'), collections, 'collection')?.collection.id).toBe(1);
    expect(collectionFilter(parseQuery('-collection:"Reading pack"'))).toBeNull();
    expect(collectionFilter(parseQuery('collection:a OR tag:b'))).toBeNull();
    expect(collectionView(parseQuery('collection:Unknown'), collections, 'collection')).toBeNull();
  });

  it('is reorderable only when the list is exactly the collection in its own order', () => {
    expect(collectionView(parseQuery('collection:"Reading pack"'), collections, 'date-desc')?.reorderable).toBe(false);
    expect(collectionView(parseQuery('collection:"Reading pack" budget'), collections, 'collection')?.reorderable).toBe(false);
  });
});
