import type { StoryMember } from '../../../../shared/stories.js';
import { client } from '../../transport';

/** Members asked for recently, by article and copy count: a split or merge changes the count, so it asks again. */
const cache = new Map<string, Promise<StoryMember[]>>();
const MAX_CACHED = 500;

/** The members of an article's story (first article first), shared by the rows on screen and the Copies panel. */
export function storyMembers(id: number, copies: number): Promise<StoryMember[]> {
  const key = `${id}:${copies}`;
  let members = cache.get(key);
  if (!members) {
    if (cache.size >= MAX_CACHED) cache.clear();
    members = client.stories.members({ id });
    members.catch(() => cache.delete(key)); // asked again next time
    cache.set(key, members);
  }
  return members;
}

/** The sources of a story other than `own`, each once, in the story's order. */
export function otherSources(members: StoryMember[], own: string | null): string[] {
  const seen = new Set<string>(own ? [own] : []);
  const sources: string[] = [];
  for (const m of members) {
    const source = m.source ?? 'No source';
    if (seen.has(source)) continue;
    seen.add(source);
    sources.push(source);
  }
  return sources;
}
