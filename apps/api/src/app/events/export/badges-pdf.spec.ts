import type { ChamberIdentity } from '../../chamber/chamber.service';
import { pdfBuffer } from '../../pdf/japanese-fonts';
import { popplerRead } from '../../pdf/poppler';
import { badgesPdf } from './badges-pdf';

const chamber = {
  profile: { name: { ja: '相模原商工会議所', en: '' } },
  logo: null,
  seal: null,
} as unknown as ChamberIdentity;

describe('name badges (名札), read back with poppler', () => {
  it('puts ten badges on an A4 page and starts a new page for the eleventh', async () => {
    const badges = Array.from({ length: 11 }, (_, i) => ({
      company: `株式会社テスト${i}`,
      name: `髙島 ${i}郎`,
      nameKana: `タカシマ ${i}ロウ`,
    }));
    const { pages, text } = popplerRead(await pdfBuffer(badgesPdf({ titleJa: '交流会' }, badges, chamber)));
    expect(pages).toBe(2);
    for (let i = 0; i < 11; i++) expect(text).toContain(`髙島 ${i}郎`);
  });

  it('keeps hostile long values on their badge: shrunk, then cut, never a new page', async () => {
    const long = 'あ'.repeat(500);
    const badges = Array.from({ length: 10 }, () => ({ company: long, name: `𠮷野${long}`, nameKana: long }));
    const { pages, text } = popplerRead(await pdfBuffer(badgesPdf({ titleJa: long }, badges, chamber)));
    expect(pages).toBe(1);
    expect(text).toContain('𠮷野');
  });

  it('is one empty page when nobody is expected', async () => {
    expect(popplerRead(await pdfBuffer(badgesPdf({ titleJa: 'x' }, [], chamber))).pages).toBe(1);
  });
});
