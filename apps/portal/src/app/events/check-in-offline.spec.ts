import type { CheckInRosterEntry } from '@chamber/contracts';
import { batches, retryDelay, searchRoster } from './check-in-offline';

const entry = (name: string, nameKana: string): CheckInRosterEntry => ({
  registrationId: name,
  name,
  nameKana,
  company: null,
  status: 'registered',
  checkedInAt: null,
  tokenHash: '',
});

describe('offline check-in helpers', () => {
  const roster = [entry('山田 太郎', 'ヤマダ タロウ'), entry('佐藤 花子', 'サトウ ハナコ')];

  it('finds people by furigana in hiragana, katakana or half-width, and by name', () => {
    expect(searchRoster(roster, 'やまだ').map((e) => e.name)).toEqual(['山田 太郎']);
    expect(searchRoster(roster, 'ｻﾄｳ').map((e) => e.name)).toEqual(['佐藤 花子']);
    expect(searchRoster(roster, '花子').map((e) => e.name)).toEqual(['佐藤 花子']);
    expect(searchRoster(roster, '  ')).toEqual([]);
  });

  it('sends at most 500 items a request and backs off up to 30 s', () => {
    expect(batches(Array.from({ length: 1001 }, (_, i) => i)).map((b) => b.length)).toEqual([500, 500, 1]);
    expect([1, 2, 3, 10].map(retryDelay)).toEqual([2000, 4000, 8000, 30000]);
  });
});
