/** Issue 13, item 4: article data cannot drive the terminal through the CLI's human output. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleDetail, ImportReport, SearchPage } from '../../../shared/types.js';
import { writeTree } from '../../helpers/articles.js';
import { cli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';

const OSC_TITLE = '\x1b]0;pwned\x07'; // retitles the terminal when printed raw
const HOSTILE = `${OSC_TITLE}Evil\u202egpj.md\u2066x\u2069\nForged line\x9b2J`;
/** Anything a terminal acts on: C0 (newline aside, checked by line count), C1, DEL and bidi controls. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A library holding one article whose file name, title, source and a tag carry hostile characters. */
async function hostileLibrary() {
  const folder = tempDir();
  const name = `${OSC_TITLE}name\u202etxt.md`;
  const toml = (s: string) => JSON.stringify(s); // TOML basic strings take JSON's \u escapes
  writeTree(folder, {
    [name]: `+++\ntitle = ${toml(HOSTILE)}\nsource = ${toml(`Src${OSC_TITLE}\nline`)}\nmood = ${toml(OSC_TITLE)}\n+++\n\nbody words\n`,
    [`broken\n${OSC_TITLE}.md`]: '+++\ntitle = "x"\ntitle = "y"\n+++\n',
    [`untitled\u202e.md`]: 'just words, no title',
  });
  const db = join(tempDir(), 'lib.db');
  return { folder, db, name };
}

function expectInert(output: string, lines: number): void {
  expect(output).not.toMatch(RAW_CONTROL);
  expect(output.trimEnd().split('\n')).toHaveLength(lines);
}

describe('the CLI with hostile article data', () => {
  it('import, list and show print control and bidi characters as visible escapes', async () => {
    const { folder, db } = await hostileLibrary();

    const imported = await cli('import', folder, '--db', db);
    expect(imported.code).toBe(0);
    // Summary (2 lines), one failed file (2), one file with a warning (2).
    expectInert(imported.stdout + imported.stderr, 6);
    expect(imported.stdout).toContain('broken\\n\\u001B]0;pwned\\u0007.md: ');
    expect(imported.stdout).toContain('untitled\\u202E.md: no title');

    const listed = await cli('list', '--db', db);
    expectInert(listed.stdout, 3);
    expect(listed.stdout).toContain('\\u001B]0;pwned\\u0007Evil\\u202Egpj.md\\u2066x\\u2069\\nForged line\\u009B2J');

    const id = (JSON.parse((await cli('search', 'body', '--db', db, '--json')).stdout) as SearchPage).items[0]!.id;
    const shown = await cli('show', String(id), '--db', db);
    expect(shown.code).toBe(0);
    expectInert(shown.stdout, shown.stdout.trimEnd().split('\n').length);
    const fields = Object.fromEntries(
      shown.stdout
        .trimEnd()
        .split('\n')
        .map((l) => [l.slice(0, 13).trim(), l.slice(14)]),
    );
    expect(fields['Title']).toBe('\\u001B]0;pwned\\u0007Evil\\u202Egpj.md\\u2066x\\u2069\\nForged line\\u009B2J');
    expect(fields['Source']).toBe('Src\\u001B]0;pwned\\u0007\\nline');
    expect(fields['File']).toContain('/\\u001B]0;pwned\\u0007name\\u202Etxt.md (toml front matter');
    expect(fields['mood']).toBe('"\\u001b]0;pwned\\u0007"');

    const searched = await cli('search', 'body', '--db', db);
    expectInert(searched.stdout, 3); // header, the row, its snippet
  });

  it('keeps --json exact', async () => {
    const { folder, db, name } = await hostileLibrary();
    const report = JSON.parse((await cli('import', folder, '--db', db, '--json')).stdout) as ImportReport;
    expect(report.files.map((f) => f.path).sort()).toEqual([`broken\n${OSC_TITLE}.md`, 'untitled\u202e.md'].sort());
    const page = JSON.parse((await cli('search', 'body', '--db', db, '--json')).stdout) as SearchPage;
    const detail = JSON.parse((await cli('show', String(page.items[0]!.id), '--db', db, '--json')).stdout) as ArticleDetail;
    expect({ title: detail.title, source: detail.source, relPath: detail.relPath }).toEqual({
      title: HOSTILE,
      source: `Src${OSC_TITLE}\nline`,
      relPath: name,
    });
  });
});
