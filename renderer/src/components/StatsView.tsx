import type { ReactNode } from 'react';
import type { FacetCount, Facets } from '../../../shared/types.js';
import { formatCount, plural } from '../lib/format';
import { Icon } from './Icon';

interface Props {
  facets: Facets | null;
  total: number | null;
  onFacet: (field: 'source' | 'tag', value: string) => void;
  onClose: () => void;
  tools: ReactNode;
}

function Bars({ title, noun, items, total, onPick }: { title: string; noun: string; items: FacetCount[]; total: number; onPick: (v: string) => void }) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <section className="stats-section" aria-labelledby={`stats-${noun}`}>
      <h3 id={`stats-${noun}`}>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">None in these results.</p>
      ) : (
        <ul className="stats-bars">
          {items.slice(0, 25).map((item) => (
            <li key={item.value}>
              <button type="button" className="stats-row" title={`Filter by ${noun} ${item.value}`} onClick={() => onPick(item.value)}>
                <span className="stats-name">
                  <span className="visually-hidden">Filter by {noun} </span>
                  {item.value}
                </span>{' '}
                <span className="stats-track" aria-hidden="true">
                  <span className="stats-fill" style={{ width: `${(item.count / max) * 100}%` }} />
                </span>
                <span className="stats-count">
                  {formatCount(item.count)}
                  <span className="visually-hidden"> {item.count === 1 ? 'article' : 'articles'},</span>
                  <span className="muted"> {total ? `${Math.round((item.count / total) * 100)}%` : ''}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Articles per source and per tag for the current query; a bar is also a filter. */
export function StatsView({ facets, total, onFacet, onClose, tools }: Props) {
  return (
    <section className="pane reader-pane stats-view" aria-label="Statistics">
      <div className="pane-toolbar">
        <h2 className="pane-title">Statistics</h2>
        <span className="muted">{total !== null ? `for ${plural(total, 'matching article')}` : ''}</span>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={onClose}>
          <Icon name="close" size={12} />
          Close statistics
        </button>
        {tools}
      </div>
      <div className="stats-body">
        {!facets ? (
          <p className="muted">Counting…</p>
        ) : (
          <>
            <Bars title="Articles per source" noun="source" items={facets.sources} total={total ?? 0} onPick={(v) => onFacet('source', v)} />
            <Bars title="Articles per tag" noun="tag" items={facets.tags} total={total ?? 0} onPick={(v) => onFacet('tag', v)} />
          </>
        )}
      </div>
    </section>
  );
}
