import type { RenderedMail } from '../mail/mail-intent';
import type { ExamApplication } from './entities/exam-application.entity';
import type { ExamSitting } from './entities/exam-sitting.entity';
import type { ExamType } from './entities/exam-type.entity';
import { gradeOf } from './exam-views';

const TOKYO = 'Asia/Tokyo';
const jaTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: TOKYO,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const enTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: TOKYO,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

function names(s: ExamSitting, type: ExamType) {
  const grade = gradeOf(type, s.gradeCode);
  return { ja: `${type.nameJa} ${grade.ja}`, en: `${type.nameEn}, ${grade.en}` };
}

/** Confirmation with the examinee number (Japanese first, English below). */
export function confirmationMail(
  a: ExamApplication,
  s: ExamSitting,
  type: ExamType,
  cancel: { token: string; url: string } | null,
): RenderedMail {
  const exam = names(s, type);
  const cancelJa = cancel
    ? `取消は申込締切（${jaTime.format(s.applicationClosesAt)}）まで次のURLから行えます:\n${cancel.url}`
    : `取消は申込締切（${jaTime.format(s.applicationClosesAt)}）までポータルの「申込履歴」から行えます。`;
  const cancelEn = cancel
    ? `You can cancel until ${enTime.format(s.applicationClosesAt)} (JST) at:\n${cancel.url}`
    : `You can cancel until ${enTime.format(s.applicationClosesAt)} (JST) under "My applications" in the portal.`;
  return {
    subject: `【受験申込受付】${exam.ja} 受験番号 ${a.examineeNumber} / Exam application received`,
    secrets: cancel ? [cancel.token] : [],
    text: [
      `${a.name} 様`,
      '',
      '検定試験のお申し込みを受け付けました。',
      '',
      `受験番号: ${a.examineeNumber}`,
      `試験: ${exam.ja}`,
      `日時: ${jaTime.format(s.startsAt)}`,
      `会場: ${s.venue}`,
      `受験料: ${a.fee.toLocaleString('ja-JP')}円`,
      '',
      '受験番号は当日の受付で必要です。このメールを保存してください。',
      cancelJa,
      '',
      '----',
      `Dear ${a.name},`,
      '',
      'Your exam application has been received.',
      '',
      `Examinee number: ${a.examineeNumber}`,
      `Exam: ${exam.en}`,
      `Date: ${enTime.format(s.startsAt)} (JST)`,
      `Venue: ${s.venue}`,
      `Fee: JPY ${a.fee.toLocaleString('en-US')}`,
      '',
      'Please keep this mail: you need the examinee number at the reception on the day.',
      cancelEn,
      '',
      '商工会議所 検定担当 / Chamber of Commerce, Certification Exams',
    ].join('\n'),
  };
}

export function cancellationMail(a: ExamApplication, s: ExamSitting, type: ExamType): RenderedMail {
  const exam = names(s, type);
  return {
    subject: `【受験申込取消】${exam.ja} 受験番号 ${a.examineeNumber} / Exam application cancelled`,
    text: [
      `${a.name} 様`,
      '',
      `次の検定試験のお申し込みを取り消しました: ${exam.ja}（${jaTime.format(s.startsAt)}、受験番号 ${a.examineeNumber}）`,
      '',
      '----',
      `Dear ${a.name},`,
      '',
      `Your application has been cancelled: ${exam.en} (${enTime.format(s.startsAt)} JST, examinee number ${a.examineeNumber}).`,
      '',
      '商工会議所 検定担当 / Chamber of Commerce, Certification Exams',
    ].join('\n'),
  };
}
