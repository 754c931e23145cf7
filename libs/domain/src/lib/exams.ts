/** Certification exams: examinee numbers, what a result counts, result words in CSV files. */

export type ExamResultValue = 'passed' | 'failed' | 'absent';

/** Examinee numbers are the sitting's code and the arrival order: `BK2-260614-0001`. */
export function examineeNumber(sittingCode: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`not an examinee sequence: ${seq}`);
  return `${sittingCode}-${String(seq).padStart(4, '0')}`;
}

/**
 * A sitting's code: exam prefix, grade, exam day (YYMMDD in Tokyo), and a letter when the same exam
 * and grade sit twice on one day (`BK2-260614`, `BK2-260614B`).
 */
export function sittingCode(prefix: string, gradeShort: string, tokyoDate: string, taken: readonly string[]): string {
  const m = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(tokyoDate);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${tokyoDate}`);
  const base = `${prefix}${gradeShort}-${m[1]}${m[2]}${m[3]}`;
  if (!taken.includes(base)) return base;
  for (let i = 1; i < 26; i++) {
    const candidate = `${base}${String.fromCharCode(65 + i)}`;
    if (!taken.includes(candidate)) return candidate;
  }
  throw new RangeError(`too many sittings of ${base}`);
}

/** What one result counts: sat the exam (passed or failed) and passed; absent counts neither. */
export function examResultCounts(result: ExamResultValue | null | undefined): { examinees: number; passes: number } {
  return {
    examinees: result === 'passed' || result === 'failed' ? 1 : 0,
    passes: result === 'passed' ? 1 : 0,
  };
}

/** How the counters move when a result changes (passed → absent: examinees −1, passes −1). */
export function examResultDeltas(
  before: ExamResultValue | null | undefined,
  after: ExamResultValue | null | undefined,
): { examinees: number; passes: number } {
  const a = examResultCounts(before);
  const b = examResultCounts(after);
  return { examinees: b.examinees - a.examinees, passes: b.passes - a.passes };
}

const RESULT_WORDS: Record<string, ExamResultValue> = {
  passed: 'passed',
  pass: 'passed',
  合格: 'passed',
  合: 'passed',
  failed: 'failed',
  fail: 'failed',
  不合格: 'failed',
  否: 'failed',
  absent: 'absent',
  欠席: 'absent',
  欠: 'absent',
};

/** A result as written in a results file (English or Japanese, any width or case); null if unknown. */
export function parseExamResult(text: string): ExamResultValue | null {
  const key = text.normalize('NFKC').trim().toLowerCase();
  return RESULT_WORDS[key] ?? null;
}

/** Passed over sat; null when nobody sat. */
export function passRate(passed: number, sat: number): number | null {
  return sat > 0 ? passed / sat : null;
}

/** A birth date as YYYY-MM-DD that exists in the calendar, in the past and not absurdly old. */
export function isPlausibleBirthDate(isoDate: string, today: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return false;
  return isoDate < today && y >= 1900;
}

/** A phone number as stored: half-width digits with the hyphens the person wrote; null if implausible. */
export function normalizePhone(input: string): string | null {
  const value = input
    .normalize('NFKC')
    .replace(/[ー‐−–—]/g, '-')
    .replace(/\s+/g, '');
  if (!/^\+?[0-9][0-9()-]*$/.test(value)) return null;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 15 ? value : null;
}
