import { parse } from 'csv-parse/sync';

/** A problem on one line of an uploaded file, in both languages. */
export interface RowProblem {
  row: number;
  field: string;
  ja: string;
  en: string;
}

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
      problems: [{ row: line, field: 'file', ja: 'CSVとして読み取れません', en: 'The file is not valid CSV' }],
    };
  }
  const [header, ...data] = records;
  if (!header) {
    return { rows: [], problems: [{ row: 1, field: 'file', ja: 'ファイルが空です', en: 'The file is empty' }] };
  }
  const keys = header.record.map(headerKey);
  const column = (name: keyof typeof HEADERS) => keys.findIndex((k) => HEADERS[name].includes(k));
  const cols = { examineeNumber: column('examineeNumber'), result: column('result'), score: column('score') };
  const problems: RowProblem[] = [];
  if (cols.examineeNumber < 0) {
    problems.push({
      row: header.info.lines,
      field: 'examineeNumber',
      ja: '見出し行に「受験番号」(examineeNumber) の列がありません',
      en: 'The header has no examineeNumber (受験番号) column',
    });
  }
  if (cols.result < 0) {
    problems.push({
      row: header.info.lines,
      field: 'result',
      ja: '見出し行に「結果」(result) の列がありません',
      en: 'The header has no result (結果) column',
    });
  }
  if (problems.length) return { rows: [], problems };
  if (!data.length) {
    return {
      rows: [],
      problems: [{ row: 2, field: 'file', ja: 'データ行がありません', en: 'The file has no data rows' }],
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
