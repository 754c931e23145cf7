/** Japanese fiscal years start on 1 April in Asia/Tokyo (always UTC+9: tokyo-time.ts). */
import { TOKYO_OFFSET_MS, tokyoWallClock } from './tokyo-time';

/** The fiscal year (its starting calendar year) that contains an instant, read in Asia/Tokyo. */
export function fiscalYearOf(instant: Date | string | number): number {
  const tokyo = tokyoWallClock(instant);
  const year = tokyo.getUTCFullYear();
  return tokyo.getUTCMonth() >= 3 ? year : year - 1;
}

/** The fiscal year of a calendar date written as YYYY-MM-DD (a date in Tokyo, no time). */
export function fiscalYearOfDate(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  const year = Number(match[1]);
  return Number(match[2]) >= 4 ? year : year - 1;
}

/** First instant of a fiscal year: 1 April 00:00 Asia/Tokyo. */
export function fiscalYearStart(fiscalYear: number): Date {
  return new Date(Date.UTC(fiscalYear, 3, 1) - TOKYO_OFFSET_MS);
}

/** First instant after a fiscal year (exclusive end). */
export function fiscalYearEnd(fiscalYear: number): Date {
  return fiscalYearStart(fiscalYear + 1);
}

export function currentFiscalYear(now: Date = new Date()): number {
  return fiscalYearOf(now);
}

/**
 * Share (0..1) of the window of fiscal years [fromFy, toFy] that has elapsed at `now`.
 * A window wholly in the past is 1; one not yet begun is 0.
 */
export function elapsedShare(fromFy: number, toFy: number, now: Date = new Date()): number {
  const start = fiscalYearStart(fromFy).getTime();
  const end = fiscalYearEnd(toFy).getTime();
  const t = now.getTime();
  if (t <= start) return 0;
  if (t >= end) return 1;
  return (t - start) / (end - start);
}

/**
 * The March graduations (卒業年, the calendar year of the March ceremony) a public sign-up offers:
 * from the one that closes the current Tokyo fiscal year (in December 2026 that is March 2027; on
 * 31 March 2027 still 2027, from 1 April 2027 it is 2028), then the next ones — never one already past.
 */
export function upcomingGraduationYears(count: number, now: Date | string | number = new Date()): number[] {
  const first = fiscalYearOf(now) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => first + i);
}
