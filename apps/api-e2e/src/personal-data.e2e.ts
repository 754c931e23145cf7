// Personal data on request (個人情報保護法): after a person's whole life in the portal (invited
// account, people record, company and public registrations, an exam application, a consultation
// that names them, a refused log-in, mails), the export lists it and the erasure leaves no text
// of any table holding their email or name, while GET /api/kpis answers exactly what it did.
import type { LoginResponse } from '@chamber/contracts';
import { call, createJobFair, login, RunningServer, startServer, thisRunsEngine } from './support/server';
import { smtpSink } from './support/smtp';

const EMAIL = 'hanako.shoukyo@example.com';
const NAME = '消去 花子';
const KANA = 'ショウキョ ハナコ';
const PHONE = '090-5555-0101';

async function until<T>(check: () => Promise<T | undefined> | T | undefined, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(thisRunsEngine())('personal data on request (%s)', (_name, embedded) => {
  let server: RunningServer;
  let smtp: Awaited<ReturnType<typeof smtpSink>>;
  beforeAll(async () => {
    smtp = await smtpSink();
    server = await startServer({
      embedded,
      env: { SMTP_URL: smtp.url, PUBLIC_RATE_LIMIT: '0', JOB_RETRY_DELAY_SECONDS: '1', LOG_LEVEL: 'warn' },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  /** Every text (and JSON) cell of every table that contains one of the terms. */
  async function scan(terms: string[]): Promise<string[]> {
    const columns = await server.sql<{ t: string; c: string }>(
      `SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
    );
    const hits: string[] = [];
    for (const { t, c } of columns) {
      const rows = await server.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${t}" WHERE ${terms.map((_, i) => `strpos(lower("${c}"::text), $${i + 1}) > 0`).join(' OR ')}`,
        terms.map((x) => x.toLowerCase()),
      );
      if (rows[0]!.n > 0) hits.push(`${t}.${c} (${rows[0]!.n})`);
    }
    return hits;
  }

  it('exports everything held about an email, erases it everywhere, KPIs unchanged, audited by a hash', async () => {
    const staff = (await login(server.api, 'staff@example.jp')).accessToken;
    const adminLogin = await login(server.api, 'admin@example.jp');
    const admin = adminLogin.accessToken;
    const memberAdmin = await login(server.api, 'member-admin@example.jp');
    const memberId = memberAdmin.user.memberId!;

    // an integration receives registrations and member changes (its deliveries are swept too)
    const hook = await call(server.api, 'POST', '/webhooks', {
      token: admin,
      body: { url: 'http://127.0.0.1:9/hook', events: ['registration.created', 'member.updated'] },
    });
    expect(hook.status).toBe(201);

    // a people record and an invitation, accepted: an account
    const person = await call(server.api, 'POST', `/members/${memberId}/people`, {
      token: staff,
      body: { name: NAME, nameKana: KANA, email: EMAIL, phone: PHONE, role: '経理' },
    });
    expect(person.status).toBe(201);
    const invited = await call(server.api, 'POST', `/members/${memberId}/invitations`, {
      token: memberAdmin.accessToken,
      body: { email: EMAIL, name: NAME },
    });
    expect(invited.status).toBe(201);
    const mail = await until(() => smtp.received.find((m) => m.to.includes(EMAIL)));
    const token = /\/members\/invitations\/([^\s"'<>)\]]+)/.exec(mail.text)![1]!;
    const accepted = await call(server.api, 'POST', `/public/invitations/${token}/accept`, {
      body: { password: 'a long passphrase of hers', displayName: NAME },
    });
    expect(accepted.status).toBe(201);
    const herLogin = await call<LoginResponse>(server.api, 'POST', '/auth/login', {
      body: { email: EMAIL, password: 'a long passphrase of hers' },
    });
    expect(herLogin.status).toBe(200);
    // a refused log-in (its audit row holds the email)
    await call(server.api, 'POST', '/auth/login', { body: { email: EMAIL, password: 'wrong password here' } });

    // a company registration by her own account, a public one, an exam application, a consultation
    const seminar = await createJobFair(server.api, staff, {
      title: { ja: '個人情報テスト説明会', en: 'Privacy fair' },
      capacity: 10,
      daysAhead: 15,
    });
    const own = await call(server.api, 'POST', `/events/${seminar.id}/registrations`, {
      token: herLogin.body.accessToken,
      body: { participants: [{ name: NAME, nameKana: KANA, email: EMAIL }] },
      headers: { 'idempotency-key': 'privacy-own-1' },
    });
    expect(own.status).toBe(201);
    const fair = await createJobFair(server.api, staff, {
      title: { ja: '個人情報テスト合説', en: 'Privacy fair 2' },
      capacity: 10,
      daysAhead: 16,
    });
    const pub = await call(server.api, 'POST', `/public/events/${fair.id}/registrations`, {
      body: { name: NAME, nameKana: KANA, email: EMAIL, school: '相模原消去高校', graduationYear: 2028 },
    });
    expect(pub.status).toBe(201);
    const sitting = await call<{ id: string }>(server.api, 'POST', '/exams', {
      token: staff,
      body: {
        examCode: 'boki',
        grade: '3',
        startsAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
        venue: '相模原商工会議所',
        capacity: 100,
        fee: 2850,
        audience: 'public',
      },
    });
    expect(sitting.status).toBe(201);
    const exam = await call(server.api, 'POST', `/public/exams/${sitting.body.id}/applications`, {
      body: { name: NAME, nameKana: KANA, email: EMAIL, birthDate: '2004-05-06', phone: PHONE },
    });
    expect(exam.status).toBe(201);
    const consultation = await call(server.api, 'POST', `/members/${memberId}/consultations`, {
      token: staff,
      body: { kind: 'guidance', date: new Date().toISOString().slice(0, 10), summary: `${NAME}様より資金繰りの相談` },
    });
    expect(consultation.status).toBe(201);
    // the mails went out (their outbox rows hold the address)
    await until(() => smtp.received.filter((m) => m.to.includes(EMAIL)).length >= 3 || undefined);

    expect(await scan([EMAIL])).not.toEqual([]);
    const kpisBefore = await call(server.api, 'GET', '/kpis', { token: staff });
    const countersBefore = await call(server.api, 'GET', '/kpis/counters', { token: staff });
    const ledgerBefore = await server.sql(`SELECT * FROM kpi_ledger ORDER BY id`);

    // the export: every kind of record
    const exported = await call<Record<string, unknown[] | Record<string, unknown> | null>>(
      server.api,
      'GET',
      `/personal-data?email=${encodeURIComponent(EMAIL.toUpperCase())}`,
      { token: admin },
    );
    expect(exported.status).toBe(200);
    expect(exported.body['account']).toMatchObject({ email: EMAIL, display_name: NAME });
    expect(exported.body['registrations']).toHaveLength(2);
    expect(exported.body['examApplications']).toHaveLength(1);
    expect(exported.body['people']).toHaveLength(1);
    expect(exported.body['invitations']).toHaveLength(1);
    expect(exported.body['consultations']).toHaveLength(1);
    expect((exported.body['mails'] as unknown[]).length).toBeGreaterThanOrEqual(3);

    // bad input named, nothing written; erasing one's own account refused
    const bad = await call<{ errors: { field: string }[] }>(server.api, 'POST', '/personal-data/erase', {
      token: admin,
      body: { email: 'not an email' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(['email']);
    const self = await call<{ code: string }>(server.api, 'POST', '/personal-data/erase', {
      token: admin,
      body: { email: 'admin@example.jp' },
    });
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('erase_own_account');

    const erased = await call<{ erased: Record<string, number> }>(server.api, 'POST', '/personal-data/erase', {
      token: admin,
      body: { email: EMAIL },
    });
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toMatchObject({
      accounts: 1,
      registrations: 2,
      examApplications: 1,
      people: 1,
      invitations: 1,
    });
    expect(erased.body.erased['otherTexts']).toBeGreaterThan(0);

    // no text of any table holds her email, name (as typed, without the space), kana or phone
    expect(await scan([EMAIL, NAME, NAME.replace(' ', ''), KANA, PHONE])).toEqual([]);
    // counts, KPI counters and the ledger as they were
    expect(await call(server.api, 'GET', '/kpis', { token: staff })).toMatchObject({
      status: 200,
      body: kpisBefore.body,
    });
    expect((await call(server.api, 'GET', '/kpis/counters', { token: staff })).body).toEqual(countersBefore.body);
    expect(await server.sql(`SELECT * FROM kpi_ledger ORDER BY id`)).toEqual(ledgerBefore);
    // the records are still there, as (削除済み); her account is closed at once
    const regs = await server.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM registration WHERE event_id = ANY($1::uuid[]) AND name = '（削除済み）'`,
      [[seminar.id, fair.id]],
    );
    expect(regs[0]!.n).toBe(2);
    expect((await call(server.api, 'GET', '/auth/me', { token: herLogin.body.accessToken })).status).toBe(401);
    expect(
      (
        await call(server.api, 'POST', '/auth/login', {
          body: { email: EMAIL, password: 'a long passphrase of hers' },
        })
      ).status,
    ).toBe(401);

    // both audited, under a hash, by the admin
    const audit = await call<{ action: string; actorId: string; entityId: string }[]>(
      server.api,
      'GET',
      '/audit?entity=personal_data',
      { token: admin },
    );
    expect(audit.body.map((a) => a.action).sort()).toEqual(['personal_data.erased', 'personal_data.exported']);
    expect(audit.body.every((a) => a.actorId === adminLogin.user.id && /^[0-9a-f]{32}$/.test(a.entityId))).toBe(true);

    // asking again finds nothing
    const again = await call<{ registrations: unknown[]; account: unknown }>(
      server.api,
      'GET',
      `/personal-data?email=${encodeURIComponent(EMAIL)}`,
      { token: admin },
    );
    expect(again.body.account).toBeNull();
    expect(again.body.registrations).toEqual([]);
  });
});
