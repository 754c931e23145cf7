import fc from 'fast-check';
import { Client } from 'pg';
import { call, createJobFair, login, RunningServer, startServer } from './support/server';

/** Control characters a person never types (tab, LF and CR are text). */
const CONTROLS = [...Array(32).keys()].filter((c) => ![9, 10, 13].includes(c)).concat(127);

interface ErrorBody {
  statusCode: number;
  errors?: { field: string; message: string }[];
}

/** The public forms and a valid body of each: every text field gets the property test. */
function publicForms(eventId: string, sittingId: string): { path: string; body: Record<string, string> }[] {
  const person = { name: '相模 花子', nameKana: 'サガミ ハナコ', email: 'hanako@example.jp' };
  const candidate = { ...person, birthDate: '2004-05-06', phone: '090-1234-5678' };
  return [
    { path: `/public/events/${eventId}/registrations`, body: { ...person, school: '相模原大学' } },
    { path: '/public/registrations/cancel', body: { cancelToken: 'a-cancel-token' } },
    { path: '/public/registrations/lookup', body: { cancelToken: 'a-cancel-token' } },
    { path: `/public/exams/${sittingId}/applications`, body: candidate },
    { path: '/public/exam-applications/cancel', body: { cancelToken: 'a-cancel-token' } },
    { path: '/auth/login', body: { email: 'admin@example.jp', password: 'demo-pass-2019' } },
    { path: '/auth/password-reset', body: { email: 'admin@example.jp' } },
    { path: '/auth/password-reset/confirm', body: { token: 'a-reset-token', newPassword: 'a long new passphrase' } },
    { path: '/public/invitations/some-token/accept', body: { password: 'a long new passphrase', displayName: '花子' } },
  ];
}

describe.each([
  ['PostgreSQL', false],
  ['embedded PGlite', true],
])('hostile bodies and control characters (%s)', (_engine, embedded) => {
  let server: RunningServer;
  let staff: string;
  let eventId: string;
  let sittingId: string;
  /** rows of every table a refused request could have written (PostgreSQL only: PGlite is in-process) */
  let rows: () => Promise<string>;

  beforeAll(async () => {
    server = await startServer({ embedded });
    staff = (await login(server.api, 'staff@example.jp')).accessToken;
    eventId = (
      await createJobFair(server.api, staff, { title: { ja: '就職フェア', en: 'Fair' }, capacity: 50, daysAhead: 9 })
    ).id;
    const sitting = await call<{ id: string }>(server.api, 'POST', '/exams', {
      token: staff,
      body: {
        examCode: 'boki',
        grade: '3',
        startsAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
        venue: '会議所',
        capacity: 100,
        fee: 2850,
        audience: 'public',
      },
    });
    sittingId = sitting.body.id;
    rows = async () => {
      if (!server.databaseUrl) {
        const res = await call<unknown[]>(server.api, 'GET', `/events/${eventId}/roster`, { token: staff });
        const apps = await call<unknown[]>(server.api, 'GET', `/exams/${sittingId}/applications`, { token: staff });
        return `${res.body.length}/${apps.body.length}`;
      }
      const db = new Client({ connectionString: server.databaseUrl });
      await db.connect();
      try {
        const r = await db.query<{ n: string }>(
          `SELECT (SELECT count(*) FROM registration) || '/' || (SELECT count(*) FROM exam_application) || '/' ||
                  (SELECT count(*) FROM user_account) AS n`,
        );
        return r.rows[0]!.n;
      } finally {
        await db.end();
      }
    };
  });
  afterAll(() => server.stop());

  it('refuses a control character in any text field of a public form: 400 naming the field, nothing written', async () => {
    const before = await rows();
    const forms = publicForms(eventId, sittingId);
    const failures: string[] = [];
    await fc
      .assert(
        fc.asyncProperty(
          fc.constantFrom(...forms),
          fc.nat(),
          fc.constantFrom(...CONTROLS),
          fc.nat(),
          async (form, fieldPick, code, at) => {
            const fields = Object.keys(form.body);
            const field = fields[fieldPick % fields.length]!;
            const value = form.body[field]!;
            const cut = at % (value.length + 1);
            const body = { ...form.body, [field]: value.slice(0, cut) + String.fromCharCode(code) + value.slice(cut) };
            const res = await call<ErrorBody>(server.api, 'POST', form.path, { body });
            const named = res.body.errors?.some((e) => e.field === field);
            if (res.status !== 400 || !named)
              failures.push(`${form.path} ${field} U+${code.toString(16)} → ${res.status}`);
            return res.status === 400 && Boolean(named);
          },
        ),
        { numRuns: 150, seed: 11 },
      )
      .catch(() => undefined);
    expect(failures).toEqual([]);
    expect(await rows()).toBe(before);
  });

  it('refuses a control character in a query or path parameter', async () => {
    const query = await call<ErrorBody>(server.api, 'GET', '/events?kind=seminar%00');
    expect(query.status).toBe(400);
    expect(query.body.errors?.map((e) => e.field)).toEqual(['kind']);
    const param = await call<ErrorBody>(server.api, 'POST', '/public/invitations/abc%00def/accept', {
      body: { password: 'a long new passphrase' },
    });
    expect(param.status).toBe(400);
    expect(param.body.errors?.map((e) => e.field)).toContain('token');
  });

  it('answers JSON nested 100 000 deep with 400 (signed in) or 413 (anonymous), never 500', async () => {
    const deepArray = '['.repeat(100_000) + ']'.repeat(100_000);
    const deepObject = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    for (const text of [deepArray, deepObject]) {
      const signedIn = await fetch(`${server.api}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${staff}` },
        body: text,
      });
      expect(signedIn.status).toBe(400);
      expect(((await signedIn.json()) as ErrorBody).errors?.[0]?.message).toMatch(/入れ子/);
      const anonymous = await fetch(`${server.api}/public/events/${eventId}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: text,
      });
      expect(anonymous.status).toBe(413);
    }
    // within the anonymous cap, still a 400
    const shallow = await fetch(`${server.api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '['.repeat(5_000) + ']'.repeat(5_000),
    });
    expect(shallow.status).toBe(400);
  });

  it('caps bodies: 32 KB anonymous (also with a bogus token), arrays at their @ArrayMaxSize before validating elements', async () => {
    const before = await rows();
    // 11 000 of these are the 600 KB of the security review
    const candidate = { name: '受験', nameKana: 'ア', email: 'x@e.jp' };
    const huge = { candidates: Array.from({ length: 11_000 }, () => candidate) };
    const anonymous = await call<ErrorBody>(server.api, 'POST', `/exams/${sittingId}/applications`, { body: huge });
    expect(anonymous.status).toBe(413);
    expect(anonymous.body.errors?.map((e) => e.field)).toEqual(['body']);
    // a token that turns out invalid on a public route: the body is read, then the anonymous cap applies
    const forged = await call<ErrorBody>(server.api, 'POST', `/exams/${sittingId}/applications`, {
      body: { candidates: Array.from({ length: 1_000 }, () => candidate) },
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(forged.status).toBe(413);
    const big = await call(server.api, 'POST', `/public/events/${eventId}/registrations`, {
      body: { name: 'x', nameKana: 'エックス', email: 'big@example.jp', school: 'x'.repeat(33 * 1024) },
    });
    expect(big.status).toBe(413);
    // signed in: 101 candidates are refused by their count, the 11 000 by the value count
    const over = await call<ErrorBody>(server.api, 'POST', `/exams/${sittingId}/applications`, {
      token: staff,
      body: { candidates: Array.from({ length: 101 }, () => candidate) },
    });
    expect(over.status).toBe(400);
    expect(over.body.errors?.map((e) => e.field)).toEqual(['candidates']);
    const t0 = Date.now();
    const flood = await call<ErrorBody>(server.api, 'POST', `/exams/${sittingId}/applications`, {
      token: staff,
      body: huge,
    });
    expect(flood.status).toBe(400);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await rows()).toBe(before);
  });
});
