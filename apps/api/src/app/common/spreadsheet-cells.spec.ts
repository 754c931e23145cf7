import { spreadsheetCell, spreadsheetRow, spreadsheetText } from './spreadsheet-cells';

describe('spreadsheet cells never run as formulas', () => {
  it.each([
    '=HYPERLINK("http://x","詳細")',
    '=1+2',
    '+1',
    '-1+1',
    '@SUM(1)',
    '\t=1',
    '\r=1',
    '  =1+2',
    '\u3000=1+2',
    '＝1+2',
    '＋81',
    '－1',
    '＠SUM(1)',
  ])('prefixes %j with an apostrophe', (value) => {
    expect(spreadsheetText(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text, numbers and already neutralised cells alone', () => {
    expect(spreadsheetText('相模原 花子')).toBe('相模原 花子');
    expect(spreadsheetText('a=b')).toBe('a=b');
    expect(spreadsheetText(null)).toBe('');
    expect(spreadsheetCell(-1)).toBe(-1);
    expect(spreadsheetText(spreadsheetText('=1'))).toBe("'=1");
    expect(spreadsheetRow(['=1', 2, null, undefined, 'x'])).toEqual(["'=1", 2, '', '', 'x']);
  });
});
