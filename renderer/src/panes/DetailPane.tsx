import type { ReactNode } from 'react';
import type { QueryField } from '../../../shared/query/ast.js';
import type { ChangeResult, CollectionInfo, LibraryStats, TagInfo } from '../../../shared/types.js';
import { HighlightsView } from '../components/highlights/HighlightsView';
import { showPassage } from '../components/highlights/pendingPassage';
import type { SearchResults } from '../components/list/useSearchResults';
import type { Selection } from '../components/list/useSelection';
import { ReadingPane } from '../components/reader/ReadingPane';
import type { OpenArticle } from '../components/reader/useArticle';
import { StatsView } from '../components/stats/StatsView';
import type { DetailView } from '../hooks/useDetailView';
import type { ReaderLook } from '../lib/srcdoc';

interface Props {
  detailView: DetailView;
  results: SearchResults;
  stats: LibraryStats | null;
  onFacet: (field: QueryField, value: string) => void;
  /** The active query: the highlights view lists only those of matching articles. */
  query: string;
  selection: Selection;
  article: OpenArticle;
  look: ReaderLook;
  /** The window's own controls, shown in the toolbar of whichever view is up. */
  tools: ReactNode;
  libraryEmpty: boolean;
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  tags: TagInfo[];
  collections: CollectionInfo[];
}

/** The third pane: statistics, the library's highlights, or (most of the time) the open article. */
export function DetailPane({
  detailView,
  results,
  stats,
  onFacet,
  query,
  selection,
  article,
  look,
  tools,
  libraryEmpty,
  change,
  tags,
  collections,
}: Props) {
  const { copiesFor, setCopiesFor } = detailView;
  if (detailView.statsOpen) {
    return <StatsView facets={results.facets} total={results.total} stats={stats} onFacet={onFacet} onClose={detailView.closeStats} tools={tools} />;
  }
  if (detailView.highlightsOpen) {
    return (
      <HighlightsView
        query={query}
        tools={tools}
        onClose={detailView.closeHighlights}
        onOpen={(item) => {
          showPassage(item.articleId, item.id);
          detailView.closeHighlights();
          selection.openById(item.articleId);
        }}
      />
    );
  }
  return (
    <ReadingPane
      article={article}
      look={look}
      tools={tools}
      libraryEmpty={libraryEmpty}
      change={change}
      allTags={tags}
      collections={collections}
      copiesOpen={copiesFor !== null && copiesFor === selection.openId}
      onToggleCopies={() => setCopiesFor(copiesFor !== null && copiesFor === selection.openId ? null : selection.openId)}
    />
  );
}
