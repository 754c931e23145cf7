import type { ApiError, ChamberProfile } from '@chamber/contracts';
import { toBuffer } from 'qrcode';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('chamber identity (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let admin: string;
  let staff: string;
  let png: Buffer;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin@example.jp');
    staff = await t.login('staff@example.jp');
    png = await toBuffer('logo', { type: 'png', width: 200 });
  });
  afterAll(() => t.close());

  const upload = (kind: string, body: Buffer, type: string, token = admin) =>
    fetch(`${t.api}/chamber/${kind}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: new Uint8Array(body),
    });

  it('is seeded with the Sagamihara chamber and readable by anyone', async () => {
    const res = await t.call<ChamberProfile>('GET', '/chamber');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: { ja: '相模原商工会議所', en: 'Sagamihara Chamber of Commerce and Industry' },
      postalCode: '252-0239',
      presidentTitle: { ja: '会頭', en: 'President' },
      certificateDateStyle: 'western',
      logoUrl: null,
      sealUrl: null,
    });
  });

  it('is changed by an admin only, every field at fault named, nothing changed on a refusal', async () => {
    expect((await t.call('PATCH', '/chamber', { token: staff, body: { phone: '042-000-0000' } })).status).toBe(403);
    const bad = await t.call<ApiError>('PATCH', '/chamber', {
      token: admin,
      body: { name: { ja: '' }, postalCode: '12', website: 'javascript:alert(1)', certificateDateStyle: 'lunar' },
      headers: { 'accept-language': 'en' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.field).sort()).toEqual([
      'certificateDateStyle',
      'name.ja',
      'postalCode',
      'website',
    ]);
    const ok = await t.call<ChamberProfile>('PATCH', '/chamber', {
      token: admin,
      body: {
        phone: '042-000-0000',
        presidentName: { ja: '相模 一郎' },
        certificateDateStyle: 'japanese_era',
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      name: { ja: '相模原商工会議所' },
      phone: '042-000-0000',
      presidentName: { ja: '相模 一郎', en: '' },
      certificateDateStyle: 'japanese_era',
    });
  });

  it('takes a PNG or JPEG logo and seal, checking type, bytes and size; the seal is for the chamber’s people', async () => {
    expect((await upload('logo', png, 'image/png', staff)).status).toBe(403);
    expect((await upload('logo', Buffer.from('<svg/>'), 'image/svg+xml')).status).toBe(415);
    const lying = await upload('logo', Buffer.from('GIF89a not a png at all'), 'image/png');
    expect(lying.status).toBe(400);
    expect(((await lying.json()) as ApiError).errors![0]!.field).toBe('logo');
    // a real PNG of 21 × 21 pixels: too small to print
    const tiny = await toBuffer('x', { type: 'png', margin: 0, scale: 1 });
    expect((await upload('logo', tiny, 'image/png')).status).toBe(400);
    expect((await upload('logo', Buffer.alloc(1024 * 1024 + 10, 1), 'image/png')).status).toBe(413);
    expect((await t.call('GET', '/chamber/logo')).status).toBe(404);

    const saved = await upload('logo', png, 'image/png');
    expect(saved.status).toBe(200);
    const profile = (await saved.json()) as ChamberProfile;
    expect(profile.logoUrl).toMatch(/^\/api\/chamber\/logo\?v=\d+$/);
    const logo = await fetch(`${t.api.replace(/\/api$/, '')}${profile.logoUrl}`);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await logo.arrayBuffer()).equals(png)).toBe(true);

    expect((await upload('seal', png, 'image/png')).status).toBe(200);
    expect((await fetch(`${t.api}/chamber/seal`)).status).toBe(401);
    expect((await t.call('GET', '/chamber/seal', { token: await t.login('member@example.jp') })).status).toBe(403);
    expect((await t.call('GET', '/chamber/seal', { token: staff })).status).toBe(200);
    expect((await t.call('DELETE', '/chamber/seal', { token: admin })).status).toBe(204);
    expect((await t.call<ChamberProfile>('GET', '/chamber')).body.sealUrl).toBeNull();
  });
});
