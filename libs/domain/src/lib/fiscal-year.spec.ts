import {
  elapsedShare,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearOfDate,
  fiscalYearStart,
  upcomingGraduationYears,
} from './fiscal-year';
import { tokyoDate } from './tokyo-time';

describe('fiscal year (Asia/Tokyo, April start)', () => {
  it('puts the last second of March in the previous fiscal year and 1 April 00:00 in the new one', () => {
    expect(fiscalYearOf('2020-03-31T23:59:59+09:00')).toBe(2019);
    expect(fiscalYearOf('2020-04-01T00:00:00+09:00')).toBe(2020);
  });

  it('reads the instant in Tokyo, not in UTC', () => {
    // 2020-03-31T15:00Z is already 1 April in Tokyo
    expect(fiscalYearOf('2020-03-31T15:00:00Z')).toBe(2020);
    expect(fiscalYearOf('2020-03-31T14:59:59Z')).toBe(2019);
  });

  it('reads plain dates', () => {
    expect(fiscalYearOfDate('2020-04-01')).toBe(2020);
    expect(fiscalYearOfDate('2020-03-31')).toBe(2019);
    expect(fiscalYearOfDate('2021-12-31')).toBe(2021);
    expect(() => fiscalYearOfDate('2021/12/31')).toThrow(RangeError);
  });

  it('bounds a fiscal year by 1 April in Tokyo', () => {
    expect(fiscalYearStart(2019).toISOString()).toBe('2019-03-31T15:00:00.000Z');
    expect(fiscalYearEnd(2019).toISOString()).toBe('2020-03-31T15:00:00.000Z');
    expect(tokyoDate('2019-03-31T15:00:00.000Z')).toBe('2019-04-01');
  });

  it('measures the elapsed share of a window of fiscal years', () => {
    expect(elapsedShare(2019, 2021, new Date('2019-01-01T00:00:00Z'))).toBe(0);
    expect(elapsedShare(2019, 2021, new Date('2023-01-01T00:00:00Z'))).toBe(1);
    const oneYearIn = elapsedShare(2019, 2021, fiscalYearStart(2020));
    expect(oneYearIn).toBeGreaterThan(0.33);
    expect(oneYearIn).toBeLessThan(0.34);
  });

  it('offers graduation years from the March that closes the current Tokyo fiscal year', () => {
    expect(upcomingGraduationYears(3, new Date('2026-12-03T12:00:00+09:00'))).toEqual([2027, 2028, 2029]);
    // 31 March 2027 23:59 in Tokyo: that day's ceremony is still ahead of the form
    expect(upcomingGraduationYears(1, new Date('2027-03-31T23:59:00+09:00'))).toEqual([2027]);
    // 1 April 2027 00:00 in Tokyo (still 31 March in UTC): March 2027 is past
    expect(upcomingGraduationYears(2, new Date('2027-03-31T15:00:00Z'))).toEqual([2028, 2029]);
    expect(upcomingGraduationYears(0, new Date('2027-01-01T00:00:00Z'))).toEqual([]);
  });
});
