import { atPace, linearProjection, projectKpi } from './kpi-projection';

describe('KPI projection (linear, at the pace so far)', () => {
  it('fits a straight line through the years and reads it at the period end', () => {
    const line = [
      { fiscalYear: 2022, value: 10 },
      { fiscalYear: 2023, value: 20 },
      { fiscalYear: 2024, value: 30 },
    ];
    expect(linearProjection(line, 2026)).toBeCloseTo(50);
    // least squares, not the last two points: 10, 30, 20 → slope 5, mean 20 at 2023
    expect(
      linearProjection(
        [
          { fiscalYear: 2022, value: 10 },
          { fiscalYear: 2023, value: 30 },
          { fiscalYear: 2024, value: 20 },
        ],
        2026,
      ),
    ).toBeCloseTo(35);
  });

  it('keeps one point flat, skips years without a value, and answers null with none', () => {
    expect(linearProjection([{ fiscalYear: 2022, value: 7 }], 2026)).toBe(7);
    expect(
      linearProjection(
        [
          { fiscalYear: 2022, value: null },
          { fiscalYear: 2023, value: 4 },
        ],
        2026,
      ),
    ).toBe(4);
    expect(linearProjection([{ fiscalYear: 2022, value: null }], 2026)).toBeNull();
  });

  it('reads a running year at its pace', () => {
    expect(atPace('per_fiscal_year', 30, null, 0.5)).toBe(60);
    expect(atPace('cumulative', 130, 100, 0.5)).toBe(160);
    expect(atPace('ratio', 0.4, 0.2, 0.5)).toBe(0.4);
    expect(atPace('per_fiscal_year', 30, null, 1)).toBe(30);
  });

  it('says whether the target will be met at the end of the period', () => {
    const years = [
      { fiscalYear: 2019, value: 100 },
      { fiscalYear: 2020, value: 200 },
    ];
    expect(projectKpi({ kind: 'cumulative', target: 300 }, years, 2021)).toEqual({
      fiscalYear: 2021,
      value: 300,
      attainment: 1,
      willMeetTarget: true,
    });
    expect(projectKpi({ kind: 'cumulative', target: 400 }, years, 2021).willMeetTarget).toBe(false);
    // half of FY2020 gone with 150 reached: at that pace 100 + 50 / 0.5 = 200 by its end
    expect(
      projectKpi(
        { kind: 'cumulative', target: 300 },
        [
          { fiscalYear: 2019, value: 100 },
          { fiscalYear: 2020, value: 150 },
        ],
        2021,
        0.5,
      ).value,
    ).toBeCloseTo(300);
    expect(projectKpi({ kind: 'per_fiscal_year', target: null }, years, 2021)).toMatchObject({
      value: 300,
      attainment: null,
      willMeetTarget: null,
    });
  });
});
