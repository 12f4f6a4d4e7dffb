import type { LibraryApi } from '../../shared/api.js';
import { SORT_ORDERS, type SortOrder, type Target } from '../../shared/types.js';
import { UsageError } from './usage.js';
import { terminalSafe as safe } from './terminal.js';

type Print = (json: unknown, human: () => string) => void;

/** `--ids 3,5,8` picks articles; otherwise the words after the name are a query. */
function targetOf(words: string[], ids: string | undefined): Target {
  if (ids !== undefined) {
    const list = ids.split(',').map((s) => Number(s.trim()));
    if (list.some((n) => !Number.isInteger(n) || n <= 0)) throw new UsageError(`--ids takes article ids like 3,5,8, not "${ids}"`);
    return { ids: list };
  }
  if (words.length === 0) throw new UsageError('say which articles: a query (use "" for all) or --ids');
  return { query: words.join(' ') };
}

/** The positional words a subcommand requires, or a usage error naming its form. */
function need<T extends (string | undefined)[]>(words: [...T], usage: string): { [K in keyof T]: string } {
  if (words.some((w) => w === undefined)) throw new UsageError(`usage: gleaner ${usage}`);
  return words as { [K in keyof T]: string };
}

/**
 * Curation commands: the same service calls (and validation) as the desktop app.
 * Each CLI run is its own session, so there is no undo here.
 */
export async function curationCommand(
  api: LibraryApi,
  command: string,
  args: string[],
  options: { ids?: string; sort?: string },
  print: Print,
): Promise<void> {
  const [verb, ...rest] = args;
  const done = async (result: Promise<{ label: string; changed: number }>) => {
    const r = await result;
    print(r, () => `${safe(r.label)}.`);
  };
  if (command === 'tag') {
    switch (verb) {
      case 'list': {
        const tags = await api.tags.list({});
        return print(
          tags,
          () => tags.map((t) => `${String(t.count).padStart(7)}  ${safe(t.name)}${t.color ? `  ${safe(t.color)}` : ''}`).join('\n') || 'No tags yet.',
        );
      }
      case 'add':
      case 'remove': {
        const [name] = need([rest[0]], `tag ${verb} <name> <query>|--ids 1,2`);
        return done(api.tags[verb]({ name, target: targetOf(rest.slice(1), options.ids) }));
      }
      case 'rename': {
        const [from, to] = need([rest[0], rest[1]], 'tag rename <from> <to>');
        return done(api.tags.rename({ from, to }));
      }
      case 'merge': {
        const [from, into] = need([rest[0], rest[1]], 'tag merge <from> <into>');
        return done(api.tags.merge({ from, into }));
      }
      case 'delete': {
        const [name] = need([rest[0]], 'tag delete <name>');
        return done(api.tags.delete({ name }));
      }
      case 'color': {
        const [name, color] = need([rest[0], rest[1]], 'tag color <name> <#rrggbb|none>');
        return done(api.tags.recolor({ name, color: color === 'none' ? null : color }));
      }
    }
    throw new UsageError('usage: gleaner tag list|add|remove|rename|merge|delete|color …');
  }
  if (command === 'collection') {
    const byName = async (name: string) => {
      const found = (await api.collections.list({})).find((c) => c.name.toLowerCase() === name.toLowerCase());
      if (!found) throw new UsageError(`there is no collection "${name}"`);
      return found.id;
    };
    switch (verb) {
      case 'list': {
        const list = await api.collections.list({});
        return print(list, () => list.map((c) => `${String(c.count).padStart(7)}  ${safe(c.name)}`).join('\n') || 'No collections yet.');
      }
      case 'create': {
        const [name] = need([rest[0]], 'collection create <name>');
        return done(api.collections.create({ name }));
      }
      case 'delete': {
        const [name] = need([rest[0]], 'collection delete <name>');
        return done(api.collections.delete({ id: await byName(name) }));
      }
      case 'add': {
        const [name] = need([rest[0]], 'collection add <name> <query>|--ids 1,2');
        return done(api.collections.add({ id: await byName(name), target: targetOf(rest.slice(1), options.ids) }));
      }
      case 'remove': {
        const [name] = need([rest[0]], 'collection remove <name> <query>|--ids 1,2');
        return done(api.collections.remove({ id: await byName(name), target: targetOf(rest.slice(1), options.ids) }));
      }
      case 'show': {
        const [name] = need([rest[0]], 'collection show <name>');
        const ids = await api.collections.articleIds({ id: await byName(name) });
        const items = await Promise.all(ids.map((id) => api.articles.get({ id })));
        return print(
          items,
          () =>
            items.map((a, i) => `${String(i + 1).padStart(4)}. ${String(a.id).padStart(7)}  ${safe(a.title)}`).join('\n') ||
            `"${safe(name)}" is empty.`,
        );
      }
    }
    throw new UsageError('usage: gleaner collection list|create|delete|add|remove|show …');
  }
  if (command === 'saved') {
    switch (verb) {
      case 'list': {
        const list = await api.saved.list({});
        return print(
          list,
          () =>
            list
              .map((s) => `${String(s.count ?? '?').padStart(7)}  ${safe(s.name)}: ${safe(s.query)}${s.error ? `  (${safe(s.error)})` : ''}`)
              .join('\n') || 'No saved searches yet.',
        );
      }
      case 'create': {
        const [name] = need([rest[0]], 'saved create <name> <query> [--sort S]');
        const sort = options.sort ?? 'date-desc';
        if (!SORT_ORDERS.includes(sort as SortOrder)) throw new UsageError(`--sort must be one of ${SORT_ORDERS.join(', ')}`);
        return done(api.saved.create({ name, query: rest.slice(1).join(' '), sort: sort as SortOrder }));
      }
      case 'delete': {
        const [name] = need([rest[0]], 'saved delete <name>');
        const found = (await api.saved.list({})).find((s) => s.name.toLowerCase() === name.toLowerCase());
        if (!found) throw new UsageError(`there is no saved search "${name}"`);
        return done(api.saved.delete({ id: found.id }));
      }
    }
    throw new UsageError('usage: gleaner saved list|create|delete …');
  }
  // mark read|unread|starred|unstarred <query>|--ids
  const target = targetOf(rest, options.ids);
  switch (verb) {
    case 'read':
    case 'unread':
      return done(api.articles.setRead({ target, read: verb === 'read' }));
    case 'starred':
    case 'unstarred':
      return done(api.articles.setStarred({ target, starred: verb === 'starred' }));
  }
  throw new UsageError('usage: gleaner mark read|unread|starred|unstarred <query>|--ids 1,2');
}
