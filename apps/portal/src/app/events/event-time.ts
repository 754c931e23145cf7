/**
 * Times of events as the chamber sees them: always Asia/Tokyo, whatever the browser's zone.
 * `datetime-local` inputs hold Tokyo wall-clock time; the API gets ISO-8601 with +09:00.
 */
const TOKYO_OFFSET_MS = 9 * 3_600_000;

/** "2026-05-01T10:00" (Tokyo wall clock) → "2026-05-01T10:00:00+09:00"; '' for an empty or malformed value. */
export function tokyoLocalToIso(local: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local.trim());
  if (!match) return '';
  return `${match[1]}T${match[2]}:${match[3]}:00+09:00`;
}

/** An instant → "YYYY-MM-DDTHH:mm" on the Tokyo wall clock, for a `datetime-local` input. */
export function isoToTokyoLocal(instant: string | Date | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return '';
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) return '';
  return new Date(ms + TOKYO_OFFSET_MS).toISOString().slice(0, 16);
}

/** The Tokyo calendar date "YYYY-MM-DD" of an instant. */
export function tokyoDateKey(instant: string | Date | number): string {
  return new Date(new Date(instant).getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Tokyo month "YYYY-MM" of an instant (default: now). */
export function tokyoMonth(instant: string | Date | number = Date.now()): string {
  return tokyoDateKey(instant).slice(0, 7);
}

export function isMonth(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** "2026-12" + 1 → "2027-01". */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The instants bounding a Tokyo month, for `?from=&to=` (to is exclusive: the next month's first moment). */
export function monthRange(month: string): { from: string; to: string } {
  return { from: `${month}-01T00:00:00+09:00`, to: `${shiftMonth(month, 1)}-01T00:00:00+09:00` };
}

export interface CalendarDay {
  /** "YYYY-MM-DD" */
  date: string;
  day: number;
  inMonth: boolean;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

/** The weeks (Sunday first, as Japanese wall calendars) that show a month, padded with the neighbours' days. */
export function calendarWeeks(month: string): CalendarDay[][] {
  const [y, m] = month.split('-').map(Number);
  const first = Date.UTC(y, m - 1, 1);
  const start = first - new Date(first).getUTCDay() * 86_400_000;
  const nextMonth = Date.UTC(y, m, 1);
  const weeks: CalendarDay[][] = [];
  for (let t = start; t < nextMonth; ) {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++, t += 86_400_000) {
      const d = new Date(t);
      week.push({
        date: d.toISOString().slice(0, 10),
        day: d.getUTCDate(),
        inMonth: d.getUTCMonth() === m - 1,
        weekday: d.getUTCDay(),
      });
    }
    weeks.push(week);
  }
  return weeks;
}

/** Whether registration is open at `now`: inside the window; without a closing time, until the event ends. */
export function registrationOpen(
  e: {
    startsAt: string;
    endsAt?: string | null;
    registrationOpensAt?: string | null;
    registrationClosesAt?: string | null;
    status?: string;
  },
  now: number = Date.now(),
): boolean {
  if (e.status && e.status !== 'scheduled') return false;
  if (e.registrationOpensAt && now < new Date(e.registrationOpensAt).getTime()) return false;
  const closes = e.registrationClosesAt ?? e.endsAt ?? e.startsAt;
  return now < new Date(closes).getTime();
}
