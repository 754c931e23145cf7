import planData from './plan-2019-2021.json';
import { loadPlanSeed, PLAN_2019_2021 } from './plan-seed';

describe('the plan seed', () => {
  it('loads the whole FY2019–FY2021 plan: 3 pillars, 35 action items, 42 KPIs', () => {
    const items = PLAN_2019_2021.pillars.flatMap((p) => p.themes.flatMap((t) => t.actionItems));
    expect(PLAN_2019_2021.pillars.map((p) => p.code)).toEqual(['A', 'B', 'C']);
    expect(items).toHaveLength(35);
    expect(items.flatMap((a) => a.kpis)).toHaveLength(42);
    expect(items[0]!.code).toBe('A1-1');
  });

  it('refuses a broken seed, naming the places at fault', () => {
    const broken = structuredClone(planData) as unknown as typeof PLAN_2019_2021;
    const item = broken.pillars[0]!.themes[0]!.actionItems[0]!;
    item.kpis[0]!.kind = 'sometimes' as never;
    broken.pillars[0]!.themes[0]!.actionItems[1]!.code = item.code;
    expect(() => loadPlanSeed(broken)).toThrow(
      /A1-1\.kpis\.[^:]+\.kind: one of[\s\S]*A1-1: action item code missing or repeated/,
    );
  });
});
