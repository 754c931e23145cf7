import { sign } from 'jsonwebtoken';
import { authenticator } from 'otplib';
import type { LoginResponse, TotpEnrolResponse, UserAccountView } from '@chamber/contracts';
import { startTestApp, TestApp } from '../../testing/test-app';
import { mailsAbout } from '../../testing/mails';

const DEV_SECRET = 'accounts-spec-secret-0123456789abcdef';
const PASSWORD = 'demo-pass-2019';

describe('accounts that can be revoked (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let seq = 0;

  const login = (email: string, password = PASSWORD, totp?: string) =>
    t.call<LoginResponse>('POST', '/auth/login', { body: { email, password, ...(totp ? { totp } : {}) } });
  const me = (token: string) => t.call('GET', '/auth/me', { token });
  const tokenOf = async (email: string, password = PASSWORD) => {
    const res = await login(email, password);
    expect(res.status).toBe(200);
    return res.body.accessToken;
  };
  /** A fresh account of the demo company (or of none), password demo-pass-2019. */
  const account = async (
    role: string,
    company: 'demo' | 'none' | string = 'demo',
  ): Promise<{ id: string; email: string }> => {
    const email = `acct-${++seq}-${role}@example.jp`;
    const memberId =
      company === 'none'
        ? null
        : company === 'demo'
          ? (
              (await t.db.query(`SELECT member_id FROM user_account WHERE email = 'member@example.jp'`)) as [
                { member_id: string },
              ]
            )[0].member_id
          : company;
    const [row] = (await t.db.query(
      `INSERT INTO user_account (email, password_hash, role, member_id, display_name)
       SELECT $1, password_hash, $2, $3, 'テスト' FROM user_account WHERE email = 'member@example.jp' RETURNING id`,
      [email, role, memberId],
    )) as { id: string }[];
    return { id: row!.id, email };
  };
  const fieldsOf = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_BACKOFF_AFTER: '3', JWT_SECRET: DEV_SECRET });
  });
  afterAll(() => t.close());

  it('refuses a correctly signed token without exp, without a session, or with a made-up session', async () => {
    const { id, email } = await account('member');
    const base = { sub: id, email, role: 'member', memberId: null };
    const noExp = sign(base, DEV_SECRET, { algorithm: 'HS256', jwtid: '00000000-0000-4000-8000-000000000000' });
    expect((await me(noExp)).status).toBe(401);
    const noJti = sign(base, DEV_SECRET, { algorithm: 'HS256', expiresIn: 600 });
    expect((await me(noJti)).status).toBe(401);
    const madeUp = sign(base, DEV_SECRET, {
      algorithm: 'HS256',
      expiresIn: 600,
      jwtid: '00000000-0000-4000-8000-000000000000',
    });
    expect((await me(madeUp)).status).toBe(401);
    // the real one works
    expect((await me(await tokenOf(email))).status).toBe(200);
  });

  it('log-out refuses that token at once (and only that one)', async () => {
    const { email } = await account('member');
    const a = await tokenOf(email);
    const b = await tokenOf(email);
    expect((await t.call('POST', '/auth/logout', { token: a })).status).toBe(204);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(200);
    expect((await t.call('POST', '/auth/logout')).status).toBe(401);
  });

  it('a password change refuses every other token; policy errors name newPassword in the caller language', async () => {
    const { email } = await account('member');
    const mine = await tokenOf(email);
    const other = await tokenOf(email);
    const change = (body: unknown, lang = 'en') =>
      t.call('POST', '/auth/password', { token: mine, body, headers: { 'accept-language': lang } });

    for (const weak of ['aaaaaaaaaa', 'aaaaaaaaaaaa', 'password1234', 'qwertyuiop123', 'Password2026!']) {
      const res = await change({ currentPassword: PASSWORD, newPassword: weak });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['newPassword']);
    }
    const ja = await change({ currentPassword: PASSWORD, newPassword: 'short' }, 'ja');
    expect((ja.body as { message: string }).message).toMatch(/12文字以上/);
    const en = await change({ currentPassword: PASSWORD, newPassword: 'short' }, 'en');
    expect((en.body as { message: string }).message).toMatch(/at least 12 characters/);
    const wrong = await change({ currentPassword: 'not-my-password', newPassword: 'kawasemi-no-ike-2026' });
    expect(wrong.status).toBe(400);
    expect(fieldsOf(wrong.body)).toEqual(['currentPassword']);
    // nothing was written by the refusals
    expect((await me(other)).status).toBe(200);

    expect((await change({ currentPassword: PASSWORD, newPassword: 'kawasemi-no-ike-2026' })).status).toBe(204);
    expect((await me(mine)).status).toBe(200);
    expect((await me(other)).status).toBe(401);
    expect((await login(email)).status).toBe(401);
    expect((await login(email, 'kawasemi-no-ike-2026')).status).toBe(200);
  });

  it('password reset by mail: 202 for any address, a one-time link for an hour, every old token refused', async () => {
    const { id, email } = await account('member_admin');
    const old = await tokenOf(email);
    const unknown = await t.call('POST', '/auth/password-reset', { body: { email: 'nobody-here@example.jp' } });
    expect(unknown.status).toBe(202);
    const known = await t.call('POST', '/auth/password-reset', {
      body: { email: email.toUpperCase() },
      headers: { 'accept-language': 'en' },
    });
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    const [reset] = (await t.db.query(`SELECT id, token_hash FROM password_reset WHERE user_id = $1`, [id])) as {
      id: string;
      token_hash: string;
    }[];
    const [mail] = await mailsAbout(t.app, reset!.id);
    expect(mail).toMatchObject({ kind: 'password_reset', toAddress: email });
    const token = /token=([\w-]+)/.exec(mail!.text)![1]!;
    // only the hash at rest; staff see the mail without its token
    expect(reset!.token_hash).not.toContain(token);
    const staff = await t.login('staff@example.jp');
    const listed = await t.call<{ bodyText: string }[]>('GET', `/mails?relatedId=${reset!.id}`, { token: staff });
    expect(listed.body[0]!.bodyText).not.toContain(token);
    expect(listed.body[0]!.bodyText).toContain('••••');

    const confirm = (body: unknown) => t.call('POST', '/auth/password-reset/confirm', { body });
    const weak = await confirm({ token, newPassword: 'password' });
    expect(fieldsOf(weak.body)).toEqual(['newPassword']);
    expect((await confirm({ token: 'made-up-token', newPassword: 'hototogisu-naku-2026' })).status).toBe(400);
    expect((await confirm({ token, newPassword: 'hototogisu-naku-2026' })).status).toBe(204);
    const again = await confirm({ token, newPassword: 'hototogisu-naku-2027' });
    expect(again.status).toBe(400);
    expect(fieldsOf(again.body)).toEqual(['token']);
    expect((await me(old)).status).toBe(401);
    expect((await login(email, 'hototogisu-naku-2026')).status).toBe(200);

    // an expired link
    await t.call('POST', '/auth/password-reset', { body: { email } });
    const [late] = (await t.db.query(
      `UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL RETURNING id`,
      [id],
    )) as [{ id: string }[], number];
    const [lateMail] = await mailsAbout(t.app, late[0]!.id);
    const lateToken = /token=([\w-]+)/.exec(lateMail!.text)![1]!;
    const expired = await confirm({ token: lateToken, newPassword: 'hototogisu-naku-2028' });
    expect(expired.status).toBe(400);
    expect(fieldsOf(expired.body)).toEqual(['token']);
  });

  it('deactivation: admin any account, staff member accounts, member_admin the own company; tokens refused at once', async () => {
    const admin = await t.login('admin@example.jp');
    const staff = await t.login('staff@example.jp');
    const memberAdmin = await t.login('member-admin@example.jp');
    const member = await t.login('member@example.jp');
    const deactivate = (id: string, token: string) => t.call(`POST`, `/users/${id}/deactivate`, { token });

    const colleague = await account('member');
    const colleagueToken = await tokenOf(colleague.email);
    expect((await deactivate(colleague.id, member)).status).toBe(403);
    const done = await deactivate(colleague.id, memberAdmin);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ id: colleague.id, active: false });
    expect((await me(colleagueToken)).status).toBe(401);
    expect((await login(colleague.email)).status).toBe(401);

    const [other] = (await t.db.query(
      `INSERT INTO member (name, name_kana) VALUES ('別会社', 'ベツガイシャ') RETURNING id`,
    )) as { id: string }[];
    const outsider = await account('member', other!.id);
    expect((await deactivate(outsider.id, memberAdmin)).status).toBe(404);
    const anotherStaff = await account('staff', 'none');
    expect((await deactivate(anotherStaff.id, staff)).status).toBe(403);
    expect((await deactivate(outsider.id, staff)).status).toBe(200);
    const anotherStaffToken = await tokenOf(anotherStaff.email);
    expect((await deactivate(anotherStaff.id, admin)).status).toBe(200);
    expect((await me(anotherStaffToken)).status).toBe(401);

    const list = await t.call<UserAccountView[]>('GET', '/users', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.find((u) => u.id === anotherStaff.id)).toMatchObject({ active: false, role: 'staff' });
    expect(list.body.find((u) => u.email === 'admin@example.jp')?.lastLoginAt).toEqual(expect.any(String));
    expect(JSON.stringify(list.body)).not.toMatch(/password|totp_secret|\$argon2/);
    expect((await t.call('GET', '/users', { token: staff })).status).toBe(403);
    // audit rows of these writes, by members too
    const audited = (await t.db.query(
      `SELECT actor_role FROM audit_log WHERE action = 'POST /api/users/:id/deactivate' ORDER BY id`,
    )) as { actor_role: string }[];
    expect(audited.map((a) => a.actor_role)).toEqual(['member_admin', 'staff', 'admin']);
  });

  it('a token is refused once its role or company changes, or its company has left', async () => {
    const a = await account('member_admin');
    const token = await tokenOf(a.email);
    await t.db.query(`UPDATE user_account SET role = 'member' WHERE id = $1`, [a.id]);
    expect((await me(token)).status).toBe(401);

    const [company] = (await t.db.query(
      `INSERT INTO member (name, name_kana) VALUES ('退会予定会社', 'タイカイヨテイ') RETURNING id`,
    )) as { id: string }[];
    const b = await account('member', company!.id);
    const bToken = await tokenOf(b.email);
    await t.db.query(`UPDATE member SET left_on = (now() AT TIME ZONE 'Asia/Tokyo')::date + 1 WHERE id = $1`, [
      company!.id,
    ]);
    expect((await me(bToken)).status).toBe(200);
    await t.db.query(`UPDATE member SET left_on = (now() AT TIME ZONE 'Asia/Tokyo')::date - 1 WHERE id = $1`, [
      company!.id,
    ]);
    expect((await me(bToken)).status).toBe(401);
    expect((await login(b.email)).status).toBe(401);
  });

  it('backs off an address after repeated failures (429), known or not, and audits each refused log-in', async () => {
    const { email } = await account('member');
    for (const who of [email, 'no-such-account@example.jp']) {
      for (let i = 0; i < 3; i++) expect((await login(who, 'wrong-password')).status).toBe(401);
      const held = await login(who, who === email ? PASSWORD : 'wrong-password');
      expect(held.status).toBe(429);
    }
    const rows = (await t.db.query(
      `SELECT detail FROM audit_log WHERE action = 'auth.login_failed' AND detail->>'email' = $1`,
      [email],
    )) as { detail: Record<string, unknown> }[];
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toContain('wrong-password');
  });

  it('event streams: at most 5 per account (429 beyond); each ends at log-out, deactivation and token expiry', async () => {
    /** an open stream, and a promise that resolves when the server ends it */
    const openStream = async (token: string) => {
      const controller = new AbortController();
      const res = await fetch(`${t.api}/kpis/stream`, {
        headers: { authorization: `Bearer ${token}` },
        signal: controller.signal,
      });
      const ended =
        res.status === 200
          ? (async () => {
              const reader = res.body!.getReader();
              try {
                for (;;) if ((await reader.read()).done) return true;
              } catch {
                return false; // aborted by us
              }
            })()
          : Promise.resolve(true);
      return { status: res.status, ended, close: () => controller.abort() };
    };
    const within = <T>(p: Promise<T>, ms: number) =>
      Promise.race([p, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

    const manager = await account('manager', 'none');
    const token = await tokenOf(manager.email);
    const streams = [];
    for (let i = 0; i < 5; i++) streams.push(await openStream(token));
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    const sixth = await openStream(token);
    expect(sixth.status).toBe(429);
    streams.pop()!.close();
    await new Promise((r) => setTimeout(r, 200));
    const again = await openStream(token);
    expect(again.status).toBe(200);
    // log-out of that token ends its streams at once
    expect((await t.call('POST', '/auth/logout', { token })).status).toBe(204);
    expect(await within(again.ended, 3000)).toBe(true);
    for (const s of streams) expect(await within(s.ended, 3000)).toBe(true);

    // deactivation
    const other = await account('manager', 'none');
    const live = await openStream(await tokenOf(other.email));
    expect(live.status).toBe(200);
    await t.call('POST', `/users/${other.id}/deactivate`, { token: await t.login('admin@example.jp') });
    expect(await within(live.ended, 3000)).toBe(true);

    // a token that expires in 2 s: its stream ends then
    const third = await account('manager', 'none');
    const [session] = (await t.db.query(
      `INSERT INTO auth_session (user_id, expires_at) VALUES ($1, now() + interval '3 seconds') RETURNING id`,
      [third.id],
    )) as { id: string }[];
    const shortLived = sign({ sub: third.id, email: third.email, role: 'manager', memberId: null }, DEV_SECRET, {
      algorithm: 'HS256',
      expiresIn: 2,
      jwtid: session!.id,
    });
    const started = Date.now();
    const expiring = await openStream(shortLived);
    expect(expiring.status).toBe(200);
    expect(await within(expiring.ended, 5000)).toBe(true);
    expect(Date.now() - started).toBeGreaterThan(1000);
  });

  it('staff see invitation and reset mails without their tokens; every token is only hashed at rest', async () => {
    const memberAdmin = await t.login('member-admin@example.jp');
    const companyId = (
      (await t.db.query(`SELECT member_id FROM user_account WHERE email = 'member-admin@example.jp'`)) as [
        { member_id: string },
      ]
    )[0].member_id;
    const invited = await t.call<{ id: string }>('POST', `/members/${companyId}/invitations`, {
      token: memberAdmin,
      body: { email: 'invitee-tokens@example.jp', name: '招待 太郎' },
    });
    expect(invited.status).toBe(201);
    const [mail] = await mailsAbout(t.app, invited.body.id);
    const token = /invitations\/([\w-]+)/.exec(mail!.text)![1]!;
    const staff = await t.login('staff@example.jp');
    const all = await t.call<{ bodyText: string; subject: string }[]>('GET', '/mails', { token: staff });
    expect(JSON.stringify(all.body)).not.toContain(token);
    const dump = JSON.stringify(await t.db.query(`SELECT * FROM member_invitation`));
    expect(dump).not.toContain(token);
    // a weak password is refused on acceptance too, naming the field
    const weak = await t.call('POST', `/public/invitations/${token}/accept`, { body: { password: 'password1234' } });
    expect(weak.status).toBe(400);
    expect(fieldsOf(weak.body)).toEqual(['password']);
  });

  it('TOTP: staff enrol, confirm, and log in with the code; without it 401 totp_required', async () => {
    const s = await account('staff', 'none');
    const token = await tokenOf(s.email);
    const member = await t.login('member@example.jp');
    expect((await t.call('POST', '/auth/totp/enrol', { token: member })).status).toBe(403);
    const enrol = await t.call<TotpEnrolResponse>('POST', '/auth/totp/enrol', { token });
    expect(enrol.status).toBe(200);
    const secret = new URL(enrol.body.otpauthUrl).searchParams.get('secret')!;
    const [stored] = (await t.db.query(`SELECT totp_secret FROM user_account WHERE id = $1`, [s.id])) as {
      totp_secret: string;
    }[];
    expect(stored!.totp_secret).not.toContain(secret);
    // not yet confirmed: log-in as before
    expect((await login(s.email)).status).toBe(200);
    const bad = await t.call('POST', '/auth/totp/confirm', { token, body: { code: '000000' } });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['code']);
    expect(
      (await t.call('POST', '/auth/totp/confirm', { token, body: { code: authenticator.generate(secret) } })).status,
    ).toBe(204);
    const without = await login(s.email);
    expect(without.status).toBe(401);
    expect(without.body).toMatchObject({ code: 'totp_required' });
    expect((await login(s.email, PASSWORD, authenticator.generate(secret))).status).toBe(200);
  });
});

describe('TOTP required for staff (TOTP_REQUIRED_FOR_STAFF=true)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TOTP_REQUIRED_FOR_STAFF: 'true' });
  });
  afterAll(() => t.close());

  it('a staff account without TOTP may only enrol; members are not concerned', async () => {
    const staff = await t.login('staff@example.jp');
    const refused = await t.call('GET', '/suggestions', { token: staff });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'totp_enrolment_required' });
    const enrol = await t.call<TotpEnrolResponse>('POST', '/auth/totp/enrol', { token: staff });
    const secret = new URL(enrol.body.otpauthUrl).searchParams.get('secret')!;
    await t.call('POST', '/auth/totp/confirm', { token: staff, body: { code: authenticator.generate(secret) } });
    expect((await t.call('GET', '/suggestions', { token: staff })).status).toBe(200);
    expect((await t.call('GET', '/suggestions', { token: await t.login('member@example.jp') })).status).toBe(200);
  });
});
