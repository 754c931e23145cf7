import { describe, expect, it } from '@jest/globals';
import type { KpiReading, KpiStatus } from '@chamber/contracts';
import { barPosition, filterKpis, isDashboardSort, sortKpis, statusCounts } from './dashboard-view';

const kpi = (code: string, status: KpiStatus, attainment: number | null, division = '総務課'): KpiReading => ({
  id: code,
  code,
  actionItemCode: code.slice(0, 4),
  pillarCode: code.slice(0, 1),
  division,
  label: { ja: code, en: code },
  kind: 'per_fiscal_year',
  target: attainment === null ? null : 10,
  unit: '件',
  fiscalYear: 2026,
  value: attainment === null ? 3 : attainment * 10,
  numerator: 0,
  denominator: null,
  attainment,
  status,
});

const list = [
  kpi('A1-1', 'met', 1.1, '中小企業相談所'),
  kpi('A1-2', 'behind', 0.2, '総務課'),
  kpi('B1-1', 'no_target', null, '産業振興課'),
  kpi('B1-2', 'on_track', 0.6, '総務課'),
  kpi('C1-1', 'behind', 0.1, '産業振興課'),
  kpi('C1-2', 'not_started', 0, '中小企業相談所'),
];

describe('dashboard view', () => {
  it('counts every status, zero included', () => {
    expect(statusCounts(list)).toEqual({ met: 1, on_track: 1, behind: 2, not_started: 1, no_target: 1 });
    expect(statusCounts([])).toEqual({ met: 0, on_track: 0, behind: 0, not_started: 0, no_target: 0 });
  });

  it('filters by division and status together', () => {
    expect(filterKpis(list, '', 'behind').map((k) => k.code)).toEqual(['A1-2', 'C1-1']);
    expect(filterKpis(list, '総務課', '').map((k) => k.code)).toEqual(['A1-2', 'B1-2']);
    expect(filterKpis(list, '総務課', 'behind').map((k) => k.code)).toEqual(['A1-2']);
    expect(filterKpis(list, '', '')).toHaveLength(list.length);
  });

  it('puts what is behind first, keeping the plan order among equals', () => {
    expect(sortKpis(list, 'status').map((k) => k.code)).toEqual(['A1-2', 'C1-1', 'C1-2', 'B1-2', 'A1-1', 'B1-1']);
  });

  it('orders by attainment from the lowest, KPIs without a target last', () => {
    expect(sortKpis(list, 'attainment').map((k) => k.code)).toEqual(['C1-2', 'C1-1', 'A1-2', 'B1-2', 'A1-1', 'B1-1']);
  });

  it('keeps the plan order and does not touch its input', () => {
    const copy = [...list];
    expect(sortKpis(list, 'plan').map((k) => k.code)).toEqual(copy.map((k) => k.code));
    sortKpis(list, 'status');
    expect(list).toEqual(copy);
  });

  it('groups by division', () => {
    const divisions = sortKpis(list, 'division').map((k) => k.division);
    expect(divisions).toEqual([...divisions].sort((a, b) => a.localeCompare(b, 'ja')));
  });

  it('places attainment on a scale to 120 % so the 100 % line shows and overshoot stops at the end', () => {
    expect(barPosition(1)).toBeCloseTo(83.33, 2);
    expect(barPosition(0.6)).toBe(50);
    expect(barPosition(3)).toBe(100);
    expect(barPosition(-0.5)).toBe(0);
    expect(barPosition(null)).toBe(0);
  });

  it('recognises only known sorts', () => {
    expect(isDashboardSort('status')).toBe(true);
    expect(isDashboardSort('colour')).toBe(false);
  });
});
