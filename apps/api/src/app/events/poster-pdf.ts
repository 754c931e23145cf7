import { japaneseDate, TOKYO_TIME_ZONE, tokyoDateTime } from '@chamber/domain';
import type { Readable } from 'stream';
import type { ChamberIdentity } from '../chamber/chamber.service';
import { endPdf, japanesePdf, JP, JP_BOLD } from '../pdf/japanese-fonts';
import { qrPng } from './qr-code';

export interface PosterData {
  titleJa: string;
  titleEn: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  capacity: number;
  /** the absolute public sign-up address (PUBLIC_BASE_URL), in the QR code and printed below it */
  signupUrl: string;
}

const WEEKDAY = new Intl.DateTimeFormat('ja-JP', { timeZone: TOKYO_TIME_ZONE, weekday: 'short' });
const INK = '#1a3d6d';

/**
 * 募集ポスター: an A4 sheet staff print for schools — the event, its date and venue, and a large QR
 * code of the public sign-up page with its address written out, in the chamber's name. Text typed
 * by staff (title, venue) is kept to its box: long values end with an ellipsis, never a second page.
 */
export function posterPdf(p: PosterData, chamber: ChamberIdentity): Readable {
  const { profile } = chamber;
  const doc = japanesePdf({
    size: 'A4',
    margin: 48,
    info: { Title: `${p.titleJa} 参加申込`, Author: profile.name.ja, Subject: p.signupUrl },
  });
  const w = doc.page.width;
  const h = doc.page.height;
  const x = 56;
  const width = w - 2 * x;
  const box = (size: number, lines = 1) => ({
    align: 'center' as const,
    width,
    height: size * 1.5 * lines,
    ellipsis: true,
  });

  doc.rect(0, 0, w, 112).fill(INK);
  if (chamber.logo) doc.image(chamber.logo, x, 30, { fit: [110, 52] });
  doc
    .font(JP_BOLD)
    .fontSize(30)
    .fillColor('white')
    .text('参加者募集', x, 36, { ...box(30), characterSpacing: 8 });

  const titleSize = p.titleJa.length > 24 ? 22 : 28;
  doc.font(JP_BOLD).fontSize(titleSize).fillColor('black').text(p.titleJa, x, 140, box(titleSize, 2));
  if (p.titleEn && p.titleEn !== p.titleJa) {
    doc
      .font(JP)
      .fontSize(13)
      .fillColor('#555')
      .text(p.titleEn, x, 140 + titleSize * 3 + 4, box(13));
  }

  const day = `${japaneseDate(p.startsAt, profile.certificateDateStyle)}（${WEEKDAY.format(p.startsAt)}）`;
  const from = tokyoDateTime(p.startsAt).slice(11);
  const until = tokyoDateTime(p.endsAt);
  const sameDay = until.slice(0, 10) === tokyoDateTime(p.startsAt).slice(0, 10);
  const to = sameDay ? until.slice(11) : `${japaneseDate(p.endsAt, profile.certificateDateStyle)} ${until.slice(11)}`;
  doc.font(JP).fontSize(17).fillColor('black');
  doc.text(`日時\u3000${day} ${from}〜${to}`, x, 250, box(17));
  if (p.venue) doc.text(`会場\u3000${p.venue}`, x, 282, box(17));
  doc
    .fontSize(14)
    .fillColor('#333')
    .text(`定員\u3000${p.capacity.toLocaleString('ja-JP')}名（先着順）`, x, 314, box(14));

  const qrSide = 230;
  const qrX = (w - qrSide) / 2;
  const qrY = 360;
  doc.image(qrPng(p.signupUrl), qrX, qrY, { width: qrSide, height: qrSide });
  doc
    .font(JP_BOLD)
    .fontSize(18)
    .fillColor(INK)
    .text('スマートフォンで読み取って、お申し込みください', x, qrY + qrSide + 14, box(18));
  doc
    .font(JP)
    .fontSize(12)
    .fillColor('#333')
    .text(
      'アカウント登録は不要です。お申し込み後、受付用QRコードをメールでお送りします。',
      x,
      qrY + qrSide + 46,
      box(12),
    );
  // the address on one line (a wrapped URL is mistyped, and copied with its break), as large as fits
  doc.font(JP);
  let urlSize = 12;
  while (urlSize > 6 && doc.fontSize(urlSize).widthOfString(p.signupUrl) > width) urlSize -= 0.5;
  doc
    .fontSize(urlSize)
    .fillColor('black')
    .text(p.signupUrl, x, qrY + qrSide + 72, { align: 'center', width, lineBreak: false });

  const contact = [profile.phone && `TEL ${profile.phone}`, profile.email].filter(Boolean).join('\u3000');
  doc.rect(x, h - 120, width, 0.8).fill('#bbb');
  doc
    .font(JP_BOLD)
    .fontSize(14)
    .fillColor('black')
    .text(profile.name.ja, x, h - 108, box(14));
  if (contact)
    doc
      .font(JP)
      .fontSize(11)
      .fillColor('#333')
      .text(contact, x, h - 84, box(11));
  return endPdf(doc);
}
