import type { RefObject } from 'react';
import type { ArticleDetail } from '../../../shared/types.js';
import { useKeyboardShortcuts } from '../components/keyboard/useKeyboardShortcuts';
import type { ListActions } from '../components/list/useListActions';
import type { MultiSelect } from '../components/list/useMultiSelect';
import type { Selection } from '../components/list/useSelection';
import type { ListQuery } from '../components/search/useListQuery';
import { openExternal, originalUrl } from '../lib/links';
import { client } from '../transport';
import type { Curation } from './useCuration';
import type { DetailView } from './useDetailView';
import type { Dialogs } from './useDialogs';
import { useShellCommands } from './useShellCommands';

interface Inputs {
  searchRef: RefObject<HTMLInputElement | null>;
  listQuery: ListQuery;
  selection: Selection;
  multi: MultiSelect;
  list: ListActions;
  /** The open article, which the star, read and open-original keys act on. */
  detail: ArticleDetail | null;
  curation: Curation;
  detailView: DetailView;
  dialogs: Dialogs;
  importFolder: (path: string, grant: string) => void;
  toggleTheme: () => void;
}

/**
 * What the desktop menu's commands and the single-key shortcuts do in this app. Both hooks
 * read their handlers through a ref, so these closures always see the current state.
 */
export function useAppCommands({
  searchRef,
  listQuery,
  selection,
  multi,
  list,
  detail,
  curation,
  detailView,
  dialogs,
  importFolder,
  toggleTheme,
}: Inputs): void {
  const { change } = curation;
  const focusSearch = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };

  useShellCommands({
    openFolder: dialogs.openFolder,
    importFolder,
    find: focusSearch,
    toggleTheme,
    showShortcuts: () => dialogs.show('shortcuts'),
    exportArticles: () => dialogs.openExport(),
  });

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
    focusSearch,
    openOriginal: () => {
      const url = detail ? originalUrl(detail) : null;
      if (url) openExternal(url);
    },
    showHelp: () => dialogs.show('shortcuts'),
    // Escape undoes the most local state first: the multi-selection, the query, then a view over the reader.
    escape: () => {
      if (multi.active) {
        multi.clear();
        return true;
      }
      if (listQuery.query.text) {
        listQuery.setQueryNow('');
        return true;
      }
      if (detailView.statsOpen) {
        detailView.closeStats();
        return true;
      }
      if (detailView.highlightsOpen) {
        detailView.closeHighlights();
        return true;
      }
      return false;
    },
  });
}
