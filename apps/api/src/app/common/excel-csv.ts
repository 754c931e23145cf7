import { stringify } from 'csv-stringify/sync';
import { decode } from 'iconv-lite';
import { encodeCp932 } from './cp932';
import { SpreadsheetCell, spreadsheetRow } from './spreadsheet-cells';

/** `utf8`: UTF-8 with a BOM (Excel's default guess fails without it); `sjis`: CP932. */
export type ExcelEncoding = 'utf8' | 'sjis';

export interface ExcelCsv {
  buffer: Buffer;
  /** characters CP932 cannot hold (𠮷, emoji), written as 〓: sent as X-Replaced-Characters */
  replaced: number;
  contentType: string;
}

/**
 * A whole CSV file as Japanese Excel opens it by double-click: CRLF lines, UTF-8 with a BOM or CP932
 * with every character it cannot hold replaced visibly and counted, no text cell a formula.
 * (Rosters stream their own.)
 */
export function excelCsv(rows: (SpreadsheetCell | null | undefined)[][], encoding: ExcelEncoding): ExcelCsv {
  const text = stringify(rows.map(spreadsheetRow), { record_delimiter: '\r\n' });
  if (encoding === 'sjis') {
    const { buffer, replaced } = encodeCp932(text);
    return { buffer, replaced, contentType: 'text/csv; charset=Shift_JIS' };
  }
  return { buffer: Buffer.from(`\uFEFF${text}`, 'utf8'), replaced: 0, contentType: 'text/csv; charset=utf-8' };
}

/** The text of a CSV file as Excel saves it: UTF-8 (a BOM dropped) if the bytes are valid UTF-8, else CP932. */
export function decodeExcelCsv(bytes: Buffer): { text: string; encoding: 'utf-8' | 'cp932' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: decode(bytes, 'cp932'), encoding: 'cp932' };
  }
}

/** The headers of a downloaded CSV, the replacement count readable by the portal (CORS). */
export function excelCsvHeaders(csv: ExcelCsv, filename: string): Record<string, string> {
  return {
    'Content-Type': csv.contentType,
    'Content-Disposition': `attachment; filename="${filename}"`,
    'X-Replaced-Characters': String(csv.replaced),
    'Access-Control-Expose-Headers': 'X-Replaced-Characters, Content-Disposition',
    'Cache-Control': 'no-store',
  };
}
