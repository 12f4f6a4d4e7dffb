/**
 * Stories: articles that are copies of one another by their text (a press release and its
 * republications). Grouped at import by the library (electron/library/stories/).
 */
import type { ChangeResult } from './types.js';

export interface StoryMember {
  id: number;
  title: string;
  source: string | null;
  date: string | null;
  /** The story's first article (earliest date; ties by source order). */
  first: boolean;
}

/** One article's text split into what its outlet adds and the story itself. */
export interface StoryText {
  id: number;
  header: string;
  body: string;
  footer: string;
}

export interface StoryListItem {
  storyId: number;
  title: string;
  members: StoryMember[];
  sources: string[];
}

export interface StoriesApi {
  /** Every article of the story of article `id`, first article first. */
  members(args: { id: number }): Promise<StoryMember[]>;
  /** The plain texts of two articles with outlet headers and footers set apart, for a word diff. */
  compare(args: { id: number; otherId: number }): Promise<{ original: StoryText; copy: StoryText }>;
  /** Stories (with two or more members) among the articles matching `query`, newest first. */
  list(args: { query?: string; offset?: number; limit?: number }): Promise<{ items: StoryListItem[]; total: number }>;
  /** Takes an article out of its story into one of its own (undoable, kept across re-imports). */
  split(args: { id: number }): Promise<ChangeResult>;
  /** Puts the story of `id` into the story of `into` (undoable, kept across re-imports). */
  merge(args: { id: number; into: number }): Promise<ChangeResult>;
}
