/**
 * Draws the web app's icons (web/public/icon-*.png): a white "N" on the header's dark blue, as plain
 * PNGs written by hand (no image library), so that they stay a few hundred bytes each. Run it again
 * only to change them: `node --import tsx scripts/web-icons.ts`. The maskable icon keeps the letter
 * inside the central 80 % that every launcher mask leaves visible.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const PUBLIC = fileURLToPath(new URL('../web/public/', import.meta.url));
const BACKGROUND = [0x12, 0x35, 0x5b];
const LETTER = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** `size`×`size` RGB; the letter fills the central `scale` of the square. */
function icon(size: number, scale: number): Buffer {
  const box = size * scale;
  const left = (size - box) / 2;
  const top = (size - box) / 2;
  const stroke = box * 0.2;
  const inLetter = (x: number, y: number) => {
    const u = x - left;
    const v = y - top;
    if (u < 0 || v < 0 || u >= box || v >= box) return false;
    if (u < stroke || u >= box - stroke) return true;
    // The diagonal, from the top of the left stroke to the bottom of the right one.
    const along = (v / box) * (box - stroke);
    return u >= along && u < along + stroke;
  };
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) row.set(inLetter(x + 0.5, y + 0.5) ? LETTER : BACKGROUND, 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, size, scale] of [
  ['icon-192.png', 192, 0.5],
  ['icon-512.png', 512, 0.5],
  ['icon-maskable-512.png', 512, 0.4],
  ['apple-touch-icon.png', 180, 0.5],
] as const) {
  writeFileSync(join(PUBLIC, name), icon(size, scale));
}
