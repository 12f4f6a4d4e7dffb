import type { ReactNode } from 'react';
import type { FacetCount, Facets, LibraryStats } from '../../../../shared/types.js';
import { formatCount, languageName, plural } from '../../lib/format';
import type { FacetField } from '../sidebar/Sidebar';
import { ViewPane } from '../widgets/ViewPane';

interface Props {
  facets: Facets | null;
  total: number | null;
  /** Library-wide counts (all articles, not just these results). */
  stats: LibraryStats | null;
  onFacet: (field: FacetField, value: string) => void;
  onClose: () => void;
  tools: ReactNode;
}

interface BarsProps {
  title: string;
  noun: string;
  items: FacetCount[];
  total: number;
  onPick: (v: string) => void;
  /** What a value shows as (a language code as its name). */
  label?: (value: string) => string;
}

function Bars({ title, noun, items, total, onPick, label = (v) => v }: BarsProps) {
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
              <button type="button" className="stats-row" title={`Filter by ${noun} ${label(item.value)}`} onClick={() => onPick(item.value)}>
                <span className="stats-name">
                  <span className="visually-hidden">Filter by {noun} </span>
                  {label(item.value)}
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

/** Articles per source, author, language and tag for the current query; a bar is also a filter. */
export function StatsView({ facets, total, stats, onFacet, onClose, tools }: Props) {
  return (
    <ViewPane
      title="Statistics"
      className="stats-view"
      summary={total !== null ? `for ${plural(total, 'matching article')}` : ''}
      onClose={onClose}
      tools={tools}
    >
      <div className="stats-body">
        {stats && (
          <p className="muted stats-library">
            The library: {plural(stats.articles, 'article')} from {plural(stats.sources, 'source')}
            {stats.authors > 0 && `, by ${plural(stats.authors, 'author')}`}
            {stats.languages > 0 && `, in ${plural(stats.languages, 'language')}`}.
          </p>
        )}
        {!facets ? (
          <p className="muted">Counting…</p>
        ) : (
          <>
            <Bars title="Articles per source" noun="source" items={facets.sources} total={total ?? 0} onPick={(v) => onFacet('source', v)} />
            <Bars title="Articles per author" noun="author" items={facets.authors} total={total ?? 0} onPick={(v) => onFacet('author', v)} />
            <Bars
              title="Articles per language"
              noun="language"
              items={facets.languages}
              total={total ?? 0}
              onPick={(v) => onFacet('lang', v)}
              label={languageName}
            />
            <Bars title="Articles per tag" noun="tag" items={facets.tags} total={total ?? 0} onPick={(v) => onFacet('tag', v)} />
          </>
        )}
      </div>
    </ViewPane>
  );
}
