import { useCallback, useState } from 'react';
import type { ExportSource } from '../../../shared/types.js';

export type DialogName = 'open-folder' | 'shortcuts' | 'export';

export interface Dialogs {
  /** The one app dialog showing, if any. */
  dialog: DialogName | null;
  show: (dialog: DialogName) => void;
  close: () => void;
  /** What the export dialog starts with: the bulk bar's selection, or (from the header or menu) its own default. */
  exportSource: ExportSource | undefined;
  openExport: (source?: ExportSource) => void;
  /** The native picker on the desktop, else the dialog that asks for a path. */
  openFolder: () => void;
}

/** The app's dialogs (open folder, shortcuts, export): one at a time, so one piece of state. */
export function useDialogs(pickFolder: (() => void) | null): Dialogs {
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [exportSource, setExportSource] = useState<ExportSource | undefined>(undefined);
  const openExport = (source?: ExportSource) => {
    setExportSource(source);
    setDialog('export');
  };
  const openFolder = useCallback(() => (pickFolder ? pickFolder() : setDialog('open-folder')), [pickFolder]);
  return { dialog, show: setDialog, close: () => setDialog(null), exportSource, openExport, openFolder };
}
