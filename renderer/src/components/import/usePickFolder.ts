import { useMemo } from 'react';
import { transportKind } from '../../transport';
import type { ImportState } from './useImportJob';

/**
 * The desktop app's native folder picker, importing the folder picked; null in browser mode,
 * where the page cannot pick a folder and asks for its path instead (OpenFolderDialog).
 */
export function usePickFolder(imports: ImportState): (() => void) | null {
  return useMemo(() => {
    const pick = window.gleanerShell?.pickFolder;
    if (transportKind !== 'desktop' || !pick) return null;
    return () => {
      void pick().then((folder) => (folder ? imports.start(folder.path, folder.grant) : false));
    };
  }, [imports]);
}
