import type { RefObject } from 'react';
import { removeNode } from '../../../shared/query/format.js';
import type { CollectionInfo, ExportSource, TagInfo } from '../../../shared/types.js';
import { EmptyLibrary } from '../components/import/EmptyLibrary';
import type { ImportState } from '../components/import/useImportJob';
import { ArticleList, type ArticleListHandle } from '../components/list/ArticleList';
import { BulkBar } from '../components/list/BulkBar';
import { ListHeader } from '../components/list/ListHeader';
import type { ListActions } from '../components/list/useListActions';
import type { MultiSelect } from '../components/list/useMultiSelect';
import type { SearchResults } from '../components/list/useSearchResults';
import type { Selection } from '../components/list/useSelection';
import { NoResults } from '../components/search/NoResults';
import { SearchBar } from '../components/search/SearchBar';
import { Timeline } from '../components/search/Timeline';
import type { ListQuery } from '../components/search/useListQuery';
import type { Suggestion } from '../components/search/useRemovalSuggestions';
import type { TimelineData } from '../components/search/useTimelineMonths';
import type { Curation } from '../hooks/useCuration';
import type { DetailView } from '../hooks/useDetailView';
import { replaceFilters } from '../lib/chips';
import { nextMonth } from '../lib/months';

interface Props {
  searchRef: RefObject<HTMLInputElement | null>;
  listRef: RefObject<ArticleListHandle | null>;
  listQuery: ListQuery;
  results: SearchResults;
  selection: Selection;
  multi: MultiSelect;
  list: ListActions;
  /** No articles at all (not just none matching): the first-run page replaces the list. */
  libraryEmpty: boolean;
  /** The query matches nothing: suggestions of filters to take out replace the list. */
  noResults: boolean;
  suggestions: Suggestion[] | null;
  timeline: TimelineData;
  imports: ImportState;
  pickFolder: (() => void) | null;
  detailView: DetailView;
  openExport: (source?: ExportSource) => void;
  tags: TagInfo[];
  collections: CollectionInfo[];
  curation: Curation;
}

/** The middle pane: the search box, then the first-run page or the timeline, list header, bulk bar and the list. */
export function ListPane({
  searchRef,
  listRef,
  listQuery,
  results,
  selection,
  multi,
  list,
  libraryEmpty,
  noResults,
  suggestions,
  timeline,
  imports,
  pickFolder,
  detailView,
  openExport,
  tags,
  collections,
  curation,
}: Props) {
  const { query, setQueryNow, sort, onCollection } = listQuery;
  const { change } = curation;
  return (
    <section className="pane list-pane" aria-label="Articles">
      <SearchBar
        ref={searchRef}
        text={query.text}
        parsed={query.parsed}
        serviceError={results.error?.code === 'bad-query' ? results.error : null}
        onChange={query.setText}
        onLeaveDown={() => {
          listRef.current?.focus();
          if (selection.selectedIndex < 0) selection.select(0);
        }}
      />
      {libraryEmpty ? (
        <EmptyLibrary imports={imports} pickFolder={pickFolder} />
      ) : (
        <>
          <Timeline
            months={timeline.months}
            range={timeline.range}
            onPickRange={(from, to) =>
              setQueryNow(
                replaceFilters(
                  query.text,
                  ['after', 'before', 'date'],
                  [
                    ['after', from],
                    ['before', nextMonth(to)],
                  ],
                ),
              )
            }
            onClearDates={() => setQueryNow(replaceFilters(query.text, ['after', 'before', 'date'], []))}
          />
          <ListHeader
            total={results.total}
            pending={results.pending}
            sort={sort}
            canRank={listQuery.canRank}
            canFollowCollection={listQuery.hasCollectionFilter}
            onSort={listQuery.setSort}
            onSelectAll={multi.selectAll}
            onePerStory={listQuery.onePerStory}
            onToggleOnePerStory={listQuery.toggleOnePerStory}
            statsOpen={detailView.statsOpen}
            onToggleStats={detailView.toggleStats}
            onExport={() => openExport()}
          />
          <BulkBar
            multi={multi}
            total={results.total}
            tags={tags}
            collections={collections}
            collectionView={onCollection?.collection ?? null}
            change={change}
            notify={curation.say}
            onExport={(target) => openExport('ids' in target ? target : { query: target.query, sort })}
          />
          {results.error && results.error.code !== 'bad-query' && (
            <p className="list-error error-text">The library could not be searched: {results.error.message}</p>
          )}
          {noResults ? (
            <NoResults suggestions={suggestions} onRemove={(s) => setQueryNow(removeNode(query.text, s.chip.span))} onClear={() => setQueryNow('')} />
          ) : (
            <ArticleList
              ref={listRef}
              results={results}
              selectedIndex={selection.selectedIndex}
              onSelect={selection.select}
              onPick={list.pick}
              onOpen={selection.open}
              isPicked={multi.active ? multi.has : null}
              onSelectAll={multi.selectAll}
              onMoveInCollection={list.moveInCollection}
              drag={list.drag}
              onShowCopies={(index) => {
                selection.open(index);
                detailView.setCopiesFor(results.item(index)?.id ?? null);
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
