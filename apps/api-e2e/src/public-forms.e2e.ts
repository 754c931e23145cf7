import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { call, createJobFair, login, RunningServer, startServer } from './support/server';

const BASE = 'https://portal.sagamihara-cci.example.jp';

/** The poster as a person gets it: its text (pdftotext), fonts (pdffonts) and what a phone reads in its QR code. */
function readPoster(pdf: Buffer): { text: string; fonts: string; pages: number; qr: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'poster-'));
  try {
    const file = join(dir, 'poster.pdf');
    writeFileSync(file, pdf);
    const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const fonts = run('pdffonts', [file]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))?.[1] ?? 0);
    // printed and photographed at an ordinary resolution: 100 dpi, greyscale
    run('pdftoppm', ['-r', '100', '-gray', '-png', '-singlefile', file, join(dir, 'page')]);
    // zbarimg's complaints about a missing D-Bus go to stderr, not into the test's output
    const qr = execFileSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', join(dir, 'page.png')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .filter(Boolean);
    return { text, fonts, pages, qr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('public sign-up: its absolute address, a QR poster for schools, consent to 個人情報の取扱い', () => {
  let server: RunningServer;
  let staff = '';
  let fair: { id: string };

  beforeAll(async () => {
    server = await startServer({ env: { PUBLIC_BASE_URL: `${BASE}/`, PUBLIC_RATE_LIMIT: '0', LOG_LEVEL: 'warn' } });
    staff = (await login(server.api, 'staff@example.jp')).accessToken;
    fair = await createJobFair(server.api, staff, {
      title: { ja: '2027年卒 合同就職説明会', en: 'Job fair for 2027 graduates' },
      capacity: 120,
      daysAhead: 40,
    });
  });
  afterAll(() => server.stop());

  it('gives the absolute sign-up address of a students’ event from PUBLIC_BASE_URL, none for a members-only one', async () => {
    const detail = await call<{ signupUrl: string | null }>(server.api, 'GET', `/events/${fair.id}`, { token: staff });
    expect(detail.status).toBe(200);
    expect(detail.body.signupUrl).toBe(`${BASE}/public/events/${fair.id}`);
    // the address is public anyway: anyone reading the event sees it
    const anonymous = await call<{ signupUrl: string | null }>(server.api, 'GET', `/events/${fair.id}`);
    expect(anonymous.body.signupUrl).toBe(`${BASE}/public/events/${fair.id}`);

    const seminar = await call<{ id: string }>(server.api, 'POST', '/events', {
      token: staff,
      body: {
        kind: 'seminar',
        title: { ja: '会員向けセミナー', en: 'Members seminar' },
        actionItemCode: 'A1-1',
        startsAt: new Date(Date.now() + 20 * 86400_000).toISOString(),
        endsAt: new Date(Date.now() + 20 * 86400_000 + 7200_000).toISOString(),
        venue: '本所',
        capacity: 30,
        audience: 'members',
      },
    });
    expect([seminar.status, seminar.text]).toEqual([201, expect.any(String)]);
    const members = await call<{ signupUrl: string | null }>(server.api, 'GET', `/events/${seminar.body.id}`, {
      token: staff,
    });
    expect(members.body.signupUrl).toBeNull();
    const refused = await call<{ code: string }>(server.api, 'GET', `/events/${seminar.body.id}/poster.pdf`, {
      token: staff,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('not_public');
  });

  it('prints a one-page A4 poster in an embedded Japanese font whose QR code opens the sign-up page', async () => {
    const res = await fetch(`${server.api}/events/${fair.id}/poster.pdf`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`poster-${fair.id}.pdf`);
    const poster = readPoster(Buffer.from(await res.arrayBuffer()));
    expect(poster.pages).toBe(1);
    expect(poster.fonts).toMatch(/NotoSansJP/);
    expect(poster.fonts).not.toMatch(/\bno\s+no\s+no\b/); // every font embedded
    const text = poster.text.replace(/\s+/g, '');
    expect(text).toContain('2027年卒合同就職説明会');
    expect(text).toContain('参加者募集');
    expect(text).toContain('定員120名');
    expect(text).toContain(`${BASE}/public/events/${fair.id}`);
    expect(poster.qr).toEqual([`${BASE}/public/events/${fair.id}`]);
  });

  it('is for staff: a member gets 403, nobody signed in 401, an unknown event 404', async () => {
    const member = (await login(server.api, 'member-admin@example.jp')).accessToken;
    expect((await call(server.api, 'GET', `/events/${fair.id}/poster.pdf`, { token: member })).status).toBe(403);
    expect((await call(server.api, 'GET', `/events/${fair.id}/poster.pdf`)).status).toBe(401);
    const unknown = await call(server.api, 'GET', '/events/00000000-0000-4000-8000-000000000000/poster.pdf', {
      token: staff,
    });
    expect(unknown.status).toBe(404);
  });

  it('takes consent: true, refuses any other consent naming the field (nothing written), and keeps v2 clients that send none', async () => {
    const signUp = (email: string, extra: Record<string, unknown>) =>
      call<{ errors?: { field: string; message: string }[]; status?: string }>(
        server.api,
        'POST',
        `/public/events/${fair.id}/registrations`,
        {
          body: { name: '学生 同意', nameKana: 'がくせい どうい', email, ...extra },
          headers: { 'accept-language': 'ja' },
        },
      );
    for (const consent of [false, null, 'true', 1]) {
      const refused = await signUp('refused@example.ac.jp', { consent });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((e) => e.field)).toEqual(['consent']);
      expect(refused.body.errors?.[0]?.message).toContain('個人情報の取扱い');
    }
    // nothing was written by the refusals: the same email signs up once it agrees
    const agreed = await signUp('refused@example.ac.jp', { consent: true });
    expect(agreed.status).toBe(201);
    expect(agreed.body.status).toBe('registered');
    const older = await signUp('older-client@example.ac.jp', {});
    expect(older.status).toBe(201);
  });

  it('public exam application: consent as on events; its cancel link names the exam, day and person, without contact details', async () => {
    const sitting = await call<{ id: string; code: string }>(server.api, 'POST', '/exams', {
      token: staff,
      body: {
        examCode: 'boki',
        grade: '3',
        startsAt: new Date(Date.now() + 45 * 86400_000).toISOString(),
        venue: '相模原商工会議所 3階',
        capacity: 30,
        fee: 2850,
        audience: 'public',
      },
    });
    expect(sitting.status).toBe(201);
    const person = {
      name: '相模 花子',
      nameKana: 'サガミ ハナコ',
      email: 'hanako.exam@example.jp',
      birthDate: '2004-05-06',
      phone: '090-1234-5678',
    };
    const apply = (extra: Record<string, unknown>) =>
      call<{ cancelToken: string; examineeNumber: string; errors?: { field: string }[] }>(
        server.api,
        'POST',
        `/public/exams/${sitting.body.id}/applications`,
        { body: { ...person, ...extra } },
      );
    const refused = await apply({ consent: false });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e) => e.field)).toEqual(['consent']);
    const applied = await apply({ consent: true });
    expect(applied.status).toBe(201);
    expect(applied.body.examineeNumber).toBe(`${sitting.body.code}-0001`); // the refusal took no number

    const found = await call<Record<string, unknown>>(server.api, 'POST', '/public/exam-applications/lookup', {
      body: { cancelToken: applied.body.cancelToken },
    });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      status: 'applied',
      examineeNumber: `${sitting.body.code}-0001`,
      name: '相模 花子',
      sitting: { exam: { code: 'boki' }, grade: '3', gradeName: { ja: '3級' } },
      cancellable: true,
    });
    expect(Object.keys(found.body).sort()).toEqual([
      'cancellable',
      'examineeNumber',
      'id',
      'name',
      'sitting',
      'status',
    ]);
    expect(found.text).not.toContain(person.email);
    expect(found.text).not.toContain(person.phone);
    const unknown = await call(server.api, 'POST', '/public/exam-applications/lookup', {
      body: { cancelToken: 'not-a-real-token-000000000' },
    });
    expect(unknown.status).toBe(404);
  });
});
