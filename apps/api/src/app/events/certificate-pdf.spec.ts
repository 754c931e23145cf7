import type { ChamberProfile } from '@chamber/contracts';
import { toBuffer } from 'qrcode';
import type { ChamberIdentity } from '../chamber/chamber.service';
import { pdfBuffer } from '../pdf/japanese-fonts';
import { popplerRead } from '../pdf/poppler';
import { certificatePdf } from './certificate-pdf';

const data = {
  registrationId: '00000000-0000-4000-8000-000000000001',
  name: '髙島屋 花子',
  nameKana: 'タカシマヤ ハナコ',
  titleJa: '新入社員研修',
  startsAt: new Date('2026-04-10T01:00:00Z'),
  checkedInAt: new Date('2026-04-10T01:05:00Z'),
  issuedAt: new Date('2026-12-03T01:00:00Z'),
};

const profile: ChamberProfile = {
  name: { ja: '相模原商工会議所', en: 'Sagamihara Chamber of Commerce and Industry' },
  postalCode: '252-0239',
  address: { ja: '神奈川県相模原市中央区中央3-12-3', en: '' },
  phone: '',
  email: '',
  website: '',
  presidentTitle: { ja: '会頭', en: 'President' },
  presidentName: { ja: '相模 一郎', en: 'Ichiro Sagami' },
  certificateDateStyle: 'western',
  logoUrl: null,
  sealUrl: null,
  updatedAt: new Date().toISOString(),
};
const chamber = (p: Partial<ChamberProfile> = {}, images: Partial<ChamberIdentity> = {}): ChamberIdentity => ({
  profile: { ...profile, ...p },
  logo: null,
  seal: null,
  ...images,
});

describe('certificate of attendance (修了証), read back with poppler', () => {
  it('is one A4 page in Japanese with the kanji name, in an embedded CJK font, on a server with no Japanese font', async () => {
    const { fonts, text, pages } = popplerRead(await pdfBuffer(certificatePdf(data, chamber())));
    expect(pages).toBe(1);
    // pdffonts: "<SUBSET>+NotoSansJP-Regular  CID TrueType  Identity-H  yes yes yes"
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansJP-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).toMatch(/NotoSansJP-Bold/);
    expect(text).toMatch(/修\s*了\s*証/);
    expect(text).toContain('髙島屋 花子 様');
    expect(text).toContain('タカシマヤ ハナコ');
    expect(text).toContain('2026年4月10日');
    expect(text).toContain('「新入社員研修」');
    expect(text).toContain('2026年12月3日');
    expect(text).toContain('相模原商工会議所');
    expect(text).toContain('会頭 相模 一郎');
  });

  it('dates it in 和暦 when the chamber chose so, and draws its logo and seal', async () => {
    const png = await toBuffer('seal', { type: 'png', width: 120 });
    const pdf = await pdfBuffer(
      certificatePdf(data, chamber({ certificateDateStyle: 'japanese_era' }, { logo: png, seal: png })),
    );
    const { text, images } = popplerRead(pdf);
    expect(text).toContain('令和8年4月10日');
    expect(text).toContain('令和8年12月3日');
    expect(text).not.toContain('2026年');
    expect(images).toBe(2);
  });

  it('draws a name outside the BMP (𠮷野) and keeps a hostile long name and title on one page', async () => {
    const long = { ...data, name: `𠮷野 ${'長'.repeat(300)}`, titleJa: 'x'.repeat(2000) };
    const { text, pages } = popplerRead(await pdfBuffer(certificatePdf(long, chamber())));
    expect(pages).toBe(1);
    expect(text).toContain('𠮷野');
  });
});
