import { PUBLIC_CANCEL_PAGE_PATH } from '@chamber/contracts';
import { tokyoDateTime } from '@chamber/domain';
import type { MailMessage } from '../mail/mail-outbox.service';

/** What a mail about an event says of it. */
export interface MailEvent {
  titleJa: string;
  titleEn: string;
  startsAt: Date | string;
  endsAt: Date | string;
  venue: string;
}

export interface MailRecipient {
  id: string;
  name: string;
  email: string;
}

const SIGNATURE = '\n--\n商工会議所 会員ポータル / Chamber Portal\n';

function eventLines(e: MailEvent): string {
  const when = `${tokyoDateTime(e.startsAt)} – ${tokyoDateTime(e.endsAt).slice(11)} (JST)`;
  return [
    `イベント / Event: ${e.titleJa}${e.titleEn ? ` / ${e.titleEn}` : ''}`,
    `日時 / When: ${when}`,
    `会場 / Venue: ${e.venue}`,
  ].join('\n');
}

function cancelLink(publicBaseUrl: string | null, cancelToken: string): string {
  const base = (publicBaseUrl ?? '').replace(/\/$/, '');
  return `${base}${PUBLIC_CANCEL_PAGE_PATH}?token=${encodeURIComponent(cancelToken)}`;
}

/**
 * Confirmation of a registration or of a place on the waitlist, with the QR code when registered.
 * The position may be a slot that the database fills in when it numbers the waitlist.
 */
export function registrationMail(
  e: MailEvent,
  r: MailRecipient & { status: 'registered' | 'waitlisted'; waitlistPosition: number | string | null },
  opts: { qrPng?: Buffer | null; cancelToken?: string | null; publicBaseUrl: string | null },
): MailMessage {
  const registered = r.status === 'registered';
  const lines = [
    `${r.name} 様`,
    '',
    registered
      ? 'お申込みを受け付けました。当日は添付のQRコードを受付でご提示ください。'
      : `定員に達しているため、キャンセル待ち（${r.waitlistPosition ?? '-'}番目）として受け付けました。繰り上がりの際はメールでお知らせします。`,
    registered
      ? 'Your registration is confirmed. Please show the attached QR code at the reception desk.'
      : `The event is full: you are on the waitlist (number ${r.waitlistPosition ?? '-'}). We will mail you if a seat becomes free.`,
    '',
    eventLines(e),
  ];
  if (opts.cancelToken) {
    lines.push('', 'キャンセルはこちら / To cancel:', cancelLink(opts.publicBaseUrl, opts.cancelToken));
  }
  return {
    to: r.email,
    subject: registered
      ? `【お申込み受付】${e.titleJa} / Registration confirmed`
      : `【キャンセル待ち受付】${e.titleJa} / You are on the waitlist`,
    text: lines.join('\n') + SIGNATURE,
    kind: registered ? 'registration_confirmed' : 'registration_waitlisted',
    relatedId: r.id,
    attachments: registered && opts.qrPng ? [qrAttachment(opts.qrPng)] : [],
  };
}

export function promotedMail(e: MailEvent, r: MailRecipient, qrPng: Buffer): MailMessage {
  return {
    to: r.email,
    subject: `【繰り上げ参加のご案内】${e.titleJa} / A seat is yours`,
    text:
      [
        `${r.name} 様`,
        '',
        'キャンセルが出たため、キャンセル待ちから参加確定となりました。当日は添付のQRコードを受付でご提示ください。',
        'A seat became free and your registration is now confirmed. Please show the attached QR code at the reception desk.',
        '',
        eventLines(e),
      ].join('\n') + SIGNATURE,
    kind: 'registration_promoted',
    relatedId: r.id,
    attachments: [qrAttachment(qrPng)],
  };
}

export function registrationCancelledMail(e: MailEvent, r: MailRecipient): MailMessage {
  return {
    to: r.email,
    subject: `【キャンセル受付】${e.titleJa} / Registration cancelled`,
    text:
      [
        `${r.name} 様`,
        '',
        'お申込みのキャンセルを受け付けました。',
        'Your registration has been cancelled.',
        '',
        eventLines(e),
      ].join('\n') + SIGNATURE,
    kind: 'registration_cancelled',
    relatedId: r.id,
  };
}

export function eventCancelledMail(e: MailEvent, r: MailRecipient, reason: string | null): MailMessage {
  const lines = [
    `${r.name} 様`,
    '',
    'お申込みいただいた下記のイベントは中止となりました。ご迷惑をおかけし申し訳ございません。',
    'We are sorry: the event below has been cancelled.',
  ];
  if (reason) lines.push('', `理由 / Reason: ${reason}`);
  lines.push('', eventLines(e));
  return {
    to: r.email,
    subject: `【中止のお知らせ】${e.titleJa} / Event cancelled`,
    text: lines.join('\n') + SIGNATURE,
    kind: 'event_cancelled',
    relatedId: r.id,
  };
}

export function followUpMail(
  e: MailEvent,
  r: MailRecipient,
  subject: string,
  body: string,
  kind: string,
  attachments: MailMessage['attachments'] = [],
): MailMessage {
  return {
    to: r.email,
    subject,
    text: `${r.name} 様\n\n${body}\n\n${eventLines(e)}${SIGNATURE}`,
    kind,
    relatedId: r.id,
    attachments,
  };
}

export function qrAttachment(png: Buffer) {
  return { filename: 'check-in-qr.png', contentType: 'image/png', base64: png.toString('base64') };
}
