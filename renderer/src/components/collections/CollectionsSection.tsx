import { useState } from 'react';
import type { ChangeResult, CollectionInfo, ExportSource } from '../../../../shared/types.js';
import { client } from '../../transport';
import { NameForm } from '../widgets/NameForm';
import { SidebarEntry } from '../sidebar/SidebarEntry';

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
  const [naming, setNaming] = useState(false);
  const create = async (name: string) => {
    const message = await change(() => client.collections.create({ name }));
    if (!message) setNaming(false);
    return message;
  };
  return (
    <section className="sidebar-section" aria-labelledby="facet-collections">
      <h2 id="facet-collections" className="sidebar-heading">
        Collections
      </h2>
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
      {naming ? (
        <NameForm
          className="save-search"
          label="Name of the new collection"
          placeholder="Name"
          submitLabel="Create"
          onSubmit={create}
          onCancel={() => setNaming(false)}
        />
      ) : (
        <button type="button" className="sidebar-more" onClick={() => setNaming(true)}>
          New collection
        </button>
      )}
    </section>
  );
}
