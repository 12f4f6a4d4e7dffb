import { useState } from 'react';
import type { ChangeResult, CollectionInfo, Target } from '../../../../shared/types.js';
import { formatCount } from '../../lib/format';
import { client } from '../../transport';
import { Icon } from '../widgets/Icon';
import { NameForm } from '../widgets/NameForm';

interface Props {
  collections: CollectionInfo[];
  target: Target;
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  onDone: () => void;
}

/**
 * "Add to collection": the collections as buttons, and a field that makes a new
 * one and adds to it in one go (two undo steps: the new collection, then the additions).
 */
export function CollectionPicker({ collections, target, change, onDone }: Props) {
  // Adding failed (the field shows its own errors, from making a collection).
  const [error, setError] = useState<string | null>(null);
  // A new key empties the field once its collection exists, so a retry does not make it twice.
  const [formKey, setFormKey] = useState(0);
  const add = async (id: number) => {
    const message = await change(() => client.collections.add({ id, target }));
    setError(message);
    if (!message) onDone();
  };
  const create = async (name: string) => {
    if (!name) return null;
    setError(null);
    let created: number | null = null;
    const message = await change(async () => {
      const result = await client.collections.create({ name });
      created = result.id;
      return result;
    });
    if (message || created === null) return message;
    setFormKey((k) => k + 1);
    await add(created);
    return null;
  };
  return (
    <div className="collection-picker">
      {collections.length > 0 && (
        <ul className="menu-list">
          {collections.map((c, i) => (
            <li key={c.id}>
              <button type="button" className="menu-item" data-autofocus={i === 0 ? true : undefined} onClick={() => void add(c.id)}>
                <Icon name="collection" size={14} />
                <span className="menu-item-label">{c.name}</span>
                <span className="count">{formatCount(c.count)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* The field is marked data-autofocus too; a popover focuses the first such element, so the list's first entry when there is one. */}
      <NameForm key={formKey} label="New collection name" placeholder="New collection…" submitLabel="Create" requireName onSubmit={create} />
      {error && <p className="error-text small">{error}</p>}
    </div>
  );
}
