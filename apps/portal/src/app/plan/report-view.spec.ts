import { describe, expect, it } from '@jest/globals';
import type { AnnualReport, AnnualReportKpi, KpiHistory, PlanSummary } from '@chamber/contracts';
import {
  activityTotals,
  chartBars,
  defaultReportYear,
  historySeries,
  parseTarget,
  reportYears,
  reviewRows,
  reviewYears,
} from './report-view';

const k = (code: string, attainment: number | null, status: AnnualReportKpi['status']): AnnualReportKpi => ({
  id: code,
  code,
  label: { ja: code, en: code },
  kind: 'cumulative',
  unit: '人',
  target: attainment === null ? null : 100,
  value: attainment === null ? 5 : attainment * 100,
  attainment,
  status,
});

const activity = (n: number) => ({ eventsHeld: n, attendees: n * 10, consultations: n * 2, examinees: n * 3 });
const narrative = { evaluation: '', issues: '', nextSteps: '', updatedAt: null, updatedBy: null };

const report = (fiscalYear: number, kpis: AnnualReportKpi[][]): AnnualReport => ({
  fiscalYear,
  plan: { id: 'p', name: { ja: '計画', en: 'Plan' }, startFiscalYear: 2025, endFiscalYear: 2027 },
  summary: { met: 0, on_track: 0, behind: 0, not_started: 0, no_target: 0 },
  pillars: [
    {
      code: 'A',
      name: { ja: 'A', en: 'A' },
      items: kpis.map((list, i) => ({
        code: `A1-${i + 1}`,
        title: { ja: `item ${i + 1}`, en: `item ${i + 1}` },
        division: '総務課',
        themeCode: 'A1',
        kpis: list,
        activity: activity(i + 1),
        narrative,
      })),
    },
  ],
});

describe('annual report view', () => {
  it('charts every KPI with a target, lettered when an item has several, clipped at 120 %', () => {
    const r = report(2025, [
      [k('a', 0.5, 'behind'), k('b', 3, 'met')],
      [k('c', null, 'no_target')],
      [k('d', 1, 'met')],
    ]);
    const bars = chartBars(r.pillars[0]);
    expect(bars.map((b) => b.key)).toEqual(['A1-1a', 'A1-1b', 'A1-3']);
    expect(bars.map((b) => Math.round(b.value))).toEqual([50, 120, 100]);
    // two bars at the same height still tell their labels apart
    expect(new Set(bars.map((b) => b.value)).size).toBe(3);
  });

  it('sums the activity of every item', () => {
    const r = report(2025, [[], [], []]);
    expect(activityTotals(r)).toEqual({ eventsHeld: 6, attendees: 60, consultations: 12, examinees: 18 });
  });

  it('puts every year of a period side by side, a KPI only one year has shown empty in the others', () => {
    const y1 = report(2025, [[k('a', 0.2, 'behind'), k('old', 0.1, 'behind')]]);
    const y2 = report(2026, [[k('a', 0.6, 'on_track'), k('new', 0.3, 'behind')]]);
    const rows = reviewRows([y1, y2]);
    expect(rows.map((r) => r.kpiCode)).toEqual(['a', 'new', 'old']);
    expect(rows[0].years.map((y) => y?.attainment)).toEqual([0.2, 0.6]);
    expect(rows[1].years[0]).toBeNull();
    expect(rows[2].years[1]).toBeNull();
  });

  it('lists the years of the plans, latest first, and opens on last year (the one reported in spring)', () => {
    const plans: PlanSummary[] = [
      { id: 'a', name: { ja: '', en: '' }, startFiscalYear: 2019, endFiscalYear: 2021, continuedFromId: null },
      { id: 'b', name: { ja: '', en: '' }, startFiscalYear: 2025, endFiscalYear: 2027, continuedFromId: 'a' },
    ];
    const years = reportYears(plans);
    expect(years).toEqual([2027, 2026, 2025, 2021, 2020, 2019]);
    expect(defaultReportYear(years, null, 2026)).toBe(2025);
    expect(defaultReportYear(years, 2020, 2026)).toBe(2020);
    expect(defaultReportYear(years, 2023, 2026)).toBe(2025);
    expect(defaultReportYear(years, null, 2025)).toBe(2025);
    expect(reviewYears(plans[1], 2026)).toEqual([2025, 2026]);
    expect(reviewYears(plans[0], 2026)).toEqual([2019, 2020, 2021]);
  });

  it('draws the history to the projected end, percent kinds in percent', () => {
    const history = {
      kpi: { kind: 'ratio' },
      years: [
        { fiscalYear: 2025, value: 0.05, attainment: 0.8 },
        { fiscalYear: 2026, value: 0.055, attainment: 0.9 },
      ],
      projection: { fiscalYear: 2027, value: 0.06, attainment: 1, willMeetTarget: true },
    } as unknown as KpiHistory;
    const series = historySeries(history, (fy) => `FY${fy}`, { actual: 'actual', projected: 'projected' });
    expect(series[0].series.map((p) => [p.name, Math.round(p.value * 10) / 10])).toEqual([
      ['FY2025', 5],
      ['FY2026', 5.5],
    ]);
    expect(series[1].series.map((p) => p.name)).toEqual(['FY2026', 'FY2027']);
    expect(series[1].series[1].value).toBeCloseTo(6);
  });

  it('reads a typed target: empty is none, percent kinds in percent, nonsense refused', () => {
    expect(parseTarget('', false)).toBeNull();
    expect(parseTarget('1,200', false)).toBe(1200);
    expect(parseTarget('6%', true)).toBeCloseTo(0.06);
    expect(parseTarget('-3', false)).toBe('invalid');
    expect(parseTarget('abc', false)).toBe('invalid');
  });
});
