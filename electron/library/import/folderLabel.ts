/**
 * The source a folder gives its articles that name none of their own: the title of the
 * static site it belongs to (a Hugo, Zola or Jekyll config at or above it), else the nearest
 * folder name that says something (`~/sites/rust-blog/content` gives "rust-blog"). Derived
 * once per import by the importer, never per file: parsing runs in workers with no folder.
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, parse as parsePath } from 'node:path';
import TOML from '@iarna/toml';
import { parse as parseYaml } from 'yaml';
import { isLanguageCode } from './language.js';
import type { FolderSource } from '../db/queries/articleWrites.js';

/** Site configs by generator, in the order Hugo itself looks for them. */
const SITE_CONFIGS = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
  '_config.yml',
  '_config.yaml',
];

/** Folder names every site has: they name a part of a site, not the site. */
const GENERIC_NAMES = new Set([
  'content',
  'contents',
  'articles',
  'article',
  'posts',
  'post',
  '_posts',
  'blog',
  'blogs',
  'news',
  'src',
  'source',
  'site',
  'pages',
  'page',
  'docs',
  'www',
  'public',
  'static',
  'data',
  'markdown',
  'md',
  'notes',
  '_drafts',
  'drafts',
  'archive',
  'entries',
]);

/** How far above the imported folder a site config is looked for (a site's content sits a few levels down). */
const MAX_LEVELS_UP = 4;

/** Site config files larger than this are not site configs. */
const MAX_CONFIG_BYTES = 256 * 1024;

const isGeneric = (name: string): boolean => GENERIC_NAMES.has(name.toLowerCase()) || isLanguageCode(name) || /^\d+$/.test(name);

/** The `title` of a site config file, or null when absent, unreadable or not a config. */
export function siteConfigTitle(file: string): string | null {
  try {
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info?.isFile() || info.size > MAX_CONFIG_BYTES) return null;
    const text = readFileSync(file, 'utf8');
    const data: unknown = file.endsWith('.toml') ? TOML.parse(text) : file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    if (typeof data !== 'object' || data === null) return null;
    const title = (data as Record<string, unknown>)['title'];
    return typeof title === 'string' && title.trim() !== '' ? title.trim().slice(0, 200) : null;
  } catch {
    return null; // a broken config is the site's problem; the folder name still serves
  }
}

/** Folders from `root` upwards, at most MAX_LEVELS_UP above it, never above the home folder or the file system root. */
function foldersUp(root: string): string[] {
  const out = [root];
  const home = homedir();
  let dir = root;
  for (let i = 0; i < MAX_LEVELS_UP; i++) {
    if (dir === home || dir === parsePath(dir).root) break;
    dir = dirname(dir);
    if (dir === parsePath(dir).root) break;
    out.push(dir);
  }
  return out;
}

/** The derived source of an imported folder (see the module comment); null only for a file system root. */
export function deriveFolderSource(root: string): FolderSource | null {
  const folders = foldersUp(root);
  for (const dir of folders) {
    for (const name of SITE_CONFIGS) {
      const title = siteConfigTitle(join(dir, name));
      if (title !== null) return { label: title, origin: 'site-config' };
    }
  }
  const named = folders.map((dir) => basename(dir)).find((name) => name !== '' && !isGeneric(name));
  const fallback = basename(root);
  const label = named ?? fallback;
  return label === '' ? null : { label, origin: 'folder' };
}
