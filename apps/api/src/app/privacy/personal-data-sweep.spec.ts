import { ERASED_NAME, erasedEmail, jsonEscaped, sweepTerms } from './personal-data-sweep';

describe('sweepTerms: what an erasure looks for in every text', () => {
  it('each value once, with its spacing variants, longest first; short and already erased values left out', () => {
    const terms = sweepTerms([
      '消去花',
      '消去 花子',
      '消去 花子',
      'a@example.com',
      '花',
      ' ',
      null,
      ERASED_NAME,
      erasedEmail('x'),
    ]);
    expect([...terms].sort()).toEqual(['a@example.com', '消去\u3000花子', '消去 花子', '消去花', '消去花子'].sort());
    expect(terms[0]).toBe('a@example.com');
    expect(terms.indexOf('消去花子')).toBeLessThan(terms.indexOf('消去花'));
  });

  it('JSON forms escape quotes and backslashes as JSON text does', () => {
    expect(jsonEscaped('O"Brien\\')).toBe('O\\"Brien\\\\');
    expect(jsonEscaped('消去 花子')).toBe('消去 花子');
  });
});
