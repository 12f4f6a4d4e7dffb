/** A small library for the exports to other tools (Obsidian, citations, bookmarks): the awkward cases each one must get right. */
import type { Db } from '../../../../electron/library/db/connection.js';
import { writeTree } from '../../../helpers/articles.js';
import { curate, libraryFrom, suiteDir } from './helpers.js';

export const TOOL_FILES: Record<string, string> = {
  'news.md':
    '---\ntitle: \'Deal "reached" <script>alert(1)</script> & more: yes\'\nauthor: Mara Bos & UN News\nsource: IBN\nurl: https://ibn.example/a?x=1&y=2\ndate: 2025-07-03\ntags: [climate, to read]\n---\nThe **deal** was signed. <script>alert(2)</script>\n\nSecond paragraph.\n',
  'web.md':
    '---\ntitle: "Plain page a/b\\\\c #1 [x] | y"\nurl: https://example.org/page\ndate: 2025-07-15T14:30:00Z\nauthor: Anna van der Berg\n---\nA web page.\n',
  'nourl.md': '---\ntitle: No link here\ndate: 2025-08-01\ntags: ["2025"]\n---\nNo address.\n',
  'same1.md': '---\ntitle: Same title\nsource: Daily\nurl: https://e.example/1\ndate: 2025-06-01\n---\nOne.\n',
  'same2.md': '---\ntitle: Same title\nsource: Daily\nurl: https://e.example/2\ndate: 2025-06-02\n---\nTwo.\n',
  'evil.md': '---\ntitle: ../../etc/passwd\nurl: javascript:alert(1)\n---\nEvil.\n',
};

/** The library, with ids by file name, curated: collections, user tags and a note. */
export async function toolLibrary(): Promise<{ db: Db; id: (file: string) => number; ids: number[] }> {
  const dir = suiteDir('gleaner-tools-');
  writeTree(dir, TOOL_FILES);
  const db = await libraryFrom([dir]);
  const byPath = new Map((db.prepare('SELECT rel_path, id FROM articles').raw().all() as [string, number][]).map(([p, i]) => [p, i]));
  const id = (file: string) => byPath.get(file)!;
  curate(db, id('news.md'), { collections: ['Reading pack'], tags: ['week 27'], note: 'Check the *numbers*.\nSecond line.' });
  curate(db, id('same1.md'), { collections: ['Reading pack', 'Backup, "quoted" <b>'] });
  curate(db, id('web.md'), { collections: ['Backup, "quoted" <b>'] });
  return { db, id, ids: Object.keys(TOOL_FILES).map(id) };
}
