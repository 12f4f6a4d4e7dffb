/** A few line icons, inline so the strict CSP (no remote fonts) and offline use need nothing else. */
const PATHS = {
  search: 'M11 11l3.5 3.5M7 12.5a5.5 5.5 0 1 1 0-11 5.5 5.5 0 0 1 0 11z',
  folder: 'M1.5 4.5v8a1 1 0 0 0 1 1h11a1 1 0 0 0 1-1v-6.5a1 1 0 0 0-1-1H8L6.5 3h-4a1 1 0 0 0-1 1.5z',
  chart: 'M2 14h12M4 12V8M7 12V4M10 12V6.5M13 12V9.5',
  sun: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8 1v1.5M8 13.5V15M1 8h1.5M13.5 8H15M3 3l1 1M12 12l1 1M3 13l1-1M12 4l1-1',
  moon: 'M13.5 9.5A6 6 0 0 1 6.5 2.5a6 6 0 1 0 7 7z',
  keyboard: 'M1.5 4h13v8h-13zM4 6.5h.01M6.5 6.5h.01M9 6.5h.01M11.5 6.5h.01M5 9.5h6',
  external: 'M9 2.5h4.5V7M13.5 2.5L7 9M11.5 9.5v3a1 1 0 0 1-1 1h-7a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3',
  close: 'M4 4l8 8M12 4l-8 8',
  image: 'M2 3h12v10H2zM2 11l3.5-3.5L9 11l2-2 3 3M10.5 6.5h.01',
  text: 'M2 13L5.5 3h1L10 13M3.2 9.5h5.6M10.5 13l2-5.5h.6l2 5.5M11.2 11.3h3',
  library: 'M2.5 2.5v11M5.5 2.5v11M8.5 3l3.5 10.3M2 13.5h12',
  chevron: 'M6 4l4 4-4 4',
  warning: 'M8 2l6.5 11.5h-13zM8 6.5v3M8 11.5h.01',
  check: 'M3 8.5l3 3 7-7',
  star: 'M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z',
  starFilled: 'M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z',
  dot: 'M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  bookmark: 'M4 2h8v12l-4-3-4 3z',
  export: 'M8 10V2M5 5l3-3 3 3M2.5 9v4.5h11V9',
  tag: 'M2 2.5v5l6.5 6.5 5-5L7 2.5zM5 5h.01',
  download: 'M8 2v8M4.5 7L8 10.5 11.5 7M2.5 13.5h11',
  collection: 'M2.5 5.5h11v8h-11zM4 3.5h8M5.5 1.5h5',
  more: 'M3.5 8h.01M8 8h.01M12.5 8h.01',
  plus: 'M8 3v10M3 8h10',
  checks: 'M2.5 2.5h11v11h-11zM5 8l2 2 4-4',
  note: 'M3 1.5h7l3 3v10H3zM10 1.5v3h3M5.5 8h5M5.5 10.5h3.5',
  highlight: 'M10 2l4 4-6.5 6.5h-4v-4zM7.5 4.5l4 4M1.5 14.5h7',
  trash: 'M2.5 4.5h11M6 4.5V2.5h4v2M4 4.5l.8 9.5h6.4l.8-9.5',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill={name === 'starFilled' ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
