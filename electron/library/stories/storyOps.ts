import type { Db } from '../db/connection.js';
import { articleExists } from '../db/queries/articleIds.js';
import type { History } from '../curation/history.js';
import type { Applied } from '../curation/tags.js';
import type { StoryListItem, StoryMember, StoryText } from '../../../shared/stories.js';
import {
  deleteOverrides,
  insertOverrides,
  overridesTouching,
  storiesMatching,
  storyBody,
  storyMemberRows,
  type OverrideRow,
} from '../db/queries/stories.js';
import { extractText, renderBody, collapse } from '../article/body.js';
import { compileText } from '../query/search.js';
import { runSql } from '../query/runSql.js';
import { ServiceError } from '../errors.js';
import { StoryIndex } from './storyIndex.js';

/** Reads and the person's changes to stories; split and merge are undo steps. */
export class StoryOps {
  private readonly index: StoryIndex;

  constructor(
    private readonly db: Db,
    private readonly history: History,
  ) {
    this.index = new StoryIndex(db);
  }

  members(id: number): StoryMember[] {
    const rows = storyMemberRows(this.db, this.existing(id));
    return rows.map((r, i) => ({ id: r.id, title: r.title, source: r.source, date: r.date, first: i === 0 }));
  }

  compare(id: number, otherId: number): { original: StoryText; copy: StoryText } {
    return { original: this.text(this.existing(id)), copy: this.text(this.existing(otherId)) };
  }

  list(query: string, offset: number, limit: number): { items: StoryListItem[]; total: number } {
    const compiled = compileText(query);
    return runSql(() => {
      const { total, ids } = storiesMatching(this.db, compiled, offset, limit);
      const items = ids.map((storyId) => {
        const members = this.members(storyId);
        const sources = [...new Set(members.flatMap((m) => (m.source === null ? [] : [m.source])))];
        return { storyId, title: members[0]?.title ?? '', members, sources };
      });
      return { items, total };
    });
  }

  /** Takes `id` out of its story: it stays alone until the person merges it again. */
  split(id: number): Applied {
    this.existing(id);
    const label = `Split article ${id} from its story`;
    return this.db.transaction(() => {
      const before = this.index.storyOf(id);
      const removed = overridesTouching(this.db, id).filter((r) => r.kind === 'with');
      const apart: OverrideRow = { article_id: id, kind: 'apart', other_id: 0 };
      const hadApart = overridesTouching(this.db, id).some((r) => r.kind === 'apart' && r.article_id === id);
      const apply = () => {
        deleteOverrides(this.db, removed);
        insertOverrides(this.db, [apart]);
        this.index.regroup([id, ...before]);
      };
      const revert = () => {
        if (!hadApart) deleteOverrides(this.db, [apart]);
        insertOverrides(this.db, removed);
        this.index.regroup([id, ...before]);
      };
      apply();
      this.history.record({ label, undo: revert, redo: apply });
      return { changed: before.length > 1 ? 1 : 0, label };
    })();
  }

  /** Joins the story of `id` to the story of `into` by a link the grouping always follows. */
  merge(id: number, into: number): Applied {
    this.existing(id);
    this.existing(into);
    const label = `Merge the story of article ${id} into the story of article ${into}`;
    return this.db.transaction(() => {
      const moved = this.index.storyOf(id);
      const target = this.index.storyOf(into);
      if (target.includes(id)) return { changed: 0, label };
      const link: OverrideRow = { article_id: id, kind: 'with', other_id: into };
      const apply = () => {
        insertOverrides(this.db, [link]);
        this.index.regroup([id, into]);
      };
      const revert = () => {
        deleteOverrides(this.db, [link]);
        this.index.regroup([...moved, ...target]);
      };
      apply();
      this.history.record({ label, undo: revert, redo: apply });
      return { changed: moved.length, label };
    })();
  }

  /** Plain text of the stored body, split into outlet header, story and outlet footer. */
  private text(id: number): StoryText {
    const row = storyBody(this.db, id);
    const plain = row.format === 'text' ? collapse(row.body) : extractText(renderBody(row.body, row.format)).text;
    return { id, ...this.index.splitText(plain, row.source) };
  }

  private existing(id: number): number {
    if (!articleExists(this.db, id)) throw new ServiceError('not-found', `No article with id ${id}`);
    return id;
  }
}
