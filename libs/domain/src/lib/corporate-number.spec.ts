import { corporateNumberCheckDigit, isValidCorporateNumber } from './corporate-number';

describe('corporate number (法人番号)', () => {
  it('accepts real corporate numbers', () => {
    // 国税庁 (National Tax Agency) and トヨタ自動車株式会社, as published
    expect(isValidCorporateNumber('7000012050002')).toBe(true);
    expect(isValidCorporateNumber('1180301018771')).toBe(true);
  });

  it('computes the check digit', () => {
    expect(corporateNumberCheckDigit('000012050002')).toBe(7);
  });

  it('rejects a wrong check digit, wrong length and non-digits', () => {
    expect(isValidCorporateNumber('8000012050002')).toBe(false);
    expect(isValidCorporateNumber('700001205000')).toBe(false);
    expect(isValidCorporateNumber('70000120500a2')).toBe(false);
  });
});
