import { describe, expect, it } from '@jest/globals';
import { cappedPercent, formatAttainment, formatKpiValue, formatTarget, milestoneOf, unitLabel } from './kpi-format';

describe('KPI formatting', () => {
  it('shows counts with grouping and ratios and growth as percentages', () => {
    expect(formatKpiValue('cumulative', 9000, 'ja-JP')).toBe('9,000');
    expect(formatKpiValue('ratio', 0.0625, 'en-US')).toBe('6.3%');
    expect(formatKpiValue('growth_vs_baseline', 0.012, 'en-US')).toBe('+1.2%');
    expect(formatKpiValue('growth_vs_baseline', -0.05, 'en-US')).toBe('-5%');
    expect(formatKpiValue('per_fiscal_year', null, 'ja-JP')).toBe('—');
  });

  it('writes targets with their unit, in the language of the page', () => {
    expect(formatTarget('cumulative', 300, '人', 'ja', 'ja-JP')).toBe('300人');
    expect(formatTarget('cumulative', 300, '人', 'en', 'en-US')).toBe('300 people');
    expect(formatTarget('ratio', 1 / 3, '%', 'ja', 'ja-JP')).toBe('33.3%');
    expect(formatTarget('growth_vs_baseline', 0.01, '%', 'en', 'en-US')).toBe('+1%');
    expect(formatTarget('per_fiscal_year', null, '件', 'ja', 'ja-JP')).toBeNull();
    expect(formatTarget('cumulative', 300, 'persons', 'ja', 'ja-JP')).toBe('300人');
    expect(formatTarget('per_fiscal_year', 10, 'events', 'en', 'en-US')).toBe('10 events');
    expect(unitLabel('events', 'en', 1)).toBe('event');
    expect(unitLabel('count', 'en', 3)).toBe('');
    expect(unitLabel('謎の単位', 'en')).toBe('謎の単位');
  });

  it('shows attainment as it is but caps the bar at 100 %', () => {
    expect(formatAttainment(1.5, 'en-US')).toBe('150%');
    expect(cappedPercent(1.5)).toBe(100);
    expect(cappedPercent(0.42)).toBeCloseTo(42);
    expect(cappedPercent(null)).toBe(0);
    expect(formatAttainment(null, 'en-US')).toBeNull();
  });

  it('reads milestone values', () => {
    expect(milestoneOf(0)).toBe('not_started');
    expect(milestoneOf(0.5)).toBe('in_progress');
    expect(milestoneOf(1)).toBe('done');
    expect(milestoneOf(0, 'done')).toBe('done');
  });
});
