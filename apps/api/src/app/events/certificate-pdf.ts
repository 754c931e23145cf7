import { existsSync } from 'fs';
import PDFDocument from 'pdfkit';
import { katakanaToRomaji, tokyoDate } from '@chamber/domain';
import type { Readable } from 'stream';

/** Japanese fonts looked for on the server (Debian's fonts-noto-cjk, IPA fonts); the first found is used. */
const JAPANESE_FONTS: { path: string; family?: string }[] = [
  { path: process.env['CERTIFICATE_FONT'] ?? '' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKjp-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKjp-Regular' },
  { path: '/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf' },
  { path: '/usr/share/fonts/truetype/fonts-japanese-mincho.ttf' },
];

export function japaneseFont(): { path: string; family?: string } | null {
  return JAPANESE_FONTS.find((f) => f.path && existsSync(f.path)) ?? null;
}

export interface CertificateData {
  registrationId: string;
  name: string;
  nameKana: string;
  titleJa: string;
  titleEn: string;
  startsAt: Date;
  checkedInAt: Date;
  issuedAt: Date;
  issuer: string;
}

/**
 * 修了証: a certificate of attendance for a training. In Japanese when the server has a Japanese
 * font; otherwise in English with the name romanised from its furigana (PDF's built-in fonts
 * cannot draw Japanese).
 */
export function certificatePdf(
  c: CertificateData,
  font: { path: string; family?: string } | null = japaneseFont(),
): Readable {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 56, info: { Title: 'Certificate' } });
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
  const date = tokyoDate(c.startsAt);
  const [y, mo, d] = date.split('-').map(Number);
  if (font) {
    if (font.family) doc.registerFont('jp', font.path, font.family);
    else doc.registerFont('jp', font.path);
    doc.font('jp');
    doc.fontSize(44).fillColor('#1a3d6d').text('修 了 証', 0, 90, { align: 'center', width: w });
    doc.fontSize(30).fillColor('black').text(`${c.name} 様`, 0, 190, { align: 'center', width: w });
    doc.fontSize(13).fillColor('#555').text(c.nameKana, 0, 232, { align: 'center', width: w });
    doc
      .fontSize(17)
      .fillColor('black')
      .text(`あなたは ${y}年${mo}月${d}日 に実施された`, 0, 290, { align: 'center', width: w })
      .moveDown(0.4)
      .text(`「${c.titleJa}」`, { align: 'center', width: w })
      .moveDown(0.4)
      .text('を修了されたことをここに証します。', { align: 'center', width: w });
    const [iy, im, id] = tokyoDate(c.issuedAt).split('-').map(Number);
    doc.fontSize(14).text(`${iy}年${im}月${id}日`, 0, h - 150, { align: 'center', width: w });
    doc.fontSize(18).text(c.issuer, 0, h - 120, { align: 'center', width: w });
  } else {
    doc.font('Times-Roman');
    const name = katakanaToRomaji(c.nameKana) || c.name;
    doc.fontSize(40).fillColor('#1a3d6d').text('Certificate of Attendance', 0, 90, { align: 'center', width: w });
    doc.fontSize(16).fillColor('black').text('This is to certify that', 0, 180, { align: 'center', width: w });
    doc.fontSize(30).text(name, { align: 'center', width: w });
    doc
      .fontSize(16)
      .moveDown(0.6)
      .text(`attended the training "${c.titleEn || 'Training'}" held on ${date}.`, { align: 'center', width: w });
    doc.fontSize(18).text('Chamber of Commerce and Industry', 0, h - 120, { align: 'center', width: w });
  }
  // inside the bottom margin, so without line wrapping (which would start a second page for it)
  doc
    .fontSize(8)
    .fillColor('#888')
    .text(`No. ${c.registrationId}`, w - 260, h - 52, { lineBreak: false });
  doc.end();
  // a PDFDocument is a Readable stream; its typings do not say so
  return doc as unknown as Readable;
}
