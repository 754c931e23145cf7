import { PUBLIC_CANCEL_PAGE_PATH } from '@chamber/contracts';
import { tokyoDateTime } from '@chamber/domain';
import type { MailAttachment, RenderedMail } from '../mail/mail-intent';

/** What a mail about an event says of it. */
export interface MailEvent {
  titleJa: string;
  titleEn: string;
  startsAt: Date | string;
  endsAt: Date | string;
  venue: string;
}

export interface MailRecipient {
  name: string;
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

export function cancelLink(publicBaseUrl: string, cancelToken: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}${PUBLIC_CANCEL_PAGE_PATH}?token=${encodeURIComponent(cancelToken)}`;
}

export function qrAttachment(png: Buffer): MailAttachment {
  return { filename: 'check-in-qr.png', contentType: 'image/png', content: png };
}

/** Confirmation of a registration or of a place on the waitlist, with the QR code when registered. */
export function registrationMail(
  e: MailEvent,
  r: MailRecipient & { status: 'registered' | 'waitlisted'; waitlistPosition: number | null },
  opts: { qrPng?: Buffer | null; cancelUrl?: string | null; cancelToken?: string | null },
): RenderedMail {
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
  if (opts.cancelUrl) lines.push('', 'キャンセルはこちら / To cancel:', opts.cancelUrl);
  return {
    subject: registered
      ? `【お申込み受付】${e.titleJa} / Registration confirmed`
      : `【キャンセル待ち受付】${e.titleJa} / You are on the waitlist`,
    text: lines.join('\n') + SIGNATURE,
    attachments: registered && opts.qrPng ? [qrAttachment(opts.qrPng)] : [],
    secrets: opts.cancelToken ? [opts.cancelToken] : [],
  };
}

export function promotedMail(e: MailEvent, r: MailRecipient, qrPng: Buffer): RenderedMail {
  return {
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
    attachments: [qrAttachment(qrPng)],
  };
}

export function registrationCancelledMail(e: MailEvent, r: MailRecipient): RenderedMail {
  return {
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
  };
}

export function eventCancelledMail(e: MailEvent, r: MailRecipient, reason: string | null): RenderedMail {
  const lines = [
    `${r.name} 様`,
    '',
    'お申込みいただいた下記のイベントは中止となりました。ご迷惑をおかけし申し訳ございません。',
    'We are sorry: the event below has been cancelled.',
  ];
  if (reason) lines.push('', `理由 / Reason: ${reason}`);
  lines.push('', eventLines(e));
  return { subject: `【中止のお知らせ】${e.titleJa} / Event cancelled`, text: lines.join('\n') + SIGNATURE };
}

export function followUpMail(e: MailEvent, r: MailRecipient, subject: string, body: string): RenderedMail {
  return { subject, text: `${r.name} 様\n\n${body}\n\n${eventLines(e)}${SIGNATURE}` };
}
