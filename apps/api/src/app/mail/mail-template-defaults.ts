import type { Language, MailTemplateKind } from '@chamber/contracts';

/**
 * The default subject and body of each editable mail, as templates: what the renderers write when
 * no template is stored (event-mails.ts, reminders.service.ts). Shown to staff as the starting point
 * and restored by a reset.
 */
export const MAIL_TEMPLATE_DEFAULTS: Record<MailTemplateKind, Record<Language, { subject: string; body: string }>> = {
  registration_confirmed: {
    ja: {
      subject: '【お申込み受付】{{ eventTitle }}',
      body: 'お申込みを受け付けました。当日は添付のQRコードを受付でご提示ください。\n\n添付のカレンダーファイル（.ics）で予定に追加できます。',
    },
    en: {
      subject: 'Registration confirmed: {{ eventTitle }}',
      body: 'Your registration is confirmed. Please show the attached QR code at the reception desk.\n\nThe attached calendar file (.ics) adds the event to your calendar.',
    },
  },
  registration_waitlisted: {
    ja: {
      subject: '【キャンセル待ち受付】{{ eventTitle }}',
      body: '定員に達しているため、キャンセル待ち（{{ waitlistPosition }}番目）として受け付けました。繰り上がりの際はメールでお知らせします。',
    },
    en: {
      subject: 'You are on the waitlist: {{ eventTitle }}',
      body: 'The event is full: you are on the waitlist (number {{ waitlistPosition }}). We will mail you if a seat becomes free.',
    },
  },
  registration_promoted: {
    ja: {
      subject: '【繰り上げ参加のご案内】{{ eventTitle }}',
      body: 'キャンセルが出たため、キャンセル待ちから参加確定となりました。当日は添付のQRコードを受付でご提示ください。\n\n添付のカレンダーファイル（.ics）で予定に追加できます。',
    },
    en: {
      subject: 'A seat is yours: {{ eventTitle }}',
      body: 'A seat became free and your registration is now confirmed. Please show the attached QR code at the reception desk.\n\nThe attached calendar file (.ics) adds the event to your calendar.',
    },
  },
  event_reminder: {
    ja: {
      subject: '【明日開催】{{ eventTitle }}',
      body: '明日のご参加をお待ちしております。',
    },
    en: {
      subject: 'Tomorrow: {{ eventTitle }}',
      body: 'We look forward to seeing you tomorrow.',
    },
  },
  registration_cancelled: {
    ja: { subject: '【キャンセル受付】{{ eventTitle }}', body: 'お申込みのキャンセルを受け付けました。' },
    en: { subject: 'Registration cancelled: {{ eventTitle }}', body: 'Your registration has been cancelled.' },
  },
};
