import type { ThemeChoice } from '../../hooks/useTheme';
import { FONT_SIZES, WIDTHS, type ReaderSettings as Settings } from './useReaderSettings';
import { Icon } from '../widgets/Icon';
import { Popover } from '../widgets/Popover';

interface Props {
  settings: Settings;
  onChange: (s: Settings) => void;
  theme: ThemeChoice;
  onTheme: (t: ThemeChoice) => void;
}

/** Text size, line length and theme, in one small panel ("Aa"). */
export function ReaderSettings({ settings, onChange, theme, onTheme }: Props) {
  const sizeIndex = FONT_SIZES.findIndex((s) => s >= settings.fontSize);
  const setSize = (i: number) => onChange({ ...settings, fontSize: FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, i))]! });
  return (
    <Popover label={<Icon name="text" />} buttonLabel="Reading settings" buttonClassName="btn btn-ghost icon-btn" title="Reading settings">
      <div className="settings-row">
        <span>Text size</span>
        <span className="segmented">
          <button type="button" aria-label="Smaller text" onClick={() => setSize(sizeIndex - 1)} disabled={sizeIndex <= 0}>
            A−
          </button>
          <button type="button" aria-label="Larger text" onClick={() => setSize(sizeIndex + 1)} disabled={sizeIndex >= FONT_SIZES.length - 1}>
            A+
          </button>
        </span>
      </div>
      <div className="settings-row">
        <span>Line width</span>
        <span className="segmented" role="group" aria-label="Line width">
          {WIDTHS.map((w) => (
            <button key={w.ch} type="button" aria-pressed={settings.width === w.ch} onClick={() => onChange({ ...settings, width: w.ch })}>
              {w.label}
            </button>
          ))}
        </span>
      </div>
      <div className="settings-row">
        <span>Theme</span>
        <span className="segmented" role="group" aria-label="Theme">
          {(['system', 'light', 'dark'] as const).map((t) => (
            <button key={t} type="button" aria-pressed={theme === t} onClick={() => onTheme(t)}>
              {t === 'system' ? 'System' : t === 'light' ? 'Light' : 'Dark'}
            </button>
          ))}
        </span>
      </div>
    </Popover>
  );
}
