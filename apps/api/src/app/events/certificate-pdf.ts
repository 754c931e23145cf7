import { tokyoDate } from '@chamber/domain';
import type { Readable } from 'stream';
import { endPdf, japanesePdf, JP, JP_BOLD } from '../pdf/japanese-fonts';

export interface CertificateData {
  registrationId: string;
  name: string;
  nameKana: string;
  titleJa: string;
  startsAt: Date;
  checkedInAt: Date;
  issuedAt: Date;
  issuer: string;
}

/** 2026年4月10日 (Asia/Tokyo) */
function westernDate(d: Date): string {
  const [y, m, day] = tokyoDate(d).split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/**
 * 修了証: a certificate of attendance for a training, in Japanese, in the font shipped with the
 * product (so the kanji of a name such as 髙島屋 or 𠮷野 is drawn on any server). Text typed by
 * strangers (name, title) is kept to its box: long values shrink or end with an ellipsis rather
 * than push the layout onto a second page.
 */
export function certificatePdf(c: CertificateData): Readable {
  const doc = japanesePdf({ size: 'A4', layout: 'landscape', margin: 56, info: { Title: '修了証' } });
  const w = doc.page.width;
  const h = doc.page.height;
  doc
    .lineWidth(3)
    .rect(28, 28, w - 56, h - 56)
    .stroke('#1a3d6d');
  doc
    .lineWidth(1)
    .rect(36, 36, w - 72, h - 72)
    .stroke('#1a3d6d');
  // one line each, cut with an ellipsis: pdfkit stops at `height` instead of adding a page
  const box = (size: number) => ({ align: 'center' as const, width: w - 160, height: size * 1.6, ellipsis: true });
  doc
    .font(JP_BOLD)
    .fontSize(44)
    .fillColor('#1a3d6d')
    .text('修了証', 80, 84, { ...box(44), characterSpacing: 24 });
  const nameSize = c.name.length > 16 ? 22 : 30;
  doc.font(JP).fontSize(nameSize).fillColor('black').text(`${c.name} 様`, 80, 180, box(nameSize));
  doc.fontSize(13).fillColor('#555').text(c.nameKana, 80, 226, box(13));
  doc
    .fontSize(17)
    .fillColor('black')
    .text(`あなたは ${westernDate(c.startsAt)} に実施された`, 80, 282, box(17))
    .text(`「${c.titleJa}」`, 80, 314, box(17))
    .text('を修了されたことをここに証します。', 80, 346, box(17));
  doc.fontSize(14).text(westernDate(c.issuedAt), 80, h - 160, box(14));
  doc.fontSize(18).text(c.issuer, 80, h - 128, box(18));
  // inside the bottom margin, so without line wrapping (which would start a second page for it)
  doc
    .fontSize(8)
    .fillColor('#888')
    .text(`No. ${c.registrationId}`, w - 260, h - 52, { lineBreak: false });
  return endPdf(doc);
}
