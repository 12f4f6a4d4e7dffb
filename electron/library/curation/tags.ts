import type { Db } from '../db/connection.js';
import {
  createTag,
  deleteTag,
  linksNotIn,
  listTags,
  relinkTag,
  renameTags,
  restoreTag,
  setTagColor,
  tagArticles,
  tagFamily,
  taggedArticleCount,
  tagLinks,
  tagNamed,
  untagArticles,
  untaggedAmong,
  type TagRow,
} from '../db/queries/tags.js';
import { ServiceError } from '../errors.js';
import type { TagInfo, Target } from '../../../shared/types.js';
import type { History } from './history.js';
import { checkColor, checkName } from './names.js';
import { plural, resolveTarget } from './targets.js';

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
    return listTags(this.db);
  }

  add(rawName: string, target: Target): Applied {
    const name = checkName('tag', rawName);
    return this.db.transaction(() => {
      const ids = resolveTarget(this.db, target);
      let tag = this.find(name);
      const created = !tag;
      tag ??= this.create(name);
      const tagId = tag.id;
      const fresh = untaggedAmong(this.db, tagId, ids);
      const insert = () => tagArticles(this.db, tagId, fresh);
      insert();
      const label = `Add tag "${tag.name}" to ${plural(fresh.length, 'article')}`;
      const row = tag;
      this.history.record({
        label,
        undo: () => {
          untagArticles(this.db, tagId, fresh);
          if (created) deleteTag(this.db, tagId);
        },
        redo: () => {
          if (created) restoreTag(this.db, row);
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
      const removed = tagLinks(this.db, tag.id, ids);
      const drop = () =>
        untagArticles(
          this.db,
          tag.id,
          removed.map(([id]) => id),
        );
      drop();
      const label = `Remove tag "${tag.name}" from ${plural(removed.length, 'article')}`;
      this.history.record({ label, undo: () => relinkTag(this.db, tag.id, removed), redo: drop });
      return { changed: removed.length, label };
    })();
  }

  /** Renames a tag and its children (`policy` → `gov` makes `policy/uk` → `gov/uk`). */
  rename(rawFrom: string, rawTo: string): Applied {
    const from = checkName('tag', rawFrom);
    const to = checkName('tag', rawTo);
    // The family: the tag itself (if it exists as a tag) and its children. A group that
    // exists only through children (`policy` of `policy/uk`) can be renamed too.
    const family = tagFamily(this.db, from);
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
      renameTags(
        this.db,
        renames.map((r) => ({ id: r.id, name: `\u0001rename-${r.id}` })),
      );
      renameTags(
        this.db,
        renames.map((r) => ({ id: r.id, name: r[dir] })),
      );
    };
    const changed = taggedArticleCount(
      this.db,
      renames.map((r) => r.id),
    );
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
      const links = tagLinks(this.db, from.id);
      const gained = linksNotIn(this.db, from.id, into.id);
      const apply = () => {
        relinkTag(this.db, into.id, gained);
        deleteTag(this.db, from.id); // cascades to its links
      };
      apply();
      const label = `Merge tag "${from.name}" into "${into.name}" (${plural(links.length, 'article')})`;
      this.history.record({
        label,
        undo: () => {
          untagArticles(
            this.db,
            into.id,
            gained.map(([id]) => id),
          );
          restoreTag(this.db, from);
          relinkTag(this.db, from.id, links);
        },
        redo: apply,
      });
      return { changed: links.length, label };
    })();
  }

  recolor(rawName: string, rawColor: string | null): Applied {
    const tag = this.require(checkName('tag', rawName));
    const color = checkColor(rawColor);
    const set = (c: string | null) => setTagColor(this.db, tag.id, c);
    set(color);
    const label = `Recolor tag "${tag.name}"`;
    this.history.record({ label, undo: () => set(tag.color), redo: () => set(color) });
    return { changed: taggedArticleCount(this.db, [tag.id]), label };
  }

  delete(rawName: string): Applied {
    const tag = this.require(checkName('tag', rawName));
    return this.db.transaction(() => {
      const links = tagLinks(this.db, tag.id);
      const drop = () => deleteTag(this.db, tag.id);
      drop();
      const label = `Delete tag "${tag.name}" (${plural(links.length, 'article')})`;
      this.history.record({
        label,
        undo: () => {
          restoreTag(this.db, tag);
          relinkTag(this.db, tag.id, links);
        },
        redo: drop,
      });
      return { changed: links.length, label };
    })();
  }

  private find(name: string): TagRow | undefined {
    return tagNamed(this.db, name);
  }

  private require(name: string): TagRow {
    const tag = this.find(name);
    if (!tag) throw new ServiceError('not-found', `There is no tag "${name}"`);
    return tag;
  }

  private create(name: string): TagRow {
    const created_at = new Date().toISOString();
    const id = createTag(this.db, name, created_at);
    return { id, name, color: null, created_at };
  }
}
