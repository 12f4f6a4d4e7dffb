import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { HIGHLIGHT_COLORS } from '../../../shared/highlights.js';
import { HIGHLIGHT_PALETTE, markStyles } from '../../../renderer/src/lib/highlightPalette';
import { buildSrcdoc } from '../../../renderer/src/lib/srcdoc';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// The reading text of each theme (lib/srcdoc.ts) and the app's (styles/base.css).
const TEXT = { light: '#1f2328', dark: '#e4e5e7' } as const;
const PAGE = { light: '#ffffff', dark: '#1c1d20' } as const;

describe('highlight colours', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`keep the ${theme} theme's text readable (4.5:1) and stand out from the page`, () => {
      for (const color of HIGHLIGHT_COLORS) {
        const bg = HIGHLIGHT_PALETTE[theme][color];
        expect(contrast(TEXT[theme], bg), `${color} in ${theme}`).toBeGreaterThanOrEqual(4.5);
        // A mark must be visible as a mark: clearly off the page colour.
        expect(contrast(PAGE[theme], bg), `${color} against the ${theme} page`).toBeGreaterThanOrEqual(1.25);
      }
    });
  }

  test('are the same in the app stylesheet (swatches) as in the frame (marks)', () => {
    const css = readFileSync(new URL('../../../renderer/src/styles/highlights.css', import.meta.url), 'utf8');
    const [light, dark] = css.split(":root[data-theme='dark']");
    for (const color of HIGHLIGHT_COLORS) {
      expect(light).toContain(`--hl-${color}: ${HIGHLIGHT_PALETTE.light[color]};`);
      expect(dark).toContain(`--hl-${color}: ${HIGHLIGHT_PALETTE.dark[color]};`);
    }
  });

  test("are in the frame's srcdoc for its theme, as styles only", () => {
    const doc = buildSrcdoc('<p>x</p>', false, { theme: 'dark', fontSize: 18, width: 66 }, 'http://127.0.0.1:1');
    expect(doc).toContain(`mark.gleaner-hl-purple { background: ${HIGHLIGHT_PALETTE.dark.purple}; }`);
    expect(markStyles('light', '#000')).not.toMatch(/<|script|url\(/i);
    // The frame's CSP still allows no script and no connection.
    expect(doc).toContain("default-src 'none'");
    expect(doc).not.toContain('script-src');
  });
});
