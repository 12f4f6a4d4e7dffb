import { memo, useMemo } from 'react';
import { markAfterPaint } from '../../lib/perf';
import { buildSrcdoc, type ReaderLook } from '../../lib/srcdoc';

interface Props {
  articleId: number;
  html: string;
  allowRemoteImages: boolean;
  look: ReaderLook;
  /** Each time a document is in the frame (the app reads its selection and draws marks into it). */
  onFrameLoad?: (frame: HTMLIFrameElement) => void;
}

/**
 * The article body in a sandboxed frame: no scripts, popups only for links
 * (which escape the sandbox so the opened page works normally). Same-origin,
 * without scripts, only lets the app reach into the frame (to read the
 * selection and draw highlight marks); nothing in the article can run to use
 * it, and the frame's CSP still blocks scripts and every request but images.
 * Top navigation on a click only, for links to other articles: those are
 * fragments of the app's own page (`#gleaner-article=ID`, see useArticleLinks),
 * which change no document; the desktop app refuses any other main-frame navigation.
 */
export const PreviewFrame = memo(function PreviewFrame({ articleId, html, allowRemoteImages, look, onFrameLoad }: Props) {
  const srcdoc = useMemo(() => buildSrcdoc(html, allowRemoteImages, look, window.location.origin), [html, allowRemoteImages, look]);
  return (
    <iframe
      className="preview-frame"
      title="Article preview"
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
      referrerPolicy="no-referrer"
      srcDoc={srcdoc}
      data-article-id={articleId}
      onLoad={(event) => {
        markAfterPaint('gleaner:preview-visible', articleId);
        onFrameLoad?.(event.currentTarget);
      }}
    />
  );
});
