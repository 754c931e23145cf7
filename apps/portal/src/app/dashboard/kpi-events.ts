import type { KpiEvent, KpiReading, PlanSummary } from '@chamber/contracts';

export type EventOutcome = { kind: 'patched'; kpis: KpiReading[] } | { kind: 'refetch' } | { kind: 'ignored' };

/**
 * What a live `kpi` event does to the list shown for `fiscalYear`: patch the KPI in place when the
 * event is for that year; ask for a refetch when it is for an earlier year of the same plan period
 * (cumulative KPIs sum over the period, and the event carries only its own year's reading);
 * otherwise nothing.
 */
export function outcomeOf(
  kpis: readonly KpiReading[],
  event: KpiEvent,
  fiscalYear: number,
  period: Pick<PlanSummary, 'startFiscalYear' | 'endFiscalYear'> | null,
): EventOutcome {
  if (event.fiscalYear === fiscalYear) {
    if (!kpis.some((k) => k.id === event.kpiId)) return { kind: 'ignored' };
    return {
      kind: 'patched',
      kpis: kpis.map((k) =>
        k.id === event.kpiId
          ? {
              ...k,
              value: event.value,
              attainment: event.attainment,
              status: event.status ?? k.status,
              numerator: event.numerator ?? k.numerator,
              denominator: event.denominator === undefined ? k.denominator : event.denominator,
              // the event's value decides the milestone status from now on
              milestone: undefined,
            }
          : k,
      ),
    };
  }
  if (period && event.fiscalYear < fiscalYear && event.fiscalYear >= period.startFiscalYear) return { kind: 'refetch' };
  return { kind: 'ignored' };
}

/** The fiscal years that the plans cover, newest first. */
export function fiscalYearsOf(plans: PlanSummary[]): number[] {
  const years = new Set<number>();
  for (const p of plans) for (let fy = p.startFiscalYear; fy <= p.endFiscalYear; fy++) years.add(fy);
  return [...years].sort((a, b) => b - a);
}
