import { kpiAttainment, milestoneStatusOf, readKpi } from './kpi-attainment';

describe('KPI attainment', () => {
  it('cumulative and per-year counts divide value by target', () => {
    expect(readKpi({ kind: 'cumulative', target: 300, numerator: 150, recorded: true, elapsed: 0.4 })).toEqual({
      value: 150,
      attainment: 0.5,
      status: 'on_track',
    });
    expect(readKpi({ kind: 'per_fiscal_year', target: 100, numerator: 20, recorded: true, elapsed: 0.5 }).status).toBe(
      'behind',
    );
    expect(readKpi({ kind: 'per_fiscal_year', target: 7, numerator: 7, recorded: true, elapsed: 0.1 }).status).toBe(
      'met',
    );
  });

  it('ratios are numerator over denominator, attainment against the target fraction', () => {
    const r = readKpi({ kind: 'ratio', target: 0.06, numerator: 3, denominator: 50, recorded: true, elapsed: 1 });
    expect(r.value).toBeCloseTo(0.06);
    expect(r.status).toBe('met');
    expect(readKpi({ kind: 'ratio', target: 0.06, numerator: 0, denominator: 0, recorded: false, elapsed: 1 })).toEqual(
      {
        value: null,
        attainment: null,
        status: 'not_started',
      },
    );
  });

  it('growth against a baseline: 1,030 over 1,000 is +3 % and meets +2 %', () => {
    const r = readKpi({
      kind: 'growth_vs_baseline',
      target: 0.02,
      numerator: 1030,
      denominator: 1000,
      recorded: true,
      elapsed: 1,
    });
    expect(r.value).toBeCloseTo(0.03);
    expect(r.attainment).toBeCloseTo(1.5);
    expect(r.status).toBe('met');
  });

  it('growth of 1,015 over 1,010 is about 0.5 % and does not meet +1 %', () => {
    const r = readKpi({
      kind: 'growth_vs_baseline',
      target: 0.01,
      numerator: 1015,
      denominator: 1010,
      recorded: true,
      elapsed: 1,
    });
    expect(r.value).toBeCloseTo(0.00495, 4);
    expect(r.status).toBe('behind');
  });

  it('shrinking gives zero attainment, not a negative one', () => {
    expect(kpiAttainment('growth_vs_baseline', -0.1, 0.01)).toBe(0);
  });

  it('a KPI without a target is counted but has no attainment', () => {
    expect(readKpi({ kind: 'per_fiscal_year', target: null, numerator: 12, recorded: true, elapsed: 0.5 })).toEqual({
      value: 12,
      attainment: null,
      status: 'no_target',
    });
  });

  it('milestones read their status value', () => {
    expect(readKpi({ kind: 'milestone', target: 1, numerator: 0.5, recorded: true, elapsed: 0.2 })).toEqual({
      value: 0.5,
      attainment: 0.5,
      status: 'on_track',
    });
    expect(milestoneStatusOf(1)).toBe('done');
    expect(milestoneStatusOf(0.5)).toBe('in_progress');
    expect(milestoneStatusOf(0)).toBe('not_started');
  });

  it('level KPIs compare the balance with the target', () => {
    expect(readKpi({ kind: 'level', target: 5000, numerator: 4500, recorded: true, elapsed: 0.95 }).status).toBe(
      'behind',
    );
  });

  it('nothing recorded is not started', () => {
    expect(readKpi({ kind: 'cumulative', target: 90, numerator: 0, recorded: false, elapsed: 0.5 }).status).toBe(
      'not_started',
    );
  });
});
