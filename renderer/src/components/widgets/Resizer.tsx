import { useRef, useState } from 'react';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Double-click puts it back here. */
  defaultValue: number;
  onChange: (px: number) => void;
}

/**
 * A vertical splitter between panes: drag it, or focus it and use the arrow
 * keys (Shift for bigger steps, Home/End for the limits), like the WAI-ARIA
 * window splitter pattern.
 */
export function Resizer({ label, value, min, max, defaultValue, onChange }: Props) {
  const start = useRef<{ x: number; value: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={`resizer${dragging ? ' dragging' : ''}`}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = { x: e.clientX, value };
        setDragging(true);
        e.preventDefault();
      }}
      onPointerMove={(e) => {
        if (start.current) onChange(start.current.value + e.clientX - start.current.x);
      }}
      onPointerUp={() => {
        start.current = null;
        setDragging(false);
      }}
      onPointerCancel={() => {
        start.current = null;
        setDragging(false);
      }}
      onDoubleClick={() => onChange(defaultValue)}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 64 : 16;
        const next =
          e.key === 'ArrowLeft' ? value - step : e.key === 'ArrowRight' ? value + step : e.key === 'Home' ? min : e.key === 'End' ? max : null;
        if (next === null) return;
        e.preventDefault();
        onChange(next);
      }}
    />
  );
}
