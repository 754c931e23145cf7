import type {
  ExamApplication,
  ExamApplicationChannel,
  ExamApplicationStatus,
  ExamFeeStatus,
  ExamResult,
  ExamSitting,
} from '@chamber/contracts';
import { tokyoDateTime } from '@chamber/domain';
import { ExcelCsv, ExcelEncoding, excelCsv } from '../common/excel-csv';
import { exceljs } from '../common/lazy-modules';
import { spreadsheetRow, spreadsheetText } from '../common/spreadsheet-cells';
import {
  calendarDateCell,
  tableFilter,
  tableSheetOptions,
  tokyoDateCell,
  XLSX_FORMATS,
  xlsxCell,
  type XlsxColumn,
} from '../common/xlsx';

const CHANNEL_JA: Record<ExamApplicationChannel, string> = { public: '一般', member: '会員', staff: '窓口' };
const STATUS_JA: Record<ExamApplicationStatus, string> = { applied: '申込', cancelled: '取消' };
const FEE_JA: Record<ExamFeeStatus, string> = { unpaid: '未納', paid: '納付済', waived: '免除' };
const RESULT_JA: Record<ExamResult, string> = { passed: '合格', failed: '不合格', absent: '欠席' };

const HEADER = [
  '受験番号',
  '氏名',
  'フリガナ',
  '生年月日',
  'メールアドレス',
  '電話番号',
  '会員事業所',
  '申込区分',
  '受験料',
  '入金状況',
  '状態',
  '結果',
  '得点',
  '申込日時',
  '取消日時',
];

/** The cells of each applicant, text never a formula (see spreadsheetRow). */
function records(rows: ExamApplication[]): (string | number)[][] {
  return rows.map((a) =>
    spreadsheetRow([
      a.examineeNumber,
      a.name,
      a.nameKana,
      a.birthDate ?? '',
      a.email,
      a.phone,
      a.company,
      CHANNEL_JA[a.channel],
      a.fee,
      FEE_JA[a.feeStatus],
      STATUS_JA[a.status],
      a.result ? RESULT_JA[a.result] : '',
      a.score ?? '',
      a.appliedAt ? tokyoDateTime(a.appliedAt) : '',
      a.cancelledAt ? tokyoDateTime(a.cancelledAt) : '',
    ]),
  );
}

/** The applicant list as Japanese Excel opens it (see excelCsv). */
export function applicantsCsv(rows: ExamApplication[], encoding: ExcelEncoding): ExcelCsv {
  return excelCsv([HEADER, ...records(rows)], encoding);
}

const WIDTHS = [18, 18, 20, 12, 28, 16, 24, 10, 10, 10, 8, 8, 8, 18, 18];
/** The workbook's columns: the birth date a date cell, the two times date-time cells. */
const COLUMNS: XlsxColumn[] = HEADER.map((header, i) => ({
  header,
  width: WIDTHS[i] ?? 12,
  ...(i === 3 ? { format: 'date' as const } : i >= 13 ? { format: 'datetime' as const } : {}),
}));

export async function applicantsXlsx(sitting: ExamSitting, rows: ExamApplication[]): Promise<Buffer> {
  const book = new (exceljs().Workbook)();
  book.created = new Date();
  const sheet = book.addWorksheet('受験者一覧', tableSheetOptions(3));
  sheet.addRow([spreadsheetText(`${sitting.exam.name.ja} ${sitting.gradeName.ja}（${sitting.code}）`)]).font = {
    bold: true,
    size: 13,
  };
  sheet.addRow([
    spreadsheetText(
      `試験日 ${sitting.date} / 会場 ${sitting.venue} / 定員 ${sitting.capacity} / 申込 ${sitting.applicationsCount}`,
    ),
  ]);
  const header = sheet.addRow(HEADER);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  records(rows).forEach((cells, n) => {
    const a = rows[n]!;
    const values = cells.map(xlsxCell);
    values[3] = calendarDateCell(a.birthDate);
    values[13] = tokyoDateCell(a.appliedAt);
    values[14] = tokyoDateCell(a.cancelledAt);
    const row = sheet.addRow(values);
    COLUMNS.forEach((c, i) => {
      if (c.format) row.getCell(i + 1).numFmt = XLSX_FORMATS[c.format];
    });
  });
  COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  sheet.autoFilter = tableFilter(COLUMNS, 3);
  return Buffer.from(await book.xlsx.writeBuffer());
}
