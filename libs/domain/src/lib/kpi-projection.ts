/**
 * Where a KPI will stand at the end of its plan's period at the pace so far: a straight line
 * (least squares) through the values of the fiscal years read so far, read at the last year. A
 * year still running counts at its pace (its figure scaled up by the share of it elapsed), so that
 * eight months of a year do not read as a fall.
 */
import { kpiAttainment, type KpiKind } from './kpi-attainment';

export interface YearPoint {
  fiscalYear: number;
  value: number | null;
}

/** The least-squares line through the points, read at `atFiscalYear`; one point stays flat; none is null. */
export function linearProjection(points: readonly YearPoint[], atFiscalYear: number): number | null {
  const known = points.filter((p): p is { fiscalYear: number; value: number } => p.value !== null);
  if (known.length === 0) return null;
  if (known.length === 1) return known[0]!.value;
  const n = known.length;
  const meanX = known.reduce((s, p) => s + p.fiscalYear, 0) / n;
  const meanY = known.reduce((s, p) => s + p.value, 0) / n;
  const sxx = known.reduce((s, p) => s + (p.fiscalYear - meanX) ** 2, 0);
  const sxy = known.reduce((s, p) => s + (p.fiscalYear - meanX) * (p.value - meanY), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return meanY + slope * (atFiscalYear - meanX);
}

/**
 * A running year's value at its pace: a year's count (per_fiscal_year) scaled to the whole year, a
 * running total (cumulative) by what the running year added; rates, levels and milestones as read.
 */
export function atPace(kind: KpiKind, value: number | null, previous: number | null, elapsed: number): number | null {
  if (value === null || elapsed <= 0 || elapsed >= 1) return value;
  if (kind === 'per_fiscal_year') return value / elapsed;
  if (kind === 'cumulative') return (previous ?? 0) + (value - (previous ?? 0)) / elapsed;
  return value;
}

export interface KpiProjection {
  fiscalYear: number;
  value: number | null;
  attainment: number | null;
  willMeetTarget: boolean | null;
}

/**
 * The projection of a KPI to `endFiscalYear` from its years so far; `elapsedOfLast` is the share of
 * the last year elapsed (1 when it is over). willMeetTarget is null when the KPI has no target.
 */
export function projectKpi(
  kpi: { kind: KpiKind; target: number | null },
  years: readonly YearPoint[],
  endFiscalYear: number,
  elapsedOfLast = 1,
): KpiProjection {
  const points = years.map((y, i) =>
    i === years.length - 1 ? { ...y, value: atPace(kpi.kind, y.value, years[i - 1]?.value ?? null, elapsedOfLast) } : y,
  );
  const value = linearProjection(points, endFiscalYear);
  const hasTarget = kpi.kind === 'milestone' || (kpi.target !== null && kpi.target !== 0);
  const attainment = hasTarget ? kpiAttainment(kpi.kind, value, kpi.target) : null;
  return {
    fiscalYear: endFiscalYear,
    value,
    attainment,
    willMeetTarget: hasTarget ? attainment !== null && attainment >= 1 - 1e-9 : null,
  };
}
