import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LibraryApi } from '../../shared/api.js';
import type { FolderInfo } from '../../shared/types.js';
import { UsageError } from './usage.js';

type Print = (json: unknown, human: () => string) => void;

function folderLine(f: FolderInfo): string {
  const label = f.sourceLabel === null ? '' : `  source "${f.sourceLabel}"${f.sourceLabelCustom ? ' (set by you)' : ''}`;
  const status = [f.status === 'offline' ? 'offline' : null, f.watched ? null : 'not watched', f.missingCount ? `${f.missingCount} missing` : null]
    .filter(Boolean)
    .join(', ');
  return `${String(f.id).padStart(5)}  ${String(f.articleCount).padStart(7)} articles  ${f.path}${label}${status ? `  [${status}]` : ''}`;
}

/** A folder named by its id or its path (as typed, or the real path it was imported under). */
function findFolder(folders: FolderInfo[], pathOrId: string): FolderInfo {
  const byId = /^\d+$/.test(pathOrId) ? folders.find((f) => f.id === Number(pathOrId)) : undefined;
  if (byId) return byId;
  const typed = resolve(pathOrId);
  let real = typed;
  try {
    real = realpathSync(typed);
  } catch {
    // an offline folder has no real path now; the typed one may still match
  }
  const found = folders.find((f) => f.path === typed || f.path === real);
  if (!found) throw new UsageError(`no imported folder ${/^\d+$/.test(pathOrId) ? `with id ${pathOrId}` : `at ${typed}`} (see gleaner folder list)`);
  return found;
}

/** `gleaner folder list` and `gleaner folder source <path-or-id> <label>|--reset`: the same service calls as the sidebar. */
export async function folderCommand(api: LibraryApi, args: string[], options: { reset: boolean }, print: Print): Promise<void> {
  const [verb, ...rest] = args;
  const folders = await api.library.folders({});
  switch (verb) {
    case 'list':
      return print(folders, () => folders.map(folderLine).join('\n') || 'No folders imported yet.');
    case 'source': {
      const [pathOrId, ...words] = rest;
      const label = words.join(' ');
      if (pathOrId === undefined || (options.reset ? label !== '' : label === '')) {
        throw new UsageError('usage: gleaner folder source <path-or-id> <label> | --reset');
      }
      const folder = findFolder(folders, pathOrId);
      const updated = await api.library.setFolderSource({ id: folder.id, label: options.reset ? null : label });
      return print(updated, () =>
        updated.sourceLabelCustom
          ? `Articles of ${updated.path} that name no source now show "${updated.sourceLabel}".`
          : `Articles of ${updated.path} that name no source are back to "${updated.sourceLabel ?? 'no source'}".`,
      );
    }
    default:
      throw new UsageError('usage: gleaner folder list | source <path-or-id> <label> | --reset');
  }
}
