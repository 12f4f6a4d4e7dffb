import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_PATH_BYTES,
  MAX_SEGMENT_BYTES,
  PathAllocator,
  resolveInside,
  safeFileName,
  safeSegment,
} from '../../../../electron/library/export/safeNames.js';
import { tempDir } from '../../../helpers/tmp.js';

const bytes = (s: string) => Buffer.byteLength(s);
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** What every produced name must satisfy, on every system. */
function expectPortable(name: string): void {
  expect(name).not.toBe('');
  expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f]/);
  expect(name).not.toMatch(/[. ]$/);
  expect(name).not.toMatch(/^\./);
  expect(name).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  expect(RESERVED.test(name.split('.')[0]!.trim())).toBe(false);
  expect(bytes(name)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
  expect(name).toBe(name.normalize('NFC'));
}

describe('safe file names from titles', () => {
  const cases: [string, string][] = [
    ['../../x', '___.._x.md'],
    ['CON', '_CON.md'],
    ['con.txt', '_con.txt.md'],
    ['Lpt9', '_Lpt9.md'],
    ['a/b\\c', 'a_b_c.md'],
    ['..', 'untitled.md'],
    ['.', 'untitled.md'],
    ['', 'untitled.md'],
    ['   ', 'untitled.md'],
    ['nul\u0000byte', 'nul_byte.md'],
    ['What? <Really>: "yes" | no*', 'What_ _Really__ _yes_ _ no_.md'],
    ['trailing dots...', 'trailing dots.md'],
    ['.hidden', '_hidden.md'],
    ['tab\there\nnewline', 'tab_here_newline.md'],
    ['rtl \u202Egpj.exe', 'rtl gpj.exe.md'],
    ['עברית ומספרים 123', 'עברית ומספרים 123.md'],
    ['Cafe\u0301', 'Café.md'],
  ];
  for (const [title, expected] of cases) {
    it(`makes ${JSON.stringify(title)} safe`, () => {
      const name = safeFileName(title, '.md');
      expect(name).toBe(expected);
      expectPortable(name);
    });
  }

  it('bounds 300-character and emoji names by bytes without splitting a character', () => {
    const long = safeFileName('x'.repeat(300), '.md');
    expectPortable(long);
    expect(long.endsWith('.md')).toBe(true);
    const emoji = safeFileName('👩‍👩‍👧‍👦🚀'.repeat(40), '.html');
    expectPortable(emoji);
    expect(emoji.endsWith('.html')).toBe(true);
    // Only whole grapheme clusters remain: the family emoji is never cut into its parts.
    expect(emoji.slice(0, -5).replace(/👩‍👩‍👧‍👦|🚀/gu, '')).toBe('');
  });

  it('keeps an extension when a segment is truncated', () => {
    const name = safeSegment(`${'é'.repeat(200)}.markdown`);
    expect(name.endsWith('.markdown')).toBe(true);
    expectPortable(name);
  });
});

describe('PathAllocator', () => {
  it('keeps safe paths as they are', () => {
    const a = new PathAllocator();
    expect(a.allocate('202507/124330-uk-openai.txt')).toBe('202507/124330-uk-openai.txt');
    expect(a.allocate('blog/2019-11-07-release/index.md')).toBe('blog/2019-11-07-release/index.md');
  });

  it('never climbs out: .., . and empty segments are dropped, absolute paths become relative', () => {
    const a = new PathAllocator();
    expect(a.allocate('../../etc/passwd')).toBe('etc/passwd');
    expect(a.allocate('/abs/./x.md')).toBe('abs/x.md');
    expect(a.allocate('a//b/../c.md')).toBe('a/b/c.md');
    expect(a.allocate('..')).toBe('untitled');
    expect(a.allocate('')).toBe('untitled (2)');
    expect(a.allocate('C:\\Windows\\x.md')).toBe('C__Windows_x.md');
  });

  it('resolves names that differ only by case, or by Unicode form, as collisions', () => {
    const a = new PathAllocator();
    expect(a.allocate('Post.md')).toBe('Post.md');
    expect(a.allocate('post.md')).toBe('post (2).md');
    expect(a.allocate('POST.MD')).toBe('POST (3).MD');
    expect(a.allocate('Cafe\u0301.md')).toBe('Café.md');
    expect(a.allocate('Caf\u00e9.md')).toBe('Café (2).md');
    // A folder keeps the spelling it was first given, so both files land in one folder.
    expect(a.allocate('Dir/a.md')).toBe('Dir/a.md');
    expect(a.allocate('dir/b.md')).toBe('Dir/b.md');
  });

  it('never gives a file a folder name or the reverse', () => {
    const a = new PathAllocator(['.marker']);
    expect(a.allocate('x.md')).toBe('x.md');
    expect(a.allocate('x.md/inner.md')).toBe('x (2).md/inner.md');
    expect(a.allocate('d/one.md')).toBe('d/one.md');
    expect(a.allocate('d')).toBe('d (2)');
  });

  it('bounds whole paths: long folder chains are shortened, then flattened', () => {
    const a = new PathAllocator();
    const deep = Array.from({ length: 30 }, (_, i) => `folder-${i}-${'z'.repeat(20)}`).join('/') + '/file.md';
    const path = a.allocate(deep);
    expect(bytes(path)).toBeLessThanOrEqual(MAX_PATH_BYTES);
    expect(path.endsWith('file.md')).toBe(true);
    for (const segment of path.split('/')) expectPortable(segment);
  });

  it('writes only inside the chosen folder, whatever the input', () => {
    const root = tempDir('gleaner-names-');
    const out = join(root, 'out');
    mkdirSync(out);
    const a = new PathAllocator();
    const hostile = [
      '../../x',
      '..\\..\\y',
      '/etc/z',
      'CON',
      'con.txt',
      'a/b\\c',
      'x'.repeat(300),
      '🚀'.repeat(100),
      'שלום',
      '..',
      '.',
      '',
      'n\u0000ul',
      'Same',
      'same',
      'SAME',
    ];
    for (const name of hostile) {
      const rel = a.allocate(name);
      const abs = resolveInside(out, rel);
      mkdirSync(join(abs, '..'), { recursive: true });
      writeFileSync(abs, name, { flag: 'wx' });
    }
    expect(readdirSync(root)).toEqual(['out']);
    expect(readdirSync(out, { recursive: true }).length).toBeGreaterThanOrEqual(hostile.length);
  });

  it('resolveInside refuses a path that leaves the root', () => {
    const root = resolve('/tmp/root');
    expect(resolveInside(root, 'a/b.md')).toBe(`${root}${sep}a${sep}b.md`);
    expect(() => resolveInside(root, '../x')).toThrow(/outside/);
    expect(() => resolveInside(root, '/etc/passwd')).toThrow(/outside/);
    expect(() => resolveInside(root, '')).toThrow(/outside/);
  });
});
