import { useId, useState } from 'react';
import type { ChangeResult, CollectionInfo, Target } from '../../../../shared/types.js';
import { formatCount } from '../../lib/format';
import { client } from '../../transport';
import { Icon } from '../widgets/Icon';

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
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const add = async (id: number) => {
    const message = await change(() => client.collections.add({ id, target }));
    setError(message);
    if (!message) onDone();
  };
  const create = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    let created: number | null = null;
    const message = await change(async () => {
      const result = await client.collections.create({ name: trimmed });
      created = result.id;
      return result;
    });
    if (message || created === null) return setError(message);
    setName('');
    await add(created);
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
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <input
          className="field field-small"
          aria-label="New collection name"
          placeholder="New collection…"
          data-autofocus={collections.length === 0 ? true : undefined}
          value={name}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="btn btn-small" disabled={!name.trim()}>
          Create
        </button>
      </form>
      {error && (
        <p id={errorId} className="error-text small">
          {error}
        </p>
      )}
    </div>
  );
}
