import type { Language } from '@chamber/contracts';
import { PUBLIC_CANCEL_PAGE_PATH } from '@chamber/contracts';
import type { MailAttachment } from '../mail/mail-intent';
import { greeting, MailContent, mailTimeRange } from '../mail/mail-layout';

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

/** The words of the event mails, one set per language. */
const T = {
  ja: {
    event: 'イベント',
    when: '日時',
    venue: '会場',
    reason: '理由',
    cancel: 'お申込みのキャンセルはこちら',
    registeredSubject: (t: string) => `【お申込み受付】${t}`,
    waitlistedSubject: (t: string) => `【キャンセル待ち受付】${t}`,
    registered: 'お申込みを受け付けました。当日は添付のQRコードを受付でご提示ください。',
    waitlisted: (n: string) =>
      `定員に達しているため、キャンセル待ち（${n}番目）として受け付けました。繰り上がりの際はメールでお知らせします。`,
    calendar: '添付のカレンダーファイル（.ics）で予定に追加できます。',
    promotedSubject: (t: string) => `【繰り上げ参加のご案内】${t}`,
    promoted:
      'キャンセルが出たため、キャンセル待ちから参加確定となりました。当日は添付のQRコードを受付でご提示ください。',
    cancelledSubject: (t: string) => `【キャンセル受付】${t}`,
    cancelled: 'お申込みのキャンセルを受け付けました。',
    eventCancelledSubject: (t: string) => `【中止のお知らせ】${t}`,
    eventCancelled: 'お申込みいただいた下記のイベントは中止となりました。ご迷惑をおかけし申し訳ございません。',
  },
  en: {
    event: 'Event',
    when: 'When',
    venue: 'Venue',
    reason: 'Reason',
    cancel: 'To cancel your registration',
    registeredSubject: (t: string) => `Registration confirmed: ${t}`,
    waitlistedSubject: (t: string) => `You are on the waitlist: ${t}`,
    registered: 'Your registration is confirmed. Please show the attached QR code at the reception desk.',
    waitlisted: (n: string) =>
      `The event is full: you are on the waitlist (number ${n}). We will mail you if a seat becomes free.`,
    calendar: 'The attached calendar file (.ics) adds the event to your calendar.',
    promotedSubject: (t: string) => `A seat is yours: ${t}`,
    promoted:
      'A seat became free and your registration is now confirmed. Please show the attached QR code at the reception desk.',
    cancelledSubject: (t: string) => `Registration cancelled: ${t}`,
    cancelled: 'Your registration has been cancelled.',
    eventCancelledSubject: (t: string) => `Event cancelled: ${t}`,
    eventCancelled: 'We are sorry: the event below has been cancelled.',
  },
} satisfies Record<Language, unknown>;

/** The event's title in the mail's language (an event without an English title keeps its own). */
export function eventTitle(e: MailEvent, lang: Language): string {
  return lang === 'en' && e.titleEn ? e.titleEn : e.titleJa;
}

function eventFacts(e: MailEvent, lang: Language): { label: string; value: string }[] {
  const t = T[lang];
  return [
    { label: t.event, value: eventTitle(e, lang) },
    { label: t.when, value: mailTimeRange(e.startsAt, e.endsAt, lang) },
    { label: t.venue, value: e.venue },
  ];
}

/** What a staff-edited template of an event mail may use (MAIL_TEMPLATE_VARIABLES). */
function eventVariables(e: MailEvent, r: MailRecipient, lang: Language, extra: Record<string, string> = {}) {
  return {
    name: r.name,
    eventTitle: eventTitle(e, lang),
    when: mailTimeRange(e.startsAt, e.endsAt, lang),
    venue: e.venue,
    ...extra,
  };
}

/** The public cancel page with the registration's token, absolute from PUBLIC_BASE_URL. */
export function cancelLink(publicBaseUrl: string, cancelToken: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}${PUBLIC_CANCEL_PAGE_PATH}?token=${encodeURIComponent(cancelToken)}`;
}

export function qrAttachment(png: Buffer): MailAttachment {
  return { filename: 'check-in-qr.png', contentType: 'image/png', content: png };
}

/** What a confirmation carries: the QR code to check in and the event's calendar file. */
export interface ConfirmationExtras {
  qrPng?: Buffer | null;
  ics?: MailAttachment | null;
  cancelUrl?: string | null;
  cancelToken?: string | null;
}

/** Confirmation of a registration or of a place on the waitlist, with the QR code when registered. */
export function registrationMail(
  e: MailEvent,
  r: MailRecipient & { status: 'registered' | 'waitlisted'; waitlistPosition: number | null },
  opts: ConfirmationExtras,
  lang: Language,
): MailContent {
  const t = T[lang];
  const registered = r.status === 'registered';
  const title = eventTitle(e, lang);
  const attachments: MailAttachment[] = [];
  if (registered && opts.qrPng) attachments.push(qrAttachment(opts.qrPng));
  if (registered && opts.ics) attachments.push(opts.ics);
  return {
    subject: registered ? t.registeredSubject(title) : t.waitlistedSubject(title),
    greeting: greeting(r.name, lang),
    paragraphs: [
      registered ? t.registered : t.waitlisted(String(r.waitlistPosition ?? '-')),
      registered && opts.ics ? t.calendar : '',
    ],
    facts: eventFacts(e, lang),
    links: opts.cancelUrl ? [{ label: t.cancel, url: opts.cancelUrl }] : [],
    attachments,
    secrets: opts.cancelToken ? [opts.cancelToken] : [],
    variables: eventVariables(e, r, lang, {
      cancelUrl: opts.cancelUrl ?? '',
      waitlistPosition: String(r.waitlistPosition ?? '-'),
    }),
  };
}

export function promotedMail(e: MailEvent, r: MailRecipient, opts: ConfirmationExtras, lang: Language): MailContent {
  const t = T[lang];
  const attachments: MailAttachment[] = [];
  if (opts.qrPng) attachments.push(qrAttachment(opts.qrPng));
  if (opts.ics) attachments.push(opts.ics);
  return {
    subject: t.promotedSubject(eventTitle(e, lang)),
    greeting: greeting(r.name, lang),
    paragraphs: [t.promoted, opts.ics ? t.calendar : ''],
    facts: eventFacts(e, lang),
    links: opts.cancelUrl ? [{ label: t.cancel, url: opts.cancelUrl }] : [],
    attachments,
    secrets: opts.cancelToken ? [opts.cancelToken] : [],
    variables: eventVariables(e, r, lang, { cancelUrl: opts.cancelUrl ?? '' }),
  };
}

export function registrationCancelledMail(e: MailEvent, r: MailRecipient, lang: Language): MailContent {
  const t = T[lang];
  return {
    subject: t.cancelledSubject(eventTitle(e, lang)),
    greeting: greeting(r.name, lang),
    paragraphs: [t.cancelled],
    facts: eventFacts(e, lang),
    variables: eventVariables(e, r, lang),
  };
}

export function eventCancelledMail(e: MailEvent, r: MailRecipient, reason: string | null, lang: Language): MailContent {
  const t = T[lang];
  return {
    subject: t.eventCancelledSubject(eventTitle(e, lang)),
    greeting: greeting(r.name, lang),
    paragraphs: [t.eventCancelled],
    facts: [...(reason ? [{ label: t.reason, value: reason }] : []), ...eventFacts(e, lang)],
  };
}

/** A staff-written mail to those who came (or did not): their text as written, the event below. */
export function followUpMail(
  e: MailEvent,
  r: MailRecipient,
  subject: string,
  body: string,
  lang: Language,
): MailContent {
  return { subject, greeting: greeting(r.name, lang), paragraphs: [body], facts: eventFacts(e, lang) };
}
