import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/**
 * Test helper: reads a PDF the way a person's viewer does, with poppler (Debian's poppler-utils,
 * installed by .ci/run): the fonts it embeds, its text and its page count.
 */
export function popplerRead(pdf: Buffer): { fonts: string; text: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
    const fonts = run('pdffonts', [file]);
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))?.[1] ?? 0);
    return { fonts, text, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
