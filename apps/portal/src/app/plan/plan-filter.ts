import type { ActionItemView, LocalizedText, PillarView, PlanView, ThemeView } from '@chamber/contracts';
import { searchKey } from '@chamber/domain';

export interface PlanCounts {
  pillars: number;
  themes: number;
  items: number;
  kpis: number;
}

function texts(...values: (LocalizedText | null | undefined)[]): string[] {
  return values.flatMap((v) => (v ? [v.ja, v.en] : []));
}

/** Everything a visitor may type to find an action item, in both languages. */
function haystack(item: ActionItemView): string {
  const parts = [
    item.code,
    item.division,
    ...texts(item.title, item.divisionLabel, item.plan2019, item.plan2020, item.target2021),
    ...item.kpis.flatMap((k) => [k.code, ...texts(k.label)]),
  ];
  return searchKey(parts.filter(Boolean).join('\u0000'));
}

/** Terms of a query, each normalised like the text (kana, width and case insensitive). */
export function queryTerms(query: string): string[] {
  return query
    .split(/[\s\u3000]+/)
    .map((t) => searchKey(t))
    .filter((t) => t.length > 0);
}

/**
 * The plan cut down to what matches every term. A pillar or theme whose own name matches keeps all
 * of its items; otherwise an item stays when its code, texts or KPIs match.
 */
export function filterPlan(plan: PlanView, terms: string[]): PillarView[] {
  if (terms.length === 0) return plan.pillars;
  const matches = (text: string) => terms.every((t) => text.includes(t));
  const result: PillarView[] = [];
  for (const pillar of plan.pillars) {
    const pillarKey = searchKey([pillar.code, ...texts(pillar.name)].join('\u0000'));
    if (matches(pillarKey)) {
      result.push(pillar);
      continue;
    }
    const themes: ThemeView[] = [];
    for (const theme of pillar.themes) {
      const themeKey = searchKey([theme.code, ...texts(theme.name)].join('\u0000'));
      if (matches(themeKey)) {
        themes.push(theme);
        continue;
      }
      const items = theme.actionItems.filter((item) => matches(haystack(item)));
      if (items.length > 0) themes.push({ ...theme, actionItems: items });
    }
    if (themes.length > 0) result.push({ ...pillar, themes });
  }
  return result;
}

export function countPlan(pillars: PillarView[]): PlanCounts {
  const themes = pillars.flatMap((p) => p.themes);
  const items = themes.flatMap((t) => t.actionItems);
  return {
    pillars: pillars.length,
    themes: themes.length,
    items: items.length,
    kpis: items.reduce((n, i) => n + i.kpis.length, 0),
  };
}
