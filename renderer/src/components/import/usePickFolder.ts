import { useMemo } from 'react';
import { transportKind } from '../../transport';
import type { ImportState } from './useImportJob';

/**
 * The desktop app's native folder picker, importing the folder picked; null in browser mode,
 * where the page cannot pick a folder and asks for its path instead (OpenFolderDialog).
 */
export function usePickFolder(start: ImportState['start']): (() => void) | null {
  return useMemo(() => {
    const pick = window.gleanerShell?.pickFolder;
    if (transportKind !== 'desktop' || !pick) return null;
    return () => {
      void pick().then((folder) => (folder ? start(folder.path, folder.grant) : false));
    };
  }, [start]); // start is stable (useImportJob's useCallback), so the picker is made once
}
