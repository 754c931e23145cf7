import type { Language } from '@chamber/contracts';
import { greeting, MailContent, mailDateTime } from '../mail/mail-layout';
import type { ExamApplication } from './entities/exam-application.entity';
import type { ExamSitting } from './entities/exam-sitting.entity';
import type { ExamType } from './entities/exam-type.entity';
import { gradeOf } from './exam-views';

/** The words of the exam mails, one set per language. */
const T = {
  ja: {
    number: '受験番号',
    exam: '試験',
    when: '日時',
    venue: '会場',
    fee: '受験料',
    yen: (n: number) => `${n.toLocaleString('ja-JP')}円（税込）`,
    confirmedSubject: (exam: string, n: string) => `【受験申込受付】${exam} 受験番号 ${n}`,
    confirmed: '検定試験のお申し込みを受け付けました。',
    keep: '受験番号は当日の受付で必要です。このメールを保存してください。',
    cancelUntil: (d: string) => `取消は申込締切（${d}）まで次のリンクから行えます。`,
    cancelInPortal: (d: string) => `取消は申込締切（${d}）までポータルの「申込履歴」から行えます。`,
    cancelLink: 'お申し込みの取消はこちら',
    applications: '申込履歴',
    cancelledSubject: (exam: string, n: string) => `【受験申込取消】${exam} 受験番号 ${n}`,
    cancelled: '次の検定試験のお申し込みを取り消しました。',
  },
  en: {
    number: 'Examinee number',
    exam: 'Exam',
    when: 'Date',
    venue: 'Venue',
    fee: 'Fee',
    yen: (n: number) => `JPY ${n.toLocaleString('en-US')} (tax incl.)`,
    confirmedSubject: (exam: string, n: string) => `Exam application received: ${exam} (examinee number ${n})`,
    confirmed: 'Your exam application has been received.',
    keep: 'Please keep this mail: you need the examinee number at the reception on the day.',
    cancelUntil: (d: string) => `You can cancel until ${d} with the link below.`,
    cancelInPortal: (d: string) => `You can cancel until ${d} under "My applications" in the portal.`,
    cancelLink: 'To cancel your application',
    applications: 'My applications',
    cancelledSubject: (exam: string, n: string) => `Exam application cancelled: ${exam} (examinee number ${n})`,
    cancelled: 'Your application for the exam below has been cancelled.',
  },
} satisfies Record<Language, unknown>;

function examName(s: ExamSitting, type: ExamType, lang: Language): string {
  const grade = gradeOf(type, s.gradeCode);
  return lang === 'ja' ? `${type.nameJa} ${grade.ja}` : `${type.nameEn || type.nameJa}, ${grade.en}`;
}

function facts(a: ExamApplication, s: ExamSitting, type: ExamType, lang: Language) {
  const t = T[lang];
  return [
    { label: t.number, value: a.examineeNumber },
    { label: t.exam, value: examName(s, type, lang) },
    { label: t.when, value: mailDateTime(s.startsAt, lang) },
    { label: t.venue, value: s.venue },
  ];
}

/**
 * Confirmation with the examinee number and where to cancel: the link with its token for an
 * applicant without an account (token ''), the portal's applications page for the others.
 */
export function confirmationMail(
  a: ExamApplication,
  s: ExamSitting,
  type: ExamType,
  cancel: { token: string; url: string } | null,
  lang: Language,
): MailContent {
  const t = T[lang];
  const closes = mailDateTime(s.applicationClosesAt, lang);
  const byToken = Boolean(cancel?.token);
  return {
    subject: t.confirmedSubject(examName(s, type, lang), a.examineeNumber),
    greeting: greeting(a.name, lang),
    paragraphs: [t.confirmed],
    facts: [...facts(a, s, type, lang), { label: t.fee, value: t.yen(a.fee) }],
    closing: [t.keep, byToken ? t.cancelUntil(closes) : t.cancelInPortal(closes)],
    links: cancel ? [{ label: byToken ? t.cancelLink : t.applications, url: cancel.url }] : [],
    secrets: byToken ? [cancel!.token] : [],
  };
}

export function cancellationMail(a: ExamApplication, s: ExamSitting, type: ExamType, lang: Language): MailContent {
  const t = T[lang];
  return {
    subject: t.cancelledSubject(examName(s, type, lang), a.examineeNumber),
    greeting: greeting(a.name, lang),
    paragraphs: [t.cancelled],
    facts: facts(a, s, type, lang),
  };
}
