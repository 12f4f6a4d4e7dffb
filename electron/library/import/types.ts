/** What parsing one article file yields. Pure data: crosses the worker boundary. */
import type { CarriedHighlight, Curation } from '../article/curation.js';
import type { ArticleFields, BodyFormat, FrontMatterFormat, JsonValue } from '../article/fields.js';
import type { StorySketch } from '../stories/shingles.js';

export interface ParsedArticle {
  format: FrontMatterFormat;
  bodyFormat: BodyFormat;
  /** The front matter exactly as written (without the fences), for faithful export. */
  frontMatterRaw: string | null;
  /** The body exactly as written (after the front matter), Markdown or HTML. */
  body: string;
  fields: ArticleFields;
  /** Every front-matter key not mapped to a field above, kept as typed JSON. */
  extra: Record<string, JsonValue>;
  /** Tags named by the file (`tags`, `categories`, `category`, `keywords`, `series`), trimmed, de-duplicated. */
  fileTags: string[];
  /** Plain text of the body for the full-text index. */
  text: string;
  /** What story grouping keeps of the text, made here so a parse worker does the hashing, not the writer. */
  storySketch: StorySketch | null;
  /** The body's first words (about 200 characters) when the file has no summary or description. */
  excerpt: string | null;
  /** Hex digest of the body, for spotting the same content at two paths. */
  contentHash: string;
  /** Problems that did not stop the import, in words a person understands. */
  warnings: string[];
  /**
   * Curation carried by a Gleaner folder export (the `gleaner` front-matter key): applied
   * when the article is new to the library, never over the library's own curation.
   */
  curation: ImportedCuration | null;
}

/** The same shape the exporter writes (see article/gleanerKey.ts). */
export interface ImportedCuration extends Curation {
  /** Highlights from the exporting library, with its offsets (the importer re-anchors them in this body). */
  highlights: CarriedHighlight[];
}

/**
 * A parsed article, or a file that is not one: `skipped` files (empty or whitespace only)
 * are passed over on purpose, the others failed.
 */
export type ParseResult = { ok: true; article: ParsedArticle } | { ok: false; reason: string; skipped?: true };
