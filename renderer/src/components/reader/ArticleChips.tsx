import { useState } from 'react';
import type { ArticleDetail, ChangeResult, CollectionInfo } from '../../../../shared/types.js';
import { client } from '../../transport';
import { Icon } from '../widgets/Icon';

interface Props {
  detail: ArticleDetail;
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  /** Every collection (the app keeps the list current), to find the ones holding the article. */
  collections: CollectionInfo[];
}

/** The open article's tags and collections in its header, each removable. */
export function ArticleChips({ detail, change, collections }: Props) {
  const [error, setError] = useState<string | null>(null);
  const holding = new Set(detail.collections.map((name) => name.toLowerCase()));
  const inThem = collections.filter((c) => holding.has(c.name.toLowerCase()));
  const target = { ids: [detail.id] };
  const run = (work: () => Promise<ChangeResult>) => void change(work).then(setError);
  if (detail.tagOrigins.length === 0 && inThem.length === 0 && !error) return null;
  return (
    <div className="article-chips">
      {detail.tagOrigins.length > 0 && (
        <ul className="tag-editor" aria-label="Tags">
          {detail.tagOrigins.map((tag) => (
            <li key={tag.name} className="tag-chip tag-chip-edit" title={tag.origin === 'file' ? 'From the file' : 'Added by you'}>
              <span>{tag.name}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove tag ${tag.name}`}
                onClick={() => run(() => client.tags.remove({ name: tag.name, target }))}
              >
                <Icon name="close" size={10} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {inThem.length > 0 && (
        <ul className="tag-editor article-collections" aria-label="Collections">
          {inThem.map((c) => (
            <li key={c.id} className="tag-chip tag-chip-edit collection-chip">
              <Icon name="collection" size={11} />
              <span>{c.name}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove from collection ${c.name}`}
                onClick={() => run(() => client.collections.remove({ id: c.id, target: { ids: [detail.id] } }))}
              >
                <Icon name="close" size={10} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="error-text small curation-error">{error}</p>}
    </div>
  );
}
