import type { KpiReading } from '@chamber/contracts';
import { elapsedShare, fiscalYearEnd, milestoneStatusOf, readKpi } from '@chamber/domain';
import type { Kpi, KpiTerm } from './entities/kpi.entity';

export interface CounterRow {
  actionItemCode: string;
  measure: string;
  fiscalYear: number;
  value: number;
}

export interface KpiContext {
  planStart: number;
  planEnd: number;
  fiscalYear: number;
  now: Date;
  pillarCode: string;
  division: string;
}

export function termMatches(
  term: KpiTerm,
  kpiActionItemCode: string,
  c: Pick<CounterRow, 'actionItemCode' | 'measure'>,
): boolean {
  const item = term.actionItemCode ?? kpiActionItemCode;
  if (item !== '*' && item !== c.actionItemCode) return false;
  return term.measure.endsWith(':*') ? c.measure.startsWith(term.measure.slice(0, -1)) : c.measure === term.measure;
}

/** Sum of the terms over the fiscal years [from, to], and whether any counter fed it. */
export function sumTerms(
  terms: readonly KpiTerm[],
  kpiActionItemCode: string,
  counters: readonly CounterRow[],
  from: number,
  to: number,
): { sum: number; recorded: boolean } {
  let sum = 0;
  let recorded = false;
  for (const c of counters) {
    if (c.fiscalYear < from || c.fiscalYear > to) continue;
    for (const t of terms) {
      if (termMatches(t, kpiActionItemCode, c)) {
        sum += (t.sign ?? 1) * c.value;
        recorded = true;
      }
    }
  }
  return { sum, recorded };
}

/** The fiscal years a KPI's numerator reads for a selected FY (see design/KPIS.md, "Kinds"). */
export function numeratorWindow(
  kpi: Pick<Kpi, 'kind' | 'ratioWindow'>,
  planStart: number,
  fy: number,
): [number, number] {
  switch (kpi.kind) {
    case 'cumulative':
      return [planStart, fy];
    case 'ratio':
      return kpi.ratioWindow === 'plan' ? [planStart, fy] : [fy, fy];
    default:
      return [fy, fy];
  }
}

export function computeKpiReading(kpi: Kpi, counters: readonly CounterRow[], ctx: KpiContext): KpiReading {
  const fy = ctx.fiscalYear;
  const asOf = new Date(Math.min(ctx.now.getTime(), fiscalYearEnd(fy).getTime() - 1));
  let numerator: number;
  let denominator: number | null = null;
  let recorded: boolean;
  let elapsed: number;

  if (kpi.kind === 'milestone') {
    // the latest status entered within the plan period up to the FY
    let latest: { sum: number; recorded: boolean } = { sum: 0, recorded: false };
    for (let y = fy; y >= ctx.planStart && !latest.recorded; y--)
      latest = sumTerms(kpi.numerator, kpi.actionItemCode, counters, y, y);
    numerator = latest.sum;
    recorded = latest.recorded;
    elapsed = elapsedShare(ctx.planStart, ctx.planEnd, asOf);
  } else if (kpi.kind === 'growth_vs_baseline') {
    const baseFy = kpi.baseline && 'fiscalYear' in kpi.baseline ? kpi.baseline.fiscalYear : fy - 1;
    const current = sumTerms(kpi.numerator, kpi.actionItemCode, counters, fy, fy);
    const base = sumTerms(kpi.denominator ?? kpi.numerator, kpi.actionItemCode, counters, baseFy, baseFy);
    numerator = current.sum;
    denominator = base.sum;
    recorded = current.recorded && base.recorded;
    elapsed = elapsedShare(fy, fy, ctx.now);
  } else if (kpi.kind === 'level') {
    // the latest opening balance up to the FY, plus everything counted since it
    const opening = kpi.numerator.filter((t) => t.measure === 'opening_balance');
    const flows = kpi.numerator.filter((t) => t.measure !== 'opening_balance');
    let since = Number.MIN_SAFE_INTEGER;
    let balance = { sum: 0, recorded: false };
    for (const c of counters) {
      if (c.fiscalYear <= fy && c.fiscalYear > since && opening.some((t) => termMatches(t, kpi.actionItemCode, c)))
        since = c.fiscalYear;
    }
    if (since > Number.MIN_SAFE_INTEGER) balance = sumTerms(opening, kpi.actionItemCode, counters, since, since);
    const moved = sumTerms(flows, kpi.actionItemCode, counters, since, fy);
    numerator = balance.sum + moved.sum;
    recorded = balance.recorded || moved.recorded;
    elapsed = elapsedShare(ctx.planStart, ctx.planEnd, asOf);
  } else {
    const [from, to] = numeratorWindow(kpi, ctx.planStart, fy);
    const num = sumTerms(kpi.numerator, kpi.actionItemCode, counters, from, to);
    numerator = num.sum;
    recorded = num.recorded;
    if (kpi.kind === 'ratio') {
      const den = sumTerms(kpi.denominator ?? [], kpi.actionItemCode, counters, from, to);
      denominator = den.sum;
      recorded = recorded || den.recorded;
    }
    elapsed = from === to ? elapsedShare(fy, fy, ctx.now) : elapsedShare(ctx.planStart, ctx.planEnd, asOf);
  }

  const reading = readKpi({
    kind: kpi.kind,
    target: kpi.target,
    numerator,
    denominator: denominator ?? undefined,
    recorded,
    elapsed,
  });
  return {
    id: kpi.id,
    code: kpi.code,
    actionItemCode: kpi.actionItemCode,
    pillarCode: ctx.pillarCode,
    division: ctx.division,
    label: { ja: kpi.labelJa, en: kpi.labelEn },
    kind: kpi.kind,
    target: kpi.target,
    unit: kpi.unit,
    fiscalYear: fy,
    value: reading.value,
    numerator,
    denominator,
    attainment: reading.attainment,
    status: reading.status,
    ...(kpi.kind === 'milestone' ? { milestone: milestoneStatusOf(numerator) } : {}),
  };
}

/** Whether a counter change can move a KPI (to decide what to push to dashboards). */
export function kpiAffectedBy(kpi: Kpi, change: Pick<CounterRow, 'actionItemCode' | 'measure'>): boolean {
  return [...kpi.numerator, ...(kpi.denominator ?? [])].some((t) => termMatches(t, kpi.actionItemCode, change));
}
