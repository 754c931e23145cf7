import type { ExamApplication as ExamApplicationView, ExamSitting as ExamSittingView } from '@chamber/contracts';
import { fiscalYearOf, tokyoDate } from '@chamber/domain';
import type { ExamApplication } from './entities/exam-application.entity';
import type { ExamSitting } from './entities/exam-sitting.entity';
import type { ExamGradeRecord, ExamType } from './entities/exam-type.entity';

export function gradeOf(type: ExamType, code: string): ExamGradeRecord {
  return type.grades.find((g) => g.code === code) ?? { code, short: code, ja: code, en: code };
}

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s,]+/g, '');

/** A grade given as its code (`2`), its Japanese name (`2級`, `２級`) or its English name (`Grade 2`). */
export function resolveGrade(type: ExamType, input: string): ExamGradeRecord | undefined {
  const key = squash(input);
  return type.grades.find((g) => squash(g.code) === key || squash(g.ja) === key || squash(g.en) === key);
}

export function toSittingView(s: ExamSitting, type: ExamType, now = new Date()): ExamSittingView {
  const grade = gradeOf(type, s.gradeCode);
  const seatsLeft = Math.max(0, s.capacity - s.appliedCount);
  return {
    id: s.id,
    code: s.code,
    exam: { code: type.code, name: { ja: type.nameJa, en: type.nameEn } },
    grade: grade.code,
    gradeName: { ja: grade.ja, en: grade.en },
    date: tokyoDate(s.startsAt),
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt ? s.endsAt.toISOString() : null,
    venue: s.venue,
    capacity: s.capacity,
    fee: s.fee,
    audience: s.audience,
    applicationClosesAt: s.applicationClosesAt.toISOString(),
    actionItemCode: s.actionItemCode,
    note: s.note,
    applicationsCount: s.appliedCount,
    seatsLeft,
    open: now.getTime() <= s.applicationClosesAt.getTime() && seatsLeft > 0,
    fiscalYear: fiscalYearOf(s.startsAt),
  };
}

export function toApplicationView(
  a: ExamApplication,
  s: ExamSitting,
  type: ExamType,
  company: string | null,
  now = new Date(),
): ExamApplicationView {
  const sitting = toSittingView(s, type, now);
  return {
    id: a.id,
    sittingId: a.sittingId,
    sitting: {
      code: sitting.code,
      exam: sitting.exam,
      grade: sitting.grade,
      gradeName: sitting.gradeName,
      date: sitting.date,
      startsAt: sitting.startsAt,
      venue: sitting.venue,
    },
    examineeNumber: a.examineeNumber,
    status: a.status,
    name: a.name,
    nameKana: a.nameKana,
    email: a.email,
    birthDate: a.birthDate,
    phone: a.phone,
    memberId: a.memberId,
    company,
    channel: a.channel,
    fee: a.fee,
    feeStatus: a.feeStatus,
    result: a.result,
    score: a.score,
    appliedAt: a.createdAt.toISOString(),
    cancelledAt: a.cancelledAt ? a.cancelledAt.toISOString() : null,
    resultRecordedAt: a.resultRecordedAt ? a.resultRecordedAt.toISOString() : null,
    cancellable: a.status === 'applied' && a.result === null && now.getTime() <= s.applicationClosesAt.getTime(),
  };
}
