import { useEffect, useId, useRef, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat, type ExportSource, type FormatDescriptor, type SortOrder } from '../../../../shared/types.js';
import { useExportJob, type ExportPhase, type ExportPlan } from './useExportJob';
import { usePersistentState } from '../../hooks/usePersistentState';
import { client, transportKind, webDownloads } from '../../transport';
import { Dialog } from '../widgets/Dialog';
import { ExportResult } from './ExportResult';
import { choiceFrom, defaultTitle, ExportSourcePicker, sourceOf, type SourceChoice, type SourceLists } from './ExportSourcePicker';

export interface ExportDialogProps {
  /** Tags, saved searches and collections to choose from (the app keeps them current). */
  lists: SourceLists;
  /** The articles picked in the list; "Selected articles" exports these. */
  selectedIds: readonly number[];
  /** The list's search and sort, for "Current search results" (written in that order). */
  query: string;
  sort: SortOrder;
  /** Opens with this source chosen (e.g. a collection's own "Export…"). */
  initialSource?: ExportSource;
  onClose: () => void;
}

const isFormat = (v: unknown): v is ExportFormat => typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v);

/** A file name stem the save dialog can offer (it keeps only a name; the service checks the rest). */
const stem = (title: string) =>
  title
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .trim()
    .slice(0, 100) || 'Gleaner export';

/**
 * Export: which articles, which format, where. The desktop app asks the system save dialog
 * for the target; browser mode downloads the file (a folder export takes a typed path, since
 * a web page cannot learn a picked folder's path). Overwriting needs an explicit "Replace".
 */
export function ExportDialog({ lists, selectedIds, query, sort, initialSource, onClose }: ExportDialogProps) {
  const [choice, setChoice] = useState<SourceChoice>(() => choiceFrom(initialSource, selectedIds, query, sort));
  const [formats, setFormats] = useState<FormatDescriptor[]>([]);
  const [format, setFormat] = usePersistentState<ExportFormat>('export-format', 'json', isFormat);
  const [title, setTitle] = useState('');
  const [embedImages, setEmbedImages] = useState(false);
  const [fetchImages, setFetchImages] = useState(false);
  const [typedTarget, setTypedTarget] = useState('');
  const job = useExportJob();
  const id = useId();
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void client.exports.formats({}).then(setFormats, () => setFormats([]));
  }, []);

  // Each step's main control takes focus, since the one that was clicked is gone.
  const phase = job.state.phase;
  useEffect(() => {
    bodyRef.current?.closest('dialog')?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [phase]);

  const descriptor = formats.find((f) => f.format === format);
  const source = sourceOf(choice);
  const name = title.trim() || defaultTitle(choice, lists);
  const pickSaveFile = transportKind === 'desktop' ? window.gleanerShell?.pickSaveFile : undefined;
  // Without a save dialog, a folder (or, outside browser mode, any file) goes to a typed path.
  const typedPath = !pickSaveFile && (descriptor?.writes === 'folder' || !webDownloads);
  const ready = source !== null && descriptor !== undefined && (!typedPath || typedTarget.trim() !== '');
  // Downloading is a separate, explicit permission: only meaningful while embedding into a format that can.
  const canFetch = embedImages && descriptor?.embedsImages === true;

  async function submit(): Promise<void> {
    if (!source || !descriptor) return;
    const args = {
      source,
      format,
      title: name,
      embedLocalImages: embedImages || undefined,
      fetchRemoteImages: (canFetch && fetchImages) || undefined,
    };
    let plan: ExportPlan;
    if (pickSaveFile) {
      const folder = descriptor.writes === 'folder';
      const ext = descriptor.extension.replace(/^\./, '');
      const chosen = await pickSaveFile({
        title: folder ? 'Export to a new folder' : 'Export',
        defaultName: folder ? stem(name) : `${stem(name)}.${ext}`,
        filters: folder ? undefined : [{ name: descriptor.label, extensions: [ext] }],
      });
      if (!chosen) return;
      // The grant stands for the chosen path: over IPC the main process takes nothing else.
      plan = { kind: 'path', args: { ...args, out: chosen.grant } };
    } else if (typedPath) plan = { kind: 'path', args: { ...args, out: typedTarget.trim() } };
    else plan = { kind: 'download', args };
    job.run(plan);
  }

  const close = () => {
    job.cancel();
    onClose();
  };

  return (
    <Dialog
      title={titleFor(job.state)}
      onClose={close}
      className="export-dialog"
      footer={<Footer state={job.state} ready={ready} saveDialog={!!pickSaveFile} formId={`${id}-form`} job={job} onClose={close} />}
    >
      <div ref={bodyRef} className="export-body">
        {phase === 'idle' || phase === 'starting' ? (
          <form
            id={`${id}-form`}
            className="export-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (ready && phase === 'idle') void submit();
            }}
          >
            <ExportSourcePicker choice={choice} lists={lists} onChange={setChoice} />
            <fieldset className="export-group">
              <legend>Format</legend>
              <div className="export-formats">
                {formats.map((f) => (
                  <label key={f.format} className="export-format">
                    <input type="radio" name="export-format" value={f.format} checked={format === f.format} onChange={() => setFormat(f.format)} />
                    <span>
                      <span className="export-format-label">{f.label}</span>
                      <span className="export-format-purpose">{f.purpose}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset className="export-group export-options">
              <legend>Options</legend>
              {descriptor?.titled && (
                <label className="export-field">
                  <span>Title</span>
                  <input className="field" value={title} placeholder={name} maxLength={500} onChange={(e) => setTitle(e.target.value)} />
                </label>
              )}
              {typedPath && (
                <label className="export-field">
                  <span>{descriptor?.writes === 'folder' ? 'Folder path' : 'File path'}</span>
                  <input
                    className="field"
                    value={typedTarget}
                    placeholder="/home/you/exports/reading-pack"
                    spellCheck={false}
                    autoComplete="off"
                    aria-describedby={`${id}-path-hint`}
                    onChange={(e) => setTypedTarget(e.target.value)}
                  />
                  <span id={`${id}-path-hint`} className="muted small">
                    {descriptor?.writes === 'folder'
                      ? 'A new or empty folder on this computer; its parent must exist.'
                      : 'A new file on this computer; its folder must exist.'}
                  </span>
                </label>
              )}
              <label className="export-check">
                <input type="checkbox" checked={embedImages} onChange={(e) => setEmbedImages(e.target.checked)} />
                Embed images from the local cache (remote images stay links)
              </label>
              <label className="export-check">
                <input type="checkbox" checked={canFetch && fetchImages} disabled={!canFetch} onChange={(e) => setFetchImages(e.target.checked)} />
                Also download missing images now (contacts the sites that host them)
              </label>
            </fieldset>
          </form>
        ) : (
          <ExportResult state={job.state} formatLabel={descriptor?.label ?? format} />
        )}
      </div>
    </Dialog>
  );
}

function titleFor(state: ExportPhase): string {
  if (state.phase === 'done') return 'Export finished';
  if (state.phase === 'failed') return 'Export failed';
  if (state.phase === 'cancelled') return 'Export cancelled';
  if (state.phase === 'confirm') return 'Replace it?';
  return 'Export articles';
}

interface FooterProps {
  state: ExportPhase;
  ready: boolean;
  saveDialog: boolean;
  formId: string;
  job: ReturnType<typeof useExportJob>;
  onClose: () => void;
}

function Footer({ state, ready, saveDialog, formId, job, onClose }: FooterProps) {
  switch (state.phase) {
    case 'idle':
    case 'starting':
      return (
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn btn-primary" disabled={!ready || state.phase === 'starting'} data-autofocus>
            {saveDialog ? 'Export…' : 'Export'}
          </button>
        </>
      );
    case 'confirm':
      return (
        <>
          <button type="button" className="btn" onClick={job.reset} data-autofocus>
            Keep it
          </button>
          <button type="button" className="btn btn-replace" onClick={job.replace}>
            Replace
          </button>
        </>
      );
    case 'running':
      return (
        <button type="button" className="btn" onClick={job.cancel} data-autofocus>
          Cancel export
        </button>
      );
    default:
      return (
        <>
          <button type="button" className="btn" onClick={job.reset}>
            {state.phase === 'done' ? 'Export more' : 'Back'}
          </button>
          <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>
            Done
          </button>
        </>
      );
  }
}
