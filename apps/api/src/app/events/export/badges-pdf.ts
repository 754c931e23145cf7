import type { Readable } from 'stream';
import type { ChamberIdentity } from '../../chamber/chamber.service';
import { endPdf, japanesePdf, JP, JP_BOLD } from '../../pdf/japanese-fonts';

export interface Badge {
  company: string;
  name: string;
  nameKana: string;
}

const MM = 72 / 25.4;
/** a 名札 insert: business-card size, 91 × 55 mm, 2 × 5 on an A4 sheet */
const BADGE = { w: 91 * MM, h: 55 * MM, cols: 2, rows: 5 };
const PER_PAGE = BADGE.cols * BADGE.rows;

/** The largest size ≤ `max` at which `text` fits `width`, not below `min` (then it is cut with …). */
function fitSize(doc: PDFKit.PDFDocument, text: string, width: number, max: number, min: number): number {
  let size = max;
  while (size > min && doc.fontSize(size).widthOfString(text) > width) size -= 1;
  return size;
}

/**
 * 名札: an A4 PDF of name badges, ten a page (2 × 5 business-card inserts with cut marks), each
 * with the company (or school), the furigana and the name as large as its width allows, the
 * event's title and the chamber's name and logo. Reception desks print it on perforated card
 * sheets or cut along the marks. Long values shrink, then end with an ellipsis: never a second
 * line that would push a badge into its neighbour.
 */
export function badgesPdf(event: { titleJa: string }, badges: Badge[], chamber: ChamberIdentity): Readable {
  const doc = japanesePdf({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: `名札 ${event.titleJa}`, Author: chamber.profile.name.ja },
  });
  const pageW = 210 * MM;
  const pageH = 297 * MM;
  const left = (pageW - BADGE.w * BADGE.cols) / 2;
  const top = (pageH - BADGE.h * BADGE.rows) / 2;
  const pad = 5 * MM;
  const inner = BADGE.w - 2 * pad;
  const line = (size: number, width = inner) => ({ width, height: size * 1.5, ellipsis: true, lineBreak: false });
  if (badges.length === 0) doc.addPage();
  badges.forEach((b, i) => {
    if (i % PER_PAGE === 0) doc.addPage();
    const slot = i % PER_PAGE;
    const x = left + (slot % BADGE.cols) * BADGE.w;
    const y = top + Math.floor(slot / BADGE.cols) * BADGE.h;
    doc.save().lineWidth(0.3).dash(2, { space: 2 }).rect(x, y, BADGE.w, BADGE.h).stroke('#999').undash().restore();
    doc
      .font(JP)
      .fillColor('#555')
      .fontSize(7)
      .text(event.titleJa, x + pad, y + pad, line(7));
    if (b.company) {
      const size = fitSize(doc, b.company, inner, 11, 7);
      doc
        .fillColor('black')
        .fontSize(size)
        .text(b.company, x + pad, y + pad + 12, { ...line(size), align: 'center' });
    }
    if (b.nameKana) {
      const size = fitSize(doc, b.nameKana, inner, 9, 6);
      doc
        .fillColor('#333')
        .fontSize(size)
        .text(b.nameKana, x + pad, y + 48, { ...line(size), align: 'center' });
    }
    doc.font(JP_BOLD);
    const nameSize = fitSize(doc, b.name, inner, 26, 12);
    doc
      .fillColor('black')
      .fontSize(nameSize)
      .text(b.name, x + pad, y + 62 + (26 - nameSize) / 2, { ...line(nameSize), align: 'center' });
    doc.font(JP);
    const footY = y + BADGE.h - pad - 10;
    if (chamber.logo) doc.image(chamber.logo, x + pad, footY - 4, { fit: [40, 14] });
    doc
      .fillColor('#555')
      .fontSize(7)
      .text(chamber.profile.name.ja, x + pad, footY, { ...line(7), align: 'right' });
  });
  return endPdf(doc);
}
