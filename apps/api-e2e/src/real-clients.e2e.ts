// What people receive, opened in clients nobody here wrote: the built server (on each engine; the
// embedded one is what a fresh clone's `npm start` runs), on a machine with no Japanese system font.
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { PublicRegistrationResponse } from '@chamber/contracts';
import { call, login, RunningServer, startServer } from './support/server';

/** Writes bytes to a temporary file, runs a real client on it, returns what it printed. */
function withFile(bytes: Buffer, name: string, run: (file: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'client-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('what people receive, in real clients (built server)', () => {
  let server: RunningServer;
  let staff: string;
  beforeAll(async () => {
    server = await startServer();
    staff = (await login(server.api, 'staff@example.jp')).accessToken;
  });
  afterAll(() => server.stop());

  it('certificate (修了証): Japanese, the kanji name drawn in an embedded CJK font (poppler)', async () => {
    const startsAt = new Date(Date.now() + 3600_000);
    const event = await call<{ id: string }>(server.api, 'POST', '/events', {
      token: staff,
      body: {
        kind: 'training',
        title: { ja: '新入社員研修', en: 'New employee training' },
        actionItemCode: 'A1-2',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
        venue: '相模原市立産業会館',
        capacity: 10,
        audience: 'public',
      },
    });
    expect(event.status).toBe(201);
    const names = ['髙島屋 花子', '𠮷野 太郎'];
    for (const [i, name] of names.entries()) {
      const reg = await call<PublicRegistrationResponse>(
        server.api,
        'POST',
        `/public/events/${event.body.id}/registrations`,
        { body: { name, nameKana: i ? 'ヨシノ タロウ' : 'タカシマヤ ハナコ', email: `cert${i}@example.jp` } },
      );
      expect(reg.status).toBe(201);
      const checkIn = await call(server.api, 'POST', `/registrations/${reg.body.id}/check-in?early=true`, {
        token: staff,
      });
      expect(checkIn.status).toBe(200);
      const res = await fetch(`${server.api}/registrations/${reg.body.id}/certificate.pdf`, {
        headers: { authorization: `Bearer ${staff}` },
      });
      expect(res.status).toBe(200);
      const pdf = Buffer.from(await res.arrayBuffer());
      const fonts = withFile(pdf, 'c.pdf', (f) => execFileSync('pdffonts', [f], { encoding: 'utf8' }));
      expect(fonts).toMatch(/\+NotoSansJP-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      const text = withFile(pdf, 'c.pdf', (f) =>
        execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }),
      );
      expect(text).toContain(`${name} 様`);
      expect(text).toContain('「新入社員研修」');
      expect(text).not.toMatch(/Certificate of Attendance/);
    }
  });
});
