import type { KpiKind, MilestoneStatus } from '@chamber/contracts';
import { milestoneStatusOf } from '@chamber/domain';
import type { Language } from '@chamber/contracts';

interface UnitWords {
  ja: string;
  /** English singular and plural */
  en: [string, string];
}

/**
 * Units as the API names them (English words) or as the source plan writes them (Japanese
 * counters), with how each language shows them. Unknown units are shown as they come.
 */
const UNITS: Record<string, UnitWords> = {
  persons: { ja: '人', en: ['person', 'people'] },
  people: { ja: '人', en: ['person', 'people'] },
  examinees: { ja: '人', en: ['examinee', 'examinees'] },
  cases: { ja: '件', en: ['case', 'cases'] },
  count: { ja: '件', en: ['', ''] },
  events: { ja: '回', en: ['event', 'events'] },
  companies: { ja: '社', en: ['company', 'companies'] },
  members: { ja: '会員', en: ['member', 'members'] },
  visits: { ja: '件', en: ['visit', 'visits'] },
  percent: { ja: '%', en: ['%', '%'] },
  status: { ja: '', en: ['', ''] },
  人: { ja: '人', en: ['person', 'people'] },
  名: { ja: '名', en: ['person', 'people'] },
  件: { ja: '件', en: ['case', 'cases'] },
  回: { ja: '回', en: ['time', 'times'] },
  社: { ja: '社', en: ['company', 'companies'] },
  事業所: { ja: '事業所', en: ['business', 'businesses'] },
  '%': { ja: '%', en: ['%', '%'] },
};

/** A unit in the page's language; English words agree with the count when one is given. */
export function unitLabel(unit: string | null | undefined, lang: Language, count?: number | null): string {
  if (!unit) return '';
  const words = UNITS[unit];
  if (!words) return unit;
  if (lang === 'ja') return words.ja;
  return count === 1 ? words.en[0] : words.en[1];
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
  const u = unitLabel(unit, lang, target);
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
