import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/highlights.js';

/**
 * Highlight backgrounds per theme, chosen so the reading text keeps at least 4.5:1 contrast on
 * each (the light theme's #1f2328 on pale tints, the dark theme's #e4e5e7 on deep ones; checked
 * by highlightPalette.test.ts). One table for the frame's marks and the app's swatches.
 */
export const HIGHLIGHT_PALETTE: Record<'light' | 'dark', Record<HighlightColor, string>> = {
  light: { yellow: '#fbe072', green: '#c3ebc4', blue: '#c8e0fc', pink: '#fbd0e3', purple: '#e2d4fb' },
  dark: { yellow: '#5e4b06', green: '#1f4b2c', blue: '#1c3e68', pink: '#602343', purple: '#46326f' },
};

/** What each colour is called on screen. */
export const HIGHLIGHT_COLOR_NAMES: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** The CSS for marks inside the article frame (injected into its srcdoc: the frame runs no script). */
export function markStyles(theme: 'light' | 'dark', focusRing: string): string {
  const colors = HIGHLIGHT_COLORS.map((c) => `mark.gleaner-hl-${c} { background: ${HIGHLIGHT_PALETTE[theme][c]}; }`).join('\n');
  return `
mark.gleaner-hl { color: inherit; border-radius: 2px; padding: 0.05em 0; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
${colors}
mark.gleaner-hl-flash { animation: gleaner-hl-flash 1.2s ease-out; }
@keyframes gleaner-hl-flash { 0%, 40% { outline: 2px solid ${focusRing}; outline-offset: 1px; } 100% { outline: 2px solid transparent; outline-offset: 1px; } }
`;
}
