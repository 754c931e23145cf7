import {
  corporateNumberQuery,
  mapImportHeader,
  memberSearchKey,
  membershipKpiDeltas,
  normalizeCorporateNumber,
  parseCalendarDate,
  parseWard,
  validateImportRow,
} from './member-rules';
import { searchKey } from './kana';

describe('member rules', () => {
  it('builds one search key over name and furigana that kana and width variants of a query find', () => {
    const key = memberSearchKey('相模原 テスト商事', 'サガミハラ テストショウジ', '7010001088960');
    expect(key).toBe('相模原テスト商事|サガミハラテストショウジ|7010001088960');
    for (const q of ['テストショウジ', 'てすとしょうじ', 'ﾃｽﾄｼｮｳｼﾞ', 'テスト 商事', '70100010'])
      expect(key).toContain(searchKey(q));
  });

  it('normalises corporate numbers and recognises digit-only queries', () => {
    expect(normalizeCorporateNumber('７０１０００１０８８９６０')).toBe('7010001088960');
    expect(normalizeCorporateNumber('7010-0010-88960')).toBe('7010001088960');
    expect(corporateNumberQuery(' 70100 ')).toBe('70100');
    expect(corporateNumberQuery('サガミ')).toBe('');
  });

  it('reads wards from codes and Japanese names', () => {
    expect(parseWard('midori')).toBe('midori');
    expect(parseWard('中央区')).toBe('chuo');
    expect(parseWard('相模原市南区')).toBe('minami');
    expect(parseWard('市外')).toBe('outside');
    expect(parseWard('港区')).toBeNull();
  });

  it('reads calendar dates as Excel writes them and refuses impossible ones', () => {
    expect(parseCalendarDate('2020-04-01')).toBe('2020-04-01');
    expect(parseCalendarDate('2020/4/1')).toBe('2020-04-01');
    expect(parseCalendarDate('２０２０年４月１日')).toBe('2020-04-01');
    expect(parseCalendarDate('2021-02-29')).toBeNull();
    expect(parseCalendarDate('April 1')).toBeNull();
  });

  it('maps English and Japanese headers, BOM tolerated, and names what is missing', () => {
    expect(
      mapImportHeader(['\uFEFFname', 'nameKana', 'corporateNumber', 'industry', 'ward', 'joinedOn']).missing,
    ).toEqual([]);
    const ja = mapImportHeader(['会社名', 'フリガナ', '法人番号', '業種', '区', '入会日', '備考']);
    expect(ja.columns).toEqual(['name', 'nameKana', 'corporateNumber', 'industry', 'ward', 'joinedOn', null]);
    expect(mapImportHeader(['会社名', '業種']).missing).toEqual(['nameKana', 'ward', 'joinedOn']);
  });

  it('validates an import row and lists every problem', () => {
    const ok = validateImportRow({
      name: 'テスト商事㈱',
      nameKana: 'てすとしょうじ',
      corporateNumber: '7010001088960',
      industry: '卸売業',
      ward: '緑区',
      joinedOn: '2020/4/1',
    });
    expect(ok.problems).toEqual([]);
    expect(ok.row).toEqual({
      name: 'テスト商事(株)',
      nameKana: 'テストショウジ',
      corporateNumber: '7010001088960',
      industry: '卸売業',
      ward: 'midori',
      joinedOn: '2020-04-01',
    });
    const bad = validateImportRow({
      name: '',
      nameKana: 'Test',
      corporateNumber: '7010001088961',
      ward: 'X',
      joinedOn: '2020-13-01',
    });
    expect(bad.row).toBeNull();
    expect(bad.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'name:required',
      'industry:required',
      'nameKana:katakana',
      'corporateNumber:corporateNumber',
      'ward:ward',
      'joinedOn:date',
    ]);
  });

  it('moves the membership counters by the fiscal year of each date', () => {
    expect(membershipKpiDeltas(null, { joinedOn: '2020-04-01', leftOn: null })).toEqual([
      { measure: 'members_joined', fiscalYear: 2020, delta: 1 },
    ]);
    expect(
      membershipKpiDeltas({ joinedOn: '2020-04-01', leftOn: null }, { joinedOn: '2020-04-01', leftOn: '2021-03-31' }),
    ).toEqual([{ measure: 'members_left', fiscalYear: 2020, delta: 1 }]);
    // a join date moved within its FY changes nothing; moved across FYs it moves the count
    expect(
      membershipKpiDeltas({ joinedOn: '2020-04-01', leftOn: null }, { joinedOn: '2021-03-31', leftOn: null }),
    ).toEqual([]);
    expect(
      membershipKpiDeltas({ joinedOn: '2020-03-31', leftOn: '2021-01-01' }, { joinedOn: '2020-04-01', leftOn: null }),
    ).toEqual([
      { measure: 'members_joined', fiscalYear: 2019, delta: -1 },
      { measure: 'members_joined', fiscalYear: 2020, delta: 1 },
      { measure: 'members_left', fiscalYear: 2020, delta: -1 },
    ]);
  });
});
