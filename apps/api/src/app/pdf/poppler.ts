import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/**
 * Test helper: reads a PDF the way a person's viewer does, with poppler (Debian's poppler-utils,
 * installed by .ci/run): the fonts it embeds, its text, its page count and how many images it draws.
 */
export function popplerRead(pdf: Buffer): { fonts: string; text: string; pages: number; images: number } {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
    const fonts = run('pdffonts', [file]);
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))?.[1] ?? 0);
    // pdfimages -list: two header lines, then one line per image drawn (soft masks listed as 'smask')
    const images = run('pdfimages', ['-list', file])
      .split('\n')
      .slice(2)
      .filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l)).length;
    return { fonts, text, pages, images };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
