import { markStyles } from './highlightPalette';

/**
 * The document inside the reading frame. The frame is sandboxed without
 * scripts (same-origin only so the app can read the selection and draw
 * highlight marks), and this document carries its own CSP on top of the
 * app's, so even a sanitizer miss cannot run code or phone home: images load
 * only from data: URLs and the app's route for the article's own local images
 * (`/article-images/`, on the app's origin), unless the person allowed remote
 * images for this article.
 */
export interface ReaderLook {
  theme: 'light' | 'dark';
  /** Body text size in CSS pixels. */
  fontSize: number;
  /** Line length in `ch`. */
  width: number;
}

const PALETTE = {
  light: { bg: '#ffffff', fg: '#1f2328', muted: '#59636e', link: '#0b5cd5', rule: '#e3e5e8', code: '#f3f4f6', quote: '#d0d7de' },
  dark: { bg: '#1c1d20', fg: '#e4e5e7', muted: '#a0a6ad', link: '#8ab4ff', rule: '#33363b', code: '#26282c', quote: '#454a52' },
};

function styles(look: ReaderLook): string {
  const c = PALETTE[look.theme];
  return `
:root { color-scheme: ${look.theme}; }
html { background: ${c.bg}; color: ${c.fg}; -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 8px 28px 72px; max-width: ${look.width}ch;
  font: ${look.fontSize}px/1.65 Charter, "Bitstream Charter", "Iowan Old Style", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif;
  overflow-wrap: break-word; hyphens: auto; text-rendering: optimizeLegibility;
}
p, ul, ol, dl, blockquote, pre, table, figure { margin: 0 0 1em; }
h1, h2, h3, h4, h5, h6 {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", sans-serif;
  line-height: 1.3; margin: 1.6em 0 0.6em;
}
h1 { font-size: 1.5em; } h2 { font-size: 1.3em; } h3 { font-size: 1.12em; } h4, h5, h6 { font-size: 1em; }
a { color: ${c.link}; text-decoration-thickness: 1px; text-underline-offset: 2px; }
img, video { max-width: 100%; height: auto; border-radius: 4px; }
figure { margin-left: 0; margin-right: 0; } figcaption { color: ${c.muted}; font-size: 0.88em; }
blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid ${c.quote}; color: ${c.muted}; }
code, pre, kbd, samp { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
code { background: ${c.code}; padding: 0.1em 0.3em; border-radius: 4px; }
pre { background: ${c.code}; padding: 0.8em 1em; border-radius: 6px; overflow-x: auto; line-height: 1.45; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid ${c.rule}; padding: 0.3em 0.6em; text-align: left; }
hr { border: 0; border-top: 1px solid ${c.rule}; margin: 2em 0; }
.gleaner-blocked {
  display: inline-block; max-width: 100%; padding: 0.15em 0.5em; border: 1px dashed ${c.rule}; border-radius: 4px;
  color: ${c.muted}; font: 0.8em system-ui, sans-serif; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: middle;
}
::selection { background: ${look.theme === 'dark' ? '#33507f' : '#cfe0ff'}; }
${markStyles(look.theme, c.link)}`;
}

/** The one path on the app's origin the frame may load images from (local/imageRoute.ts). */
export const LOCAL_IMAGE_ROUTE = '/article-images/';

/**
 * Builds the frame's srcdoc. `html` comes from articles.preview, already sanitized; `appOrigin`
 * is the app page's origin (`app://gleaner`, `http://127.0.0.1:port`), which serves local images.
 */
export function buildSrcdoc(html: string, allowRemoteImages: boolean, look: ReaderLook, appOrigin: string): string {
  const csp = `default-src 'none'; img-src data: ${appOrigin}${LOCAL_IMAGE_ROUTE}${allowRemoteImages ? ' https:' : ''}; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'`;
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="referrer" content="no-referrer"><style>${styles(look)}</style></head><body>${html}</body></html>`;
}
