import type { KpiKind, MilestoneStatus } from '@chamber/contracts';
import { milestoneStatusOf } from '@chamber/domain';
import type { Language } from '@chamber/contracts';

/** Units as the plan writes them (Japanese counters) and their English words. */
const UNIT_EN: Record<string, string> = {
  人: 'people',
  名: 'people',
  件: 'cases',
  回: 'times',
  社: 'companies',
  事業所: 'businesses',
  者: 'people',
  団体: 'organisations',
  事業: 'programmes',
  '%': '%',
};

export function unitLabel(unit: string | null | undefined, lang: Language): string {
  if (!unit) return '';
  if (lang === 'ja') return unit;
  return UNIT_EN[unit] ?? unit;
}

/** Kinds whose figures are fractions shown as percentages. */
export function isPercentKind(kind: KpiKind): boolean {
  return kind === 'ratio' || kind === 'growth_vs_baseline';
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

export function formatPercent(fraction: number, locale: string, signed = false): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
  }).format(fraction);
}

/** The milestone status a value stands for (0 · 0.5 · 1). */
export function milestoneOf(value: number | null | undefined, explicit?: MilestoneStatus): MilestoneStatus {
  return explicit ?? milestoneStatusOf(value ?? 0);
}

/**
 * A KPI's figure as text: counts with grouping, ratios as percentages, growth signed.
 * Milestones are words, not numbers: callers translate `milestone.<status>` themselves.
 */
export function formatKpiValue(kind: KpiKind, value: number | null, locale: string): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'ratio') return formatPercent(value, locale);
  if (kind === 'growth_vs_baseline') return formatPercent(value, locale, true);
  return formatCount(value, locale);
}

/** The target as text, or null when the plan gives none. */
export function formatTarget(
  kind: KpiKind,
  target: number | null,
  unit: string,
  lang: Language,
  locale: string,
): string | null {
  if (target === null || target === undefined) return null;
  if (kind === 'ratio') return formatPercent(target, locale);
  if (kind === 'growth_vs_baseline') return formatPercent(target, locale, true);
  const u = unitLabel(unit, lang);
  const n = formatCount(target, locale);
  if (!u) return n;
  return lang === 'ja' ? `${n}${u}` : `${n} ${u}`;
}

/** Attainment as shown: the number as it is (may exceed 100 %). */
export function formatAttainment(attainment: number | null, locale: string): string | null {
  if (attainment === null || attainment === undefined) return null;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(attainment);
}

/** Attainment for bars and gauges: never past 100 %. */
export function cappedPercent(attainment: number | null): number {
  if (attainment === null || attainment === undefined || Number.isNaN(attainment)) return 0;
  return Math.max(0, Math.min(100, attainment * 100));
}
