import { pdfDocument } from '../common/lazy-modules';
import { existsSync } from 'fs';
import { createRequire } from 'module';
import { join } from 'path';
import type { Readable } from 'stream';

/**
 * Every PDF the product makes is drawn in Noto Sans JP, shipped as an npm package
 * (`@expo-google-fonts/noto-sans-jp`, SIL Open Font License), so a server without any Japanese
 * system font (a slim container, this CI machine) still draws kanji such as 髙 and 𠮷. pdfkit
 * embeds only the glyphs a document uses, so a page stays small.
 *
 * `PDF_FONT` / `PDF_FONT_BOLD` (paths to TTF/OTF files) let a chamber use another face, e.g. a
 * Mincho for certificates.
 */
export const JP = 'jp';
export const JP_BOLD = 'jp-bold';

const PACKAGE = '@expo-google-fonts/noto-sans-jp';
const FILES = { regular: '400Regular/NotoSansJP_400Regular.ttf', bold: '700Bold/NotoSansJP_700Bold.ttf' };

export interface JapaneseFontFiles {
  regular: string;
  bold: string;
}

let resolved: JapaneseFontFiles | null = null;

/** Paths of the regular and bold faces; throws naming the package when it is not installed. */
export function japaneseFontFiles(): JapaneseFontFiles {
  if (resolved) return resolved;
  // resolved at run time like a package (the API bundle keeps node_modules external), from the
  // working directory or the started script, so webpack never tries to bundle a font file
  const bases = [join(process.cwd(), 'package.json'), process.argv[1]].filter((b): b is string => !!b);
  const find = (file: string, override: string | undefined): string => {
    if (override) {
      if (!existsSync(override)) throw new Error(`PDF font ${override} not found`);
      return override;
    }
    for (const base of bases) {
      try {
        return createRequire(base).resolve(`${PACKAGE}/${file}`);
      } catch {
        // next base
      }
    }
    throw new Error(`Japanese PDF font missing: install ${PACKAGE} (npm ci) or set PDF_FONT`);
  };
  resolved = {
    regular: find(FILES.regular, process.env['PDF_FONT']),
    bold: find(FILES.bold, process.env['PDF_FONT_BOLD'] ?? process.env['PDF_FONT']),
  };
  return resolved;
}

/** Registers `JP` and `JP_BOLD` on a document and selects `JP`. */
export function useJapaneseFonts(doc: PDFKit.PDFDocument): PDFKit.PDFDocument {
  const files = japaneseFontFiles();
  doc.registerFont(JP, files.regular);
  doc.registerFont(JP_BOLD, files.bold);
  return doc.font(JP);
}

/** A new pdfkit document with the Japanese fonts registered and selected. */
export function japanesePdf(options: PDFKit.PDFDocumentOptions = {}): PDFKit.PDFDocument {
  return useJapaneseFonts(new (pdfDocument())({ lang: 'ja-JP', ...options }));
}

/** Ends the document and hands it back as the Readable stream it is (its typings do not say so). */
export function endPdf(doc: PDFKit.PDFDocument): Readable {
  doc.end();
  return doc as unknown as Readable;
}

/** Collects a PDF stream (tests, attachments). */
export async function pdfBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
