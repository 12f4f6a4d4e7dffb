import type { ReactNode } from 'react';
import { Icon } from './Icon';

interface Props {
  /** The view's name: its heading and its region's accessible name. */
  title: string;
  /** The view's own class, beside the reading pane's, for its styles. */
  className: string;
  /** A line beside the title, such as what the view counts. */
  summary: ReactNode;
  onClose: () => void;
  /** The reading pane's own tools (theme, text size), kept in reach while the view is open. */
  tools: ReactNode;
  children: ReactNode;
}

/** A view shown in the reading pane's place (Statistics, Highlights): a titled toolbar with Close, then its body. */
export function ViewPane({ title, className, summary, onClose, tools, children }: Props) {
  return (
    <section className={`pane reader-pane ${className}`} aria-label={title}>
      <div className="pane-toolbar">
        <h2 className="pane-title">{title}</h2>
        <span className="muted">{summary}</span>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={onClose}>
          <Icon name="close" size={12} />
          Close {title.toLowerCase()}
        </button>
        {tools}
      </div>
      {children}
    </section>
  );
}
