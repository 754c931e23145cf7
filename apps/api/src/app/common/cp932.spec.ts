import { decode } from 'iconv-lite';
import { encodeCp932, toCp932Safe } from './cp932';

describe('CP932 encoding of roster text', () => {
  it('keeps what CP932 holds, including NEC and IBM extensions and question marks', () => {
    const text = '山田 太郎,ヤマダ タロウ,①髙橋?,ｶﾅ';
    const { buffer, replaced } = encodeCp932(text);
    expect(replaced).toBe(0);
    expect(decode(buffer, 'cp932')).toBe(text);
  });

  it('replaces characters outside CP932 with 〓 and counts them', () => {
    expect(toCp932Safe('𠮷野家 😀 ok?')).toEqual({ text: '〓野家 〓 ok?', replaced: 2 });
    const { buffer, replaced } = encodeCp932('𠮷田');
    expect(replaced).toBe(1);
    expect(decode(buffer, 'cp932')).toBe('〓田');
  });
});
