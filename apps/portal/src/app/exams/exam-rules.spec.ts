import type { ExamSitting } from '@chamber/contracts';
import { canApply, feeLabel, formatRate, fromTokyoInput, groupByMonth, toTokyoInput, tokyoToday } from './exam-rules';

const sitting = (id: string, startsAt: string, date: string, extra: Partial<ExamSitting> = {}) =>
  ({ id, startsAt, date, open: true, audience: 'public', ...extra }) as ExamSitting;

describe('exam page rules', () => {
  it('shows and reads datetime-local values in Tokyo time', () => {
    expect(toTokyoInput('2026-06-14T00:00:00.000Z')).toBe('2026-06-14T09:00');
    expect(toTokyoInput('2026-03-31T15:30:00.000Z')).toBe('2026-04-01T00:30');
    expect(toTokyoInput(null)).toBe('');
    expect(fromTokyoInput('2026-06-14T09:00')).toBe('2026-06-14T09:00:00+09:00');
    expect(fromTokyoInput('')).toBeNull();
  });

  it('groups sittings by the month of the exam day, in date order', () => {
    const groups = groupByMonth([
      sitting('b', '2026-07-05T00:00:00Z', '2026-07-05'),
      sitting('a', '2026-06-14T00:00:00Z', '2026-06-14'),
      sitting('c', '2026-06-30T15:30:00Z', '2026-07-01'),
    ]);
    expect(groups.map((g) => [g.month, g.sittings.map((s) => s.id)])).toEqual([
      ['2026-06', ['a']],
      ['2026-07', ['c', 'b']],
    ]);
  });

  it('lets anyone apply to open public sittings, members-only ones need sign-in', () => {
    expect(canApply(sitting('a', '', '', { audience: 'public' }), false)).toBe(true);
    expect(canApply(sitting('a', '', '', { audience: 'members' }), false)).toBe(false);
    expect(canApply(sitting('a', '', '', { audience: 'members' }), true)).toBe(true);
    expect(canApply(sitting('a', '', '', { open: false }), true)).toBe(false);
  });

  it('knows the Tokyo day and writes pass rates', () => {
    expect(tokyoToday(new Date('2026-03-31T15:30:00Z'))).toBe('2026-04-01');
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(null)).toBe('—');
  });

  it('says fees include tax in both languages', () => {
    expect(feeLabel(4720, 'ja')).toBe('4,720円（税込）');
    expect(feeLabel(4720, 'en')).toBe('¥4,720 (tax incl.)');
    expect(feeLabel(0, 'ja')).toBe('0円（税込）');
  });
});
