import { stringify } from 'csv-stringify/sync';
import type { StaffSuggestionView, SuggestionCategory, SuggestionStatus } from '@chamber/contracts';
import { tokyoDateTime } from '@chamber/domain';
import { spreadsheetRow } from '../common/spreadsheet-cells';

/** Category names in Japanese, for the export and the answer mail. */
export const CATEGORY_JA: Record<SuggestionCategory, string> = {
  events: '事業・イベント',
  services: '支援・サービス',
  membership: '会員制度',
  website: 'ウェブサイト',
  other: 'その他',
};
const STATUS_JA: Record<SuggestionStatus, string> = { received: '受付', in_review: '検討中', answered: '回答済み' };

/**
 * The staff export, built from staff views only (which carry no poster for anonymous suggestions):
 * UTF-8 with a BOM and CRLF so that Japanese Excel opens it as it is.
 */
export function suggestionsCsv(rows: StaffSuggestionView[]): string {
  const header = [
    'ID',
    '受付日時',
    '年度',
    '区分',
    '状態',
    '担当課',
    '担当者',
    '匿名',
    '投稿者',
    '会員事業所',
    'ご意見',
    '回答',
    '回答日時',
    '回答公開',
    '経過日数',
  ];
  // every cell through the one rule: a poster's text never runs as a formula
  const records = rows.map((s) =>
    spreadsheetRow([
      s.id,
      tokyoDateTime(s.createdAt),
      String(s.fiscalYear),
      CATEGORY_JA[s.category],
      STATUS_JA[s.status],
      s.division,
      s.assignee?.name,
      s.anonymous ? '匿名' : '',
      s.anonymous ? '' : s.poster?.name,
      s.anonymous ? '' : s.poster?.memberName,
      s.body,
      s.answer?.body,
      s.answer?.answeredAt ? tokyoDateTime(s.answer.answeredAt) : '',
      s.answer ? (s.answer.public ? '公開' : '非公開') : '',
      String(s.ageDays),
    ]),
  );
  return '\uFEFF' + stringify([header, ...records], { record_delimiter: 'windows', quoted: true });
}
