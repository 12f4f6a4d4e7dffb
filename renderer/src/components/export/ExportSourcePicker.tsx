import { useEffect, useState } from 'react';
import type { CollectionInfo, ExportSource, SavedSearchInfo, SortOrder, TagInfo } from '../../../../shared/types.js';
import { formatField } from '../../../../shared/query/format.js';
import { plural } from '../../lib/format';
import { client } from '../../transport';

export type SourceKind = 'selection' | 'query' | 'tag' | 'saved' | 'collection' | 'all';

/** What the person picked; the lists' current item is kept even while another kind is chosen. */
export interface SourceChoice {
  kind: SourceKind;
  ids: readonly number[];
  query: string;
  sort: SortOrder;
  tag: string;
  savedId: number | null;
  collectionId: number | null;
}

export interface SourceLists {
  tags: TagInfo[];
  saved: SavedSearchInfo[];
  collections: CollectionInfo[];
}

export function choiceFrom(initial: ExportSource | undefined, ids: readonly number[], query: string, sort: SortOrder): SourceChoice {
  const base: SourceChoice = { kind: ids.length > 1 ? 'selection' : 'query', ids, query, sort, tag: '', savedId: null, collectionId: null };
  if (!initial) return base;
  if ('ids' in initial) return { ...base, kind: 'selection', ids: initial.ids };
  if ('query' in initial) return { ...base, kind: 'query', query: initial.query, sort: initial.sort ?? sort };
  if ('tag' in initial) return { ...base, kind: 'tag', tag: initial.tag };
  if ('savedSearchId' in initial) return { ...base, kind: 'saved', savedId: initial.savedSearchId };
  if ('collectionId' in initial) return { ...base, kind: 'collection', collectionId: initial.collectionId };
  return { ...base, kind: 'all' };
}

/** The service's source for a choice, or null while it names nothing (no tag picked yet). */
export function sourceOf(c: SourceChoice): ExportSource | null {
  switch (c.kind) {
    case 'selection':
      return c.ids.length ? { ids: [...c.ids] } : null;
    case 'query':
      return { query: c.query, sort: c.sort };
    case 'tag':
      return c.tag ? { tag: c.tag } : null;
    case 'saved':
      return c.savedId !== null ? { savedSearchId: c.savedId } : null;
    case 'collection':
      return c.collectionId !== null ? { collectionId: c.collectionId } : null;
    case 'all':
      return { all: true };
  }
}

/** A name for the export (its title and file name) when the person gives none. */
export function defaultTitle(c: SourceChoice, lists: SourceLists): string {
  if (c.kind === 'tag' && c.tag) return c.tag;
  if (c.kind === 'saved') return lists.saved.find((s) => s.id === c.savedId)?.name ?? 'Gleaner export';
  if (c.kind === 'collection') return lists.collections.find((s) => s.id === c.collectionId)?.name ?? 'Gleaner export';
  if (c.kind === 'all') return 'Gleaner library';
  return 'Gleaner export';
}

/** How many articles a search matches (a count only: no page is read). */
function useTotal(query: string | null): number | null {
  const [total, setTotal] = useState<{ query: string; n: number | null } | null>(null);
  useEffect(() => {
    if (query === null) return;
    let live = true;
    client.articles.count({ query }).then(
      ({ total: n }) => live && setTotal({ query, n }),
      () => live && setTotal({ query, n: null }),
    );
    return () => {
      live = false;
    };
  }, [query]);
  return total && total.query === query ? total.n : null;
}

interface Props {
  choice: SourceChoice;
  lists: SourceLists;
  onChange: (next: SourceChoice) => void;
}

/** "Which articles": each kind with how many articles it would export. */
export function ExportSourcePicker({ choice, lists, onChange }: Props) {
  const queryTotal = useTotal(choice.query);
  const allTotal = useTotal('');
  const tagTotal = useTotal(choice.tag ? formatField('tag', choice.tag) : null);
  const saved = lists.saved.find((s) => s.id === choice.savedId);
  const collection = lists.collections.find((s) => s.id === choice.collectionId);
  const pick = (kind: SourceKind, patch: Partial<SourceChoice> = {}) => onChange({ ...choice, ...patch, kind });
  const count = (n: number | null | undefined) => <span className="export-count">{n === null || n === undefined ? '' : plural(n, 'article')}</span>;

  const radio = (kind: SourceKind, label: string, disabled = false) => (
    <label className="export-radio">
      <input type="radio" name="export-source" value={kind} checked={choice.kind === kind} disabled={disabled} onChange={() => pick(kind)} />
      {label}
    </label>
  );

  return (
    <fieldset className="export-group">
      <legend>Articles</legend>
      <div className="export-choice">
        {radio('query', choice.query.trim() ? 'Current search results' : 'Current list')}
        {choice.query.trim() && (
          <code className="export-query" title={choice.query}>
            {choice.query}
          </code>
        )}
        {count(queryTotal)}
      </div>
      <div className="export-choice">
        {radio('selection', choice.ids.length === 1 ? 'Selected article' : 'Selected articles', choice.ids.length === 0)}
        {choice.ids.length === 0 ? <span className="export-count">none selected</span> : count(choice.ids.length)}
      </div>
      <div className="export-choice">
        {radio('tag', 'Tag', lists.tags.length === 0)}
        <select
          className="field"
          aria-label="Tag to export"
          value={choice.tag}
          disabled={lists.tags.length === 0}
          onChange={(e) => pick('tag', { tag: e.target.value })}
        >
          <option value="">{lists.tags.length ? 'Choose a tag…' : 'No tags yet'}</option>
          {lists.tags.map((t) => (
            <option key={t.id} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
        {count(choice.tag ? tagTotal : null)}
      </div>
      <div className="export-choice">
        {radio('saved', 'Saved search', lists.saved.length === 0)}
        <select
          className="field"
          aria-label="Saved search to export"
          value={choice.savedId ?? ''}
          disabled={lists.saved.length === 0}
          onChange={(e) => pick('saved', { savedId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{lists.saved.length ? 'Choose a saved search…' : 'No saved searches yet'}</option>
          {lists.saved.map((s) => (
            <option key={s.id} value={s.id} disabled={s.error !== null}>
              {s.name}
            </option>
          ))}
        </select>
        {count(saved?.count)}
      </div>
      <div className="export-choice">
        {radio('collection', 'Collection', lists.collections.length === 0)}
        <select
          className="field"
          aria-label="Collection to export"
          value={choice.collectionId ?? ''}
          disabled={lists.collections.length === 0}
          onChange={(e) => pick('collection', { collectionId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{lists.collections.length ? 'Choose a collection…' : 'No collections yet'}</option>
          {lists.collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {count(collection?.count)}
      </div>
      <div className="export-choice">
        {radio('all', 'Whole library')}
        {count(allTotal)}
      </div>
    </fieldset>
  );
}
