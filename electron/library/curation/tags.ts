import type { Db } from '../db/connection.js';
import { ServiceError } from '../errors.js';
import type { TagInfo, Target } from '../../../shared/types.js';
import type { History } from './history.js';
import { checkColor, checkName } from './names.js';
import { forIds, plural, resolveTarget } from './targets.js';

interface TagRow {
  id: number;
  name: string;
  color: string | null;
  created_at: string;
}
type Link = [articleId: number, origin: string];

export interface Applied {
  changed: number;
  label: string;
}

/** Tag edits on one article, a selection, or a whole query's matches, all undoable. */
export class TagOps {
  constructor(
    private readonly db: Db,
    private readonly history: History,
  ) {}

  list(): TagInfo[] {
    return this.db
      .prepare(
        `SELECT t.id, t.name, t.color,
                (SELECT count(*) FROM article_tags at JOIN articles a ON a.id = at.article_id
                  WHERE at.tag_id = t.id AND a.missing = 0) AS count
           FROM tags t ORDER BY t.name COLLATE NOCASE`,
      )
      .all() as TagInfo[];
  }

  add(rawName: string, target: Target): Applied {
    const name = checkName('tag', rawName);
    return this.db.transaction(() => {
      const ids = resolveTarget(this.db, target);
      let tag = this.find(name);
      const created = !tag;
      tag ??= this.create(name);
      const tagId = tag.id;
      const fresh = this.db
        .prepare('SELECT value FROM json_each(?) WHERE value NOT IN (SELECT article_id FROM article_tags WHERE tag_id = ?)')
        .pluck()
        .all(JSON.stringify(ids), tagId) as number[];
      const insert = () => forIds(this.db, "INSERT INTO article_tags (article_id, tag_id, origin) SELECT value, ?, 'user' FROM json_each(?)", fresh, tagId);
      insert();
      const label = `Add tag "${tag.name}" to ${plural(fresh.length, 'article')}`;
      const row = tag;
      this.history.record({
        label,
        undo: () => {
          forIds(this.db, 'DELETE FROM article_tags WHERE tag_id = ? AND article_id IN (SELECT value FROM json_each(?))', fresh, tagId);
          if (created) this.db.prepare('DELETE FROM tags WHERE id = ?').run(tagId);
        },
        redo: () => {
          if (created) this.restore(row);
          insert();
        },
      });
      return { changed: fresh.length, label };
    })();
  }

  remove(rawName: string, target: Target): Applied {
    const tag = this.require(checkName('tag', rawName));
    return this.db.transaction(() => {
      const ids = resolveTarget(this.db, target);
      const removed = this.links(tag.id, ids);
      const drop = () => forIds(this.db, 'DELETE FROM article_tags WHERE tag_id = ? AND article_id IN (SELECT value FROM json_each(?))', removed.map(([id]) => id), tag.id);
      drop();
      const label = `Remove tag "${tag.name}" from ${plural(removed.length, 'article')}`;
      this.history.record({ label, undo: () => this.relink(tag.id, removed), redo: drop });
      return { changed: removed.length, label };
    })();
  }

  /** Renames a tag and its children (`policy` → `gov` makes `policy/uk` → `gov/uk`). */
  rename(rawFrom: string, rawTo: string): Applied {
    const from = checkName('tag', rawFrom);
    const to = checkName('tag', rawTo);
    // The family: the tag itself (if it exists as a tag) and its children. A group that
    // exists only through children (`policy` of `policy/uk`) can be renamed too.
    const family = this.db
      .prepare("SELECT id, name FROM tags WHERE name = ? OR name LIKE ? ESCAPE '\\' ORDER BY name")
      .all(from, like(from) + '/%') as { id: number; name: string }[];
    if (family.length === 0) throw new ServiceError('not-found', `There is no tag "${from}"`);
    const renames = family.map((t) => ({ id: t.id, from: t.name, to: to + t.name.slice(from.length) }));
    for (const r of renames) {
      const clash = this.find(r.to);
      if (clash && clash.id !== r.id) {
        throw new ServiceError('conflict', `A tag named "${clash.name}" already exists: merge "${r.from}" into it instead`);
      }
    }
    const apply = (dir: 'to' | 'from') => {
      // Two passes through temporary names, so swapping case or nesting never collides.
      // \u0001, not NUL: SQLite's NOCASE comparison stops at a NUL, making them all equal.
      const set = this.db.prepare('UPDATE tags SET name = ? WHERE id = ?');
      for (const r of renames) set.run(`\u0001rename-${r.id}`, r.id);
      for (const r of renames) set.run(r[dir], r.id);
    };
    const changed = this.articleCount(renames.map((r) => r.id));
    this.db.transaction(() => apply('to'))();
    const label = `Rename tag "${from}" to "${to}"`;
    this.history.record({ label, undo: () => apply('from'), redo: () => apply('to') });
    return { changed, label };
  }

  /** Moves every article of `from` to `into`, then deletes `from`. */
  merge(rawFrom: string, rawInto: string): Applied {
    const from = this.require(checkName('tag', rawFrom));
    const into = this.require(checkName('tag', rawInto));
    if (from.id === into.id) throw new ServiceError('bad-request', `Cannot merge "${from.name}" into itself`);
    return this.db.transaction(() => {
      const links = this.links(from.id);
      const gained = this.db
        .prepare('SELECT article_id, origin FROM article_tags WHERE tag_id = ? AND article_id NOT IN (SELECT article_id FROM article_tags WHERE tag_id = ?)')
        .raw()
        .all(from.id, into.id) as Link[];
      const apply = () => {
        this.relink(into.id, gained);
        this.db.prepare('DELETE FROM tags WHERE id = ?').run(from.id); // cascades to its links
      };
      apply();
      const label = `Merge tag "${from.name}" into "${into.name}" (${plural(links.length, 'article')})`;
      this.history.record({
        label,
        undo: () => {
          forIds(this.db, 'DELETE FROM article_tags WHERE tag_id = ? AND article_id IN (SELECT value FROM json_each(?))', gained.map(([id]) => id), into.id);
          this.restore(from);
          this.relink(from.id, links);
        },
        redo: apply,
      });
      return { changed: links.length, label };
    })();
  }

  recolor(rawName: string, rawColor: string | null): Applied {
    const tag = this.require(checkName('tag', rawName));
    const color = checkColor(rawColor);
    const set = (c: string | null) => this.db.prepare('UPDATE tags SET color = ? WHERE id = ?').run(c, tag.id);
    set(color);
    const label = `Recolor tag "${tag.name}"`;
    this.history.record({ label, undo: () => set(tag.color), redo: () => set(color) });
    return { changed: this.articleCount([tag.id]), label };
  }

  delete(rawName: string): Applied {
    const tag = this.require(checkName('tag', rawName));
    return this.db.transaction(() => {
      const links = this.links(tag.id);
      const drop = () => this.db.prepare('DELETE FROM tags WHERE id = ?').run(tag.id);
      drop();
      const label = `Delete tag "${tag.name}" (${plural(links.length, 'article')})`;
      this.history.record({
        label,
        undo: () => {
          this.restore(tag);
          this.relink(tag.id, links);
        },
        redo: drop,
      });
      return { changed: links.length, label };
    })();
  }

  private find(name: string): TagRow | undefined {
    return this.db.prepare('SELECT id, name, color, created_at FROM tags WHERE name = ?').get(name) as TagRow | undefined;
  }

  private require(name: string): TagRow {
    const tag = this.find(name);
    if (!tag) throw new ServiceError('not-found', `There is no tag "${name}"`);
    return tag;
  }

  private create(name: string): TagRow {
    const created_at = new Date().toISOString();
    const id = Number(this.db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?)').run(name, created_at).lastInsertRowid);
    return { id, name, color: null, created_at };
  }

  private restore(row: TagRow): void {
    this.db.prepare('INSERT INTO tags (id, name, color, created_at) VALUES (?, ?, ?, ?)').run(row.id, row.name, row.color, row.created_at);
  }

  private links(tagId: number, ids?: number[]): Link[] {
    if (!ids) return this.db.prepare('SELECT article_id, origin FROM article_tags WHERE tag_id = ?').raw().all(tagId) as Link[];
    return this.db
      .prepare('SELECT article_id, origin FROM article_tags WHERE tag_id = ? AND article_id IN (SELECT value FROM json_each(?))')
      .raw()
      .all(tagId, JSON.stringify(ids)) as Link[];
  }

  private relink(tagId: number, links: Link[]): void {
    if (links.length === 0) return;
    this.db
      .prepare("INSERT OR IGNORE INTO article_tags (article_id, tag_id, origin) SELECT value ->> 0, ?, value ->> 1 FROM json_each(?)")
      .run(tagId, JSON.stringify(links));
  }

  private articleCount(tagIds: number[]): number {
    return this.db
      .prepare('SELECT count(DISTINCT article_id) FROM article_tags WHERE tag_id IN (SELECT value FROM json_each(?))')
      .pluck()
      .get(JSON.stringify(tagIds)) as number;
  }
}

const like = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
