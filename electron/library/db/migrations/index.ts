import type Database from 'better-sqlite3';
import { up as articles } from './0010-articles.js';
import { up as tags } from './0020-tags.js';
import { up as collections } from './0030-collections.js';
import { up as remoteImages } from './0040-remote-images.js';
import { up as imageCache } from './0050-image-cache.js';
import { up as authorsLanguages } from './0060-authors-languages.js';
import { up as ftsPrefixCjk } from './0070-fts-prefix-cjk.js';
import { up as highlights } from './0080-highlights.js';
import { up as stories } from './0090-stories.js';
import { up as storyPending } from './0100-story-pending.js';
import { up as storySampleRate } from './0110-story-sample-rate.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Explicit and ordered: a migration's place never depends on file listing order. */
export const migrations: readonly Migration[] = [
  { version: 10, name: 'articles', up: articles },
  { version: 20, name: 'tags', up: tags },
  { version: 30, name: 'collections', up: collections },
  { version: 40, name: 'remote-images', up: remoteImages },
  { version: 50, name: 'image-cache', up: imageCache },
  { version: 60, name: 'authors-languages', up: authorsLanguages },
  { version: 70, name: 'fts-prefix-cjk', up: ftsPrefixCjk },
  { version: 80, name: 'highlights', up: highlights },
  { version: 90, name: 'stories', up: stories },
  { version: 100, name: 'story-pending', up: storyPending },
  { version: 110, name: 'story-sample-rate', up: storySampleRate },
];
