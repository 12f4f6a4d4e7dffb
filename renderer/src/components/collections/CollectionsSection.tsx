import type { ChangeResult, CollectionInfo, ExportSource } from '../../../../shared/types.js';
import { client } from '../../transport';
import { AddByName } from '../sidebar/AddByName';
import { SidebarEntry } from '../sidebar/SidebarEntry';
import { SidebarSection } from '../sidebar/SidebarSection';

interface Props {
  collections: CollectionInfo[];
  /** The collection the list shows, if any. */
  current: number | null;
  onOpen: (collection: CollectionInfo) => void;
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  onExport: (source: ExportSource) => void;
}

/**
 * Manual collections: open one (the list then follows its order), drop articles
 * on it, make, rename and delete them. Deleting keeps the articles and can be undone.
 */
export function CollectionsSection({ collections, current, onOpen, change, onExport }: Props) {
  const create = (name: string) => change(() => client.collections.create({ name }));
  return (
    <SidebarSection headingId="facet-collections" title="Collections">
      {collections.length === 0 ? (
        <p className="sidebar-empty">Make one, then drag articles onto it</p>
      ) : (
        <ul className="facet-list">
          {collections.map((c) => (
            <SidebarEntry
              key={c.id}
              icon="collection"
              label={c.name}
              count={c.count}
              pressed={current === c.id}
              title={`${c.name}: drop articles here to add them`}
              onOpen={() => onOpen(c)}
              rename={(to) => change(() => client.collections.rename({ id: c.id, name: to }))}
              actions={[
                { label: 'Export…', run: () => onExport({ collectionId: c.id }) },
                { label: 'Delete collection', run: () => void change(() => client.collections.delete({ id: c.id })) },
              ]}
              onDropArticles={(target) => void change(() => client.collections.add({ id: c.id, target }))}
            />
          ))}
        </ul>
      )}
      <AddByName buttonLabel="New collection" label="Name of the new collection" submitLabel="Create" onSubmit={create} />
    </SidebarSection>
  );
}
