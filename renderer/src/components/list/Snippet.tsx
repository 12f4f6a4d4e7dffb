import { memo } from 'react';
import { splitSnippet } from '../../lib/snippet';

/** A search excerpt with its matched words in <mark>, built as React elements (never innerHTML). */
export const Snippet = memo(function Snippet({ text }: { text: string }) {
  return <>{splitSnippet(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>;
});
