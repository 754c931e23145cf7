import { pdfDocument } from '../common/lazy-modules';

/** What an uploaded image is, read from its own bytes (the declared type is not trusted). */
export interface ImageFacts {
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function jpegSize(b: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    const length = b.readUInt16BE(i + 2);
    // start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

/** PNG or JPEG with its size from the header, or null when the bytes are neither. */
export function imageFacts(b: Buffer): ImageFacts | null {
  if (b.length > 24 && b.subarray(0, 8).equals(PNG_SIGNATURE) && b.toString('latin1', 12, 16) === 'IHDR') {
    return { contentType: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    const size = jpegSize(b);
    return size ? { contentType: 'image/jpeg', ...size } : null;
  }
  return null;
}

/** True when pdfkit (which draws the image on certificates and badges) can decode it. */
export function pdfCanDraw(b: Buffer): boolean {
  try {
    // openImage is pdfkit's own parser (PNG via png-js, JPEG markers); its typings omit it
    const doc = new (pdfDocument())({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): unknown };
    doc.openImage(b);
    return true;
  } catch {
    return false;
  }
}
