/**
 * What an image really is, decided from its first bytes. A server's Content-Type is a claim
 * (and a file name an even weaker one); the bytes are what a viewer will decode. Only raster
 * types are accepted: SVG is a document that can hold script and load more URLs.
 */

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/avif';

/** File extension per type, for packages (EPUB) that store images as files. */
export const IMAGE_EXTENSIONS: Record<ImageMime, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The raster type of these bytes, or null for anything else (SVG, HTML, HEIC, garbage…). */
export function sniffImage(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (isAvif(bytes)) return 'image/avif';
  return null;
}

// ISO-BMFF: a leading `ftyp` box lists brands; AVIF files carry `avif` (still) or `avis`
// (sequence) among them. HEIC shares the container and is refused (browsers cannot show it).
function isAvif(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ascii('ftyp'), 4)) return false;
  const size = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(size, bytes.length);
  for (let at = 8; at + 4 <= end; at += 4) {
    if (at === 12) continue; // minor version, not a brand
    if (startsWith(bytes, ascii('avif'), at) || startsWith(bytes, ascii('avis'), at)) return true;
  }
  return false;
}

/** Why bytes were refused, in words a person can act on. */
export function describeRefusal(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 512))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<?xml') || head.startsWith('<svg') || head.includes('<svg'))
    return 'it is an SVG image, which can carry scripts and is never embedded';
  if (head.startsWith('<')) return 'the server sent a web page, not an image';
  return 'it is not a PNG, JPEG, GIF, WebP or AVIF image';
}
