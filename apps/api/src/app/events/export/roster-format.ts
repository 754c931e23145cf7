import type { RegistrationStatus, RosterEntry } from '@chamber/contracts';
import { tokyoDateTime } from '@chamber/domain';
import type { CellValue } from 'exceljs';
import { spreadsheetRow } from '../../common/spreadsheet-cells';
import { tokyoDateCell, xlsxCell, type XlsxColumn } from '../../common/xlsx';
import type { RosterRow } from './roster-cursor';

export const STATUS_LABELS_JA: Record<RegistrationStatus, string> = {
  registered: '申込済',
  waitlisted: 'キャンセル待ち',
  cancelled: 'キャンセル',
  attended: '出席',
};

export const OUTCOME_LABELS_JA: Record<string, string> = {
  job_offer: '内定',
  interview: '面接',
  business_deal: '商談成立',
  follow_up_meeting: '継続商談',
  consultation: '個別相談',
};

/** The header row of CSV and Excel rosters, in Japanese (Excel users here read Japanese). */
export const ROSTER_HEADER_JA = [
  '申込ID',
  '氏名',
  'フリガナ',
  'メールアドレス',
  '会社名',
  '学校名',
  '卒業年',
  '状態',
  'キャンセル待ち順位',
  '申込日時',
  '受付日時',
  'キャンセル日時',
  '成果',
];

/** The workbook's columns: the same as the CSV's, the three times as date cells. */
export const ROSTER_COLUMNS: XlsxColumn[] = ROSTER_HEADER_JA.map((header, i) => ({
  header,
  width: [38, 18, 20, 30, 28, 20, 8, 14, 10, 18, 18, 18, 16][i] ?? 12,
  ...(i >= 9 && i <= 11 ? { format: 'datetime' as const } : {}),
}));

const time = (d: Date | null) => (d ? tokyoDateTime(d) : '');

/**
 * One roster row as CSV/Excel cells: times in Asia/Tokyo, statuses and outcomes in Japanese, and
 * what a student typed on the public form never a formula.
 */
export function rosterCells(r: RosterRow): (string | number)[] {
  return spreadsheetRow([
    r.id,
    r.name,
    r.name_kana,
    r.email,
    r.company ?? '',
    r.school ?? '',
    r.graduation_year ?? '',
    STATUS_LABELS_JA[r.status as RegistrationStatus] ?? r.status,
    r.waitlist_position === null ? '' : Number(r.waitlist_position),
    time(r.created_at),
    time(r.checked_in_at),
    time(r.cancelled_at),
    r.outcomes.map((o) => OUTCOME_LABELS_JA[o] ?? o).join('、'),
  ]);
}

/** One roster row as workbook cells: the CSV's, with real date cells for the times. */
export function rosterXlsxCells(r: RosterRow): CellValue[] {
  const cells: CellValue[] = rosterCells(r).map(xlsxCell);
  cells[9] = tokyoDateCell(r.created_at);
  cells[10] = tokyoDateCell(r.checked_in_at);
  cells[11] = tokyoDateCell(r.cancelled_at);
  return cells;
}

export function rosterEntry(r: RosterRow): RosterEntry {
  return {
    id: r.id,
    name: r.name,
    nameKana: r.name_kana,
    email: r.email,
    company: r.company,
    memberId: r.member_id,
    status: r.status as RosterEntry['status'],
    waitlistPosition: r.waitlist_position === null ? null : Number(r.waitlist_position),
    registeredAt: r.created_at.toISOString(),
    checkedInAt: r.checked_in_at?.toISOString() ?? null,
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
    outcomes: r.outcomes as RosterEntry['outcomes'],
    school: r.school,
    graduationYear: r.graduation_year,
    source: r.source as RosterEntry['source'],
  };
}
