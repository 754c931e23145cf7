import { encode } from 'iconv-lite';

/** What takes the place of a character CP932 cannot hold: the geta mark, visible in Excel. */
export const CP932_REPLACEMENT = '〓';

// CP932 has no trail byte 0x3F, so every '?' in an encoding is a '?' of the text or a character
// iconv-lite could not encode: comparing counts tells whether the slow path is needed.
function questionMarks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) n++;
  return n;
}

function bytesEqualTo(buffer: Buffer, byte: number): number {
  let n = 0;
  for (let i = buffer.indexOf(byte); i >= 0; i = buffer.indexOf(byte, i + 1)) n++;
  return n;
}

/**
 * A text made safe for CP932: every character it cannot hold (𠮷, emoji, …) replaced by 〓, with
 * the number of replacements.
 */
export function toCp932Safe(text: string): { text: string; replaced: number } {
  if (bytesEqualTo(encode(text, 'cp932'), 0x3f) === questionMarks(text)) return { text, replaced: 0 };
  let replaced = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '?' || bytesEqualTo(encode(ch, 'cp932'), 0x3f) === 0) out += ch;
    else {
      out += CP932_REPLACEMENT;
      replaced++;
    }
  }
  return { text: out, replaced };
}

/** Whether a text holds only characters CP932 can encode (the fast check before replacing anything). */
export function isCp932Safe(text: string): boolean {
  return bytesEqualTo(encode(text, 'cp932'), 0x3f) === questionMarks(text);
}

/** The CP932 bytes of a text, unencodable characters replaced visibly and counted. */
export function encodeCp932(text: string): { buffer: Buffer; replaced: number } {
  const safe = toCp932Safe(text);
  return { buffer: encode(safe.text, 'cp932'), replaced: safe.replaced };
}
