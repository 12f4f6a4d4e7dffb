import type { Suggestion } from './useRemovalSuggestions';
import { formatCount } from '../../lib/format';

interface Props {
  suggestions: Suggestion[] | null;
  onRemove: (s: Suggestion) => void;
  onClear: () => void;
}

/** No matches: says which filter to take out (and what that would bring back). */
export function NoResults({ suggestions, onRemove, onClear }: Props) {
  return (
    <section className="list-empty" aria-labelledby="no-results-title">
      <h2 id="no-results-title" className="list-empty-title">
        No articles match this search
      </h2>
      {suggestions === null ? (
        <p className="muted">Looking for a filter to loosen…</p>
      ) : suggestions.length > 0 ? (
        <>
          <p className="muted">Try removing a filter:</p>
          <ul className="suggestions">
            {suggestions.map((s) => (
              <li key={`${s.chip.span.start}`}>
                <button type="button" className="btn btn-small" onClick={() => onRemove(s)}>
                  Remove <code>{s.chip.text}</code>
                </button>
                <span className="muted small"> shows {formatCount(s.total)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">No single filter is in the way; try different words.</p>
      )}
      <button type="button" className="link-btn" onClick={onClear}>
        Clear the search
      </button>
    </section>
  );
}
