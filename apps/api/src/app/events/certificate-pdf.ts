import { japaneseDate } from '@chamber/domain';
import type { Readable } from 'stream';
import type { ChamberIdentity } from '../chamber/chamber.service';
import { endPdf, japanesePdf, JP, JP_BOLD } from '../pdf/japanese-fonts';

export interface CertificateData {
  registrationId: string;
  name: string;
  nameKana: string;
  titleJa: string;
  startsAt: Date;
  checkedInAt: Date;
  issuedAt: Date;
}

/**
 * 修了証: a certificate of attendance for a training, in Japanese, in the font shipped with the
 * product (so the kanji of a name such as 髙島屋 or 𠮷野 is drawn on any server), issued in the
 * chamber's name by its president, with its seal and logo when uploaded, dated in 西暦 or 和暦 as
 * the chamber chose. Text typed by strangers (name, title) is kept to one line each: long values
 * end with an ellipsis rather than push the layout onto a second page.
 */
export function certificatePdf(c: CertificateData, chamber: ChamberIdentity): Readable {
  const { profile } = chamber;
  const doc = japanesePdf({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    info: { Title: '修了証', Author: profile.name.ja },
  });
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
  if (chamber.logo) doc.image(chamber.logo, 60, 56, { fit: [120, 48] });
  // pdfkit stops at `height` (one line) and ends the text with an ellipsis instead of adding a page
  const line = (size: number, width = w - 160) => ({
    align: 'center' as const,
    width,
    height: size * 1.6,
    ellipsis: true,
  });
  const date = (d: Date) => japaneseDate(d, profile.certificateDateStyle);
  doc
    .font(JP_BOLD)
    .fontSize(44)
    .fillColor('#1a3d6d')
    .text('修了証', 80, 84, { ...line(44), characterSpacing: 24 });
  const nameSize = c.name.length > 16 ? 22 : 30;
  doc.font(JP).fontSize(nameSize).fillColor('black').text(`${c.name} 様`, 80, 176, line(nameSize));
  doc.fontSize(13).fillColor('#555').text(c.nameKana, 80, 222, line(13));
  doc
    .fontSize(17)
    .fillColor('black')
    .text(`あなたは ${date(c.startsAt)} に実施された`, 80, 272, line(17))
    .text(`「${c.titleJa}」`, 80, 304, line(17))
    .text('を修了されたことをここに証します。', 80, 336, line(17));
  doc.fontSize(14).text(date(c.issuedAt), 80, h - 178, line(14));
  doc.fontSize(18).text(profile.name.ja, 80, h - 148, line(18));
  const signer = [profile.presidentTitle.ja, profile.presidentName.ja].filter(Boolean).join(' ');
  if (signer) doc.fontSize(16).text(signer, 80, h - 116, line(16));
  // the seal (角印) sits over the end of the signature, as a stamped certificate has it
  if (chamber.seal) {
    const textEnd = w / 2 + doc.widthOfString(signer || profile.name.ja) / 2;
    doc.image(chamber.seal, Math.min(textEnd - 8, w - 140), h - 150, { fit: [64, 64] });
  }
  // inside the bottom margin, so without line wrapping (which would start a second page for it)
  doc
    .fontSize(8)
    .fillColor('#888')
    .text(`No. ${c.registrationId}`, w - 260, h - 52, { lineBreak: false });
  return endPdf(doc);
}
