// Draws the app icon (a blue tile with a white envelope and a red reminder badge) without any image
// tool: pixels computed here, written as PNG with node:zlib, and an ICO that embeds the 256 px PNG.
// Run: node scripts/make-icons.mjs  → assets/icon.png (1024), assets/icons/<n>x<n>.png, assets/icon.ico
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// shapes in unit coordinates (0..1); returns [r,g,b,a] or null
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
function nearSegment(x, y, ax, ay, bx, by, w) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= w * w;
}
function shade(x, y) {
  // badge (on top)
  const bx = 0.74;
  const by = 0.72;
  const br = 0.17;
  const d2 = (x - bx) ** 2 + (y - by) ** 2;
  if (d2 <= br * br) {
    if (roundedRect(x, y, bx - 0.022, by - 0.11, bx + 0.022, by + 0.03, 0.02)) return [255, 255, 255];
    if ((x - bx) ** 2 + (y - by - 0.075) ** 2 <= 0.025 ** 2) return [255, 255, 255];
    return [200, 40, 32];
  }
  if (d2 <= (br + 0.025) ** 2) return [255, 255, 255];
  // envelope
  if (roundedRect(x, y, 0.17, 0.28, 0.83, 0.72, 0.04)) {
    if (nearSegment(x, y, 0.19, 0.31, 0.5, 0.53, 0.028) || nearSegment(x, y, 0.81, 0.31, 0.5, 0.53, 0.028))
      return [11, 92, 173];
    return [255, 255, 255];
  }
  // tile with a gentle vertical gradient
  if (roundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.19)) {
    const t = y;
    return [Math.round(20 + 0 * t), Math.round(112 - 36 * t), Math.round(200 - 50 * t)];
  }
  return null;
}

function render(size) {
  const ss = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      const i = (py * size + px) * 4;
      if (a) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
        out[i + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  return png(size, out);
}

function ico(entries) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  const dir = [];
  let offset = 6 + 16 * entries.length;
  for (const { size, data } of entries) {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    dir.push(e);
  }
  return Buffer.concat([header, ...dir, ...entries.map((e) => e.data)]);
}

mkdirSync('assets/icons', { recursive: true });
const sizes = [16, 32, 48, 64, 128, 256, 512, 1024];
const images = Object.fromEntries(sizes.map((s) => [s, render(s)]));
for (const s of sizes) if (s <= 512) writeFileSync(`assets/icons/${s}x${s}.png`, images[s]);
writeFileSync('assets/icon.png', images[1024]);
writeFileSync('assets/icon.ico', ico([16, 32, 48, 256].map((s) => ({ size: s, data: images[s] }))));
console.log('icons written');
