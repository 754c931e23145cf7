import { listeningSockets } from './support/listening-sockets';
import { call, createJobFair, login, RunningServer, startServer } from './support/server';

interface Registration {
  id: string;
  status: 'registered' | 'waitlisted';
  waitlistPosition: number | null;
}

/** The last-seat race on each engine: no overbooking, a gapless waitlist. */
describe('concurrent public registrations', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { PUBLIC_RATE_LIMIT: '0', LOG_LEVEL: 'warn' } });
  });
  afterAll(() => server.stop());

  it('accepts connections on its HTTP port only: the database is reached in-process, by no port or socket', () => {
    const pid = server.pid();
    expect(pid).toBeDefined();
    expect(listeningSockets(pid!)).toEqual({ tcpPorts: [server.port], unixPaths: [] });
  });

  it('fills exactly the capacity, waitlists the rest in order, and counts registrations once', async () => {
    const staff = (await login(server.api, 'staff@example.jp')).accessToken;
    const event = await createJobFair(server.api, staff, {
      title: { ja: '合同就職説明会（PGlite）', en: 'Job fair (PGlite)' },
      capacity: 30,
      daysAhead: 14,
    });

    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        call<Registration>(server.api, 'POST', `/public/events/${event.id}/registrations`, {
          body: {
            name: `学生 ${i}`,
            nameKana: 'がくせい',
            email: `pglite${i}@example.ac.jp`,
            school: '相模女子大学',
            graduationYear: 2028,
          },
        }),
      ),
    );
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const registered = answers.filter((a) => a.body.status === 'registered');
    const waitlisted = answers.filter((a) => a.body.status === 'waitlisted');
    expect(registered).toHaveLength(30);
    expect(waitlisted.map((a) => a.body.waitlistPosition).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 70 }, (_, i) => i + 1),
    );

    const detail = await call<{ registeredCount: number; waitlistCount: number }>(
      server.api,
      'GET',
      `/events/${event.id}`,
      { token: staff },
    );
    expect(detail.body).toMatchObject({ registeredCount: 30, waitlistCount: 70 });
  });
  it('keeps taking registrations after a refused double submit (no session state shared by connections)', async () => {
    const staff = (await login(server.api, 'staff@example.jp')).accessToken;
    const memberAdmin = (await login(server.api, 'member-admin@example.jp')).accessToken;
    const event = await createJobFair(server.api, staff, {
      title: { ja: '二重送信の確認', en: 'Double submit' },
      capacity: 10,
      daysAhead: 10,
    });
    const signUp = (email: string) =>
      call(server.api, 'POST', `/public/events/${event.id}/registrations`, {
        body: { name: '学生 二重', nameKana: 'がくせい', email },
      });
    expect((await signUp('twice@example.ac.jp')).status).toBe(201);
    const twice = await signUp('twice@example.ac.jp');
    // the body names its code, for clients to switch on (the portal puts it by the email field)
    expect([twice.status, (twice.body as { code?: string }).code]).toEqual([409, 'already_registered']);
    // the refused statement must not leave anything behind that breaks the next connection
    for (let i = 0; i < 6; i++) expect((await signUp(`after${i}@example.ac.jp`)).status).toBe(201);
    const batch = await call(server.api, 'POST', `/events/${event.id}/registrations`, {
      token: memberAdmin,
      body: { participants: [{ name: '社員 一郎', nameKana: 'シャイン イチロウ', email: 'ichiro@demo.example.jp' }] },
    });
    expect(batch.status).toBe(201);
    expect(server.log()).not.toMatch(/already exists/);
  });
  it("answers an unknown route with 404 and the code not_found, in the caller's language", async () => {
    const ja = await call<{ code?: string; message?: string }>(server.api, 'GET', '/no-such-route');
    expect([ja.status, ja.body.code, ja.body.message]).toEqual([404, 'not_found', '見つかりません']);
    const en = await call<{ code?: string; message?: string }>(server.api, 'GET', '/no-such-route', {
      headers: { 'accept-language': 'en' },
    });
    expect([en.status, en.body.code, en.body.message]).toEqual([404, 'not_found', 'Not found']);
  });
});
