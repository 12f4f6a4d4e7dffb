import { describe, expect, it } from 'vitest';
import { USAGE } from '../../../../electron/cli/usage.js';
import { FORMAT_DESCRIPTORS } from '../../../../electron/library/export/formats/index.js';
import { EXPORT_FORMATS } from '../../../../electron/library/export/types.js';

describe('export format descriptors', () => {
  it('every format has a complete descriptor, in menu order', () => {
    expect(FORMAT_DESCRIPTORS.map((d) => d.format)).toEqual([...EXPORT_FORMATS]);
    for (const d of FORMAT_DESCRIPTORS) {
      expect(d.label.trim(), d.format).not.toBe('');
      expect(d.purpose.trim(), d.format).not.toBe('');
      // A media type, with the W3C annotation profile where it has one, and a charset for text.
      expect(d.contentType, d.format).toMatch(/^[a-z]+\/[a-z0-9.+-]+(?:; profile="[^"]+")?(?:; charset=utf-8)?$/);
      if (d.writes === 'file') expect(d.extension, d.format).toMatch(/^\.[a-z0-9]+$/);
      else expect(d.extension, d.format).toBe('');
    }
    expect(new Set(FORMAT_DESCRIPTORS.map((d) => d.label)).size).toBe(FORMAT_DESCRIPTORS.length);
    expect(new Set(FORMAT_DESCRIPTORS.map((d) => d.purpose)).size).toBe(FORMAT_DESCRIPTORS.length);
  });

  it('the CLI help names every format', () => {
    expect(USAGE).toContain(`(FORMAT: ${EXPORT_FORMATS.join(', ')};`);
    for (const f of ['obsidian', 'csl-json', 'bibtex', 'ris', 'bookmarks']) expect(USAGE).toContain(f);
  });
});
