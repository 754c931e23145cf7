// The shape of a plan seed, and its loader. The data is JSON beside this file
// (plan-2019-2021.json: the Sagamihara chamber's FY2019–FY2021 plan, Japanese as in the source,
// English ours); the loader checks it before anything is written, naming the place at fault.
import planData from './plan-2019-2021.json';

export interface Text {
  ja: string;
  en: string;
}
/** One term of a KPI's sum. `measure` may end in ':*' (any measure with that prefix). `actionItemCode` '*' = counters of any action item; omitted = the KPI's own action item. */
export interface KpiTermSeed {
  measure: string;
  actionItemCode?: string;
  sign?: 1 | -1;
}
export type KpiKindSeed = 'cumulative' | 'per_fiscal_year' | 'ratio' | 'growth_vs_baseline' | 'level' | 'milestone';
export interface KpiSeed {
  code: string;
  label: Text;
  kind: KpiKindSeed;
  /** null when the source gives no numeric target. Ratios and growth as fractions (0.06 = 6 %); milestone target 1 (= done). */
  target: number | null;
  /** one of: persons, cases, companies, events, members, percent, status, count, visits, examinees */
  unit: string;
  /** for ratio: over the plan period to date ('plan') or the selected fiscal year ('fiscal_year') */
  window?: 'plan' | 'fiscal_year';
  numerator: KpiTermSeed[];
  denominator?: KpiTermSeed[];
  /** growth_vs_baseline only */
  baseline?: { previous: true } | { fiscalYear: number };
  /** what feeds it, in words */
  measureNote: Text;
}
export interface ActionItemSeed {
  code: string; // 'A1-1'
  title: Text; // the item's heading, e.g. 新規大卒及び中途採用者の人材確保支援
  plan2019: Text; // FY2019 action plan text (ja exactly as in the source, without the heading)
  plan2020: Text | null; // null when the source cell is blank
  target2021: Text; // FY2021 到達目標 text (ja exactly as in the source)
  division: Text; // e.g. { ja: '産業振興課', en: 'Industry Promotion Division' }
  kpis: KpiSeed[];
}
export interface ThemeSeed {
  code: string;
  name: Text;
  actionItems: ActionItemSeed[];
} // code 'A1'
export interface PillarSeed {
  code: string;
  name: Text;
  themes: ThemeSeed[];
} // code 'A'
export interface PlanSeed {
  name: Text;
  startFiscalYear: number;
  endFiscalYear: number;
  philosophy: Text;
  aims: Text[];
  policies: Text[];
  pillars: PillarSeed[];
}

const KINDS: readonly KpiKindSeed[] = [
  'cumulative',
  'per_fiscal_year',
  'ratio',
  'growth_vs_baseline',
  'level',
  'milestone',
];

/** A seed that has passed loadPlanSeed: the types above hold for every field it reads. */
export function loadPlanSeed(raw: unknown): PlanSeed {
  const problems: string[] = [];
  const seed = raw as PlanSeed;
  /** `source`: a text copied from the plan, which may be blank there (never missing) */
  const text = (t: Text | null | undefined, at: string, source: 'required' | 'blank ok' | 'nullable' = 'required') => {
    if (t === null && source === 'nullable') return;
    if (typeof t?.ja !== 'string' || typeof t.en !== 'string') problems.push(`${at}: needs ja and en text`);
    else if (source === 'required' && !t.ja) problems.push(`${at}: the Japanese text is empty`);
  };
  text(seed?.name, 'name');
  if (!Number.isInteger(seed?.startFiscalYear) || !Number.isInteger(seed?.endFiscalYear)) {
    problems.push('startFiscalYear/endFiscalYear: need whole years');
  } else if (seed.endFiscalYear < seed.startFiscalYear) problems.push('endFiscalYear: before startFiscalYear');
  const itemCodes = new Set<string>();
  const kpiCodes = new Set<string>();
  (seed?.pillars ?? []).forEach((p, pi) => {
    text(p.name, `pillars.${pi}.name`);
    (p.themes ?? []).forEach((t, ti) => {
      text(t.name, `pillars.${pi}.themes.${ti}.name`);
      (t.actionItems ?? []).forEach((a, ai) => {
        const at = `${a.code ?? `pillars.${pi}.themes.${ti}.actionItems.${ai}`}`;
        if (!a.code || itemCodes.has(a.code)) problems.push(`${at}: action item code missing or repeated`);
        itemCodes.add(a.code);
        text(a.title, `${at}.title`);
        text(a.plan2019, `${at}.plan2019`, 'blank ok');
        text(a.plan2020, `${at}.plan2020`, 'nullable');
        text(a.target2021, `${at}.target2021`, 'blank ok');
        text(a.division, `${at}.division`);
        (a.kpis ?? []).forEach((k, ki) => {
          const kat = `${at}.kpis.${k.code ?? ki}`;
          if (!k.code || kpiCodes.has(k.code)) problems.push(`${kat}: KPI code missing or repeated`);
          kpiCodes.add(k.code);
          text(k.label, `${kat}.label`);
          if (!KINDS.includes(k.kind)) problems.push(`${kat}.kind: one of ${KINDS.join(', ')}`);
          if (k.target !== null && typeof k.target !== 'number') problems.push(`${kat}.target: a number or null`);
          if (!k.numerator?.length) problems.push(`${kat}.numerator: at least one term`);
          if (k.kind === 'ratio' && !k.denominator?.length) problems.push(`${kat}.denominator: a ratio needs one`);
          if (k.kind === 'growth_vs_baseline' && !k.baseline) problems.push(`${kat}.baseline: growth needs one`);
        });
      });
    });
  });
  if (!itemCodes.size) problems.push('pillars: no action items');
  if (problems.length) throw new Error(`plan seed is invalid:\n  ${problems.join('\n  ')}`);
  return seed;
}

/** The seed plan every chamber starts with. */
export const PLAN_2019_2021: PlanSeed = loadPlanSeed(planData);
