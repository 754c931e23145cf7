import { EntityManager } from 'typeorm';
import type { PlanView } from '@chamber/contracts';
import { ActionItem } from './entities/action-item.entity';
import { Kpi } from './entities/kpi.entity';
import { Pillar } from './entities/pillar.entity';
import { Plan } from './entities/plan.entity';
import { Theme } from './entities/theme.entity';
import type { PlanSeed } from './seed/plan-seed';

export interface PlanTree {
  plan: Plan;
  pillars: Pillar[];
  themes: Theme[];
  items: ActionItem[];
  kpis: Kpi[];
}

export async function loadPlanTree(manager: EntityManager, plan: Plan): Promise<PlanTree> {
  const where = { planId: plan.id };
  // one after another: the manager may be a transaction's single connection
  const pillars = await manager.find(Pillar, { where, order: { sort: 'ASC' } });
  const themes = await manager.find(Theme, { where, order: { sort: 'ASC' } });
  const items = await manager.find(ActionItem, { where, order: { sort: 'ASC' } });
  const kpis = await manager.find(Kpi, { where, order: { sort: 'ASC' } });
  return { plan, pillars, themes, items, kpis };
}

/** The tree as the API shows it. */
export function toPlanView(t: PlanTree, fiscalYear: number): PlanView {
  return {
    id: t.plan.id,
    name: { ja: t.plan.nameJa, en: t.plan.nameEn },
    startFiscalYear: t.plan.startFiscalYear,
    endFiscalYear: t.plan.endFiscalYear,
    continuedFromId: t.plan.continuedFromId,
    fiscalYear,
    pillars: t.pillars.map((p) => ({
      code: p.code,
      name: { ja: p.nameJa, en: p.nameEn },
      themes: t.themes
        .filter((th) => th.pillarId === p.id)
        .map((th) => ({
          code: th.code,
          name: { ja: th.nameJa, en: th.nameEn },
          actionItems: t.items
            .filter((a) => a.themeId === th.id)
            .map((a) => ({
              code: a.code,
              title: { ja: a.titleJa, en: a.titleEn },
              division: a.divisionJa,
              divisionLabel: { ja: a.divisionJa, en: a.divisionEn },
              plan2019: { ja: a.plan2019Ja, en: a.plan2019En },
              plan2020: a.plan2020Ja === null ? null : { ja: a.plan2020Ja, en: a.plan2020En ?? '' },
              target2021: { ja: a.target2021Ja, en: a.target2021En },
              kpis: t.kpis
                .filter((k) => k.actionItemId === a.id)
                .map((k) => ({
                  id: k.id,
                  code: k.code,
                  label: { ja: k.labelJa, en: k.labelEn },
                  kind: k.kind,
                  target: k.target,
                  unit: k.unit,
                  measureNote: { ja: k.measureNoteJa, en: k.measureNoteEn },
                })),
            })),
        })),
    })),
  };
}

/** A plan as a seed, so that continuing a plan is inserting a copy of it. */
export function toPlanSeed(t: PlanTree): PlanSeed {
  return {
    name: { ja: t.plan.nameJa, en: t.plan.nameEn },
    startFiscalYear: t.plan.startFiscalYear,
    endFiscalYear: t.plan.endFiscalYear,
    philosophy: t.plan.preamble.philosophy ?? { ja: '', en: '' },
    aims: t.plan.preamble.aims ?? [],
    policies: t.plan.preamble.policies ?? [],
    pillars: t.pillars.map((p) => ({
      code: p.code,
      name: { ja: p.nameJa, en: p.nameEn },
      themes: t.themes
        .filter((th) => th.pillarId === p.id)
        .map((th) => ({
          code: th.code,
          name: { ja: th.nameJa, en: th.nameEn },
          actionItems: t.items
            .filter((a) => a.themeId === th.id)
            .map((a) => ({
              code: a.code,
              title: { ja: a.titleJa, en: a.titleEn },
              plan2019: { ja: a.plan2019Ja, en: a.plan2019En },
              plan2020: a.plan2020Ja === null ? null : { ja: a.plan2020Ja, en: a.plan2020En ?? '' },
              target2021: { ja: a.target2021Ja, en: a.target2021En },
              division: { ja: a.divisionJa, en: a.divisionEn },
              kpis: t.kpis
                .filter((k) => k.actionItemId === a.id)
                .map((k) => ({
                  code: k.code,
                  label: { ja: k.labelJa, en: k.labelEn },
                  kind: k.kind,
                  target: k.target,
                  unit: k.unit,
                  window: k.ratioWindow ?? undefined,
                  numerator: k.numerator,
                  denominator: k.denominator ?? undefined,
                  baseline: k.baseline ?? undefined,
                  measureNote: { ja: k.measureNoteJa, en: k.measureNoteEn },
                })),
            })),
        })),
    })),
  };
}
