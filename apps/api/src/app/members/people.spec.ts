import type {
  AcceptInvitationResponse,
  ApiError,
  Invitation,
  InvitationInfo,
  LoginResponse,
  MemberPerson,
} from '@chamber/contracts';
import { mailsAbout } from '../../testing/mails';
import { startTestApp, TestApp } from '../../testing/test-app';
import { createMember } from './testing/member-fixtures';

describe('people and invitations of member companies (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;
  let memberAdmin: string;
  let member: string;
  let demoId: string;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_RATE_LIMIT: '20' });
    staff = await t.login('staff@example.jp');
    memberAdmin = await t.login('member-admin@example.jp');
    member = await t.login('member@example.jp');
    demoId = (await t.call<{ memberId: string }>('GET', '/auth/me', { token: memberAdmin })).body.memberId;
  });
  afterAll(() => t.close());

  /** The token of the invitation mail, as it is sent (staff see the mail with the token hidden). */
  const mailedToken = async (invitationId: string) => {
    const mails = await mailsAbout(t.app, invitationId);
    expect(mails).toHaveLength(1);
    const match = /\/members\/invitations\/([A-Za-z0-9_-]+)/.exec(mails[0]!.text);
    const shown = await t.call<{ bodyText: string }[]>('GET', `/mails?relatedId=${invitationId}`, { token: staff });
    expect(shown.body[0]!.bodyText).not.toContain(match![1]!);
    return match![1]!;
  };
  const login = (email: string, password: string) =>
    t.call<LoginResponse>('POST', '/auth/login', { body: { email, password } });

  it('a member_admin keeps their own company’s people; furigana in hiragana is stored as katakana', async () => {
    const added = await t.call<MemberPerson>('POST', `/members/${demoId}/people`, {
      token: memberAdmin,
      body: {
        name: '相模 花子',
        nameKana: 'さがみ はなこ',
        email: 'Hanako@Demo.example.jp',
        role: '総務部長',
        primary: true,
      },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ nameKana: 'サガミ ハナコ', email: 'hanako@demo.example.jp', primary: true });
    const edited = await t.call<MemberPerson>('PATCH', `/members/${demoId}/people/${added.body.id}`, {
      token: memberAdmin,
      body: { phone: '042-111-2222' },
    });
    expect(edited.body.phone).toBe('042-111-2222');
    const list = await t.call<MemberPerson[]>('GET', `/members/${demoId}/people`, { token: member });
    expect(list.body.map((p) => p.name)).toContain('相模 花子');
    expect(
      (await t.call('POST', `/members/${demoId}/people`, { token: member, body: { name: 'x', nameKana: 'エックス' } }))
        .status,
    ).toBe(403);
    const bad = await t.call<ApiError>('POST', `/members/${demoId}/people`, {
      token: memberAdmin,
      body: { name: '', nameKana: 'Hanako', email: 'not-mail' },
    });
    expect(bad.status).toBe(400);
    expect(new Set(bad.body.errors?.map((e) => e.field))).toEqual(new Set(['name', 'nameKana', 'email']));
  });

  it('a member_admin invites an employee, who sets a password and signs in as a member of the company', async () => {
    const invited = await t.call<Invitation>('POST', `/members/${demoId}/invitations`, {
      token: memberAdmin,
      body: { email: 'New.Employee@demo.example.jp', name: '新人 一郎' },
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email: 'new.employee@demo.example.jp', role: 'member', acceptedAt: null });
    expect(new Date(invited.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const token = await mailedToken(invited.body.id);
    // only a hash of the token is stored
    const stored = (await t.db.query(`SELECT token_hash FROM member_invitation WHERE id = $1`, [invited.body.id])) as {
      token_hash: string;
    }[];
    expect(stored[0]!.token_hash).not.toContain(token);

    const info = await t.call<InvitationInfo>('GET', `/public/invitations/${token}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ email: 'new.employee@demo.example.jp', companyName: '相模原デモ商事株式会社' });

    const short = await t.call<ApiError>('POST', `/public/invitations/${token}/accept`, {
      body: { password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.errors?.[0]?.field).toBe('password');

    // two tabs accept at once: one account
    const answers = await Promise.all(
      [1, 2].map(() =>
        t.call<AcceptInvitationResponse>('POST', `/public/invitations/${token}/accept`, {
          body: { password: 'a-long-enough-secret', displayName: '新人 一郎' },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const accounts = (await t.db.query(`SELECT role, member_id, password_hash FROM user_account WHERE email = $1`, [
      'new.employee@demo.example.jp',
    ])) as { role: string; member_id: string; password_hash: string }[];
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ role: 'member', member_id: demoId });
    expect(accounts[0]!.password_hash).toMatch(/^\$argon2id\$/);

    const session = await login('new.employee@demo.example.jp', 'a-long-enough-secret');
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({ role: 'member', memberId: demoId });
    expect((await t.call('GET', `/public/invitations/${token}`)).status).toBe(409);
    expect((await t.call('GET', `/public/invitations/not-a-token`)).status).toBe(404);
  });

  it("a member_admin can't read another company's people (403) nor invite there; staff can", async () => {
    const other = await createMember(t, staff);
    await t.call('POST', `/members/${other.id}/people`, {
      token: staff,
      body: { name: '他社 次郎', nameKana: 'タシャ ジロウ' },
    });
    // staff make the other company's contact a member_admin through an invitation
    const invited = await t.call<Invitation>('POST', `/members/${other.id}/invitations`, {
      token: staff,
      body: { email: 'admin@other.example.jp', role: 'member_admin' },
    });
    expect(invited.status).toBe(201);
    const accepted = await t.call('POST', `/public/invitations/${await mailedToken(invited.body.id)}/accept`, {
      body: { password: 'other-company-secret' },
    });
    expect(accepted.status).toBe(201);
    const otherAdmin = (await login('admin@other.example.jp', 'other-company-secret')).body.accessToken;

    expect((await t.call('GET', `/members/${demoId}/people`, { token: otherAdmin })).status).toBe(403);
    expect((await t.call('GET', `/members/${other.id}/people`, { token: memberAdmin })).status).toBe(403);
    expect((await t.call<MemberPerson[]>('GET', `/members/${other.id}/people`, { token: otherAdmin })).status).toBe(
      200,
    );
    expect((await t.call<MemberPerson[]>('GET', `/members/${other.id}/people`, { token: staff })).body).toHaveLength(1);
    expect(
      (
        await t.call('POST', `/members/${other.id}/invitations`, {
          token: memberAdmin,
          body: { email: 'x@example.jp' },
        })
      ).status,
    ).toBe(403);
    // a member_admin may not hand out member_admin accounts, and an existing account can't be invited
    expect(
      (
        await t.call('POST', `/members/${demoId}/invitations`, {
          token: memberAdmin,
          body: { email: 'boss@demo.example.jp', role: 'member_admin' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call('POST', `/members/${demoId}/invitations`, {
          token: memberAdmin,
          body: { email: 'member@example.jp' },
        })
      ).status,
    ).toBe(409);
  });

  it('limits the public invitation routes by client address', async () => {
    const limited = await startTestApp({ PUBLIC_RATE_LIMIT: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.call('GET', `/public/invitations/nope${i}`)).status);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
