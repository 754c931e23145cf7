/** KPI attainment for every kind of the plan, as pure functions (see design/KPIS.md). */
export type KpiKind = 'cumulative' | 'per_fiscal_year' | 'ratio' | 'growth_vs_baseline' | 'level' | 'milestone';
export type KpiStatus = 'met' | 'on_track' | 'behind' | 'not_started' | 'no_target';
export type MilestoneStatus = 'not_started' | 'in_progress' | 'done';

export const MILESTONE_VALUES: Record<MilestoneStatus, number> = { not_started: 0, in_progress: 0.5, done: 1 };

export function milestoneStatusOf(value: number): MilestoneStatus {
  if (value >= 1) return 'done';
  if (value > 0) return 'in_progress';
  return 'not_started';
}

export interface KpiFigures {
  kind: KpiKind;
  target: number | null;
  /** the measure's sum over the KPI's window (for growth: the selected FY's figure) */
  numerator: number;
  /** ratio: the denominator measure; growth: the baseline FY's figure; otherwise unused */
  denominator?: number;
  /** whether any ledger row feeds the figures at all */
  recorded: boolean;
  /** share of the KPI's window elapsed (0..1), for on_track vs behind */
  elapsed: number;
}

export interface KpiReading {
  value: number | null;
  attainment: number | null;
  status: KpiStatus;
}

/** The KPI's displayed value, derived from its figures. */
export function kpiValue(f: Pick<KpiFigures, 'kind' | 'numerator' | 'denominator'>): number | null {
  switch (f.kind) {
    case 'ratio':
      return f.denominator ? f.numerator / f.denominator : null;
    case 'growth_vs_baseline':
      return f.denominator ? f.numerator / f.denominator - 1 : null;
    default:
      return f.numerator;
  }
}

export function kpiAttainment(kind: KpiKind, value: number | null, target: number | null): number | null {
  if (value === null) return null;
  if (kind === 'milestone') return value;
  if (target === null || target === 0) return null;
  if (kind === 'growth_vs_baseline' && value <= 0) return 0;
  return value / target;
}

export function kpiStatus(
  attainment: number | null,
  recorded: boolean,
  hasTarget: boolean,
  elapsed: number,
): KpiStatus {
  if (!hasTarget) return 'no_target';
  if (!recorded || attainment === null) return 'not_started';
  if (attainment >= 1 - 1e-9) return 'met';
  return attainment >= elapsed ? 'on_track' : 'behind';
}

export function readKpi(f: KpiFigures): KpiReading {
  const value = kpiValue(f);
  const hasTarget = f.kind === 'milestone' || (f.target !== null && f.target !== 0);
  const attainment = hasTarget ? kpiAttainment(f.kind, value, f.target) : null;
  return { value, attainment, status: kpiStatus(attainment, f.recorded, hasTarget, f.elapsed) };
}
