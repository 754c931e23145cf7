import type { AnnualReport } from '@chamber/contracts';
import { exceljs } from '../common/lazy-modules';
import { tableFilter, tableSheetOptions, xlsxCell, xlsxColumns, type XlsxColumn } from '../common/xlsx';
import { fiscalYearTitle, STATUS_JA } from './report-labels';

const COLUMNS: XlsxColumn[] = [
  { header: '取組項目', width: 10 },
  { header: '事業名', width: 40 },
  { header: '担当', width: 14 },
  { header: 'KPI', width: 36 },
  { header: '目標', width: 10 },
  { header: '実績', width: 10 },
  { header: '達成率', width: 9 },
  { header: '状況', width: 9 },
  { header: '開催数', width: 8 },
  { header: '参加者数', width: 9 },
  { header: '相談件数', width: 9 },
  { header: '評価', width: 40 },
  { header: '課題', width: 40 },
  { header: '次年度の取組', width: 40 },
];
const PERCENT = 7; // 達成率
const RATE = '0.0%';

/**
 * The report as a workbook a board receives: a sheet per pillar, one row per KPI (an item without
 * KPIs gets one row), numbers as numbers, attainment a real percentage, header frozen and filtered,
 * printed A4 landscape fitted to the page width. Every text cell goes through spreadsheetText.
 */
export async function annualReportXlsx(report: AnnualReport, chamberName: string): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  wb.creator = chamberName;
  wb.title = `${fiscalYearTitle(report.fiscalYear)} 事業報告`;
  for (const pillar of report.pillars) {
    // sheet names: at most 31 characters, none of : \ / ? * [ ]
    const name = `${pillar.code} ${pillar.name.ja}`.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
    const sheet = wb.addWorksheet(name, {
      ...tableSheetOptions(),
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
      },
      headerFooter: { oddHeader: `&L${chamberName}&C${wb.title}&R${pillar.code}`, oddFooter: '&C&P / &N' },
    });
    sheet.columns = xlsxColumns(COLUMNS, true);
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = tableFilter(COLUMNS);
    for (const item of pillar.items) {
      const rows = item.kpis.length ? item.kpis : [null];
      for (const kpi of rows) {
        const row = sheet.addRow(
          [
            item.code,
            item.title.ja,
            item.division,
            kpi?.label.ja,
            kpi?.target,
            kpi?.value,
            kpi?.attainment,
            kpi ? STATUS_JA[kpi.status] : null,
            item.activity.eventsHeld,
            item.activity.attendees,
            item.activity.consultations,
            item.narrative.evaluation,
            item.narrative.issues,
            item.narrative.nextSteps,
          ].map((v) => xlsxCell(v ?? null)),
        );
        row.getCell(PERCENT).numFmt = RATE;
        // a rate KPI's target and value are shares too
        if (kpi && (kpi.kind === 'ratio' || kpi.kind === 'growth_vs_baseline')) {
          row.getCell(5).numFmt = RATE;
          row.getCell(6).numFmt = RATE;
        }
        row.alignment = { vertical: 'top', wrapText: true };
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
