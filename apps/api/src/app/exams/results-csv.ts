import { parse } from 'csv-parse/sync';
import type { FieldProblem } from '../common/errors';

/** A problem on one line of an uploaded file (its message key and params; the filter words it). */
export type RowProblem = FieldProblem & { row: number };

export interface ResultCsvRow {
  /** the line of the file (the header is line 1) */
  row: number;
  examineeNumber: string;
  result: string;
  score: string;
}

const HEADERS: Record<'examineeNumber' | 'result' | 'score', string[]> = {
  examineeNumber: ['examineenumber', 'examinee_number', 'examineeno', '受験番号'],
  result: ['result', '結果', '合否'],
  score: ['score', '得点', '点数'],
};

const headerKey = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/[\s]+/g, '');

/** Reads the results file: a header row (English or Japanese names), then one examinee per line. */
export function parseResultsCsv(text: string): { rows: ResultCsvRow[]; problems: RowProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      problems: [{ row: line, field: 'file', key: 'validation.csv_unreadable' }],
    };
  }
  const [header, ...data] = records;
  if (!header) {
    return { rows: [], problems: [{ row: 1, field: 'file', key: 'validation.csv_empty' }] };
  }
  const keys = header.record.map(headerKey);
  const column = (name: keyof typeof HEADERS) => keys.findIndex((k) => HEADERS[name].includes(k));
  const cols = { examineeNumber: column('examineeNumber'), result: column('result'), score: column('score') };
  const problems: RowProblem[] = [];
  if (cols.examineeNumber < 0) {
    problems.push({
      row: header.info.lines,
      field: 'examineeNumber',
      key: 'validation.csv_no_examinee_column',
    });
  }
  if (cols.result < 0) {
    problems.push({
      row: header.info.lines,
      field: 'result',
      key: 'validation.csv_no_result_column',
    });
  }
  if (problems.length) return { rows: [], problems };
  if (!data.length) {
    return {
      rows: [],
      problems: [{ row: 2, field: 'file', key: 'validation.csv_no_rows' }],
    };
  }
  const cell = (r: string[], i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
  return {
    rows: data.map(({ record, info }) => ({
      row: info.lines,
      examineeNumber: cell(record, cols.examineeNumber).normalize('NFKC'),
      result: cell(record, cols.result),
      score: cell(record, cols.score),
    })),
    problems,
  };
}
