import { EntityManager } from 'typeorm';
import { ActionItem } from '../entities/action-item.entity';
import { Kpi } from '../entities/kpi.entity';
import { Pillar } from '../entities/pillar.entity';
import { Plan } from '../entities/plan.entity';
import { Theme } from '../entities/theme.entity';
import type { PlanSeed } from './plan-seed';

/** Writes a plan with every pillar, theme, action item and KPI. Runs in the caller's transaction. */
export async function insertPlan(
  manager: EntityManager,
  seed: PlanSeed,
  overrides: Partial<Pick<Plan, 'nameJa' | 'nameEn' | 'startFiscalYear' | 'endFiscalYear' | 'continuedFromId'>> = {},
): Promise<Plan> {
  const plan = await manager.save(
    manager.create(Plan, {
      nameJa: seed.name.ja,
      nameEn: seed.name.en,
      startFiscalYear: seed.startFiscalYear,
      endFiscalYear: seed.endFiscalYear,
      continuedFromId: null,
      preamble: { philosophy: seed.philosophy, aims: seed.aims, policies: seed.policies },
      ...overrides,
    }),
  );
  let kpiSort = 0;
  let itemSort = 0;
  for (const [pi, p] of seed.pillars.entries()) {
    const pillar = await manager.save(
      manager.create(Pillar, { planId: plan.id, code: p.code, nameJa: p.name.ja, nameEn: p.name.en, sort: pi }),
    );
    for (const [ti, t] of p.themes.entries()) {
      const theme = await manager.save(
        manager.create(Theme, {
          planId: plan.id,
          pillarId: pillar.id,
          code: t.code,
          nameJa: t.name.ja,
          nameEn: t.name.en,
          sort: ti,
        }),
      );
      for (const a of t.actionItems) {
        const item = await manager.save(
          manager.create(ActionItem, {
            planId: plan.id,
            themeId: theme.id,
            code: a.code,
            titleJa: a.title.ja,
            titleEn: a.title.en,
            plan2019Ja: a.plan2019.ja,
            plan2019En: a.plan2019.en,
            plan2020Ja: a.plan2020?.ja ?? null,
            plan2020En: a.plan2020?.en ?? null,
            target2021Ja: a.target2021.ja,
            target2021En: a.target2021.en,
            divisionJa: a.division.ja,
            divisionEn: a.division.en,
            sort: itemSort++,
          }),
        );
        if (a.kpis.length) {
          await manager.insert(
            Kpi,
            a.kpis.map((k) => ({
              planId: plan.id,
              actionItemId: item.id,
              actionItemCode: a.code,
              code: k.code,
              labelJa: k.label.ja,
              labelEn: k.label.en,
              kind: k.kind,
              target: k.target,
              unit: k.unit,
              ratioWindow: k.window ?? null,
              numerator: k.numerator,
              denominator: k.denominator ?? null,
              baseline: k.baseline ?? null,
              measureNoteJa: k.measureNote.ja,
              measureNoteEn: k.measureNote.en,
              sort: kpiSort++,
            })),
          );
        }
      }
    }
  }
  return plan;
}
