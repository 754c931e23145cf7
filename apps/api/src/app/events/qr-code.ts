import { create as createQr } from 'qrcode';
import { crc32, deflateSync } from 'zlib';

const SCALE = 6;
const QUIET_ZONE = 4;

/**
 * The QR code of a text as a PNG (1-bit greyscale). The qrcode package computes the symbol; the
 * PNG is written here because the package's renderer spends several milliseconds per image in
 * pngjs, which on the registration path would be CPU taken from every other request.
 */
export function qrPng(text: string): Buffer {
  // byte mode and a fixed mask: choosing the "best" of the 8 masks is 90 % of the work (0.35 ms, on
  // every sign-up), and any mask decodes; a 24-character token fits version 2-M either way
  const { modules } = createQr([{ data: Buffer.from(text), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    maskPattern: 2,
  });
  const size = modules.size;
  const px = (size + 2 * QUIET_ZONE) * SCALE;
  const stride = Math.ceil(px / 8) + 1; // filter byte, then the pixels
  // bit 1 = white in 1-bit greyscale: start all white and clear the dark modules' pixels
  const raw = Buffer.alloc(stride * px, 0xff);
  const row = Buffer.alloc(stride);
  for (let my = 0; my < size; my++) {
    row.fill(0xff);
    row[0] = 0; // filter: none
    for (let mx = 0; mx < size; mx++) {
      if (!modules.get(my, mx)) continue;
      for (let x = (mx + QUIET_ZONE) * SCALE, end = x + SCALE; x < end; x++) row[1 + (x >> 3)]! &= ~(0x80 >> (x & 7));
    }
    for (let k = 0; k < SCALE; k++) row.copy(raw, ((my + QUIET_ZONE) * SCALE + k) * stride);
  }
  for (let y = 0; y < px; y++) raw[y * stride] = 0;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(px, 0);
  ihdr.writeUInt32BE(px, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 1 })), // fast: the image is small either way
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function pngDataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}

export const qrDataUrl = (text: string) => pngDataUrl(qrPng(text));
