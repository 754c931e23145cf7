import { describe, expect, it } from '@jest/globals';
import type { KpiEvent, KpiReading } from '@chamber/contracts';
import { fiscalYearsOf, outcomeOf } from './kpi-events';

const reading = (id: string, value: number): KpiReading => ({
  id,
  code: `${id}-code`,
  actionItemCode: 'A1-6',
  pillarCode: 'A',
  division: '産業振興課',
  label: { ja: 'ヒアリング数', en: 'Hearings' },
  kind: 'per_fiscal_year',
  target: null,
  unit: '件',
  fiscalYear: 2026,
  value,
  numerator: value,
  denominator: null,
  attainment: null,
  status: 'no_target',
});

const event = (kpiId: string, fiscalYear: number, value: number): KpiEvent => ({
  kpiId,
  code: `${kpiId}-code`,
  actionItemCode: 'A1-6',
  fiscalYear,
  value,
  attainment: null,
  status: 'no_target',
  numerator: value,
  denominator: null,
});

const period = { startFiscalYear: 2025, endFiscalYear: 2027 };

describe('live KPI events', () => {
  const list = [reading('a', 5), reading('b', 1)];

  it('patches the KPI of the selected year and leaves the others alone', () => {
    const outcome = outcomeOf(list, event('a', 2026, 8), 2026, period);
    expect(outcome.kind).toBe('patched');
    if (outcome.kind !== 'patched') return;
    expect(outcome.kpis.map((k) => k.value)).toEqual([8, 1]);
    expect(outcome.kpis[1]).toBe(list[1]);
  });

  it('ignores KPIs it does not show and later or other-period years', () => {
    expect(outcomeOf(list, event('zzz', 2026, 8), 2026, period).kind).toBe('ignored');
    expect(outcomeOf(list, event('a', 2027, 8), 2026, period).kind).toBe('ignored');
    expect(outcomeOf(list, event('a', 2021, 8), 2026, period).kind).toBe('ignored');
  });

  it('asks for a refetch when an earlier year of the same period changes', () => {
    expect(outcomeOf(list, event('a', 2025, 8), 2026, period).kind).toBe('refetch');
  });

  it('lists the fiscal years the plans cover, newest first', () => {
    const plans = [
      { id: '1', name: { ja: '', en: '' }, startFiscalYear: 2019, endFiscalYear: 2021, continuedFromId: null },
      { id: '2', name: { ja: '', en: '' }, startFiscalYear: 2025, endFiscalYear: 2027, continuedFromId: '1' },
    ];
    expect(fiscalYearsOf(plans)).toEqual([2027, 2026, 2025, 2021, 2020, 2019]);
  });
});
