import type { ReactNode } from 'react';
import type { ArticlePreview } from '../../../../shared/api.js';
import type { ArticleDetail } from '../../../../shared/types.js';
import { formatAuthors, formatDateTime, formatReadingTime, hostOf, languageName, plural } from '../../lib/format';
import { isWebUrl } from '../../lib/links';
import { Icon } from '../widgets/Icon';

interface Props {
  detail: ArticleDetail;
  preview: ArticlePreview | null;
  remoteAllowed: boolean;
  onAllowRemote: () => void;
  onRemoteForSource: (allowed: boolean) => void;
  /** Tags, collections and the note, under the title. */
  children?: ReactNode;
}

/** Where an article's source came from, for the tooltip on it. */
const ORIGIN_HINT: Record<NonNullable<ArticleDetail['sourceOrigin']>, string> = {
  file: 'From the file',
  'site-field': "From the file's site or publisher",
  url: "The host of the article's address",
  'site-config': "The title of the site's configuration",
  folder: "The folder's name (rename it from the Sources menu)",
  label: 'Your name for the folder',
};

/**
 * Source, date, reading time, language, title, authors, summary and enclosure above the body. Every value is
 * front matter from a file on disk, so all of it is React text: none of it is
 * ever parsed as HTML.
 */
export function ArticleHeader({ detail, preview, remoteAllowed, onAllowRemote, onRemoteForSource, children }: Props) {
  const enclosure = isWebUrl(detail.enclosure) ? detail.enclosure : null;
  const blocked = (preview?.blockedRemote.length ?? 0) + (enclosure && !remoteAllowed ? 1 : 0);
  const when = formatDateTime(detail.date);
  const reading = formatReadingTime(detail.readingMinutes);
  return (
    <header className="article-head">
      <p className="article-kicker">
        {detail.source && (
          <span className="article-source" title={detail.sourceOrigin ? ORIGIN_HINT[detail.sourceOrigin] : undefined}>
            {detail.source}
          </span>
        )}
        {when && (
          <time className="article-date" dateTime={detail.date ?? undefined}>
            {when}
          </time>
        )}
        {reading && <span className="article-fact">{reading}</span>}
        {detail.lang && (
          <span className="article-fact" title={`Language: ${detail.lang}`}>
            {languageName(detail.lang)}
          </span>
        )}
        {detail.draft && <span className="badge">Draft</span>}
      </p>
      <h1 className="article-title" lang={detail.lang ?? undefined}>
        {detail.title || 'Untitled'}
      </h1>
      {detail.authors.length > 0 && <p className="article-byline">By {formatAuthors(detail.authors)}</p>}
      {detail.summary && (
        <p className="article-summary" lang={detail.lang ?? undefined}>
          {detail.summary}
        </p>
      )}
      {children}
      {enclosure &&
        (remoteAllowed ? (
          <img className="enclosure" src={enclosure} alt="" referrerPolicy="no-referrer" />
        ) : (
          <p className="enclosure-placeholder">
            <Icon name="image" size={14} />
            <span>Image from {hostOf(enclosure)} not loaded</span>
          </p>
        ))}
      {blocked > 0 && !remoteAllowed && (
        <div className="notice" role="status">
          <Icon name="warning" size={14} />
          <span>{plural(blocked, 'remote item')} blocked to protect your privacy</span>
          <span className="notice-actions">
            <button type="button" className="btn btn-small" onClick={onAllowRemote}>
              Load remote images
            </button>
            {detail.source && (
              <button type="button" className="btn btn-small" onClick={() => onRemoteForSource(true)}>
                Always for {detail.source}
              </button>
            )}
          </span>
        </div>
      )}
      {detail.remoteImagesAllowedForSource && detail.source && (
        <p className="notice quiet">
          <Icon name="image" size={14} />
          <span>Remote images always load for {detail.source}.</span>
          <span className="notice-actions">
            <button type="button" className="btn btn-small" onClick={() => onRemoteForSource(false)}>
              Stop loading them
            </button>
          </span>
        </p>
      )}
      {detail.missing && (
        <p className="notice">
          <Icon name="warning" size={14} />
          The file {detail.relPath} is no longer on disk; this is the last imported copy.
        </p>
      )}
      {detail.warnings.length > 0 && (
        <details className="article-warnings">
          <summary>{plural(detail.warnings.length, 'import warning')}</summary>
          <ul>
            {detail.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </header>
  );
}
