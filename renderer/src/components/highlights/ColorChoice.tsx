import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../../shared/highlights.js';
import { HIGHLIGHT_COLOR_NAMES } from '../../lib/highlightPalette';

interface Props {
  value: HighlightColor;
  onChange: (color: HighlightColor) => void;
  /** Says whose colour this is, for screen readers ("Colour of the highlight"). */
  label: string;
}

/** Five swatches in a row, one pressed: a click or Enter/Space recolours. */
export function ColorChoice({ value, onChange, label }: Props) {
  return (
    <span className="hl-colors" role="group" aria-label={label}>
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className={`hl-swatch hl-bg-${color}`}
          aria-label={HIGHLIGHT_COLOR_NAMES[color]}
          title={HIGHLIGHT_COLOR_NAMES[color]}
          aria-pressed={color === value}
          onClick={() => color !== value && onChange(color)}
        />
      ))}
    </span>
  );
}

/** A small dot of a highlight's colour, beside its text. */
export function Swatch({ color }: { color: HighlightColor }) {
  return <span className={`hl-swatch hl-bg-${color} hl-swatch-static`} title={HIGHLIGHT_COLOR_NAMES[color]} aria-hidden="true" />;
}
