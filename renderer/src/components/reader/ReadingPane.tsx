import { useId, useState, type ReactNode } from 'react';
import type { OpenArticle } from './useArticle';
import { originalUrl } from '../../lib/links';
import type { ReaderLook } from '../../lib/srcdoc';
import type { ChangeResult, CollectionInfo, TagInfo } from '../../../../shared/types.js';
import { ArticleActions } from './ArticleActions';
import { ArticleChips } from './ArticleChips';
import { ArticleHeader } from './ArticleHeader';
import { ArticleNote } from './ArticleNote';
import { Icon } from '../widgets/Icon';
import { ArticleHighlights } from '../highlights/ArticleHighlights';
import { CompareView, type Comparison } from '../stories/CompareView';
import { CopiesPanel } from '../stories/CopiesPanel';

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
  /** The Copies panel is open for this article ("N copies" in the list opens it). */
  copiesOpen: boolean;
  onToggleCopies: () => void;
}

/**
 * The right pane: one toolbar row (the open article's actions, then the window's tools),
 * the article's header, and its sandboxed body with its highlights beside it. The note shows when the article has one
 * or the person opens it, so the body starts high in the pane.
 */
export function ReadingPane({ article, look, tools, libraryEmpty, change, allTags, collections, copiesOpen, onToggleCopies }: Props) {
  const { detail, preview } = article;
  const original = detail ? originalUrl(detail) : null;
  const noteId = useId();
  // The person's choice for one article; other articles start with their note shown only if they have one.
  const [noteChoice, setNoteChoice] = useState<{ id: number; open: boolean } | null>(null);
  const chosen = detail && noteChoice?.id === detail.id ? noteChoice.open : null;
  const noteOpen = detail ? (chosen ?? (detail.note ?? '') !== '') : false;
  // A copy compared with its story's original takes the article's place until closed.
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const compared = detail && copiesOpen && comparison?.articleId === detail.id ? comparison : null;
  return (
    <section className="pane reader-pane" aria-label="Reading pane" aria-busy={article.loading}>
      <div className="pane-toolbar reader-toolbar">
        {detail && !article.error && (
          <ArticleActions
            detail={detail}
            change={change}
            allTags={allTags}
            collections={collections}
            noteOpen={noteOpen}
            noteId={noteId}
            onToggleNote={() => setNoteChoice({ id: detail.id, open: !noteOpen })}
          />
        )}
        <span className="spacer" />
        {original ? (
          <a className="btn btn-small" href={original} target="_blank" rel="noopener noreferrer" title={original}>
            <Icon name="external" size={14} />
            Open original
          </a>
        ) : (
          detail && <span className="muted small">No web address</span>
        )}
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
          >
            <ArticleChips detail={detail} change={change} collections={collections} />
            {noteOpen && <ArticleNote key={detail.id} id={noteId} detail={detail} change={change} focus={chosen === true} />}
            <CopiesPanel
              detail={detail}
              change={change}
              open={copiesOpen}
              onToggle={onToggleCopies}
              comparing={compared?.memberId ?? null}
              onCompare={setComparison}
            />
          </ArticleHeader>
          {compared ? (
            <CompareView {...compared} onClose={() => setComparison(null)} />
          ) : (
            preview &&
            preview.id === detail.id && (
              <ArticleHighlights
                articleId={detail.id}
                html={preview.html}
                allowRemoteImages={preview.remoteImagesAllowed}
                look={look}
                change={change}
              />
            )
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
