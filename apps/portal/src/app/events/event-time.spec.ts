import {
  calendarWeeks,
  isoToTokyoLocal,
  monthRange,
  registrationOpen,
  shiftMonth,
  tokyoDateKey,
  tokyoLocalToIso,
  tokyoMonth,
} from './event-time';

describe('Tokyo times of events', () => {
  it('reads datetime-local values as Tokyo wall-clock time', () => {
    expect(tokyoLocalToIso('2026-05-01T10:00')).toBe('2026-05-01T10:00:00+09:00');
    expect(new Date(tokyoLocalToIso('2026-05-01T08:30')).toISOString()).toBe('2026-04-30T23:30:00.000Z');
    expect(tokyoLocalToIso('')).toBe('');
    expect(tokyoLocalToIso('not a date')).toBe('');
  });

  it('shows instants on the Tokyo wall clock, whatever offset they carry', () => {
    expect(isoToTokyoLocal('2026-04-30T23:30:00Z')).toBe('2026-05-01T08:30');
    expect(isoToTokyoLocal('2026-05-01T10:00:00+09:00')).toBe('2026-05-01T10:00');
    expect(isoToTokyoLocal(null)).toBe('');
    expect(isoToTokyoLocal(tokyoLocalToIso('2027-01-31T23:59'))).toBe('2027-01-31T23:59');
  });

  it('puts late-evening UTC instants on the next Tokyo day and month', () => {
    expect(tokyoDateKey('2026-03-31T15:00:00Z')).toBe('2026-04-01');
    expect(tokyoMonth('2026-03-31T15:00:00Z')).toBe('2026-04');
    expect(tokyoMonth('2026-03-31T14:59:59Z')).toBe('2026-03');
  });

  it('steps months across years and bounds them in Tokyo time', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-05', -17)).toBe('2024-12');
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01T00:00:00+09:00', to: '2027-01-01T00:00:00+09:00' });
  });

  it('lays a month out in Sunday-first weeks', () => {
    const weeks = calendarWeeks('2026-05'); // 1 May 2026 is a Friday
    expect(weeks[0][0]).toEqual({ date: '2026-04-26', day: 26, inMonth: false, weekday: 0 });
    expect(weeks[0][5]).toEqual({ date: '2026-05-01', day: 1, inMonth: true, weekday: 5 });
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    const days = weeks.flat().filter((d) => d.inMonth);
    expect(days).toHaveLength(31);
    expect(days[30].date).toBe('2026-05-31');
    expect(calendarWeeks('2026-02')).toHaveLength(4); // Feb 2026 starts on a Sunday and has 28 days
  });

  it('keeps registration open only inside the window, by default until the end', () => {
    const e = { startsAt: '2026-06-01T10:00:00+09:00', registrationClosesAt: '2026-05-25T17:00:00+09:00' };
    expect(registrationOpen(e, Date.parse('2026-05-25T07:59:00Z'))).toBe(true);
    expect(registrationOpen(e, Date.parse('2026-05-25T08:00:00Z'))).toBe(false);
    expect(registrationOpen({ startsAt: e.startsAt }, Date.parse('2026-05-31T00:00:00Z'))).toBe(true);
    const noWindow = { startsAt: '2026-06-01T10:00:00+09:00', endsAt: '2026-06-01T12:00:00+09:00' };
    expect(registrationOpen(noWindow, Date.parse('2026-06-01T02:59:00Z'))).toBe(true);
    expect(registrationOpen(noWindow, Date.parse('2026-06-01T03:00:00Z'))).toBe(false);
    expect(registrationOpen({ ...e, status: 'cancelled' }, Date.parse('2026-05-01T00:00:00Z'))).toBe(false);
    expect(
      registrationOpen({ ...e, registrationOpensAt: '2026-05-10T00:00:00+09:00' }, Date.parse('2026-05-01T00:00:00Z')),
    ).toBe(false);
  });
});
