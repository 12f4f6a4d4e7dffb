/**
 * Highlights in every export that carries them: JSON, NDJSON, W3C Web Annotations, the HTML
 * digest, EPUB, the Markdown digest, and the folder round trip (export → import into a new
 * library → every highlight back). Each output is parsed back, never matched as bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import type { Highlight, HighlightColor } from '../../../../shared/highlights.js';
import type { Db } from '../../../../electron/library/db/connection.js';
import { highlightsForArticles, insertHighlights } from '../../../../electron/library/db/queries/highlights.js';
import { exportArticles } from '../../../../electron/library/export/exportArticles.js';
import { articleFileText } from '../../../../electron/library/article/frontMatterWrite.js';
import type { CarriedHighlight } from '../../../../electron/library/article/curation.js';
import { readGleanerKey } from '../../../../electron/library/article/gleanerKey.js';
import type { ExportArticle } from '../../../../electron/library/export/types.js';
import { parseFrontMatter } from '../../../../electron/library/article/frontmatter.js';
import { importFolders } from '../../../../electron/library/import/importer.js';
import { openLibrary } from '../../../../electron/library/db/connection.js';
import { anchorText as anchorTextOf } from '../../../../electron/library/highlights/anchorText.js';
import { EPUBCHECK, itNeeding } from '../../../helpers/requirements.js';
import { tempDir } from '../../../helpers/tmp.js';
import { writeTree } from '../../../helpers/articles.js';
import { allIds, epubcheck, libraryFrom, suiteDir, zipEntries } from './helpers.js';

const FILES: Record<string, string> = {
  'toml.md': [
    '+++',
    'title = "Council budget"',
    'url = "https://example.com/budget"',
    '+++',
    '',
    'The council approved the budget on Tuesday. Critics said the plan was rushed.',
    '',
    'A [linked phrase](https://example.com/x) inside a sentence, and a <b>bold & brave</b> claim.',
    '',
  ].join('\n'),
  'yaml.md': ['---', 'title: Solar', '---', 'Plain paragraph about **solar power** and storage costs.', ''].join('\n'),
  'json.md': '{\n  "title": "Wind"\n}\nJSON article text that mentions wind turbines twice: wind turbines.\n',
  'plain.txt': 'Plain text without highlights.\n',
};

interface Spec {
  file: string;
  text: string;
  color: HighlightColor;
  note: string;
  detached?: boolean;
  /** Which occurrence of the text (0-based) the highlight marks. */
  nth?: number;
}

const SPECS: Spec[] = [
  { file: 'toml.md', text: 'approved the budget', color: 'yellow', note: 'Check the vote count\n"quoted" & <b>not html</b>' },
  { file: 'toml.md', text: 'Critics said', color: 'green', note: '' },
  { file: 'toml.md', text: 'linked phrase', color: 'blue', note: 'inside a link' },
  { file: 'toml.md', text: 'bold & brave', color: 'purple', note: '' },
  { file: 'toml.md', text: 'a paragraph that a later import removed', color: 'pink', note: 'gone now', detached: true },
  { file: 'yaml.md', text: 'solar power', color: 'purple', note: '' },
  { file: 'json.md', text: 'wind turbines', color: 'yellow', note: 'the second one', nth: 1 },
];

/** The anchor text highlight offsets count in (hl-core's: the preview's text). */
const anchorText = (db: Db, id: number): string => anchorTextOf(db, id) ?? '';

const idOf = (db: Db, file: string) => db.prepare('SELECT id FROM articles WHERE rel_path = ?').pluck().get(file) as number;

function highlight(db: Db, spec: Spec, n: number): void {
  const id = idOf(db, spec.file);
  const text = anchorText(db, id);
  let start = spec.detached ? 0 : text.indexOf(spec.text);
  for (let k = 0; k < (spec.nth ?? 0); k++) start = text.indexOf(spec.text, start + 1);
  if (start < 0) throw new Error(`"${spec.text}" is not in ${spec.file}`);
  const end = start + spec.text.length;
  const stamp = `2025-08-0${(n % 9) + 1}T10:00:00.000Z`;
  insertHighlights(db, id, [
    {
      exact: spec.text,
      prefix: spec.detached ? 'was: ' : text.slice(Math.max(0, start - 32), start),
      suffix: spec.detached ? '' : text.slice(end, end + 32),
      start,
      end,
      color: spec.color,
      note: spec.note,
      detached: spec.detached === true,
      createdAt: stamp,
      updatedAt: stamp,
    },
  ]);
}

/** What a round trip must keep of a highlight (ids and offsets belong to one library and body). */
const kept = (h: Highlight) => ({
  exact: h.exact,
  color: h.color,
  note: h.note,
  detached: h.detached,
  createdAt: h.createdAt,
  updatedAt: h.updatedAt,
});

/** An article for the file writer; each test sets its front matter, curation and highlights. */
const BASE: ExportArticle = {
  id: 9,
  folderName: 'f',
  relPath: 'a.md',
  format: 'toml',
  bodyFormat: 'markdown',
  title: 'T',
  date: null,
  dateSource: null,
  draft: false,
  summary: null,
  description: null,
  source: null,
  sourceOrigin: null,
  authors: [],
  lang: null,
  sourceLink: null,
  url: null,
  enclosure: null,
  articleId: null,
  feedItemId: null,
  extra: {},
  tags: [],
  curation: { tags: [], starred: false, readAt: null, note: null, collections: [] },
  highlights: [],
  frontMatter: null,
  body: 'Body.\n',
  warnings: [],
  missing: false,
  importedAt: '',
  updatedAt: '',
  storyId: 9,
};

let db: Db;
let root: string;
beforeAll(async () => {
  root = suiteDir('gleaner-hl-export-');
  writeTree(root, FILES);
  db = await libraryFrom([root]);
  SPECS.forEach((s, i) => highlight(db, s, i));
});

const stored = (file: string) => highlightsForArticles(db, [idOf(db, file)]).get(idOf(db, file)) ?? [];

describe('JSON and NDJSON', () => {
  it('carry every highlight of each article with its fields, and an empty list for the others', async () => {
    for (const format of ['json', 'ndjson'] as const) {
      const out = join(tempDir(), `export.${format}`);
      await exportArticles(db, { ids: allIds(db), format, out });
      const text = readFileSync(out, 'utf8');
      const articles = (
        format === 'json'
          ? (JSON.parse(text) as { articles: unknown[] }).articles
          : text
              .trim()
              .split('\n')
              .slice(1)
              .map((l) => JSON.parse(l) as unknown)
      ) as {
        path: string;
        highlights: Record<string, unknown>[];
      }[];
      const byPath = new Map(articles.map((a) => [a.path, a.highlights]));
      expect(byPath.get('plain.txt')).toEqual([]);
      for (const file of ['toml.md', 'yaml.md', 'json.md']) {
        expect(byPath.get(file)).toEqual(stored(file).map(({ id: _id, articleId: _article, exact, ...rest }) => ({ text: exact, ...rest })));
      }
      expect(byPath.get('toml.md')!.map((h) => h.text)).toEqual(
        expect.arrayContaining(['approved the budget', 'a paragraph that a later import removed']),
      );
      expect(byPath.get('toml.md')!.find((h) => h.detached === true)!.text).toBe('a paragraph that a later import removed');
    }
  });
});

interface WebAnnotation {
  id: string;
  type: string;
  motivation: string;
  created: string;
  body?: unknown;
  target: { source: string; styleClass: string; selector: Record<string, unknown>[] };
  stylesheet: { value: string };
}

describe('W3C Web Annotations', () => {
  it('writes one annotation per highlight with quote and position selectors, notes as bodies, the url or a urn as source', async () => {
    const out = join(tempDir(), 'highlights.jsonld');
    const report = await exportArticles(db, { ids: allIds(db), format: 'annotations', out });
    expect(report.warnings).toEqual([]);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      '@context': string;
      type: string;
      total: number;
      first: { type: string; items: WebAnnotation[] };
    };
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.total).toBe(SPECS.length);
    expect(doc.first.items).toHaveLength(SPECS.length);
    expect(new Set(doc.first.items.map((a) => a.id)).size).toBe(SPECS.length);

    const all = [...highlightsForArticles(db, allIds(db)).values()].flat();
    for (const a of doc.first.items) {
      expect(a.type).toBe('Annotation');
      expect(a.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      const [quote, position] = a.target.selector as Record<string, unknown>[];
      const h = all.find((x) => x.exact === quote!.exact)!;
      expect(quote).toEqual({ type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix });
      expect(position).toEqual({ type: 'TextPositionSelector', start: h.start, end: h.end });
      expect(a.created).toBe(h.createdAt);
      if (h.note === '') {
        expect(a.motivation).toBe('highlighting');
        expect(a.body).toBeUndefined();
      } else {
        expect(a.motivation).toBe('commenting');
        expect(a.body).toEqual({ type: 'TextualBody', value: h.note, format: 'text/plain', purpose: 'commenting' });
      }
      expect(a.stylesheet.value).toContain(`.${a.target.styleClass} {`);
      expect(a.target.styleClass).toBe(`gleaner-${h.color}`);
    }
    const sources = new Map(doc.first.items.map((a) => [a.target.selector[0]!.exact as string, a.target.source]));
    expect(sources.get('approved the budget')).toBe('https://example.com/budget');
    expect(sources.get('solar power')).toBe(`urn:gleaner:article:${encodeURIComponent(root.split('/').pop()!)}/yaml.md`);
  });

  it('writes an empty collection, with a warning, when no article has highlights', async () => {
    const out = join(tempDir(), 'none.jsonld');
    const report = await exportArticles(db, { ids: [idOf(db, 'plain.txt')], format: 'annotations', out });
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { total: number; first: { items: unknown[] } };
    expect(doc.total).toBe(0);
    expect(doc.first.items).toEqual([]);
    expect(report.warnings).toEqual([expect.stringMatching(/no.* highlights/)]);
  });
});

/** Each mark's text and colour class, in document order. */
const marks = (nodes: ReturnType<typeof parseDocument>) =>
  DomUtils.getElementsByTagName('mark', nodes.children).map((m) => [DomUtils.textContent(m), m.attribs.class]);

describe('HTML digest', () => {
  it('marks each passage in its colour, links notes as numbered footnotes, and lists the detached highlight after the body', async () => {
    const out = join(tempDir(), 'digest.html');
    await exportArticles(db, { ids: allIds(db), format: 'html', out });
    const doc = parseDocument(readFileSync(out, 'utf8'));
    const article = DomUtils.findOne((e) => e.name === 'article' && e.attribs.id === `article-${idOf(db, 'toml.md')}`, doc.children)!;
    const body = DomUtils.findOne((e) => e.attribs.class === 'body', article.children)!;
    expect(DomUtils.getElementsByTagName('mark', body.children).map((m) => [DomUtils.textContent(m), m.attribs.class])).toEqual([
      ['approved the budget', 'gleaner-hl gleaner-hl-yellow'],
      ['Critics said', 'gleaner-hl gleaner-hl-green'],
      ['linked phrase', 'gleaner-hl gleaner-hl-blue'],
      ['bold & brave', 'gleaner-hl gleaner-hl-purple'],
    ]);
    // The text reads as before the marks, bar the note numbers.
    const refs = DomUtils.findAll((e) => e.attribs.class === 'gleaner-hl-ref', body.children);
    expect(refs.map((r) => DomUtils.textContent(r))).toEqual(['1', '2']);
    // A reference never nests in the article's own link.
    expect(refs.every((r) => !DomUtils.getParent(r) || (DomUtils.getParent(r) as Element).name !== 'a')).toBe(true);
    const aside = DomUtils.findOne((e) => e.name === 'aside', article.children)!;
    const notes = DomUtils.getElementsByTagName('li', DomUtils.getElementsByTagName('ol', aside.children)[0]!.children);
    expect(notes.map((li) => DomUtils.textContent(li).replace(' ↩', ''))).toEqual([
      'Check the vote count"quoted" & <b>not html</b>',
      'inside a link',
    ]);
    // Each reference points at its note, and each note back at its reference.
    for (const [i, ref] of refs.entries()) {
      const link = DomUtils.getElementsByTagName('a', [ref])[0]!;
      expect(link.attribs.href).toBe(`#${notes[i]!.attribs.id}`);
      expect(DomUtils.getElementsByTagName('a', notes[i]!.children)[0]!.attribs.href).toBe(`#${link.attribs.id}`);
    }
    const detached = DomUtils.findOne((e) => e.name === 'ul' && e.attribs.class === 'detached', aside.children)!;
    expect(DomUtils.textContent(detached)).toContain('a paragraph that a later import removed');
    expect(DomUtils.textContent(detached)).toContain('gone now');
    // The article without highlights gains nothing.
    const plain = DomUtils.findOne((e) => e.name === 'article' && e.attribs.id === `article-${idOf(db, 'plain.txt')}`, doc.children)!;
    expect(DomUtils.getElementsByTagName('mark', plain.children)).toEqual([]);
    expect(DomUtils.getElementsByTagName('aside', plain.children)).toEqual([]);
    // The second occurrence is the one marked.
    const wind = DomUtils.findOne((e) => e.name === 'article' && e.attribs.id === `article-${idOf(db, 'json.md')}`, doc.children)!;
    const windBody = DomUtils.textContent(DomUtils.findOne((e) => e.attribs.class === 'body', wind.children)!);
    expect(windBody.indexOf('wind turbines')).toBeLessThan(windBody.lastIndexOf('wind turbines'));
    const mark = DomUtils.getElementsByTagName('mark', wind.children)[0]!;
    expect(DomUtils.textContent(mark.prev!)).toMatch(/twice: $/);
  });
});

describe('EPUB', () => {
  it('marks passages and writes notes as EPUB footnotes in each chapter', async () => {
    const out = join(tempDir(), 'book.epub');
    await exportArticles(db, { ids: [idOf(db, 'toml.md'), idOf(db, 'plain.txt')], format: 'epub', out });
    const chapters = zipEntries(readFileSync(out)).filter((e) => e.name.startsWith('OEBPS/text/'));
    const first = parseDocument(chapters[0]!.data().toString('utf8'), { xmlMode: true });
    expect(marks(first)).toEqual([
      ['approved the budget', 'gleaner-hl gleaner-hl-yellow'],
      ['Critics said', 'gleaner-hl gleaner-hl-green'],
      ['linked phrase', 'gleaner-hl gleaner-hl-blue'],
      ['bold & brave', 'gleaner-hl gleaner-hl-purple'],
      ['a paragraph that a later import removed', 'gleaner-hl gleaner-hl-pink'],
    ]);
    const refs = DomUtils.findAll((e) => e.attribs['epub:type'] === 'noteref', first.children);
    const footnotes = DomUtils.findAll((e) => e.name === 'aside' && e.attribs['epub:type'] === 'footnote', first.children);
    expect(refs.map((r) => r.attribs.href)).toEqual(footnotes.map((f) => `#${f.attribs.id}`));
    expect(footnotes.map((f) => DomUtils.textContent(f))).toEqual(['1. Check the vote count"quoted" & <b>not html</b>', '2. inside a link']);
    const second = parseDocument(chapters[1]!.data().toString('utf8'), { xmlMode: true });
    expect(marks(second)).toEqual([]);
  });

  itNeeding(
    [EPUBCHECK],
    'still passes epubcheck with highlights, notes and detached highlights',
    async () => {
      const out = join(tempDir(), 'book.epub');
      await exportArticles(db, { ids: allIds(db), format: 'epub', out });
      const check = epubcheck(out);
      expect(check.output).toMatch(/No errors or warnings detected/);
      expect(check.status).toBe(0);
    },
    300_000,
  );
});

describe('Markdown digest', () => {
  it('lists each article’s highlights after its body as blockquotes with their notes', async () => {
    const out = join(tempDir(), 'digest.md');
    await exportArticles(db, { ids: allIds(db), format: 'md', out });
    const text = readFileSync(out, 'utf8');
    const sections = new Map(
      text
        .split('\n---\n')
        .slice(1)
        .map((s) => [/^## (.*)$/m.exec(s)![1]!, s]),
    );
    const budget = sections.get('Council budget')!;
    const list = budget.slice(budget.indexOf('### Highlights'));
    expect(budget.indexOf('### Highlights')).toBeGreaterThan(budget.indexOf('rushed'));
    const quotes = [...list.matchAll(/^> (.*)$/gm)].map((m) => m[1]);
    expect(quotes).toEqual(
      ['approved the budget', 'Critics said', 'linked phrase', 'bold & brave', 'a paragraph that a later import removed'].map((q) =>
        q.replace(/&/g, '\\&'),
      ),
    );
    expect(list).toContain('Check the vote count  \n"quoted" \\& \\<b\\>not html\\</b\\>');
    expect(list).toMatch(/\*pink · no longer found in the text\*\n\ngone now/);
    expect(sections.get('plain')).toContain('Plain text without highlights.');
    expect(sections.get('plain')).not.toContain('### Highlights');
    expect(sections.get('Wind')).toMatch(/### Highlights\n\n> wind turbines\n\n\*yellow\*\n\nthe second one\n$/);
  });
});

describe('folder round trip', () => {
  it('gives back every highlight (colour, note, text, detached) in a new library, placed on the same text, and adds none on a second import', async () => {
    const folder = join(tempDir(), 'out');
    await exportArticles(db, { ids: allIds(db), format: 'folder', out: folder });
    expect(readdirSync(folder)).toEqual(expect.arrayContaining(['toml.md', 'yaml.md', 'json.md', 'plain.txt']));
    const copy = openLibrary(join(tempDir(), 'copy.db'));
    try {
      const first = await importFolders(copy, [folder]);
      expect(first.failed).toBe(0);
      const copyId = (file: string) => copy.prepare('SELECT id FROM articles WHERE rel_path = ?').pluck().get(file) as number;
      for (const file of ['toml.md', 'yaml.md', 'json.md', 'plain.txt']) {
        const back = highlightsForArticles(copy, [copyId(file)]).get(copyId(file)) ?? [];
        expect(back.map(kept)).toEqual(stored(file).map(kept));
        // Placed highlights sit on their own text in the imported body.
        const text = anchorText(copy, copyId(file));
        for (const h of back.filter((x) => !x.detached)) expect(text.slice(h.start, h.end)).toBe(h.exact);
      }
      expect(highlightsForArticles(copy, [copyId('json.md')]).get(copyId('json.md'))![0]!.start).toBe(stored('json.md')[0]!.start);
      const count = () => copy.prepare('SELECT count(*) FROM highlights').pluck().get();
      expect(count()).toBe(SPECS.length);
      await importFolders(copy, [folder]);
      expect(count()).toBe(SPECS.length);
    } finally {
      copy.close();
    }
  });
});

describe('the gleaner key’s highlights', () => {
  const parse = (text: string) => {
    const parsed = parseFrontMatter(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.value.data;
  };

  it('reads back what the exporter writes in TOML, YAML and JSON front matter, awkward notes included', () => {
    const h: CarriedHighlight = {
      exact: 'a "quoted" passage\\ with ] and }',
      prefix: 'line\nbreak ',
      suffix: ' # not a comment',
      start: 3,
      end: 40,
      color: 'pink',
      note: 'note: with, commas\tand [brackets] {braces} ✓ 🚀',
      detached: true,
      createdAt: '2025-08-01T10:00:00.000Z',
      updatedAt: '2025-08-02T10:00:00.000Z',
    };
    const curation = { tags: [], starred: false, readAt: null, note: null, collections: [] };
    for (const [format, raw] of [
      ['toml', 'title = "T"\n'],
      ['yaml', 'title: T\n'],
      ['json', '{\n  "title": "T"\n}'],
    ] as const) {
      const { text, warning } = articleFileText({
        ...BASE,
        format,
        frontMatter: raw,
        curation,
        highlights: [
          { ...h, id: 9, articleId: 9 },
          { ...h, id: 10, articleId: 9, color: 'green', detached: false },
        ],
      });
      expect(warning).toBeNull();
      expect(readGleanerKey(parse(text))!.highlights).toEqual([h, { ...h, color: 'green', detached: false }]);
    }
  });

  it('skips an entry without text and mends a bad colour, with warnings', () => {
    const key = readGleanerKey(parse('+++\n[gleaner]\nhighlights = [{ note = "x" }, { text = "kept", color = "mauve", start = -1 }]\n+++\n'))!;
    expect(key.highlights).toEqual([expect.objectContaining({ exact: 'kept', color: 'yellow', start: 0, end: 4, detached: false, note: '' })]);
    expect(key.warnings).toEqual([expect.stringMatching(/entry 1 has no text/), expect.stringMatching(/entry 2 has an unknown colour/)]);
  });
});
