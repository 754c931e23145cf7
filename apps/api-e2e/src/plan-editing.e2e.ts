import type { ActionItemEdit, KpiDefinition, PlanSummary, PlanView } from '@chamber/contracts';
import { diffPlans, type DiffItem } from '@chamber/domain';
import { call, login, RunningServer, startServer } from './support/server';

/** The action items of a plan as the diff reads them. */
function itemsOf(plan: PlanView): DiffItem[] {
  return plan.pillars.flatMap((p) =>
    p.themes.flatMap((t) =>
      t.actionItems.map((a) => ({
        code: a.code,
        title: a.title,
        division: a.division,
        kpis: a.kpis.map((k) => ({ code: k.code, label: k.label, kind: k.kind, unit: k.unit, target: k.target })),
      })),
    ),
  );
}

/**
 * Editing the next plan: continue the plan in force into a new period, change an item's title and
 * division, a KPI's target, add a KPI; the previous plan is untouched and the diff lists exactly that.
 */
describe('editing the next plan', () => {
  let server: RunningServer;
  let admin: string;
  let staff: string;
  let manager: string;
  beforeAll(async () => {
    server = await startServer({ env: { PUBLIC_RATE_LIMIT: '0', LOG_LEVEL: 'warn' } });
    [admin, staff, manager] = await Promise.all(
      ['admin@example.jp', 'staff@example.jp', 'manager@example.jp'].map(
        async (e) => (await login(server.api, e)).accessToken,
      ),
    );
  });
  afterAll(() => server.stop());

  it('changes items and KPIs of the continued plan only, audited, and the diff names every change', async () => {
    const plans = (await call<PlanSummary[]>(server.api, 'GET', '/plans', { token: staff })).body;
    const latest = [...plans].sort((a, b) => b.endFiscalYear - a.endFiscalYear)[0]!;
    const start = latest.endFiscalYear + 1;
    const continued = await call<PlanView>(server.api, 'POST', `/plans/${latest.id}/continue`, {
      token: admin,
      body: { startFiscalYear: start },
    });
    expect(continued.status).toBe(201);
    const next = continued.body;
    const before = (
      await call<PlanView>(server.api, 'GET', `/plan?fiscalYear=${latest.startFiscalYear}`, { token: staff })
    ).body;
    expect(diffPlans(itemsOf(before), itemsOf(next))).toEqual([]);

    const item = itemsOf(next).find((i) => i.kpis.some((k) => k.target !== null))!;
    const kpi = next.pillars
      .flatMap((p) => p.themes.flatMap((t) => t.actionItems))
      .find((a) => a.code === item.code)!
      .kpis.find((k) => k.target !== null)!;

    // the title and division of an item
    const title = { ja: `${item.title.ja}（拡充）`, en: `${item.title.en} (extended)` };
    const edited = await call<ActionItemEdit>(server.api, 'PATCH', `/plans/${next.id}/items/${item.code}`, {
      token: staff,
      body: { title, division: { ja: '産業振興課', en: 'Industry Promotion Division' } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual({
      code: item.code,
      title,
      division: '産業振興課',
      divisionLabel: { ja: '産業振興課', en: 'Industry Promotion Division' },
    });

    // a target, and a new KPI
    const target = (kpi.target ?? 0) + 50;
    expect((await call(server.api, 'PATCH', `/kpis/${kpi.id}`, { token: staff, body: { target } })).status).toBe(200);
    const added = await call<KpiDefinition>(server.api, 'POST', `/plans/${next.id}/kpis`, {
      token: staff,
      body: {
        actionItemCode: item.code,
        code: `${item.code}-companies`,
        label: { ja: '参加企業数', en: 'Participating companies' },
        kind: 'per_fiscal_year',
        target: 40,
        unit: 'companies',
        numerator: [{ measure: 'attendance' }],
      },
    });
    expect(added.status).toBe(201);

    const after = (await call<PlanView>(server.api, 'GET', `/plan?fiscalYear=${start}`, { token: staff })).body;
    const changes = diffPlans(itemsOf(before), itemsOf(after));
    expect(changes).toEqual([
      { type: 'item_retitled', itemCode: item.code, before: item.title, after: title },
      ...(item.division === '産業振興課'
        ? []
        : [{ type: 'item_division', itemCode: item.code, before: item.division, after: '産業振興課' }]),
      { type: 'kpi_target', itemCode: item.code, kpiCode: kpi.code, before: kpi.target, after: target },
      {
        type: 'kpi_added',
        itemCode: item.code,
        kpiCode: `${item.code}-companies`,
        label: { ja: '参加企業数', en: 'Participating companies' },
        target: 40,
      },
    ]);

    // the previous plan reads as it did
    const previousNow = (
      await call<PlanView>(server.api, 'GET', `/plan?fiscalYear=${latest.startFiscalYear}`, { token: staff })
    ).body;
    expect(itemsOf(previousNow)).toEqual(itemsOf(before));

    const audit = await server.sql<{ action: string; actor_role: string }>(
      `SELECT action, actor_role FROM audit_log WHERE action = 'PATCH /api/plans/:id/items/:code'`,
    );
    expect(audit).toEqual([{ action: 'PATCH /api/plans/:id/items/:code', actor_role: 'staff' }]);
  });

  it('refuses bad edits, naming the field, and writes nothing', async () => {
    const plan = (await call<PlanView>(server.api, 'GET', '/plan', { token: staff })).body;
    const item = plan.pillars[0]!.themes[0]!.actionItems[0]!;
    const path = `/plans/${plan.id}/items/${item.code}`;
    const fieldsOf = (body: unknown) =>
      ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field.split('.')[0]);

    const empty = await call(server.api, 'PATCH', path, { token: staff, body: {} });
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty.body)).toContain('title');

    const blank = await call(server.api, 'PATCH', path, { token: staff, body: { title: { ja: '', en: 'x' } } });
    expect(blank.status).toBe(400);
    expect(fieldsOf(blank.body)).toContain('title');

    const long = await call(server.api, 'PATCH', path, {
      token: staff,
      body: { division: { ja: 'あ'.repeat(201), en: 'x' } },
    });
    expect(long.status).toBe(400);
    expect(fieldsOf(long.body)).toContain('division');

    const unknown = await call<{ code: string }>(server.api, 'PATCH', `/plans/${plan.id}/items/Z9-99`, {
      token: staff,
      body: { title: { ja: 'x', en: 'x' } },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('action_item_not_found');

    const byManager = await call(server.api, 'PATCH', path, { token: manager, body: { title: { ja: 'x', en: 'x' } } });
    expect(byManager.status).toBe(403);

    const now = (await call<PlanView>(server.api, 'GET', '/plan', { token: staff })).body;
    expect(now.pillars[0]!.themes[0]!.actionItems[0]!.title).toEqual(item.title);
  });
});
