import { Dialog } from '../widgets/Dialog';

const SHORTCUTS: [string[], string][] = [
  [['j', '↓'], 'Next article'],
  [['k', '↑'], 'Previous article'],
  [['Enter', 'Space'], 'Open the selected article'],
  [['o'], 'Open the original in the browser'],
  [['s'], 'Star or unstar the open article'],
  [['m'], 'Mark the open article read or unread'],
  [['h'], 'Highlight the text selected in the article'],
  [['Delete'], 'Delete the focused highlight (in the list beside the article)'],
  [['x', 'Ctrl+click'], 'Add the article to the selection, or take it out'],
  [['Shift+click', 'Shift+↓'], 'Select a range of articles'],
  [['Ctrl+A'], 'Select every article that matches (in the list)'],
  [['Alt+↑', 'Alt+↓'], 'Move the article up or down (a collection in its own order)'],
  [['Ctrl+Z'], 'Undo the last change'],
  [['Ctrl+Shift+Z', 'Ctrl+Y'], 'Redo'],
  [['/'], 'Search'],
  [['↓'], 'From the search box to the results'],
  [['Esc'], 'Clear the selection, then the search; or close a dialog'],
  [['Home', 'End'], 'First or last article (in the list)'],
  [['?'], 'Show this list'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="shortcuts-dialog">
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="muted"> or </span>}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Drag the borders between panes to resize them, or focus a border and use the arrow keys.</p>
      <p className="muted small">
        Drag articles onto a collection in the sidebar to add them; in a collection shown in its own order, drag them up or down to reorder.
      </p>
    </Dialog>
  );
}
