/**
 * The colours offered for tags: mid-tones that stand out (3:1 or more) on both the
 * light and the dark sidebar, so one stored colour works in both themes. Swatches
 * also carry a thin outline, and a colour never carries meaning on its own: the name does.
 */
export const TAG_COLORS: { name: string; value: string }[] = [
  { name: 'Red', value: '#d64545' },
  { name: 'Orange', value: '#d9730d' },
  { name: 'Yellow', value: '#b8860b' },
  { name: 'Green', value: '#2f9e44' },
  { name: 'Teal', value: '#0f9488' },
  { name: 'Blue', value: '#3b6fe0' },
  { name: 'Purple', value: '#8b5cf6' },
  { name: 'Pink', value: '#d6408b' },
  { name: 'Grey', value: '#7b8490' },
];

/** "Green", or "custom colour #123456" for one set elsewhere (the CLI takes any #rrggbb). */
export function colorName(value: string | null): string {
  if (value === null) return 'no colour';
  return TAG_COLORS.find((c) => c.value === value.toLowerCase())?.name ?? `custom colour ${value}`;
}
