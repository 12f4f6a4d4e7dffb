import { describe, expect, it } from 'vitest';
import { formatHelp, USAGE } from '../../../../electron/cli/usage.js';
import { IMAGE_FORMATS_IN_WORDS } from '../../../../electron/library/export/exportArticles.js';
import { FORMAT_DESCRIPTORS, FORMATS } from '../../../../electron/library/export/formats/index.js';
import { EXPORT_FORMATS, type FormatDescriptor } from '../../../../electron/library/export/types.js';

describe('export format descriptors', () => {
  it('every format has a complete descriptor, in menu order', () => {
    expect(FORMAT_DESCRIPTORS.map((d) => d.format)).toEqual([...EXPORT_FORMATS]);
    for (const format of EXPORT_FORMATS) expect(FORMATS[format].descriptor.format).toBe(format);
    for (const d of FORMAT_DESCRIPTORS) {
      expect(d.label.trim(), d.format).not.toBe('');
      expect(d.purpose.trim(), d.format).not.toBe('');
      // A media type, with the W3C annotation profile where it has one, and a charset for text.
      expect(d.contentType, d.format).toMatch(/^[a-z]+\/[a-z0-9.+-]+(?:; profile="[^"]+")?(?:; charset=utf-8)?$/);
      if (d.writes === 'file') expect(d.extension, d.format).toMatch(/^\.[a-z0-9]+$/);
      else expect(d.extension, d.format).toBe('');
      for (const trait of ['titled', 'embedsImages', 'importable'] as const) expect(typeof d[trait], `${d.format}.${trait}`).toBe('boolean');
    }
    expect(new Set(FORMAT_DESCRIPTORS.map((d) => d.label)).size).toBe(FORMAT_DESCRIPTORS.length);
    expect(new Set(FORMAT_DESCRIPTORS.map((d) => d.purpose)).size).toBe(FORMAT_DESCRIPTORS.length);
  });

  it('the CLI help names every format', () => {
    expect(USAGE).toContain(`(FORMAT: ${EXPORT_FORMATS.join(', ')};`);
    for (const f of ['obsidian', 'csl-json', 'bibtex', 'ris', 'bookmarks']) expect(USAGE).toContain(f);
    expect(USAGE).toContain(formatHelp(FORMAT_DESCRIPTORS));
  });

  it('the CLI help is written from the descriptors: change a trait and the help follows', () => {
    const help = formatHelp(FORMAT_DESCRIPTORS);
    expect(help).toContain('   folder and obsidian write a folder, the others one file)');
    expect(help).toContain('  (--embed-images: html/epub/md/obsidian embed remote images');
    const changed = FORMAT_DESCRIPTORS.map((d): FormatDescriptor => {
      if (d.format === 'csv') return { ...d, writes: 'folder', extension: '', embedsImages: true };
      if (d.format === 'obsidian') return { ...d, writes: 'file', extension: '.zip' };
      return d;
    });
    const added: FormatDescriptor = { ...FORMATS.json.descriptor, format: 'new-format' as FormatDescriptor['format'] };
    const next = formatHelp([...changed, added]);
    expect(next).toContain(`(FORMAT: ${EXPORT_FORMATS.join(', ')}, new-format;`);
    expect(next).toContain('   folder and csv write a folder, the others one file)');
    expect(next).toContain('  (--embed-images: csv/html/epub/md/obsidian embed remote images');
  });

  it("the exporter's image warning names exactly the formats whose descriptor embeds images", () => {
    for (const d of FORMAT_DESCRIPTORS) {
      // The label's first word names the format in prose: HTML, Markdown, EPUB, Obsidian, CSV…
      const name = d.label.split(' ')[0]!;
      expect(new RegExp(`(^|[ ,])${name}( |$)`).test(IMAGE_FORMATS_IN_WORDS), d.format).toBe(d.embedsImages);
    }
  });
});
