import type { ChamberProfile } from '@chamber/contracts';
import type { ChamberIdentity } from '../chamber/chamber.service';
import { pdfBuffer } from '../pdf/japanese-fonts';
import { popplerRead } from '../pdf/poppler';
import { posterPdf, type PosterData } from './poster-pdf';

const profile: ChamberProfile = {
  name: { ja: '相模原商工会議所', en: 'Sagamihara Chamber of Commerce and Industry' },
  postalCode: '252-0239',
  address: { ja: '神奈川県相模原市中央区中央3-12-3', en: '' },
  phone: '042-753-1315',
  email: 'info@example.jp',
  website: '',
  presidentTitle: { ja: '会頭', en: 'President' },
  presidentName: { ja: '相模 一郎', en: 'Ichiro Sagami' },
  certificateDateStyle: 'western',
  logoUrl: null,
  sealUrl: null,
  updatedAt: new Date().toISOString(),
};
const chamber = (p: Partial<ChamberProfile> = {}): ChamberIdentity => ({
  profile: { ...profile, ...p },
  logo: null,
  seal: null,
});
const poster: PosterData = {
  titleJa: '2027年卒 合同就職説明会',
  titleEn: 'Job fair for 2027 graduates',
  startsAt: new Date('2027-01-15T04:00:00Z'),
  endsAt: new Date('2027-01-15T07:30:00Z'),
  venue: '相模原市立産業会館',
  capacity: 120,
  signupUrl: 'https://portal.example.jp/public/events/52236f10-40df-44ff-8e9b-ed8e89ba1690',
};
const flat = (text: string) => text.replace(/\s+/g, '');

describe('recruiting poster (募集ポスター), read back with poppler', () => {
  it('writes the day and times in Tokyo, the venue, seats, the address on one line and the chamber contact', async () => {
    const read = popplerRead(await pdfBuffer(posterPdf(poster, chamber())));
    expect(read.pages).toBe(1);
    const text = flat(read.text);
    expect(text).toContain('日時2027年1月15日（金）13:00〜16:30');
    expect(text).toContain('会場相模原市立産業会館');
    expect(text).toContain('定員120名（先着順）');
    expect(text).toContain(poster.signupUrl);
    expect(text).toContain('TEL042-753-1315');
    expect(read.images).toBe(1); // the QR code
  });

  it('writes the era date when the chamber chose 和暦, and the end day when the event runs overnight', async () => {
    const read = popplerRead(
      await pdfBuffer(
        posterPdf(
          { ...poster, endsAt: new Date('2027-01-16T03:00:00Z') },
          chamber({ certificateDateStyle: 'japanese_era' }),
        ),
      ),
    );
    expect(flat(read.text)).toContain('令和9年1月15日（金）13:00〜令和9年1月16日12:00');
  });

  it('stays on one page with a very long title, venue and address', async () => {
    const read = popplerRead(
      await pdfBuffer(
        posterPdf(
          {
            ...poster,
            titleJa: '相模原市・町田市・座間市 合同 '.repeat(8),
            titleEn: 'A very long English title '.repeat(8),
            venue: '相模原市立産業会館 大ホールおよび第一・第二会議室 '.repeat(5),
            signupUrl: `https://portal.a-very-long-host-name-of-the-chamber.example.jp/${'x'.repeat(60)}/public/events/52236f10-40df-44ff-8e9b-ed8e89ba1690`,
          },
          chamber(),
        ),
      ),
    );
    expect(read.pages).toBe(1);
  });
});
