import { countChanges, diffPlans, type DiffItem } from './plan-diff';

const t = (ja: string, en = ja) => ({ ja, en });
const kpi = (
  code: string,
  target: number | null,
  extra: Partial<{ label: string; kind: string; unit: string }> = {},
) => ({
  code,
  label: t(extra.label ?? code),
  kind: extra.kind ?? 'cumulative',
  unit: extra.unit ?? '人',
  target,
});
const item = (code: string, kpis: DiffItem['kpis'], extra: Partial<{ title: string; division: string }> = {}) => ({
  code,
  title: t(extra.title ?? `title ${code}`),
  division: extra.division ?? '総務課',
  kpis,
});

describe('diffPlans', () => {
  const previous: DiffItem[] = [
    item('A1-1', [kpi('A1-1-students', 300), kpi('A1-1-rate', 0.06, { kind: 'ratio', unit: '%' })]),
    item('A1-2', [kpi('A1-2-trainees', 400)]),
    item('A1-3', [kpi('A1-3-managers', 90)]),
  ];

  it('finds nothing when the next plan is a plain continuation', () => {
    expect(diffPlans(previous, structuredClone(previous))).toEqual([]);
  });

  it('names a changed target with its old and new value, and ignores float noise', () => {
    const next = structuredClone(previous);
    next[0].kpis[0].target = 350;
    next[0].kpis[1].target = 0.06 + 1e-12;
    expect(diffPlans(previous, next)).toEqual([
      { type: 'kpi_target', itemCode: 'A1-1', kpiCode: 'A1-1-students', before: 300, after: 350 },
    ]);
  });

  it('sees a target dropped or set for the first time', () => {
    const next = structuredClone(previous);
    next[1].kpis[0].target = null;
    const back = diffPlans(next, previous);
    expect(diffPlans(previous, next)).toEqual([
      { type: 'kpi_target', itemCode: 'A1-2', kpiCode: 'A1-2-trainees', before: 400, after: null },
    ]);
    expect(back).toEqual([
      { type: 'kpi_target', itemCode: 'A1-2', kpiCode: 'A1-2-trainees', before: null, after: 400 },
    ]);
  });

  it('lists added and removed KPIs and items, the removed after the kept', () => {
    const next: DiffItem[] = [
      item('A1-1', [
        kpi('A1-1-students', 300),
        kpi('A1-1-rate', 0.06, { kind: 'ratio', unit: '%' }),
        kpi('A1-1-firms', 40),
      ]),
      item('A1-3', [kpi('A1-3-managers', 90)]),
      item('A1-4', [kpi('A1-4-experts', 5)]),
    ];
    expect(diffPlans(previous, next).map((c) => `${c.type} ${'kpiCode' in c ? c.kpiCode : c.itemCode}`)).toEqual([
      'kpi_added A1-1-firms',
      'item_added A1-4',
      'kpi_added A1-4-experts',
      'item_removed A1-2',
      'kpi_removed A1-2-trainees',
    ]);
  });

  it('sees a retitled item, a new division, a relabelled KPI, a new kind and unit', () => {
    const next = structuredClone(previous);
    next[0].title = t('合同就職説明会（拡充）', 'Joint job fair (extended)');
    next[2].division = '産業振興課';
    next[2].kpis[0] = kpi('A1-3-managers', 90, { label: '管理者研修 参加者数', kind: 'per_fiscal_year', unit: '名' });
    const changes = diffPlans(previous, next);
    expect(changes.map((c) => c.type)).toEqual([
      'item_retitled',
      'item_division',
      'kpi_relabelled',
      'kpi_kind',
      'kpi_unit',
    ]);
    expect(changes[1]).toEqual({ type: 'item_division', itemCode: 'A1-3', before: '総務課', after: '産業振興課' });
    expect(countChanges(changes)).toEqual({
      item_retitled: 1,
      item_division: 1,
      kpi_relabelled: 1,
      kpi_kind: 1,
      kpi_unit: 1,
    });
  });

  it('counts a KPI moved to another item as removed there and added here', () => {
    const next = structuredClone(previous);
    next[1].kpis = [...next[1].kpis, next[2].kpis[0]];
    next[2].kpis = [];
    expect(diffPlans(previous, next).map((c) => `${c.type} ${c.itemCode}`)).toEqual([
      'kpi_added A1-2',
      'kpi_removed A1-3',
    ]);
  });
});
