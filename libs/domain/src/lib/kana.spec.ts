import { isKatakanaName, normalizeFurigana, searchKey, toKatakana } from './kana';

describe('kana', () => {
  it('turns hiragana and half-width katakana into full-width katakana', () => {
    expect(toKatakana('さがみはら')).toBe('サガミハラ');
    expect(toKatakana('ｻｶﾞﾐﾊﾗ')).toBe('サガミハラ');
  });

  it('normalises furigana spacing', () => {
    expect(normalizeFurigana(' やまだ\u3000 たろう ')).toBe('ヤマダ タロウ');
  });

  it('accepts katakana names and refuses kanji or latin', () => {
    expect(isKatakanaName('ヤマダ タロウ')).toBe(true);
    expect(isKatakanaName('やまだ たろう')).toBe(true);
    expect(isKatakanaName('山田')).toBe(false);
    expect(isKatakanaName('Yamada')).toBe(false);
    expect(isKatakanaName('  ')).toBe(false);
  });

  it('makes one search key for all spellings', () => {
    const key = searchKey('サガミ ハラ');
    expect(searchKey('さがみはら')).toBe(key);
    expect(searchKey('ｻｶﾞﾐﾊﾗ')).toBe(key);
    expect(searchKey('ＡＢＣ商事')).toBe(searchKey('abc 商事'));
  });
});
