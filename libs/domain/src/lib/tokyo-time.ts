/**
 * Tokyo time, written once. Japan has had no daylight saving since 1951, so Tokyo is always UTC+9
 * and needs no time-zone database for arithmetic; Intl formats name the zone.
 */
export const TOKYO_TIME_ZONE = 'Asia/Tokyo';

export const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * The instant moved by Tokyo's offset, so that its UTC fields read Tokyo's wall clock (for date
 * arithmetic, and for Excel, whose dates have no zone): 2026-12-03T00:04Z becomes …T09:04Z.
 */
export function tokyoWallClock(instant: Date | string | number): Date {
  return new Date(new Date(instant).getTime() + TOKYO_OFFSET_MS);
}

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Tokyo. */
export function tokyoDate(instant: Date | string | number): string {
  return tokyoWallClock(instant).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD HH:mm' in Asia/Tokyo: how rosters, exports and mails write times. */
export function tokyoDateTime(instant: Date | string | number): string {
  const iso = tokyoWallClock(instant).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The instant of a Tokyo wall-clock time (HH:mm, 00:00 unless told) on a calendar date YYYY-MM-DD. */
export function tokyoAt(date: string, time = '00:00'): Date {
  return new Date(`${date}T${time}:00+09:00`);
}
