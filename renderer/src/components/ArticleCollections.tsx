import type { ArticleDetail, ChangeResult, CollectionInfo } from '../../../shared/types.js';
import { client } from '../transport';
import { CollectionPicker } from './CollectionPicker';
import { Icon } from './Icon';
import { Popover } from './Popover';

interface Props {
  detail: ArticleDetail;
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  /** Every collection (the app keeps the list current). */
  collections: CollectionInfo[];
}

/** The collections holding the open article, each removable, and a command to add it to one. */
export function ArticleCollections({ detail, change, collections }: Props) {
  const holding = new Set(detail.collections.map((name) => name.toLowerCase()));
  const inThem = collections.filter((c) => holding.has(c.name.toLowerCase()));
  const others = collections.filter((c) => !holding.has(c.name.toLowerCase()));
  const target = { ids: [detail.id] };
  return (
    <ul className="tag-editor article-collections" aria-label="Collections">
      {inThem.map((c) => (
        <li key={c.id} className="tag-chip tag-chip-edit collection-chip">
          <Icon name="collection" size={11} />
          <span>{c.name}</span>
          <button
            type="button"
            className="tag-remove"
            aria-label={`Remove from collection ${c.name}`}
            onClick={() => void change(() => client.collections.remove({ id: c.id, target: { ids: [detail.id] } }))}
          >
            <Icon name="close" size={10} />
          </button>
        </li>
      ))}
      <li>
        <Popover align="left" label={<><Icon name="collection" size={14} /> Collect…</>} buttonLabel="Collect…" buttonTitle="Add this article to a collection" buttonClassName="btn btn-small" title="Add to collection">
          {(close) => <CollectionPicker collections={others} target={target} change={change} onDone={close} />}
        </Popover>
      </li>
    </ul>
  );
}
