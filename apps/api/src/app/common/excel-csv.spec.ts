import { decode, encode } from 'iconv-lite';
import { decodeExcelCsv, excelCsv } from './excel-csv';

describe('CSV for Japanese Excel', () => {
  const rows = [
    ['氏名', 'フリガナ', 'メモ'],
    ['𠮷田 花子', 'ヨシダ ハナコ', 'カンマ, と "引用符"'],
  ];

  it('writes UTF-8 with a BOM and CRLF lines, quoting what needs it', () => {
    const csv = excelCsv(rows, 'utf8');
    expect([...csv.buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.buffer.subarray(3).toString('utf8')).toBe(
      '氏名,フリガナ,メモ\r\n𠮷田 花子,ヨシダ ハナコ,"カンマ, と ""引用符"""\r\n',
    );
    expect(csv).toMatchObject({ replaced: 0, contentType: 'text/csv; charset=utf-8' });
  });

  it('writes CP932 with a character it cannot hold replaced by 〓 and counted', () => {
    const csv = excelCsv(rows, 'sjis');
    expect(csv).toMatchObject({ replaced: 1, contentType: 'text/csv; charset=Shift_JIS' });
    expect(decode(csv.buffer, 'cp932').split('\r\n')[1]).toBe('〓田 花子,ヨシダ ハナコ,"カンマ, と ""引用符"""');
  });

  it('reads back what Excel saves: UTF-8 with or without a BOM, else CP932', () => {
    const text = '受験番号,結果\r\nA-0001,合格\r\n';
    expect(decodeExcelCsv(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeExcelCsv(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeExcelCsv(encode(text, 'cp932'))).toEqual({ text, encoding: 'cp932' });
  });
});
