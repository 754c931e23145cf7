/**
 * The one rule for every text cell of every CSV and xlsx the product writes (OWASP "CSV injection"):
 * Excel and LibreOffice run a cell that starts with = + - @ (or a tab or CR) as a formula, also
 * after leading spaces and in the full-width forms ＝＋－＠ that a Japanese IME types. Such a cell
 * gets a leading apostrophe, so that a name like =HYPERLINK("http://…","詳細") stays text.
 * Numbers stay numbers; the rule is idempotent (an already prefixed cell starts with ').
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

export type SpreadsheetCell = string | number;

/** A text cell that no spreadsheet evaluates: '' for nothing. */
export function spreadsheetText(value: string | null | undefined): string {
  if (!value) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One cell of a row: text neutralised, numbers kept, nothing as ''. */
export function spreadsheetCell(value: SpreadsheetCell | null | undefined): SpreadsheetCell {
  if (typeof value === 'number') return value;
  return spreadsheetText(value);
}

/** Every cell of a row (header rows too: they are constant and pass unchanged). */
export function spreadsheetRow(cells: readonly (SpreadsheetCell | null | undefined)[]): SpreadsheetCell[] {
  return cells.map(spreadsheetCell);
}
