import jsQR from 'jsqr';
import { create as createQr } from 'qrcode';
import { qrPng } from './qr-code';

// pngjs comes with qrcode and has no type declarations of its own
const { PNG } = require('pngjs') as {
  PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } };
};

describe('QR code PNG', () => {
  it('draws every module of the symbol, with a quiet zone, in a valid PNG', () => {
    const text = 'AbCdEfGhIjKlMnOpQrStUvWx';
    const png = PNG.sync.read(qrPng(text));
    const { modules } = createQr([{ data: Buffer.from(text), mode: 'byte' }], {
      errorCorrectionLevel: 'M',
      maskPattern: 2,
    });
    const scale = png.width / (modules.size + 8);
    expect(Number.isInteger(scale)).toBe(true);
    expect(png.height).toBe(png.width);
    const darkAt = (x: number, y: number) => png.data[(y * png.width + x) * 4]! < 128;
    for (let my = -4; my < modules.size + 4; my++) {
      for (let mx = -4; mx < modules.size + 4; mx++) {
        const inside = my >= 0 && my < modules.size && mx >= 0 && mx < modules.size;
        const expected = inside && modules.get(my, mx) === 1;
        const cx = Math.floor((mx + 4) * scale + scale / 2);
        const cy = Math.floor((my + 4) * scale + scale / 2);
        expect(darkAt(cx, cy)).toBe(expected);
      }
    }
  });

  it('decodes back to its text with a real QR reader', () => {
    for (const text of ['AbCdEfGhIjKlMnOpQrStUvWx', 'zz-_09AAAAAAAAAAAAAAAAAA', 'Q8x-mJ3_aVbK0pLrT5uYw2Ee']) {
      const png = PNG.sync.read(qrPng(text));
      const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(found?.data).toBe(text);
    }
  });
});
