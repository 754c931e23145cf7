import { sign } from 'jsonwebtoken';
import { authenticator } from 'otplib';
import type { LoginResponse, TotpEnrolResponse } from '@chamber/contracts';
import { call, login, RunningServer, startServer, thisRunsEngine } from './support/server';
import { ReceivedMail, smtpSink } from './support/smtp';

const JWT_SECRET = 'e2e-accounts-secret-0123456789abcdef';
const PASSWORD = 'demo-pass-2019';

async function until<T>(check: () => T | undefined, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

// the run's engine: npm test runs the API suites once on each (E2E_ENGINE)
describe.each(thisRunsEngine())('the account life cycle over HTTP (%s)', (_name, embedded) => {
  let server: RunningServer;
  let smtp: Awaited<ReturnType<typeof smtpSink>>;
  const me = (token: string) => call(server.api, 'GET', '/auth/me', { token });
  const fields = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    smtp = await smtpSink();
    server = await startServer({ embedded, env: { JWT_SECRET, SMTP_URL: smtp.url, JOB_RETRY_DELAY_SECONDS: '1' } });
  });
  afterAll(async () => {
    await server.stop();
    await smtp.close();
  });

  it('refuses a token without exp, and a token after log-out', async () => {
    const session = await login(server.api, 'member@example.jp');
    const other = await login(server.api, 'member@example.jp');
    const claims = { sub: session.user.id, email: session.user.email, role: 'member', memberId: session.user.memberId };
    expect((await me(sign(claims, JWT_SECRET, { algorithm: 'HS256' }))).status).toBe(401);
    expect((await me(session.accessToken)).status).toBe(200);
    expect((await call(server.api, 'POST', '/auth/logout', { token: session.accessToken })).status).toBe(204);
    expect((await me(session.accessToken)).status).toBe(401);
    expect((await me(other.accessToken)).status).toBe(200);
  });

  it('changes a password (others refused), then resets it by mail through the outbox (every old token refused)', async () => {
    const email = 'member-admin@example.jp';
    const mine = await login(server.api, email);
    const other = await login(server.api, email);
    const weak = await call(server.api, 'POST', '/auth/password', {
      token: mine.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'aaaaaaaaaa' },
      headers: { 'accept-language': 'en' },
    });
    expect(weak.status).toBe(400);
    expect(fields(weak.body)).toEqual(['newPassword']);
    const changed = await call(server.api, 'POST', '/auth/password', {
      token: mine.accessToken,
      body: { currentPassword: PASSWORD, newPassword: 'sagamihara-no-sakura-2026' },
    });
    expect(changed.status).toBe(204);
    expect((await me(mine.accessToken)).status).toBe(200);
    expect((await me(other.accessToken)).status).toBe(401);

    const unknown = await call(server.api, 'POST', '/auth/password-reset', { body: { email: 'nobody@example.jp' } });
    const known = await call(server.api, 'POST', '/auth/password-reset', { body: { email } });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(known.text).toEqual(unknown.text);
    const mail: ReceivedMail = await until(() => smtp.received.find((m) => m.to.includes(email)));
    const token = /token=([\w-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    expect(smtp.received.filter((m) => m.to.includes('nobody@example.jp'))).toEqual([]);

    // staff see that it went out, never its link
    const staff = await login(server.api, 'staff@example.jp');
    const mails = await call<{ kind: string; bodyText: string }[]>(server.api, 'GET', '/mails', {
      token: staff.accessToken,
    });
    expect(mails.body.some((m) => m.kind === 'password_reset')).toBe(true);
    expect(mails.text).not.toContain(token!);

    const confirm = (body: unknown) => call(server.api, 'POST', '/auth/password-reset/confirm', { body });
    expect((await confirm({ token, newPassword: 'kamome-no-sora-2026' })).status).toBe(204);
    const reused = await confirm({ token, newPassword: 'kamome-no-sora-2027' });
    expect(reused.status).toBe(400);
    expect(fields(reused.body)).toEqual(['token']);
    expect((await me(mine.accessToken)).status).toBe(401);
    const fresh = await call<LoginResponse>(server.api, 'POST', '/auth/login', {
      body: { email, password: 'kamome-no-sora-2026' },
    });
    expect(fresh.status).toBe(200);
  });

  it('deactivates an account (tokens refused at once) and enrols TOTP for staff', async () => {
    const memberAdmin = await call<LoginResponse>(server.api, 'POST', '/auth/login', {
      body: { email: 'member-admin@example.jp', password: 'kamome-no-sora-2026' },
    });
    const member = await login(server.api, 'member@example.jp');
    const done = await call(server.api, 'POST', `/users/${member.user.id}/deactivate`, {
      token: memberAdmin.body.accessToken,
    });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ id: member.user.id, active: false });
    expect((await me(member.accessToken)).status).toBe(401);

    const staff = await login(server.api, 'staff@example.jp');
    const enrol = await call<TotpEnrolResponse>(server.api, 'POST', '/auth/totp/enrol', { token: staff.accessToken });
    const secret = new URL(enrol.body.otpauthUrl).searchParams.get('secret')!;
    const confirmed = await call(server.api, 'POST', '/auth/totp/confirm', {
      token: staff.accessToken,
      body: { code: authenticator.generate(secret) },
    });
    expect(confirmed.status).toBe(204);
    const without = await call(server.api, 'POST', '/auth/login', {
      body: { email: 'staff@example.jp', password: PASSWORD },
    });
    expect(without.status).toBe(401);
    expect(without.body).toMatchObject({ code: 'totp_required' });
    const withCode = await call(server.api, 'POST', '/auth/login', {
      body: { email: 'staff@example.jp', password: PASSWORD, totp: authenticator.generate(secret) },
    });
    expect(withCode.status).toBe(200);
  });

  it('an anonymous suggestion is followed by its receipt alone; a retry answers the same, another body 422', async () => {
    const member = await login(server.api, 'member-admin@example.jp', 'kamome-no-sora-2026');
    const headers = { 'idempotency-key': `anon-e2e-${embedded}` };
    const body = { category: 'services', body: '駐車場を増やしてほしい', anonymous: true };
    const first = await call<{ id: string; receipt: string }>(server.api, 'POST', '/suggestions', {
      token: member.accessToken,
      body,
      headers,
    });
    expect(first.status).toBe(201);
    const again = await call(server.api, 'POST', '/suggestions', { token: member.accessToken, body, headers });
    expect(again.body).toEqual(first.body);
    const other = await call(server.api, 'POST', '/suggestions', {
      token: member.accessToken,
      body: { ...body, body: '別の内容' },
      headers,
    });
    expect(other.status).toBe(422);
    const followed = await call(server.api, 'GET', `/suggestions/receipts/${first.body.receipt}`);
    expect(followed.status).toBe(200);
    expect(followed.body).toMatchObject({ id: first.body.id, anonymous: true, status: 'received' });
    const own = await call<{ id: string }[]>(server.api, 'GET', '/suggestions', { token: member.accessToken });
    expect(own.body.map((s) => s.id)).not.toContain(first.body.id);
  });

  it('caps event streams per account (the 6th is 429) and ends them when the session is revoked', async () => {
    const manager = await login(server.api, 'manager@example.jp');
    const open = async () => {
      const controller = new AbortController();
      const res = await fetch(`${server.api}/kpis/stream`, {
        headers: { authorization: `Bearer ${manager.accessToken}` },
        signal: controller.signal,
      });
      const ended =
        res.status === 200
          ? (async () => {
              const reader = res.body!.getReader();
              try {
                for (;;) if ((await reader.read()).done) return 'ended';
              } catch {
                return 'aborted';
              }
            })()
          : Promise.resolve('refused');
      return { status: res.status, ended, abort: () => controller.abort() };
    };
    const streams = [];
    for (let i = 0; i < 5; i++) streams.push(await open());
    const sixth = await open();
    expect([...streams.map((s) => s.status), sixth.status]).toEqual([200, 200, 200, 200, 200, 429]);
    await call(server.api, 'POST', '/auth/logout', { token: manager.accessToken });
    const outcomes = await Promise.all(
      streams.map((s) => Promise.race([s.ended, new Promise((r) => setTimeout(() => r('still open'), 5000))])),
    );
    expect(outcomes).toEqual(['ended', 'ended', 'ended', 'ended', 'ended']);
  });
});
