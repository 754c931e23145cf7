import { call, createJobFair, login, RunningServer, startServer, thisRunsEngine } from './support/server';

interface Row {
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  summary: string;
}

describe.each(thisRunsEngine())('audit trail viewer (%s)', (_name, embedded) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ embedded, env: { PUBLIC_RATE_LIMIT: '0', LOG_LEVEL: 'warn' } });
  });
  afterAll(() => server.stop());

  it('who did what, when, to which record: filters, paging, CSV for Excel, bad filters named', async () => {
    const staffLogin = await login(server.api, 'staff@example.jp');
    const staff = staffLogin.accessToken;
    const admin = (await login(server.api, 'admin@example.jp')).accessToken;
    const manager = (await login(server.api, 'manager@example.jp')).accessToken;
    const event = await createJobFair(server.api, staff, {
      title: { ja: '=HYPERLINK("http://x","監査")', en: 'Audit fair' },
      capacity: 5,
      daysAhead: 10,
    });
    const reg = await call<{ registrations: { id: string }[] }>(
      server.api,
      'POST',
      `/events/${event.id}/registrations`,
      {
        token: staff,
        body: { participants: [{ name: '監査 花子', nameKana: 'カンサ ハナコ', email: 'a@example.com' }] },
      },
    );

    const byEntity = await call<Row[]>(server.api, 'GET', '/audit?entity=events', { token: manager });
    expect(byEntity.status).toBe(200);
    const created = byEntity.body.find((r) => r.entityId === event.id);
    expect(created).toMatchObject({
      actorId: staffLogin.user.id,
      actorRole: 'staff',
      actorName: '職員 デモ',
      action: 'POST /api/events',
      entity: 'events',
    });
    expect(Date.now() - Date.parse(created!.at)).toBeLessThan(60_000);
    expect(byEntity.body.every((r) => r.entity === 'events')).toBe(true);
    expect(reg.status).toBe(201);
    const regs = await call<Row[]>(server.api, 'GET', '/audit?entity=registrations', { token: admin });
    expect(regs.body.find((r) => r.entityId === reg.body.registrations[0]!.id)?.action).toBe(
      'POST /api/events/:id/registrations',
    );

    // by actor; nothing outside the period; paging with the total
    const mine = await call<Row[]>(server.api, 'GET', `/audit?actorId=${staffLogin.user.id}`, { token: admin });
    expect(mine.body.length).toBeGreaterThan(0);
    expect(mine.body.every((r) => r.actorId === staffLogin.user.id)).toBe(true);
    const old = await call<Row[]>(server.api, 'GET', '/audit?from=2019-04-01&to=2019-04-30', { token: admin });
    expect(old.body).toEqual([]);
    const all = await call<Row[]>(server.api, 'GET', '/audit?pageSize=1', { token: admin });
    expect(all.body).toHaveLength(1);
    expect(Number(all.headers.get('x-total-count'))).toBeGreaterThanOrEqual(2);
    const page2 = await call<Row[]>(server.api, 'GET', '/audit?pageSize=1&page=2', { token: admin });
    expect(page2.body[0]).not.toEqual(all.body[0]);

    // CSV: opens in Japanese Excel (BOM, CRLF), the hostile title is not in it, no formula cell
    const csv = await fetch(`${server.api}/audit?format=csv&entity=events`, {
      headers: { authorization: `Bearer ${manager}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('日時,操作者ID,操作者,権限,操作,対象,対象ID,結果,概要');
    expect(text).toContain(event.id);
    expect(text).not.toContain('HYPERLINK');
    const sjis = await fetch(`${server.api}/audit?format=csv&encoding=sjis`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(sjis.headers.get('content-type')).toContain('Shift_JIS');

    // staff may not read it; bad filters are named
    expect((await call(server.api, 'GET', '/audit', { token: staff })).status).toBe(403);
    const bad = await call<{ errors: { field: string }[] }>(server.api, 'GET', '/audit?from=yesterday', {
      token: admin,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toContain('from');
    const reversed = await call<{ errors: { field: string }[] }>(
      server.api,
      'GET',
      '/audit?from=2021-05-01&to=2021-04-01',
      { token: admin },
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors.map((e) => e.field)).toEqual(['from']);
  });
});
