import type { Readable } from 'stream';
import type { AnnualReport, AnnualReportKpi, AnnualReportPillar } from '@chamber/contracts';
import { endPdf, japanesePdf, JP, JP_BOLD } from '../pdf/japanese-fonts';
import { fiscalYearTitle, STATUS_JA } from './report-labels';

/** the ideographic space Japanese documents set between a code and its name */
const SP = '\u3000';
const MARGIN = 40;
const BAR_ROW = 14;
const LABEL_WIDTH = 150;
/** the chart's scale ends at 150 %, so that an overshoot still shows against the 100 % line */
const SCALE_MAX = 1.5;
const STATUS_COLOR: Record<AnnualReportKpi['status'], string> = {
  met: '#2e7d32',
  on_track: '#1565c0',
  behind: '#c62828',
  not_started: '#9e9e9e',
  no_target: '#9e9e9e',
};

/** The plan's units (English words in the seed) as a Japanese count is written; others unwritten. */
const UNIT_JA: Record<string, string> = {
  cases: '件',
  companies: '社',
  count: '件',
  events: '回',
  examinees: '人',
  members: '社',
  persons: '人',
  visits: '件',
};

/** A KPI figure as the board reads it: rates as percentages, counts with separators. */
export function formatFigure(kpi: Pick<AnnualReportKpi, 'kind' | 'unit'>, v: number | null): string {
  if (v === null) return '—';
  if (kpi.kind === 'ratio' || kpi.kind === 'growth_vs_baseline') return `${(v * 100).toFixed(1)}%`;
  if (kpi.kind === 'milestone') return v >= 1 ? '完了' : v > 0 ? '実施中' : '未着手';
  return `${v.toLocaleString('ja-JP', { maximumFractionDigits: 1 })}${UNIT_JA[kpi.unit] ?? ''}`;
}

const percent = (a: number | null) => (a === null ? '—' : `${(a * 100).toFixed(0)}%`);

/**
 * The annual report as an A4 PDF in Japanese: the chamber's name, the year in 和暦 and 西暦, the
 * summary, a bar chart per pillar (attainment per KPI, drawn with rectangles) and every item with
 * its KPIs, activity and narrative.
 */
export function annualReportPdf(report: AnnualReport, chamberName: string): Readable {
  const doc = japanesePdf({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${fiscalYearTitle(report.fiscalYear)} 事業報告`, Author: chamberName },
  });
  const width = doc.page.width - 2 * MARGIN;
  const room = (h: number) => {
    if (doc.y + h > doc.page.height - MARGIN) doc.addPage();
  };

  doc.font(JP_BOLD).fontSize(18).text(chamberName, { align: 'center' });
  doc.fontSize(16).text(`${fiscalYearTitle(report.fiscalYear)} 事業報告`, { align: 'center' });
  doc.font(JP).fontSize(10).text(report.plan.name.ja, { align: 'center' }).moveDown();

  doc.font(JP_BOLD).fontSize(12).text('KPIの状況').font(JP).fontSize(10);
  const s = report.summary;
  doc.text(
    `達成 ${s.met}件${SP}順調 ${s.on_track}件${SP}遅れ ${s.behind}件${SP}未着手 ${s.not_started}件${SP}目標なし ${s.no_target}件`,
  );
  doc.moveDown();

  for (const pillar of report.pillars) chart(doc, pillar, width, room);
  for (const pillar of report.pillars) {
    doc.addPage();
    doc.font(JP_BOLD).fontSize(14).text(`${pillar.code}${SP}${pillar.name.ja}`).moveDown(0.5);
    for (const item of pillar.items) {
      room(60);
      doc.font(JP_BOLD).fontSize(11).text(`${item.code}${SP}${item.title.ja}`);
      doc.font(JP).fontSize(9).text(`担当：${item.division}`);
      for (const k of item.kpis) {
        doc.text(
          `・${k.label.ja}：実績 ${formatFigure(k, k.value)}／目標 ${k.target === null ? '—' : formatFigure(k, k.target)}（達成率 ${percent(k.attainment)}・${STATUS_JA[k.status]}）`,
        );
      }
      const a = item.activity;
      doc.text(`実施状況：開催 ${a.eventsHeld}回${SP}参加者 ${a.attendees}人${SP}相談 ${a.consultations}件`);
      const n = item.narrative;
      if (n.evaluation) doc.text(`評価：${n.evaluation}`);
      if (n.issues) doc.text(`課題：${n.issues}`);
      if (n.nextSteps) doc.text(`次年度の取組：${n.nextSteps}`);
      doc.moveDown(0.6);
    }
  }
  return endPdf(doc);
}

/** Attainment per KPI of a pillar as horizontal bars, with the 100 % line. */
function chart(doc: PDFKit.PDFDocument, pillar: AnnualReportPillar, width: number, room: (h: number) => void): void {
  const kpis = pillar.items.flatMap((i) => i.kpis).filter((k) => k.attainment !== null);
  room(40 + Math.max(kpis.length, 1) * BAR_ROW);
  doc.font(JP_BOLD).fontSize(11).text(`${pillar.code}${SP}${pillar.name.ja}：KPI達成率`, MARGIN);
  doc.font(JP).fontSize(8);
  const barLeft = MARGIN + LABEL_WIDTH;
  const barWidth = width - LABEL_WIDTH - 40;
  const top = doc.y + 4;
  if (!kpis.length) {
    doc.text('目標のあるKPIはありません', MARGIN, top);
    doc.moveDown();
    return;
  }
  kpis.forEach((k, i) => {
    const y = top + i * BAR_ROW;
    doc.fillColor('black').text(k.code, MARGIN, y + 2, { width: LABEL_WIDTH - 6, lineBreak: false, ellipsis: true });
    const w = (Math.min(k.attainment ?? 0, SCALE_MAX) / SCALE_MAX) * barWidth;
    doc.rect(barLeft, y + 2, Math.max(w, 0.5), BAR_ROW - 4).fill(STATUS_COLOR[k.status]);
    doc.fillColor('black').text(percent(k.attainment), barLeft + w + 4, y + 2, { lineBreak: false });
  });
  const full = barLeft + barWidth / SCALE_MAX;
  const bottom = top + kpis.length * BAR_ROW;
  doc.moveTo(full, top).lineTo(full, bottom).dash(2, { space: 2 }).strokeColor('#555555').stroke().undash();
  doc.fillColor('black').text('100%', full - 10, bottom + 2, { lineBreak: false });
  doc.x = MARGIN;
  doc.y = bottom + 16;
}
