import type { AddWorksheetOptions, CellValue } from 'exceljs';
import { tokyoWallClock } from '@chamber/domain';
import { spreadsheetText } from './spreadsheet-cells';

/**
 * How every workbook the product writes reads in Excel and LibreOffice: the header row frozen and
 * filtered, dates as real date cells (sortable, filterable by month) in Tokyo time, text never a
 * formula.
 */
export interface XlsxColumn {
  header: string;
  width: number;
  /** a date-time or date column: the cell holds a Date, shown in this format */
  format?: 'datetime' | 'date';
}

export const XLSX_FORMATS = { datetime: 'yyyy/mm/dd hh:mm', date: 'yyyy/mm/dd' } as const;

/**
 * A moment as Excel shows it in Tokyo. Excel's dates have no time zone and exceljs writes a Date by
 * its UTC fields, so the moment is moved by Tokyo's offset: 2026-12-03T00:04Z reads 2026/12/03 09:04.
 */
export function tokyoDateCell(value: Date | string | null | undefined): Date | null {
  if (!value) return null;
  const t = (value instanceof Date ? value : new Date(value)).getTime();
  return Number.isNaN(t) ? null : tokyoWallClock(t);
}

/** A calendar date ("2000-04-01", a birth date or an exam day) as a date cell. */
export function calendarDateCell(value: string | null | undefined): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return new Date(`${value}T00:00:00Z`);
}

/** One cell: text neutralised, numbers and dates kept, nothing as empty. */
export function xlsxCell(value: string | number | Date | null | undefined): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || value instanceof Date) return value;
  return spreadsheetText(value);
}

/** Worksheet options that freeze the rows down to the header (headerRow: 1-based). */
export function tableSheetOptions(headerRow = 1): Partial<AddWorksheetOptions> {
  return { views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }] };
}

/** The auto-filter over the header row and every column. */
export function tableFilter(columns: readonly XlsxColumn[], headerRow = 1) {
  return { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };
}

/** exceljs column definitions: width, and the number format of date columns. */
export function xlsxColumns(columns: readonly XlsxColumn[], withHeader: boolean) {
  return columns.map((c) => ({
    ...(withHeader ? { header: c.header } : {}),
    width: c.width,
    ...(c.format ? { style: { numFmt: XLSX_FORMATS[c.format] } } : {}),
  }));
}
