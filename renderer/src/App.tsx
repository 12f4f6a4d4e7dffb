import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { QueryField } from '../../shared/query/ast.js';
import { removeNode } from '../../shared/query/format.js';
import { parseQuery } from '../../shared/query/parse.js';
import { SORT_ORDERS, type ExportSource, type SortOrder } from '../../shared/types.js';
import { ArticleList, type ArticleListHandle } from './components/list/ArticleList';
import { EmptyLibrary } from './components/import/EmptyLibrary';
import { ExportDialog } from './components/export/ExportDialog';
import { Icon } from './components/widgets/Icon';
import { ImportProgress } from './components/import/ImportProgress';
import { ImportReportDialog } from './components/import/ImportReportDialog';
import { ListHeader } from './components/list/ListHeader';
import { NoResults } from './components/search/NoResults';
import { OpenFolderDialog } from './components/import/OpenFolderDialog';
import { ReaderSettings } from './components/reader/ReaderSettings';
import { ReadingPane } from './components/reader/ReadingPane';
import { Resizer } from './components/widgets/Resizer';
import { SearchBar } from './components/search/SearchBar';
import { ShortcutsDialog } from './components/keyboard/ShortcutsDialog';
import { Sidebar } from './components/sidebar/Sidebar';
import { StatsView } from './components/stats/StatsView';
import { StatusBar } from './components/stats/StatusBar';
import { Timeline } from './components/search/Timeline';
import { Toast } from './components/widgets/Toast';
import { HighlightsView } from './components/highlights/HighlightsView';
import { showPassage } from './components/highlights/pendingPassage';
import { useArticle } from './components/reader/useArticle';
import { useCuration } from './hooks/useCuration';
import { useSidebarData } from './components/sidebar/useSidebarData';
import { useImportJob } from './components/import/useImportJob';
import { useKeyboardShortcuts } from './components/keyboard/useKeyboardShortcuts';
import { useShellCommands } from './hooks/useShellCommands';
import { useLibraryStats } from './components/stats/useLibraryStats';
import { PANE_LIMITS, usePaneSizes } from './hooks/usePaneSizes';
import { usePersistentState } from './hooks/usePersistentState';
import { useReaderSettings } from './components/reader/useReaderSettings';
import { useRemovalSuggestions } from './components/search/useRemovalSuggestions';
import { useSearchQuery } from './components/search/useSearchQuery';
import { useSearchResults } from './components/list/useSearchResults';
import { useSelection } from './components/list/useSelection';
import { useMultiSelect } from './components/list/useMultiSelect';
import { BulkBar } from './components/list/BulkBar';
import { useListActions } from './components/list/useListActions';
import { collectionFilter, collectionQuery, collectionView } from './lib/collectionView';
import { useTheme } from './hooks/useTheme';
import { useTimelineMonths } from './components/search/useTimelineMonths';
import { dropCopyFilter, excludesCopies } from './components/stories/copyFilter';
import { chipsOf, findFilter, hasFreeText, replaceFilters, toggleFilter } from './lib/chips';
import { openExternal, originalUrl, useArticleLinks } from './lib/links';
import { markAfterPaint } from './lib/perf';
import { nextMonth } from './lib/months';
import { client, transportKind } from './transport';

/** How long an article stays open before it counts as read. */
const MARK_OPENED_MS = 1500;

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isSort = (v: unknown): v is SortOrder => typeof v === 'string' && (SORT_ORDERS as readonly string[]).includes(v);

export function App() {
  const { theme, choice, setChoice } = useTheme();
  const [sizes, setPane] = usePaneSizes();
  const [reader, setReader] = useReaderSettings();
  const [sortChoice, setSort] = usePersistentState<SortOrder>('sort', 'date-desc', isSort);
  const [onePerStorySetting, setOnePerStory] = usePersistentState<boolean>('onePerStory', false, isBoolean);
  // The article whose Copies panel is open ("N copies" in a row opens it).
  const [copiesFor, setCopiesFor] = useState<number | null>(null);
  const [statsOpen, setStatsOpen] = useState(false);
  const [highlightsOpen, setHighlightsOpen] = useState(false);
  const [dialog, setDialog] = useState<'open-folder' | 'shortcuts' | 'export' | null>(null);
  // What the export dialog starts with: the bulk bar's selection, or (from the header or menu) its own default.
  const [exportSource, setExportSource] = useState<ExportSource | undefined>(undefined);

  // Library changes (imports, other windows) arrive in bursts: coalesce them into one refresh.
  const [refresh, setRefresh] = useState(0);
  const refreshTimer = useRef<number | undefined>(undefined);
  const requestRefresh = useCallback(() => {
    window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(() => setRefresh((r) => r + 1), 60);
  }, []);

  const query = useSearchQuery();
  const canRank = hasFreeText(query.parsed);
  // Relevance needs words; without them the list falls back to newest first (the choice is kept for next time).
  const activeParsed = useMemo(() => parseQuery(query.active), [query.active]);
  const sidebarData = useSidebarData(refresh);
  // Collection order needs a collection: filter; like relevance, it falls back to newest first.
  const hasCollectionFilter = collectionFilter(activeParsed) !== null;
  const sort: SortOrder =
    (sortChoice === 'relevance' && !hasFreeText(activeParsed)) || (sortChoice === 'collection' && !hasCollectionFilter) ? 'date-desc' : sortChoice;
  const onCollection = collectionView(activeParsed, sidebarData.collections, sort);
  const results = useSearchResults(query.active, sort, refresh, onePerStorySetting);
  const selection = useSelection(results);
  const multi = useMultiSelect(results, query.active, sort, onePerStorySetting);
  // `-is:copy` in the query shows one per story too: the toggle says so, and turning it off takes the filter out.
  const onePerStory = onePerStorySetting || excludesCopies(query.active);
  const article = useArticle(selection.openId, refresh);
  useArticleLinks(selection.openById);
  const imports = useImportJob(requestRefresh);
  const { stats } = useLibraryStats(refresh);
  const curation = useCuration();
  const { tags } = sidebarData;

  // Stars, tags, notes and undo change rows and counts: refresh like a library change.
  useEffect(() => client.onEvent((event) => event.type === 'curation-changed' && requestRefresh()), [requestRefresh]);

  // An article left open for a moment counts as read.
  const openId = selection.openId;
  useEffect(() => {
    if (openId === null) return;
    const timer = window.setTimeout(() => {
      client.articles.markOpened({ id: openId }).then(
        ({ changed }) => changed && requestRefresh(),
        () => undefined,
      );
    }, MARK_OPENED_MS);
    return () => window.clearTimeout(timer);
  }, [openId, requestRefresh]);

  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<ArticleListHandle>(null);

  const { setText } = query;
  const setQueryNow = useCallback((text: string) => setText(text, true), [setText]);
  const toggleOnePerStory = () => {
    if (excludesCopies(query.text)) {
      setQueryNow(dropCopyFilter(query.text));
      setOnePerStory(false);
    } else setOnePerStory(!onePerStorySetting);
  };
  const onFacet = useCallback(
    (field: QueryField, value: string) => setQueryNow(toggleFilter(query.text, query.parsed, field, value)),
    [query.text, query.parsed, setQueryNow],
  );
  const isActive = useCallback(
    (field: QueryField, value: string) => findFilter(query.text, query.parsed, field, value) !== undefined,
    [query.text, query.parsed],
  );

  const pickFolder = useMemo(() => {
    const pick = window.gleanerShell?.pickFolder;
    if (transportKind !== 'desktop' || !pick) return null;
    return () => {
      void pick().then((folder) => (folder ? imports.start(folder.path, folder.grant) : false));
    };
  }, [imports]);
  const openFolder = useCallback(() => (pickFolder ? pickFolder() : setDialog('open-folder')), [pickFolder]);

  useShellCommands({
    openFolder,
    importFolder: (path, grant) => void imports.start(path, grant),
    find: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    toggleTheme: () => setChoice(theme === 'dark' ? 'light' : 'dark'),
    showShortcuts: () => setDialog('shortcuts'),
    exportArticles: () => openExport(),
  });

  const detail = article.detail;
  const { change } = curation;
  // "Selected articles": the multi-selection, else the open article.
  const selectedIds = useMemo(() => (multi.ids.size > 0 ? [...multi.ids] : selection.openId !== null ? [selection.openId] : []), [multi.ids, selection.openId]);
  const openExport = (source?: ExportSource) => {
    setExportSource(source);
    setDialog('export');
  };
  const list = useListActions({ results, selection, multi, collection: onCollection, change, say: curation.say });
  useKeyboardShortcuts({
    toggleInSelection: list.toggleCurrent,
    toggleStar: () => {
      if (detail) void change(() => client.articles.setStarred({ target: { ids: [detail.id] }, starred: !detail.starred }));
    },
    toggleRead: () => {
      if (detail) void change(() => client.articles.setRead({ target: { ids: [detail.id] }, read: !detail.read }));
    },
    undo: curation.undo,
    redo: curation.redo,
    next: () => selection.move(1),
    previous: () => selection.move(-1),
    focusSearch: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    openOriginal: () => {
      const url = detail ? originalUrl(detail) : null;
      if (url) openExternal(url);
    },
    showHelp: () => setDialog('shortcuts'),
    escape: () => {
      if (multi.active) {
        multi.clear();
        return true;
      }
      if (query.text) {
        setQueryNow('');
        return true;
      }
      if (statsOpen) {
        setStatsOpen(false);
        return true;
      }
      if (highlightsOpen) {
        setHighlightsOpen(false);
        return true;
      }
      return false;
    },
  });

  // For uiBench and DevTools: when the first rows were on screen.
  const firstPaint = useRef(false);
  useEffect(() => {
    if (firstPaint.current || results.total === null) return;
    firstPaint.current = true;
    markAfterPaint('gleaner:first-list-paint');
  }, [results.total]);

  const look = useMemo(() => ({ theme, fontSize: reader.fontSize, width: reader.width }), [theme, reader.fontSize, reader.width]);
  const libraryEmpty = stats !== null && stats.articles === 0 && stats.missing === 0 && !query.active;
  const noResults = results.total === 0 && !libraryEmpty && !results.pending;
  const suggestions = useRemovalSuggestions(query.text, query.parsed, noResults && query.parsed.ok && chipsOf(query.text, query.parsed).length > 0);
  const timeline = useTimelineMonths(query.active, refresh, results.facets, results.facetsFresh);

  const tools = (
    <>
      <ReaderSettings settings={reader} onChange={setReader} theme={choice} onTheme={setChoice} />
      <button
        type="button"
        className="btn btn-ghost icon-btn"
        aria-label="Dark theme"
        title={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
        aria-pressed={theme === 'dark'}
        onClick={() => setChoice(theme === 'dark' ? 'light' : 'dark')}
      >
        <Icon name={theme === 'dark' ? 'moon' : 'sun'} />
      </button>
      <button type="button" className="btn btn-ghost icon-btn" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setDialog('shortcuts')}>
        <Icon name="keyboard" />
      </button>
    </>
  );

  return (
    <div className="app">
      <main
        className="panes"
        style={{ ['--sidebar-width' as string]: `${sizes.sidebar}px`, ['--list-width' as string]: `${sizes.list}px` }}
      >
        <Sidebar
          facets={results.facets}
          facetsFresh={results.facetsFresh}
          libraryCount={stats?.articles ?? null}
          queryEmpty={query.text.trim() === ''}
          isActive={isActive}
          onFacet={onFacet}
          onAllArticles={() => setQueryNow('')}
          counts={sidebarData.counts}
          saved={sidebarData.saved}
          activeQuery={query.active}
          onQuery={(text) => setQueryNow(query.active === text ? '' : text)}
          onSaved={(s) => {
            setQueryNow(s.query);
            setSort(s.sort);
          }}
          onSaveSearch={(name) => change(() => client.saved.create({ name, query: query.active, sort: sortChoice }))}
          sort={sort}
          collections={sidebarData.collections}
          tags={tags}
          currentCollection={onCollection?.collection.id ?? null}
          onCollection={(c) => {
            setQueryNow(collectionQuery(c.name));
            setSort('collection');
          }}
          change={change}
          tagQuery={{ text: query.text, set: setQueryNow }}
          onExport={openExport}
          folders={sidebarData.folders}
          libraryHas={{ authors: (stats?.authors ?? 0) > 0, languages: (stats?.languages ?? 0) > 0 }}
          onOpenFolder={openFolder}
          importing={imports.running !== null}
          libraryEmpty={libraryEmpty}
          highlightsOpen={highlightsOpen}
          onHighlights={() => {
            setStatsOpen(false);
            setHighlightsOpen((o) => !o);
          }}
        />
        <Resizer label="Resize sidebar" value={sizes.sidebar} min={PANE_LIMITS.sidebar.min} max={PANE_LIMITS.sidebar.max} defaultValue={PANE_LIMITS.sidebar.default} onChange={(px) => setPane('sidebar', px)} />
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
                onPickRange={(from, to) => setQueryNow(replaceFilters(query.text, ['after', 'before', 'date'], [['after', from], ['before', nextMonth(to)]]))}
                onClearDates={() => setQueryNow(replaceFilters(query.text, ['after', 'before', 'date'], []))}
              />
              <ListHeader total={results.total} pending={results.pending} sort={sort} canRank={canRank} canFollowCollection={hasCollectionFilter} onSort={setSort} onSelectAll={multi.selectAll} onePerStory={onePerStory} onToggleOnePerStory={toggleOnePerStory} statsOpen={statsOpen} onToggleStats={() => {
                  setHighlightsOpen(false);
                  setStatsOpen((o) => !o);
                }} onExport={() => openExport()} />
              <BulkBar
                multi={multi}
                total={results.total}
                tags={tags}
                collections={sidebarData.collections}
                collectionView={onCollection?.collection ?? null}
                change={change}
                notify={curation.say}
                onExport={(target) => openExport('ids' in target ? target : { query: target.query, sort })}
              />
              {results.error && results.error.code !== 'bad-query' && <p className="list-error error-text">The library could not be searched: {results.error.message}</p>}
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
                    setCopiesFor(results.item(index)?.id ?? null);
                  }}
                />
              )}
            </>
          )}
        </section>
        <Resizer label="Resize article list" value={sizes.list} min={PANE_LIMITS.list.min} max={PANE_LIMITS.list.max} defaultValue={PANE_LIMITS.list.default} onChange={(px) => setPane('list', px)} />
        {statsOpen ? (
          <StatsView facets={results.facets} total={results.total} stats={stats} onFacet={onFacet} onClose={() => setStatsOpen(false)} tools={tools} />
        ) : highlightsOpen ? (
          <HighlightsView
            query={query.active}
            tools={tools}
            onClose={() => setHighlightsOpen(false)}
            onOpen={(item) => {
              showPassage(item.articleId, item.id);
              setHighlightsOpen(false);
              selection.openById(item.articleId);
            }}
          />
        ) : (
          <ReadingPane article={article} look={look} tools={tools} libraryEmpty={libraryEmpty} change={change} allTags={tags}
            collections={sidebarData.collections}
            copiesOpen={copiesFor !== null && copiesFor === selection.openId}
            onToggleCopies={() => setCopiesFor(copiesFor !== null && copiesFor === selection.openId ? null : selection.openId)}
          />
        )}
      </main>
      <StatusBar stats={stats} tookMs={results.tookMs}>
        {imports.running && !libraryEmpty && <ImportProgress running={imports.running} onCancel={imports.cancel} />}
      </StatusBar>
      {dialog === 'open-folder' && <OpenFolderDialog onImport={imports.start} error={imports.startError} onClose={() => setDialog(null)} />}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === 'export' && <ExportDialog lists={sidebarData} selectedIds={selectedIds} initialSource={exportSource} query={query.active} sort={sort} onClose={() => setDialog(null)} />}
      <Toast toast={curation.toast} onUndo={curation.undo} onDismiss={curation.dismiss} />
      {imports.finished && <ImportReportDialog finished={imports.finished} onClose={imports.dismiss} />}
    </div>
  );
}
