interface Props {
  id: string;
  text: string;
  message: string;
  span: { start: number; end: number };
}

/**
 * A query that does not parse: the message, and the typed text with the bad
 * part underlined, so the person sees where without counting characters.
 */
export function QueryErrorMessage({ id, text, message, span }: Props) {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  // An empty span (e.g. "expected a term at the end") points just past the text.
  const bad = text.slice(start, end);
  return (
    <div id={id} className="query-error" aria-live="polite">
      <p className="query-error-message">
        <strong>Can’t search yet:</strong> {message}
      </p>
      {text && (
        <p className="query-echo" aria-hidden="true">
          <code>
            {text.slice(0, start)}
            <span className={`bad${bad ? '' : ' empty'}`}>{bad || ' '}</span>
            {text.slice(end)}
          </code>
        </p>
      )}
      <p className="query-error-hint">The list still shows the last search that worked.</p>
    </div>
  );
}
