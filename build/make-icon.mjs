#!/usr/bin/env node
// Draws build/icon.png (512x512), the app icon electron-builder derives every platform's
// icon from (icns, ico, Linux sizes). No network, no ImageMagick: shapes are rasterized
// here with 4x4 supersampling and written by a minimal PNG encoder over node:zlib.
// Run: node build/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4;

/** Signed distance to a rounded rectangle (negative inside). */
function roundedRect(px, py, x, y, w, h, r) {
  const cx = x + w / 2;
  const cy = y + h / 2;
  const qx = Math.abs(px - cx) - (w / 2 - r);
  const qy = Math.abs(py - cy) - (h / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Whether a point is inside a convex polygon given clockwise or counter-clockwise. */
function inPolygon(px, py, points) {
  let sign = 0;
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[(i + 1) % points.length];
    const cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    if (cross !== 0) {
      const s = Math.sign(cross);
      if (sign === 0) sign = s;
      else if (s !== sign) return false;
    }
  }
  return true;
}

const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

// Layers, bottom to top: each returns a colour [r,g,b] or null at a point.
const layers = [
  // Background: a deep green tile, lighter at the top.
  (x, y) => (roundedRect(x, y, 16, 16, 480, 480, 104) <= 0 ? mix([46, 140, 110], [22, 84, 70], y / SIZE) : null),
  // Three stacked pages, a little fanned.
  (x, y) => (roundedRect(x, y, 150, 118, 236, 300, 22) <= 0 ? [214, 232, 224] : null),
  (x, y) => (roundedRect(x, y, 134, 104, 236, 300, 22) <= 0 ? [236, 245, 240] : null),
  (x, y) => (roundedRect(x, y, 118, 90, 236, 300, 22) <= 0 ? [255, 255, 255] : null),
  // Text lines on the top page.
  (x, y) => {
    for (const [ly, lw] of [
      [150, 150],
      [186, 170],
      [222, 130],
      [258, 160],
    ]) {
      if (roundedRect(x, y, 152, ly, lw, 14, 7) <= 0) return [150, 178, 168];
    }
    return null;
  },
  // An amber bookmark ribbon with a pointed tail: the article kept.
  (x, y) =>
    inPolygon(x, y, [
      [300, 60],
      [352, 60],
      [352, 170],
      [326, 196],
      [300, 170],
    ])
      ? [242, 176, 52]
      : null,
];

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        let colour = null;
        for (const layer of layers) colour = layer(px, py) ?? colour;
        if (colour) {
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
    }
    const o = (y * SIZE + x) * 4;
    if (a > 0) {
      pixels[o] = Math.round(r / a);
      pixels[o + 1] = Math.round(g / a);
      pixels[o + 2] = Math.round(b / a);
    }
    pixels[o + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
  }
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
// Each scanline starts with filter type 0 (none).
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const out = join(dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
console.log(`wrote ${out} (${SIZE}x${SIZE}, ${png.length} bytes)`);
