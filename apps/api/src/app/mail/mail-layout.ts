import type { Language } from '@chamber/contracts';
import { TOKYO_TIME_ZONE } from '@chamber/domain';
import type { MailAttachment, RenderedMail } from './mail-intent';

/**
 * What a mail says, in one language, without its form: the layout makes the text part and the
 * HTML part from it, so every mail looks alike and every value is escaped in one place.
 */
export interface MailContent {
  subject: string;
  /** "山田 太郎 様" / "Dear Taro Yamada," */
  greeting?: string;
  /** each may hold line breaks (a staff-written text keeps its lines) */
  paragraphs: string[];
  facts?: { label: string; value: string }[];
  /** absolute URLs only (made with absoluteUrl): a mail is read far from this server */
  links?: { label: string; url: string }[];
  /** written after the facts, before the links ("please keep this mail", how to cancel) */
  closing?: string[];
  attachments?: MailAttachment[];
  /** substrings a staff view must not show (the tokens of links and codes) */
  secrets?: string[];
  /**
   * The values a staff-edited template of this kind may use (mail-templates): when a template is
   * stored, its subject and body replace `subject` and `paragraphs`; greeting, facts and links stay.
   */
  variables?: Record<string, string>;
}

/** Who signs every mail: the chamber's identity in the mail's language. */
export interface MailSignature {
  name: string;
  postalCode: string;
  address: string;
  phone: string;
  email: string;
  website: string;
}

/** The chamber's profile columns the footer reads (both languages). */
export interface ChamberForMail {
  nameJa: string;
  nameEn: string;
  postalCode: string;
  addressJa: string;
  addressEn: string;
  phone: string;
  email: string;
  website: string;
}

const FALLBACK_NAME: Record<Language, string> = { ja: '商工会議所', en: 'Chamber of Commerce' };

export function signatureOf(chamber: ChamberForMail | null, lang: Language): MailSignature {
  const ja = lang === 'ja';
  return {
    // an English name or address not filled in yet: the Japanese one is still the chamber's
    name: (ja ? chamber?.nameJa : chamber?.nameEn || chamber?.nameJa) || FALLBACK_NAME[lang],
    postalCode: chamber?.postalCode ?? '',
    address: (ja ? chamber?.addressJa : chamber?.addressEn || chamber?.addressJa) ?? '',
    phone: chamber?.phone ?? '',
    email: chamber?.email ?? '',
    website: chamber?.website ?? '',
  };
}

const AUTOMATIC: Record<Language, string> = {
  ja: 'このメールは会員ポータルから自動で送信しています。',
  en: 'This mail was sent automatically by the member portal.',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Only web links become anchors: a javascript: or data: URL would run in the reader's client. */
function safeHref(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null;
}

function footerLines(s: MailSignature, lang: Language): string[] {
  const postal = s.postalCode ? (lang === 'ja' ? `〒${s.postalCode} ` : `${s.postalCode} `) : '';
  return [s.name, s.address ? `${postal}${s.address}` : '', s.phone ? `TEL ${s.phone}` : '', s.email, s.website].filter(
    Boolean,
  );
}

function textPart(c: MailContent, s: MailSignature, lang: Language): string {
  const blocks: string[] = [];
  if (c.greeting) blocks.push(c.greeting);
  blocks.push(...c.paragraphs.filter(Boolean));
  if (c.facts?.length) blocks.push(c.facts.map((f) => `${f.label}: ${f.value}`).join('\n'));
  blocks.push(...(c.closing ?? []).filter(Boolean));
  for (const link of c.links ?? []) blocks.push(`${link.label}:\n${link.url}`);
  return `${blocks.join('\n\n')}\n\n--\n${footerLines(s, lang).join('\n')}\n${AUTOMATIC[lang]}\n`;
}

const para = (t: string) => `<p style="margin:0 0 1em">${escapeHtml(t).replace(/\r?\n/g, '<br>')}</p>`;

function htmlPart(c: MailContent, s: MailSignature, lang: Language): string {
  const body: string[] = [];
  if (c.greeting) body.push(para(c.greeting));
  for (const p of c.paragraphs.filter(Boolean)) body.push(para(p));
  if (c.facts?.length) {
    const rows = c.facts
      .map(
        (f) =>
          `<tr><th style="text-align:left;padding:4px 12px 4px 0;white-space:nowrap;vertical-align:top">${escapeHtml(f.label)}</th>` +
          `<td style="padding:4px 0">${escapeHtml(f.value).replace(/\r?\n/g, '<br>')}</td></tr>`,
      )
      .join('');
    body.push(`<table style="border-collapse:collapse;margin:0 0 1em">${rows}</table>`);
  }
  for (const p of (c.closing ?? []).filter(Boolean)) body.push(para(p));
  for (const link of c.links ?? []) {
    const href = safeHref(link.url);
    const anchor = href
      ? `<a href="${escapeHtml(href)}">${escapeHtml(link.label)}</a><br><span style="font-size:12px;color:#555">${escapeHtml(link.url)}</span>`
      : `${escapeHtml(link.label)}: ${escapeHtml(link.url)}`;
    body.push(`<p style="margin:0 0 1em">${anchor}</p>`);
  }
  const footer = footerLines(s, lang).map(escapeHtml).join('<br>');
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`,
    `<title>${escapeHtml(c.subject)}</title></head>`,
    '<body style="margin:0;padding:16px;font-family:sans-serif;font-size:15px;line-height:1.6;color:#222">',
    ...body,
    '<hr style="border:0;border-top:1px solid #ccc;margin:1.5em 0 1em">',
    `<p style="margin:0;font-size:13px;color:#555">${footer}</p>`,
    `<p style="margin:1em 0 0;font-size:12px;color:#777">${escapeHtml(AUTOMATIC[lang])}</p>`,
    '</body></html>',
    '',
  ].join('\n');
}

/**
 * The mail as it goes out: a text part and an HTML part (no remote images: nothing is fetched when
 * it is opened), signed by the chamber, marked as sent by a machine (RFC 3834) so that
 * out-of-office replies are not sent back.
 */
export function layoutMail(c: MailContent, lang: Language, chamber: ChamberForMail | null): RenderedMail {
  const signature = signatureOf(chamber, lang);
  return {
    subject: c.subject.replace(/[\r\n]+/g, ' '),
    text: textPart(c, signature, lang),
    html: htmlPart(c, signature, lang),
    attachments: c.attachments ?? [],
    headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': lang },
    secrets: c.secrets ?? [],
  };
}

const DATE_TIME: Record<Language, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', {
    timeZone: TOKYO_TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: TOKYO_TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }),
};
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: TOKYO_TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** A date and time in Tokyo, as people of that language write it ("2026年12月3日(木) 14:00"). */
export function mailDateTime(instant: Date | string, lang: Language): string {
  const text = DATE_TIME[lang].format(new Date(instant));
  return lang === 'en' ? `${text} (JST)` : text;
}

/** A start and end on one day: "2026年12月3日(木) 14:00 – 16:00". */
export function mailTimeRange(start: Date | string, end: Date | string, lang: Language): string {
  const from = DATE_TIME[lang].format(new Date(start));
  const to = TIME.format(new Date(end));
  return lang === 'en' ? `${from} – ${to} (JST)` : `${from} – ${to}`;
}

/** The greeting line: a name typed by the person (or a stranger) kept as typed. */
export function greeting(name: string, lang: Language): string {
  if (!name) return lang === 'ja' ? 'ご担当者 様' : 'Hello,';
  return lang === 'ja' ? `${name} 様` : `Dear ${name},`;
}
