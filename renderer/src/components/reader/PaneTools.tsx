import type { ThemeChoice } from '../../hooks/useTheme';
import { Icon } from '../widgets/Icon';
import { ReaderSettings } from './ReaderSettings';
import type { ReaderSettings as Settings } from './useReaderSettings';

interface Props {
  reader: Settings;
  onReader: (s: Settings) => void;
  /** The theme as chosen (system, light or dark) and as it shows now. */
  choice: ThemeChoice;
  onChoice: (t: ThemeChoice) => void;
  theme: 'light' | 'dark';
  onToggleTheme: () => void;
  onShortcuts: () => void;
}

/** The window's own controls (reader settings, theme, shortcuts), in the toolbar of whichever view fills the third pane. */
export function PaneTools({ reader, onReader, choice, onChoice, theme, onToggleTheme, onShortcuts }: Props) {
  return (
    <>
      <ReaderSettings settings={reader} onChange={onReader} theme={choice} onTheme={onChoice} />
      <button
        type="button"
        className="btn btn-ghost icon-btn"
        aria-label="Dark theme"
        title={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
        aria-pressed={theme === 'dark'}
        onClick={onToggleTheme}
      >
        <Icon name={theme === 'dark' ? 'moon' : 'sun'} />
      </button>
      <button type="button" className="btn btn-ghost icon-btn" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={onShortcuts}>
        <Icon name="keyboard" />
      </button>
    </>
  );
}
