import type Database from 'better-sqlite3';
import { up as articles } from './0010-articles.js';
import { up as tags } from './0020-tags.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Explicit and ordered: a migration's place never depends on file listing order. */
export const migrations: readonly Migration[] = [
  { version: 10, name: 'articles', up: articles },
  { version: 20, name: 'tags', up: tags },
];
