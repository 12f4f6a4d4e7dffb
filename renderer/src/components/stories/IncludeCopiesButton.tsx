import { useState } from 'react';
import { formatCount } from '../../lib/format';
import { client } from '../../transport';

/** Picked articles whose stories are looked up at once; more would be a long wait for one click. */
const MAX_LOOKUPS = 200;

interface Props {
  ids: ReadonlySet<number>;
  /** Adds articles to the multi-selection. */
  add: (ids: number[]) => void;
  notify: (text: string) => void;
}

/** "Include copies": adds every copy of the picked articles' stories to the selection, for a bulk action on all of them. */
export function IncludeCopiesButton({ ids, add, notify }: Props) {
  const [busy, setBusy] = useState(false);
  if (ids.size === 0 || ids.size > MAX_LOOKUPS) return null;
  const include = async () => {
    setBusy(true);
    try {
      const stories = await Promise.all([...ids].map((id) => client.stories.members({ id })));
      const copies = stories
        .flat()
        .map((m) => m.id)
        .filter((id) => !ids.has(id));
      const added = [...new Set(copies)];
      add(added);
      notify(
        added.length === 0
          ? 'The selected articles have no copies'
          : `Added ${formatCount(added.length)} ${added.length === 1 ? 'copy' : 'copies'} to the selection`,
      );
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="btn btn-small"
      disabled={busy}
      title="Add the other articles of the selected articles' stories to the selection"
      onClick={() => void include()}
    >
      Include copies
    </button>
  );
}
