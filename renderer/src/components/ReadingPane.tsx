import type { ReactNode } from 'react';
import type { OpenArticle } from '../hooks/useArticle';
import { originalUrl } from '../lib/links';
import type { ReaderLook } from '../lib/srcdoc';
import type { ChangeResult, CollectionInfo, TagInfo } from '../../../shared/types.js';
import { ArticleCuration } from './ArticleCuration';
import { ArticleHeader } from './ArticleHeader';
import { Icon } from './Icon';
import { PreviewFrame } from './PreviewFrame';

interface Props {
  article: OpenArticle;
  look: ReaderLook;
  /** Toolbar controls that belong to the window (settings, theme, help). */
  tools: ReactNode;
  libraryEmpty: boolean;
  change: (run: () => Promise<ChangeResult>) => Promise<string | null>;
  /** Every tag and collection, for the tag suggestions and "Collect…" (fetched once per change by the app, not per article). */
  allTags: TagInfo[];
  collections: CollectionInfo[];
}

/** The right pane: the open article's header, its sandboxed body, and the window's tools. */
export function ReadingPane({ article, look, tools, libraryEmpty, change, allTags, collections }: Props) {
  const { detail, preview } = article;
  const original = detail ? originalUrl(detail) : null;
  return (
    <section className="pane reader-pane" aria-label="Reading pane" aria-busy={article.loading}>
      <div className="pane-toolbar reader-toolbar">
        {original ? (
          <a className="btn btn-small" href={original} target="_blank" rel="noopener noreferrer" title={original}>
            <Icon name="external" size={14} />
            Open original
          </a>
        ) : (
          detail && <span className="muted small">No web address for this article</span>
        )}
        <span className="spacer" />
        {tools}
      </div>
      {article.error ? (
        <div className="reader-empty">
          <p className="error-text">This article could not be opened: {article.error}</p>
        </div>
      ) : detail ? (
        <div className="reader-body" style={{ ['--reading-width' as string]: `${look.width}ch`, ['--reading-size' as string]: `${look.fontSize}px` }}>
          <ArticleHeader
            detail={detail}
            preview={preview}
            remoteAllowed={article.remoteAllowed}
            onAllowRemote={article.allowRemoteOnce}
            onRemoteForSource={(allowed) => void article.setRemoteForSource(allowed)}
          />
          <ArticleCuration key={detail.id} detail={detail} change={change} allTags={allTags} collections={collections} />
          {preview && preview.id === detail.id && (
            <PreviewFrame articleId={detail.id} html={preview.html} allowRemoteImages={preview.remoteImagesAllowed} look={look} />
          )}
        </div>
      ) : libraryEmpty ? (
        <div className="reader-empty">
          <p className="muted">Articles you open will show here.</p>
        </div>
      ) : (
        <div className="reader-empty">
          <p className="reader-empty-title">No article open</p>
          <p className="muted">
            Pick one from the list, or press <kbd>j</kbd> and <kbd>k</kbd> to move and <kbd>Enter</kbd> to open.
          </p>
        </div>
      )}
    </section>
  );
}
