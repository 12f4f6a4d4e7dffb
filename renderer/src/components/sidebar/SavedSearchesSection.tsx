import type { ChangeResult, ExportSource, SavedSearchInfo, SortOrder } from '../../../../shared/types.js';
import { client } from '../../transport';
import { AddByName } from './AddByName';
import { SidebarEntry } from './SidebarEntry';
import { SidebarSection } from './SidebarSection';

interface Props {
  saved: SavedSearchInfo[];
  /** The query the list shows, to mark a saved search as current and to save or point one at it. */
  activeQuery: string;
  /** The list's sort, saved with a search. */
  sort: SortOrder;
  onSaved: (saved: SavedSearchInfo) => void;
  /** Saves the current query under a name; resolves to an error message or null. */
  onSaveSearch: (name: string) => Promise<string | null>;
  /** Runs a curation change (toast, undo); resolves to an error message or null. */
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  onExport: (source: ExportSource) => void;
}

/** Saved searches: open one, save the current search, rename, re-point, export or delete one. */
export function SavedSearchesSection({ saved, activeQuery, sort, onSaved, onSaveSearch, change, onExport }: Props) {
  const canSave = activeQuery.trim() !== '';
  return (
    <SidebarSection headingId="facet-saved" title="Saved searches">
      {saved.length === 0 ? (
        <p className="sidebar-empty">Search, then save it here</p>
      ) : (
        <ul className="facet-list">
          {saved.map((s) => (
            <SidebarEntry
              key={s.id}
              icon="bookmark"
              label={s.name}
              count={s.count}
              pressed={activeQuery === s.query}
              title={s.error ?? s.query}
              onOpen={() => onSaved(s)}
              rename={(name) => change(() => client.saved.update({ id: s.id, name }))}
              actions={[
                ...(canSave && activeQuery !== s.query
                  ? [
                      {
                        label: 'Replace with the current search',
                        run: () => void change(() => client.saved.update({ id: s.id, query: activeQuery, sort })),
                      },
                    ]
                  : []),
                { label: 'Export…', run: () => onExport({ savedSearchId: s.id }) },
                { label: 'Delete saved search', run: () => void change(() => client.saved.delete({ id: s.id })) },
              ]}
            />
          ))}
        </ul>
      )}
      <AddByName
        buttonLabel="Save search"
        label="Name of the saved search"
        submitLabel="Save"
        disabled={!canSave}
        title={canSave ? `Save "${activeQuery}"` : 'Search first, then save it'}
        onSubmit={onSaveSearch}
      />
    </SidebarSection>
  );
}
