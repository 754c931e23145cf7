import {
  examResultCounts,
  examResultDeltas,
  examineeNumber,
  isPlausibleBirthDate,
  normalizePhone,
  parseExamResult,
  passRate,
  sittingCode,
} from './exams';

describe('exam rules', () => {
  it('numbers examinees by sitting code and arrival order', () => {
    expect(examineeNumber('BK2-260614', 1)).toBe('BK2-260614-0001');
    expect(examineeNumber('BK2-260614', 120)).toBe('BK2-260614-0120');
    expect(examineeNumber('BK2-260614', 12345)).toBe('BK2-260614-12345');
    expect(() => examineeNumber('X', 0)).toThrow(RangeError);
  });

  it('codes sittings by exam, grade and Tokyo day, with a letter for a second sitting that day', () => {
    expect(sittingCode('BK', '2', '2026-06-14', [])).toBe('BK2-260614');
    expect(sittingCode('BK', '2', '2026-06-14', ['BK2-260614'])).toBe('BK2-260614B');
    expect(sittingCode('BK', '2', '2026-06-14', ['BK2-260614', 'BK2-260614B'])).toBe('BK2-260614C');
    expect(() => sittingCode('BK', '2', '14/06/2026', [])).toThrow(RangeError);
  });

  it('counts passed and failed as sat, passed as a pass, absent as neither', () => {
    expect(examResultCounts('passed')).toEqual({ examinees: 1, passes: 1 });
    expect(examResultCounts('failed')).toEqual({ examinees: 1, passes: 0 });
    expect(examResultCounts('absent')).toEqual({ examinees: 0, passes: 0 });
    expect(examResultCounts(null)).toEqual({ examinees: 0, passes: 0 });
  });

  it('moves the counters by the difference when a result changes', () => {
    expect(examResultDeltas(null, 'passed')).toEqual({ examinees: 1, passes: 1 });
    expect(examResultDeltas('passed', 'absent')).toEqual({ examinees: -1, passes: -1 });
    expect(examResultDeltas('passed', 'failed')).toEqual({ examinees: 0, passes: -1 });
    expect(examResultDeltas('absent', 'failed')).toEqual({ examinees: 1, passes: 0 });
    expect(examResultDeltas('failed', 'failed')).toEqual({ examinees: 0, passes: 0 });
  });

  it('reads result words in English and Japanese, any width and case', () => {
    expect(parseExamResult('passed')).toBe('passed');
    expect(parseExamResult(' PASSED ')).toBe('passed');
    expect(parseExamResult('合格')).toBe('passed');
    expect(parseExamResult('不合格')).toBe('failed');
    expect(parseExamResult('欠席')).toBe('absent');
    expect(parseExamResult('ａｂｓｅｎｔ')).toBe('absent');
    expect(parseExamResult('maybe')).toBeNull();
    expect(parseExamResult('')).toBeNull();
  });

  it('gives a pass rate only when somebody sat', () => {
    expect(passRate(3, 4)).toBe(0.75);
    expect(passRate(0, 0)).toBeNull();
  });

  it('accepts real past birth dates only', () => {
    expect(isPlausibleBirthDate('2000-02-29', '2026-05-01')).toBe(true);
    expect(isPlausibleBirthDate('2001-02-29', '2026-05-01')).toBe(false);
    expect(isPlausibleBirthDate('2027-01-01', '2026-05-01')).toBe(false);
    expect(isPlausibleBirthDate('1850-01-01', '2026-05-01')).toBe(false);
    expect(isPlausibleBirthDate('2000/01/01', '2026-05-01')).toBe(false);
  });

  it('keeps plausible phone numbers in half-width digits', () => {
    expect(normalizePhone('042-753-1315')).toBe('042-753-1315');
    expect(normalizePhone('０９０ー１２３４ー５６７８')).toBe('090-1234-5678');
    expect(normalizePhone('+81 42 753 1315')).toBe('+81427531315');
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('call me')).toBeNull();
  });
});
