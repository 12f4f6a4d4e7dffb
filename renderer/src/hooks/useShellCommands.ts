import { useEffect, useRef } from 'react';

export interface ShellHandlers {
  openFolder: () => void;
  /** `grant` stands for `path` over IPC (the desktop app takes no raw path from the page). */
  importFolder: (path: string, grant: string) => void;
  find: () => void;
  toggleTheme: () => void;
  showShortcuts: () => void;
  /** File ▸ Export…: opens the export dialog. */
  exportArticles: () => void;
}

/**
 * Desktop only: the native menu (Open Folder…, Export…, Find, theme, shortcuts), a second launch
 * with a folder, and folders dropped on the window. The shell queues commands until this
 * subscribes, so none is lost while the page loads.
 */
export function useShellCommands(handlers: ShellHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const shell = window.gleanerShell;
    const off = shell?.onCommand?.((command) => {
      const h = latest.current;
      if (command.type === 'open-folder') h.openFolder();
      else if (command.type === 'import-folder') h.importFolder(command.path, command.grant);
      else if (command.type === 'find') h.find();
      else if (command.type === 'toggle-theme') h.toggleTheme();
      else if (command.type === 'show-shortcuts') h.showShortcuts();
      else if (command.type === 'export') h.exportArticles();
    });
    const grantDropped = shell?.grantDropped;
    if (!grantDropped) return off;
    // Dropping a folder imports it; the page itself never navigates to a dropped file.
    const over = (event: DragEvent) => event.preventDefault();
    const drop = (event: DragEvent) => {
      event.preventDefault();
      for (const file of Array.from(event.dataTransfer?.files ?? [])) {
        void grantDropped(file).then((folder) => folder && latest.current.importFolder(folder.path, folder.grant));
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      off?.();
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
