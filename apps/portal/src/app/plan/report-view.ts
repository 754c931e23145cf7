import type {
  AnnualReport,
  AnnualReportActivity,
  AnnualReportKpi,
  AnnualReportPillar,
  KpiHistory,
  PlanSummary,
  PlanView,
} from '@chamber/contracts';
import { type DiffItem, currentFiscalYear } from '@chamber/domain';

export interface ChartBar {
  /** a short name for the axis: the action item code, with a letter when the item has several charted KPIs */
  key: string;
  kpi: AnnualReportKpi;
  /** attainment in percent, clipped to 0–120 */
  value: number;
}

/** Where a bar stops: a KPI far past its target would flatten the others. */
export const CHART_MAX_PERCENT = 120;

/** The bars of a pillar's chart: every KPI with a target and an attainment, in the report's order. */
export function chartBars(pillar: AnnualReportPillar): ChartBar[] {
  const bars: ChartBar[] = [];
  for (const item of pillar.items) {
    const charted = item.kpis.filter((k) => k.status !== 'no_target' && k.attainment !== null);
    charted.forEach((kpi, i) => {
      const key = charted.length > 1 ? `${item.code}${String.fromCharCode(97 + i)}` : item.code;
      const percent = Math.min(Math.max((kpi.attainment ?? 0) * 100, 0), CHART_MAX_PERCENT);
      // a hair apart, so that two bars at the same height still find their own label
      bars.push({ key, kpi, value: percent - bars.length * 1e-9 });
    });
  }
  return bars;
}

/** The activity of the whole report: events held, attendees, consultations and examinees over every item. */
export function activityTotals(report: AnnualReport): AnnualReportActivity {
  const total: AnnualReportActivity = { eventsHeld: 0, attendees: 0, consultations: 0, examinees: 0 };
  for (const pillar of report.pillars)
    for (const item of pillar.items) {
      total.eventsHeld += item.activity.eventsHeld;
      total.attendees += item.activity.attendees;
      total.consultations += item.activity.consultations;
      total.examinees += item.activity.examinees;
    }
  return total;
}

export interface ReviewRow {
  pillarCode: string;
  itemCode: string;
  kpiCode: string;
  label: AnnualReportKpi['label'];
  kind: AnnualReportKpi['kind'];
  unit: string;
  target: number | null;
  /** the KPI's reading per fiscal year, in the order of the reports given (null: the year does not have it) */
  years: (AnnualReportKpi | null)[];
}

/**
 * Every KPI of a plan's period with each year's reading side by side: the rows in the order of the
 * latest report, a KPI that only an earlier year has kept (appended after).
 */
export function reviewRows(reports: readonly AnnualReport[]): ReviewRow[] {
  const rows = new Map<string, ReviewRow>();
  const ordered = [...reports].reverse();
  for (const report of ordered)
    for (const pillar of report.pillars)
      for (const item of pillar.items)
        for (const kpi of item.kpis) {
          if (rows.has(kpi.code)) continue;
          rows.set(kpi.code, {
            pillarCode: pillar.code,
            itemCode: item.code,
            kpiCode: kpi.code,
            label: kpi.label,
            kind: kpi.kind,
            unit: kpi.unit,
            target: kpi.target,
            years: [],
          });
        }
  const byYear = reports.map((r) => {
    const map = new Map<string, AnnualReportKpi>();
    for (const pillar of r.pillars) for (const item of pillar.items) for (const k of item.kpis) map.set(k.code, k);
    return map;
  });
  return [...rows.values()].map((row) => ({ ...row, years: byYear.map((m) => m.get(row.kpiCode) ?? null) }));
}

export interface SeriesPoint {
  name: string;
  value: number;
}

/**
 * The line chart of a KPI's history: the years so far as one series, and a second one from the last
 * of them to the projected end of the period. Percent kinds are charted in percent.
 */
export function historySeries(
  history: KpiHistory,
  yearName: (fy: number) => string,
  names: { actual: string; projected: string },
): { name: string; series: SeriesPoint[] }[] {
  const scale = history.kpi.kind === 'ratio' || history.kpi.kind === 'growth_vs_baseline' ? 100 : 1;
  const actual = history.years
    .filter((y) => y.value !== null)
    .map((y) => ({ name: yearName(y.fiscalYear), value: (y.value ?? 0) * scale }));
  if (actual.length === 0) return [];
  const result = [{ name: names.actual, series: actual }];
  const p = history.projection;
  const last = history.years.filter((y) => y.value !== null).at(-1);
  if (p.value !== null && last && p.fiscalYear > last.fiscalYear) {
    result.push({
      name: names.projected,
      series: [actual[actual.length - 1], { name: yearName(p.fiscalYear), value: p.value * scale }],
    });
  }
  return result;
}

/** Every fiscal year of the plans, latest first. */
export function reportYears(plans: readonly PlanSummary[]): number[] {
  const years = new Set<number>();
  for (const p of plans) for (let fy = p.startFiscalYear; fy <= p.endFiscalYear; fy++) years.add(fy);
  return [...years].sort((a, b) => b - a);
}

/** The year a report opens on: the one asked for, else last year (the one being reported on in spring), else the latest. */
export function defaultReportYear(years: readonly number[], asked: number | null, now = currentFiscalYear()): number {
  if (asked !== null && years.includes(asked)) return asked;
  if (years.includes(now - 1)) return now - 1;
  if (years.includes(now)) return now;
  return years[0] ?? now;
}

/** The years of a plan's period that have begun, first to last. */
export function reviewYears(plan: PlanSummary, now = currentFiscalYear()): number[] {
  const last = Math.min(plan.endFiscalYear, Math.max(now, plan.startFiscalYear));
  return Array.from({ length: last - plan.startFiscalYear + 1 }, (_, i) => plan.startFiscalYear + i);
}

/** A plan's action items as the diff reads them. */
export function diffItemsOf(plan: PlanView | null): DiffItem[] {
  if (!plan) return [];
  return plan.pillars.flatMap((p) =>
    p.themes.flatMap((t) =>
      t.actionItems.map((a) => ({
        code: a.code,
        title: a.title,
        division: a.division,
        kpis: a.kpis.map((k) => ({ code: k.code, label: k.label, kind: k.kind, unit: k.unit, target: k.target })),
      })),
    ),
  );
}

/** A target typed in the form: '' is no target; percent kinds are typed in percent. */
export function parseTarget(text: string, percent: boolean): number | null | 'invalid' {
  const trimmed = text.trim().replace(/,/g, '').replace(/%$/, '');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  if (!Number.isFinite(n) || n < 0) return 'invalid';
  return percent ? n / 100 : n;
}
