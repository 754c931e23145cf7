import fc from 'fast-check';
import { ageInDays, answerRate, daysToAnswer, median, medianDaysToAnswer } from './suggestion-stats';

describe('suggestion box figures', () => {
  it('counts elapsed days from receipt to answer, never negative', () => {
    expect(daysToAnswer('2026-04-01T00:00:00+09:00', '2026-04-03T12:00:00+09:00')).toBe(2.5);
    expect(daysToAnswer('2026-04-03T00:00:00Z', '2026-04-01T00:00:00Z')).toBe(0);
  });

  it('ages an open suggestion until now and an answered one until its answer, in whole days', () => {
    const now = new Date('2026-05-10T09:00:00+09:00');
    expect(ageInDays('2026-05-01T10:00:00+09:00', null, now)).toBe(8);
    expect(ageInDays('2026-05-01T10:00:00+09:00', '2026-05-02T09:00:00+09:00', now)).toBe(0);
  });

  it('takes the median of odd and even counts, and null for none', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  it('median days to answer ignores open suggestions and rounds to one decimal', () => {
    const r = '2026-04-01T00:00:00Z';
    expect(
      medianDaysToAnswer([
        { receivedAt: r, answeredAt: '2026-04-02T00:00:00Z' },
        { receivedAt: r, answeredAt: '2026-04-04T08:00:00Z' },
        { receivedAt: r, answeredAt: '2026-04-11T00:00:00Z' },
        { receivedAt: r, answeredAt: null },
      ]),
    ).toBe(3.3);
    expect(medianDaysToAnswer([{ receivedAt: r, answeredAt: null }])).toBeNull();
  });

  it('answer rate: 3 of 4 is 0.75; nothing received is null', () => {
    expect(answerRate(4, 3)).toBe(0.75);
    expect(answerRate(0, 0)).toBeNull();
  });

  it('the median lies between the smallest and the largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }), (values) => {
        const m = median(values)!;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });
});
