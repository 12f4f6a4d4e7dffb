import { useMemo, useRef } from 'react';
import { chipsOf } from './lib/chips';
import { useArticleLinks } from './lib/links';
import { client } from './transport';
import type { ArticleListHandle } from './components/list/ArticleList';
import { ExportDialog } from './components/export/ExportDialog';
import { ImportProgress } from './components/import/ImportProgress';
import { ImportReportDialog } from './components/import/ImportReportDialog';
import { OpenFolderDialog } from './components/import/OpenFolderDialog';
import { useImportJob } from './components/import/useImportJob';
import { usePickFolder } from './components/import/usePickFolder';
import { ShortcutsDialog } from './components/keyboard/ShortcutsDialog';
import { useFirstListPaint } from './components/list/useFirstListPaint';
import { useListActions } from './components/list/useListActions';
import { useMultiSelect } from './components/list/useMultiSelect';
import { useSearchResults } from './components/list/useSearchResults';
import { useSelection } from './components/list/useSelection';
import { PaneTools } from './components/reader/PaneTools';
import { useArticle } from './components/reader/useArticle';
import { useMarkOpened } from './components/reader/useMarkOpened';
import { useReaderSettings } from './components/reader/useReaderSettings';
import { useListQuery } from './components/search/useListQuery';
import { useRemovalSuggestions } from './components/search/useRemovalSuggestions';
import { useTimelineMonths } from './components/search/useTimelineMonths';
import { Sidebar } from './components/sidebar/Sidebar';
import { useSidebarData } from './components/sidebar/useSidebarData';
import { StatusBar } from './components/stats/StatusBar';
import { useLibraryStats } from './components/stats/useLibraryStats';
import { Resizer } from './components/widgets/Resizer';
import { Toast } from './components/widgets/Toast';
import { useAppCommands } from './hooks/useAppCommands';
import { useCuration } from './hooks/useCuration';
import { useDetailView } from './hooks/useDetailView';
import { useDialogs } from './hooks/useDialogs';
import { useLibraryRefresh } from './hooks/useLibraryRefresh';
import { PANE_LIMITS, usePaneSizes } from './hooks/usePaneSizes';
import { useTheme } from './hooks/useTheme';
import { DetailPane } from './panes/DetailPane';
import { ListPane } from './panes/ListPane';

/** Wires the three panes, the status bar and the dialogs to the app's state; each piece lives in its own hook or pane. */
export function App() {
  const { theme, choice, setChoice } = useTheme();
  const toggleTheme = () => setChoice(theme === 'dark' ? 'light' : 'dark');
  const [sizes, setPane] = usePaneSizes();
  const [reader, setReader] = useReaderSettings();
  const detailView = useDetailView();
  const { refresh, requestRefresh } = useLibraryRefresh();
  const sidebarData = useSidebarData(refresh);
  const { tags, collections } = sidebarData;
  const listQuery = useListQuery(collections);
  const { query, sort, setQueryNow, onePerStorySetting } = listQuery;
  const results = useSearchResults(query.active, sort, refresh, onePerStorySetting);
  const selection = useSelection(results);
  const multi = useMultiSelect(results, query.active, sort, onePerStorySetting);
  const article = useArticle(selection.openId, refresh);
  useArticleLinks(selection.openById);
  const imports = useImportJob(requestRefresh);
  const { stats } = useLibraryStats(refresh);
  const curation = useCuration();
  const { change } = curation;
  useMarkOpened(selection.openId, requestRefresh);

  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<ArticleListHandle>(null);
  const pickFolder = usePickFolder(imports.start);
  const dialogs = useDialogs(pickFolder);
  // "Selected articles": the multi-selection, else the open article.
  const selectedIds = useMemo(
    () => (multi.ids.size > 0 ? [...multi.ids] : selection.openId !== null ? [selection.openId] : []),
    [multi.ids, selection.openId],
  );
  const list = useListActions({ results, selection, multi, collection: listQuery.onCollection, change, say: curation.say });
  useAppCommands({
    searchRef,
    listQuery,
    selection,
    multi,
    list,
    detail: article.detail,
    curation,
    detailView,
    dialogs,
    toggleTheme,
    importFolder: (path, grant) => void imports.start(path, grant),
  });
  useFirstListPaint(results.total);

  const look = useMemo(() => ({ theme, fontSize: reader.fontSize, width: reader.width }), [theme, reader.fontSize, reader.width]);
  const libraryEmpty = stats !== null && stats.articles === 0 && stats.missing === 0 && !query.active;
  const noResults = results.total === 0 && !libraryEmpty && !results.pending;
  const suggestions = useRemovalSuggestions(query.text, query.parsed, noResults && query.parsed.ok && chipsOf(query.text, query.parsed).length > 0);
  const timeline = useTimelineMonths(query.active, refresh, results.facets, results.facetsFresh);
  const tools = (
    <PaneTools
      reader={reader}
      onReader={setReader}
      choice={choice}
      onChoice={setChoice}
      theme={theme}
      onToggleTheme={toggleTheme}
      onShortcuts={() => dialogs.show('shortcuts')}
    />
  );

  return (
    <div className="app">
      <main className="panes" style={{ ['--sidebar-width' as string]: `${sizes.sidebar}px`, ['--list-width' as string]: `${sizes.list}px` }}>
        <Sidebar
          facets={results.facets}
          facetsFresh={results.facetsFresh}
          libraryCount={stats?.articles ?? null}
          queryEmpty={query.text.trim() === ''}
          isActive={listQuery.isActive}
          onFacet={listQuery.onFacet}
          onAllArticles={() => setQueryNow('')}
          counts={sidebarData.counts}
          saved={sidebarData.saved}
          activeQuery={query.active}
          onQuery={(text) => setQueryNow(query.active === text ? '' : text)}
          onSaved={listQuery.applySaved}
          onSaveSearch={(name) => change(() => client.saved.create({ name, query: query.active, sort: listQuery.sortChoice }))}
          sort={sort}
          collections={collections}
          tags={tags}
          currentCollection={listQuery.onCollection?.collection.id ?? null}
          onCollection={listQuery.showCollection}
          change={change}
          tagQuery={{ text: query.text, set: setQueryNow }}
          onExport={dialogs.openExport}
          folders={sidebarData.folders}
          libraryHas={{ authors: (stats?.authors ?? 0) > 0, languages: (stats?.languages ?? 0) > 0 }}
          onOpenFolder={dialogs.openFolder}
          importing={imports.running !== null}
          libraryEmpty={libraryEmpty}
          highlightsOpen={detailView.highlightsOpen}
          onHighlights={detailView.toggleHighlights}
        />
        <Resizer
          label="Resize sidebar"
          value={sizes.sidebar}
          min={PANE_LIMITS.sidebar.min}
          max={PANE_LIMITS.sidebar.max}
          defaultValue={PANE_LIMITS.sidebar.default}
          onChange={(px) => setPane('sidebar', px)}
        />
        <ListPane
          searchRef={searchRef}
          listRef={listRef}
          listQuery={listQuery}
          results={results}
          selection={selection}
          multi={multi}
          list={list}
          libraryEmpty={libraryEmpty}
          noResults={noResults}
          suggestions={suggestions}
          timeline={timeline}
          imports={imports}
          pickFolder={pickFolder}
          detailView={detailView}
          openExport={dialogs.openExport}
          tags={tags}
          collections={collections}
          curation={curation}
        />
        <Resizer
          label="Resize article list"
          value={sizes.list}
          min={PANE_LIMITS.list.min}
          max={PANE_LIMITS.list.max}
          defaultValue={PANE_LIMITS.list.default}
          onChange={(px) => setPane('list', px)}
        />
        <DetailPane
          detailView={detailView}
          results={results}
          stats={stats}
          onFacet={listQuery.onFacet}
          query={query.active}
          selection={selection}
          article={article}
          look={look}
          tools={tools}
          libraryEmpty={libraryEmpty}
          change={change}
          tags={tags}
          collections={collections}
        />
      </main>
      <StatusBar stats={stats} tookMs={results.tookMs}>
        {imports.running && !libraryEmpty && <ImportProgress running={imports.running} onCancel={imports.cancel} />}
      </StatusBar>
      {dialogs.dialog === 'open-folder' && <OpenFolderDialog onImport={imports.start} error={imports.startError} onClose={dialogs.close} />}
      {dialogs.dialog === 'shortcuts' && <ShortcutsDialog onClose={dialogs.close} />}
      {dialogs.dialog === 'export' && (
        <ExportDialog
          lists={sidebarData}
          selectedIds={selectedIds}
          initialSource={dialogs.exportSource}
          query={query.active}
          sort={sort}
          onClose={dialogs.close}
        />
      )}
      <Toast toast={curation.toast} onUndo={curation.undo} onDismiss={curation.dismiss} />
      {imports.finished && <ImportReportDialog finished={imports.finished} onClose={imports.dismiss} />}
    </div>
  );
}
