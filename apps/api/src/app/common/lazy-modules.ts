import type * as ExcelJS from 'exceljs';
import type PdfDocumentClass from 'pdfkit';
import { createRequire } from 'module';

// Node's own require at run time (a static import would load these at every start): exceljs and
// pdfkit take most of a second to load between them, and only exports and PDFs need them
const load = createRequire(__filename);

let excel: typeof ExcelJS | undefined;
let pdf: typeof PdfDocumentClass | undefined;

/** exceljs, loaded when the first workbook is written. */
export function exceljs(): typeof ExcelJS {
  excel ??= load('exceljs') as typeof ExcelJS;
  return excel;
}

/** pdfkit's PDFDocument, loaded when the first PDF is made. */
export function pdfDocument(): typeof PdfDocumentClass {
  if (!pdf) {
    const mod = load('pdfkit') as typeof PdfDocumentClass & { default?: typeof PdfDocumentClass };
    pdf = mod.default ?? mod;
  }
  return pdf;
}
