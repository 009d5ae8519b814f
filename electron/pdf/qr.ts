/**
 * A QR code as a small PNG image instead of pdfmake's `qr` node. pdfmake draws a `qr` as one filled rectangle
 * per dark module (≈ 220 for a CR number), each with its own colour and line state: a sheet of 200 worker passes
 * is 44,000 vector operations and most of its rendering time. The same code (pdfmake's own encoder, so the
 * same symbol) as a greyscale PNG with its 4-module quiet zone is one image operation; pdfkit embeds a PNG
 * without alpha as it is (no decoding). Drawn at about the printer's resolution, its modules print as sharp
 * as the vector ones.
 */
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import type { Content } from './engine';

const require = createRequire(__filename);
interface QrMeasure {
  measure(node: { qr: string; fit: number; eccLevel: string }): { _canvas: { x: number; y: number; w: number }[] };
}
const qrEnc = (require('pdfmake/js/qrEnc.js') as { default: QrMeasure }).default;

const QUIET = 4;
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** The symbol's modules (true = dark), from pdfmake's encoder. */
export function qrMatrix(text: string, eccLevel = 'M'): boolean[][] {
  // A large fit makes each module a whole number of points; the first rectangle is the background.
  const [bg, ...dark] = qrEnc.measure({ qr: text, fit: 10_000, eccLevel })._canvas;
  const size = dark.length ? dark[0].w : 1;
  const n = Math.round(bg.w / size);
  const m = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (const r of dark) m[Math.round(r.y / size)][Math.round(r.x / size)] = true;
  return m;
}

/**
 * A greyscale PNG of the code with its quiet zone, as a data URL. One pixel a module: a page drawn at any
 * resolution from 100 dpi up enlarges it pixel by pixel (sharp; zbarimg reads all 200 codes of a 25-page sheet
 * at 100, 150, 200 and 300 dpi), where a larger image is reduced with smoothing and its edges blur (at 2, 3 or
 * 4 pixels a module it read only 150–190 of them at some resolutions).
 */
export function qrPng(text: string, eccLevel = 'M', scale = 1, quiet = QUIET): string {
  const m = qrMatrix(text, eccLevel);
  const side = (m.length + 2 * quiet) * scale;
  const stride = side + 1;
  const raw = Buffer.alloc(side * stride, 0xff);
  for (let y = 0; y < side; y++) {
    raw[y * stride] = 0; // filter: none
    const row = m[Math.floor(y / scale) - quiet];
    if (!row) continue;
    for (let x = 0; x < side; x++) if (row[Math.floor(x / scale) - quiet]) raw[y * stride + 1 + x] = 0;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** The code as an image `size` points square, its quiet zone included. */
export const qrImage = (text: string, size: number): Content => ({ image: qrPng(text), width: size, height: size });

/**
 * The code as an image `size` points square without a quiet zone of its own, where the page around it is
 * blank (a form's header corner): the same symbol and size as pdfmake's `qr` node with `fit: size` drew.
 */
export const qrImageBare = (text: string, size: number): Content => ({ image: qrPng(text, 'M', 1, 0), width: size, height: size });
