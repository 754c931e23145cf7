import { describe, expect, it } from '@jest/globals';
import type { ActionItemView, PlanView } from '@chamber/contracts';
import { countPlan, filterPlan, queryTerms } from './plan-filter';

const t = (ja: string, en = ja) => ({ ja, en });

function item(code: string, title: string, kpiLabel: string): ActionItemView {
  return {
    code,
    title: t(title, `${code} title`),
    division: '経営支援課',
    divisionLabel: t('経営支援課', 'Management Support'),
    plan2019: t('個別相談を実施', 'Individual consultations'),
    plan2020: null,
    target2021: t('目標の達成', 'Reach the target'),
    kpis: [
      {
        id: `${code}-k`,
        code: `${code}-kpi`,
        label: t(kpiLabel),
        kind: 'cumulative',
        target: 50,
        unit: '人',
        measureNote: t(''),
      },
    ],
  };
}

const plan: PlanView = {
  id: 'p',
  name: t('計画'),
  startFiscalYear: 2019,
  endFiscalYear: 2021,
  continuedFromId: null,
  fiscalYear: 2019,
  pillars: [
    {
      code: 'A',
      name: t('会員企業の繁栄', 'Prosperity'),
      themes: [
        {
          code: 'A1',
          name: t('人材'),
          actionItems: [item('A1-6', '外国人材', 'ヒアリング数'), item('A1-9', '創業支援', '創業支援者数')],
        },
      ],
    },
    {
      code: 'C',
      name: t('活動強化'),
      themes: [{ code: 'C1', name: t('組織'), actionItems: [item('C1-9', '会員増強', '会員数')] }],
    },
  ],
};

describe('plan filter', () => {
  it('keeps the whole plan for an empty query', () => {
    expect(filterPlan(plan, queryTerms('  '))).toBe(plan.pillars);
    expect(countPlan(plan.pillars)).toEqual({ pillars: 2, themes: 2, items: 3, kpis: 3 });
  });

  it('finds an item by code, case-insensitively', () => {
    const found = filterPlan(plan, queryTerms('a1-9'));
    expect(countPlan(found).items).toBe(1);
    expect(found[0].themes[0].actionItems[0].code).toBe('A1-9');
  });

  it('matches hiragana against katakana and full-width against half-width', () => {
    expect(countPlan(filterPlan(plan, queryTerms('ひありんぐ'))).items).toBe(1);
    expect(countPlan(filterPlan(plan, queryTerms('Ａ１－６'))).items).toBe(1);
  });

  it('requires every term and searches English texts too', () => {
    expect(countPlan(filterPlan(plan, queryTerms('創業 A1-9'))).items).toBe(1);
    expect(countPlan(filterPlan(plan, queryTerms('創業 C1'))).items).toBe(0);
    expect(countPlan(filterPlan(plan, queryTerms('management support'))).items).toBe(3);
  });

  it('keeps every item of a pillar whose name matches', () => {
    const found = filterPlan(plan, queryTerms('prosperity'));
    expect(countPlan(found)).toEqual({ pillars: 1, themes: 1, items: 2, kpis: 2 });
  });
});
