import type { Toast as ToastState } from '../../hooks/useCuration';
import { Icon } from './Icon';

/** A live region that is always in the page, so screen readers announce what appears in it. */
export function Toast({ toast, onUndo, onDismiss }: { toast: ToastState | null; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.key}>
          <span className="toast-text">{toast.text}</span>
          {toast.undoable && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                onDismiss();
                onUndo();
              }}
            >
              Undo
            </button>
          )}
          <button type="button" className="btn btn-ghost icon-btn toast-close" aria-label="Dismiss" onClick={onDismiss}>
            <Icon name="close" size={12} />
          </button>
        </div>
      )}
    </div>
  );
}
