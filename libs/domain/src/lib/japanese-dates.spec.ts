import { japaneseDate, japaneseEraDate, westernJapaneseDate } from './japanese-dates';

describe('Japanese dates (和暦 and 西暦)', () => {
  it('writes the era and year of the Tokyo calendar day', () => {
    expect(japaneseEraDate('2026-12-03')).toBe('令和8年12月3日');
    expect(japaneseEraDate(new Date('2026-12-02T15:00:00Z'))).toBe('令和8年12月3日'); // 00:00 in Tokyo
    expect(japaneseEraDate(new Date('2026-12-02T14:59:59Z'))).toBe('令和8年12月2日');
  });

  it('writes an era’s first year as 元年, on the day the era changed', () => {
    expect(japaneseEraDate('2019-04-30')).toBe('平成31年4月30日');
    expect(japaneseEraDate('2019-05-01')).toBe('令和元年5月1日');
    expect(japaneseEraDate('2019-12-31')).toBe('令和元年12月31日');
    expect(japaneseEraDate('2020-01-01')).toBe('令和2年1月1日');
    expect(japaneseEraDate('1989-01-07')).toBe('昭和64年1月7日');
    expect(japaneseEraDate('1989-01-08')).toBe('平成元年1月8日');
  });

  it('writes western dates in Japanese, and picks the style asked for', () => {
    expect(westernJapaneseDate('2026-04-01')).toBe('2026年4月1日');
    expect(japaneseDate('2026-04-01', 'western')).toBe('2026年4月1日');
    expect(japaneseDate('2026-04-01', 'japanese_era')).toBe('令和8年4月1日');
  });

  it('refuses what is not a date', () => {
    expect(() => japaneseEraDate('not a date')).toThrow(RangeError);
  });
});
