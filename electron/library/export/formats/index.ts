/**
 * The registry of export formats: one module per format, looked up by name. Typed so that a
 * name added to EXPORT_FORMATS without a module (and so without a complete descriptor) is a
 * compile error, and so is a module filed under another format's name.
 */
import type { ExportFormat, FormatDescriptor } from '../types.js';
import type { FormatModule } from '../formatModule.js';
import { EXPORT_FORMATS } from '../types.js';
import { annotations } from './annotations.js';
import { bibtex } from './bibtex.js';
import { bookmarks } from './bookmarks.js';
import { cslJson } from './cslJson.js';
import { csv } from './csv.js';
import { epub } from './epub.js';
import { folder } from './folder.js';
import { html } from './html.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { ndjson } from './ndjson.js';
import { obsidian } from './obsidian.js';
import { ris } from './ris.js';

export const FORMATS: { readonly [F in ExportFormat]: FormatModule<F> } = {
  folder,
  json,
  ndjson,
  csv,
  html,
  epub,
  md: markdown,
  annotations,
  obsidian,
  'csl-json': cslJson,
  bibtex,
  ris,
  bookmarks,
};

/** Every format's descriptor, in menu order (for the export dialog and `gleaner export --help`). */
export const FORMAT_DESCRIPTORS: readonly FormatDescriptor[] = EXPORT_FORMATS.map((f) => FORMATS[f].descriptor);

/** The names of the formats with a trait, in menu order: `formatsWhere((d) => d.embedsImages)`. */
export const formatsWhere = (
  test: (descriptor: FormatDescriptor) => boolean,
  descriptors: readonly FormatDescriptor[] = FORMAT_DESCRIPTORS,
): ExportFormat[] => descriptors.filter(test).map((d) => d.format);
