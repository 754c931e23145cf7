import type { KpiReading, KpiStatus } from '@chamber/contracts';
import { KPI_STATUSES } from '@chamber/contracts';

/** How the dashboard orders its KPIs: as the plan lists them, worst status first, lowest attainment first, by division. */
export const DASHBOARD_SORTS = ['plan', 'status', 'attainment', 'division'] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

export const DASHBOARD_VIEWS = ['bars', 'table'] as const;
export type DashboardView = (typeof DASHBOARD_VIEWS)[number];

export interface DashboardQuery {
  division: string;
  /** '' for every status */
  status: KpiStatus | '';
  sort: DashboardSort;
}

/** Statuses in the order a manager acts on them: what is behind first, what needs nothing last. */
export const STATUS_URGENCY: readonly KpiStatus[] = ['behind', 'not_started', 'on_track', 'met', 'no_target'];

export function emptyCounts(): Record<KpiStatus, number> {
  return Object.fromEntries(KPI_STATUSES.map((s) => [s, 0])) as Record<KpiStatus, number>;
}

export function statusCounts(kpis: readonly KpiReading[]): Record<KpiStatus, number> {
  const counts = emptyCounts();
  for (const k of kpis) counts[k.status] += 1;
  return counts;
}

/** The KPIs of a division and a status ('' for all). */
export function filterKpis(kpis: readonly KpiReading[], division: string, status: KpiStatus | ''): KpiReading[] {
  return kpis.filter((k) => (!division || k.division === division) && (!status || k.status === status));
}

/**
 * The KPIs in the chosen order; ties keep the plan's order (the order the API lists them), so the
 * list does not jump about when a live change moves one figure.
 */
export function sortKpis(kpis: readonly KpiReading[], sort: DashboardSort): KpiReading[] {
  const indexed = kpis.map((k, i) => ({ k, i }));
  const urgency = (s: KpiStatus) => STATUS_URGENCY.indexOf(s);
  const attainment = (k: KpiReading) => (k.attainment === null ? Number.POSITIVE_INFINITY : k.attainment);
  const compare: Record<DashboardSort, (a: KpiReading, b: KpiReading) => number> = {
    plan: () => 0,
    status: (a, b) => urgency(a.status) - urgency(b.status),
    attainment: (a, b) => attainment(a) - attainment(b),
    division: (a, b) => a.division.localeCompare(b.division, 'ja'),
  };
  return indexed.sort((a, b) => compare[sort](a.k, b.k) || a.i - b.i).map(({ k }) => k);
}

/** Attainment beyond which a bar stops growing: the scale runs to 120 %, so the 100 % target line is visible. */
export const BAR_SCALE_MAX = 1.2;

/** Where a fraction of attainment sits on the bar's scale, in percent of the bar's width (0–100). */
export function barPosition(attainment: number | null): number {
  if (attainment === null || !Number.isFinite(attainment)) return 0;
  const clamped = Math.min(Math.max(attainment, 0), BAR_SCALE_MAX);
  return Math.round((clamped / BAR_SCALE_MAX) * 10_000) / 100;
}

export function isDashboardSort(value: unknown): value is DashboardSort {
  return typeof value === 'string' && (DASHBOARD_SORTS as readonly string[]).includes(value);
}

export function isDashboardView(value: unknown): value is DashboardView {
  return typeof value === 'string' && (DASHBOARD_VIEWS as readonly string[]).includes(value);
}

export function isKpiStatus(value: unknown): value is KpiStatus {
  return typeof value === 'string' && (KPI_STATUSES as readonly string[]).includes(value);
}
