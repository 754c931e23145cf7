import type { AuditEntryView } from '@chamber/contracts';
import { tokyoDateTime } from '@chamber/domain';
import { ExcelCsv, ExcelEncoding, excelCsv } from '../common/excel-csv';

const HEADER = ['日時', '操作者ID', '操作者', '権限', '操作', '対象', '対象ID', '結果', '概要'];

/** The audit trail for Japanese Excel (every text cell through the spreadsheet rule). */
export function auditCsv(rows: AuditEntryView[], encoding: ExcelEncoding): ExcelCsv {
  return excelCsv(
    [
      HEADER,
      ...rows.map((r) => [
        tokyoDateTime(r.at),
        r.actorId,
        r.actorName,
        r.actorRole,
        r.action,
        r.entity,
        r.entityId,
        r.statusCode,
        r.summary,
      ]),
    ],
    encoding,
  );
}
