import {
  isOutcomeAllowed,
  katakanaToRomaji,
  outcomeMeasure,
  parseCheckInCode,
  registrationWindowState,
  seatClaim,
  isEarlyCheckIn,
  tokyoInstant,
} from './events';
import { tokyoDateTime } from './tokyo-time';

describe('seat claim', () => {
  it('seats as many as fit and waitlists the rest', () => {
    expect(seatClaim(3, 10, 8, 0)).toEqual({ seats: 2, waitlisted: 1 });
    expect(seatClaim(1, 10, 9, 0)).toEqual({ seats: 1, waitlisted: 0 });
    expect(seatClaim(1, 10, 10, 0)).toEqual({ seats: 0, waitlisted: 1 });
  });

  it('queues newcomers behind people already waiting', () => {
    expect(seatClaim(1, 10, 5, 2)).toEqual({ seats: 0, waitlisted: 1 });
  });

  it('never seats anyone when capacity was lowered below the seats taken', () => {
    expect(seatClaim(2, 5, 7, 0)).toEqual({ seats: 0, waitlisted: 2 });
  });
});

describe('registration window', () => {
  const base = {
    status: 'scheduled' as const,
    registrationOpensAt: null,
    registrationClosesAt: null,
    endsAt: '2026-06-01T18:00:00+09:00',
  };
  it('is open until the event ends when no closing time is set', () => {
    expect(registrationWindowState(base, new Date('2026-06-01T17:59:00+09:00'))).toBe('open');
    expect(registrationWindowState(base, new Date('2026-06-01T18:00:00+09:00'))).toBe('closed');
  });
  it('honours opening and closing times', () => {
    const w = {
      ...base,
      registrationOpensAt: '2026-05-01T09:00:00+09:00',
      registrationClosesAt: '2026-05-25T00:00:00+09:00',
    };
    expect(registrationWindowState(w, new Date('2026-04-30T23:00:00+09:00'))).toBe('not_open_yet');
    expect(registrationWindowState(w, new Date('2026-05-10T00:00:00+09:00'))).toBe('open');
    expect(registrationWindowState(w, new Date('2026-05-25T00:00:00+09:00'))).toBe('closed');
  });
  it('is shut for a cancelled event', () => {
    expect(registrationWindowState({ ...base, status: 'cancelled' }, new Date('2026-01-01'))).toBe('cancelled');
  });
});

describe('outcomes', () => {
  it('allows job offers at job fairs only', () => {
    expect(isOutcomeAllowed('job_fair', 'job_offer')).toBe(true);
    expect(isOutcomeAllowed('seminar', 'job_offer')).toBe(false);
    expect(isOutcomeAllowed('member_gathering', 'consultation')).toBe(false);
    expect(isOutcomeAllowed('job_fair', 'nonsense')).toBe(false);
    expect(outcomeMeasure('job_offer')).toBe('outcome:job_offer');
  });
});

describe('check-in codes', () => {
  it('reads the token from a bare code or a link', () => {
    expect(parseCheckInCode('  AbCdEfGhIjKlMnOpQrStUvWx \n')).toBe('AbCdEfGhIjKlMnOpQrStUvWx');
    expect(parseCheckInCode('https://portal.example.jp/check-in/AbCdEfGhIjKlMnOpQrStUvWx/')).toBe(
      'AbCdEfGhIjKlMnOpQrStUvWx',
    );
    expect(parseCheckInCode('short')).toBeNull();
    expect(parseCheckInCode('')).toBeNull();
  });
});

describe('Tokyo times', () => {
  it('writes instants in Asia/Tokyo', () => {
    expect(tokyoDateTime('2026-03-31T15:30:00Z')).toBe('2026-04-01 00:30');
  });
  it('reads a calendar date as the start (or end) of that Tokyo day', () => {
    expect(tokyoInstant('2026-04-01')?.toISOString()).toBe('2026-03-31T15:00:00.000Z');
    expect(tokyoInstant('2026-04-01', true)?.toISOString()).toBe('2026-04-01T15:00:00.000Z');
    expect(tokyoInstant('2026-04-01T10:00:00+09:00')?.toISOString()).toBe('2026-04-01T01:00:00.000Z');
    expect(tokyoInstant('not a date')).toBeNull();
  });
});

describe('katakana to romaji', () => {
  it('romanises names in Hepburn', () => {
    expect(katakanaToRomaji('ヤマダ タロウ')).toBe('Yamada Tarou');
    expect(katakanaToRomaji('キョウコ')).toBe('Kyouko');
    expect(katakanaToRomaji('ハットリ シンイチ')).toBe("Hattori Shin'ichi");
    expect(katakanaToRomaji('マッチャ')).toBe('Matcha');
    expect(katakanaToRomaji('サトー')).toBe('Satoo');
    expect(katakanaToRomaji('ｻﾄｳ')).toBe('Satou');
  });
});

describe('isEarlyCheckIn', () => {
  const now = new Date('2026-12-03T05:00:00Z'); // 14:00 in Tokyo
  it('is early before the event day in Tokyo, not later the same day or after', () => {
    expect(isEarlyCheckIn('2027-01-15T04:00:00Z', now)).toBe(true);
    expect(isEarlyCheckIn('2026-12-03T15:00:00Z', now)).toBe(true); // 00:00 on the 4th in Tokyo
    expect(isEarlyCheckIn('2026-12-03T14:59:00Z', now)).toBe(false); // 23:59 on the 3rd
    expect(isEarlyCheckIn('2026-12-02T23:00:00Z', now)).toBe(false); // 08:00 on the 3rd
    expect(isEarlyCheckIn('2026-11-30T01:00:00Z', now)).toBe(false);
  });
});
