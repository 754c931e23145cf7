import type {
  ApiError,
  CancelRegistrationResponse,
  EventDetail,
  RegisterParticipantsResponse,
  RegistrationView,
} from '@chamber/contracts';
import { mailsAbout } from '../../testing/mails';
import { startTestApp, TestApp } from '../../testing/test-app';
import { createEvent, footprint, measure, registerPublic, statuses, student } from '../../testing/events';

describe('registrations (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;
  let memberAdmin: string;
  let member: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
    memberAdmin = await t.login('member-admin@example.jp');
    member = await t.login('member@example.jp');
  });
  afterAll(() => t.close());

  it('a student signs up: katakana stored, seat taken, QR code, cancel token, mail and counter in one go', async () => {
    const event = await createEvent(t, staff, { capacity: 5 });
    const before = await measure(t, event, 'registrations');
    const res = await registerPublic(
      t,
      event.id,
      student(1, { nameKana: 'がくせい いち', email: ' Student1@Univ.Example.JP ' }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'registered', waitlistPosition: null });
    expect(res.body.cancelToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(res.body.qrCode).toMatch(/^data:image\/png;base64,/);
    const [row] = (await t.db.query(
      `SELECT name_kana, email, school, graduation_year FROM registration WHERE id = $1`,
      [res.body.id],
    )) as { name_kana: string; email: string; school: string; graduation_year: number }[];
    expect(row).toEqual({
      name_kana: 'ガクセイ イチ',
      email: 'student1@univ.example.jp',
      school: '相模原大学',
      graduation_year: 2027,
    });
    const after = await measure(t, event, 'registrations');
    expect(after.counter).toBe(before.counter + 1);
    expect(after.counter).toBe(after.ledger);
    const [mail] = await mailsAbout(t.app, res.body.id);
    expect(mail).toMatchObject({ kind: 'registration_confirmed', toAddress: 'student1@univ.example.jp' });
    expect(mail!.attachments![0]!.contentType).toBe('image/png');
    expect(mail!.text).toContain(encodeURIComponent(res.body.cancelToken));
    const detail = await t.call<EventDetail>('GET', `/events/${event.id}`);
    expect(detail.body).toMatchObject({ registeredCount: 1, waitlistCount: 0, remainingSeats: 4 });
  });

  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const event = await createEvent(t, staff, { capacity: 5 });
    const closed = await createEvent(t, staff, {
      registrationClosesAt: new Date(Date.now() - 60_000).toISOString(),
      registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    const membersOnly = await createEvent(t, staff, { audience: 'members', kind: 'seminar' });
    const before = await footprint(t, event.id);
    const cases: [string, string, unknown, number, string][] = [
      ['missing furigana', event.id, { ...student(2), nameKana: undefined }, 400, 'nameKana'],
      ['latin furigana', event.id, student(2, { nameKana: 'Gakusei Ni' }), 400, 'nameKana'],
      ['bad email', event.id, student(2, { email: 'not-an-email' }), 400, 'email'],
      ['unknown field', event.id, student(2, { phone: '090' }), 400, 'phone'],
      ['unknown event', '00000000-0000-4000-8000-000000000000', student(2), 404, 'id'],
      ['closed registration', closed.id, student(2), 409, 'registrationClosesAt'],
    ];
    for (const [label, id, body, status, field] of cases) {
      const res = await registerPublic(t, id, body as Record<string, unknown>);
      expect({ label, status: res.status }).toEqual({ label, status });
      expect({ label, fields: (res.body as unknown as ApiError).errors?.map((e) => e.field) }).toEqual({
        label,
        fields: expect.arrayContaining([field]),
      });
    }
    const en = await t.call<ApiError>('POST', `/public/events/${event.id}/registrations`, {
      body: student(2, { nameKana: 'Gakusei' }),
      headers: { 'accept-language': 'en' },
    });
    expect(en.body.errors).toEqual([{ field: 'nameKana', message: 'nameKana must be written in katakana' }]);
    expect((await registerPublic(t, membersOnly.id, student(2))).status).toBe(403);
    expect(await footprint(t, event.id)).toEqual(before);
    expect(
      (
        await t.db.query(`SELECT count(*)::int AS n FROM registration WHERE event_id = ANY($1)`, [
          [closed.id, membersOnly.id],
        ])
      )[0].n,
    ).toBe(0);
  });

  it('the same email twice for one event is 409 (a unique index), case-insensitive, and writes nothing', async () => {
    const event = await createEvent(t, staff, { capacity: 5 });
    expect((await registerPublic(t, event.id, student(3))).status).toBe(201);
    const before = await footprint(t, event.id);
    const again = await registerPublic(t, event.id, student(3, { email: 'STUDENT3@univ.example.jp', name: '別人' }));
    expect(again.status).toBe(409);
    expect((again.body as unknown as ApiError).errors?.[0]?.field).toBe('email');
    expect(await footprint(t, event.id)).toEqual(before);
    // the index itself refuses, whatever the code path
    await expect(
      t.db.query(
        `INSERT INTO registration (event_id, status, name, name_kana, email, search_key, source, check_in_token_hash)
         VALUES ($1, 'registered', 'x', 'エックス', 'student3@univ.example.jp', 'x', 'staff', 'tok-dup-test-000000')`,
        [event.id],
      ),
    ).rejects.toThrow(/registration_event_email_uq/);
  });

  it('Idempotency-Key replays the first answer and writes nothing twice', async () => {
    const event = await createEvent(t, staff, { capacity: 5 });
    const send = () =>
      t.call<{ id: string }>('POST', `/public/events/${event.id}/registrations`, {
        body: student(4),
        headers: { 'idempotency-key': 'signup-4-abc' },
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await statuses(t, event.id)).toHaveLength(1);
  });

  it('a member_admin registers two employees at once, all or none; they see them with QR codes', async () => {
    const event = await createEvent(t, staff, {
      audience: 'members',
      kind: 'training',
      actionItemCode: 'A1-2',
      capacity: 2,
    });
    const before = await footprint(t, event.id);
    const bad = await t.call<ApiError>('POST', `/events/${event.id}/registrations`, {
      token: memberAdmin,
      body: {
        participants: [
          { name: '相模 一郎', nameKana: 'サガミ イチロウ', email: 'ichiro@demo.example.jp' },
          { name: '相模 二郎', nameKana: 'Sagami Jiro', email: 'jiro@demo.example.jp' },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['participants.1.nameKana']);
    expect(await footprint(t, event.id)).toEqual(before);

    const ok = await t.call<RegisterParticipantsResponse>('POST', `/events/${event.id}/registrations`, {
      token: memberAdmin,
      body: {
        participants: [
          { name: '相模 一郎', nameKana: 'さがみ いちろう', email: 'ichiro@demo.example.jp' },
          { name: '会員社員 デモ', nameKana: 'カイイン シャイン', email: 'member@example.jp' },
          { name: '相模 三郎', nameKana: 'サガミ サブロウ', email: 'saburo@demo.example.jp' },
        ],
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.registrations.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['registered', null],
      ['registered', null],
      ['waitlisted', 1],
    ]);
    const dup = await t.call<ApiError>('POST', `/events/${event.id}/registrations`, {
      token: memberAdmin,
      body: {
        participants: [
          { name: 'x', nameKana: 'エックス', email: 'other@demo.example.jp' },
          { name: 'y', nameKana: 'ワイ', email: 'ICHIRO@demo.example.jp' },
        ],
      },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.errors?.[0]?.field).toBe('participants.1.email');

    const company = await t.call<RegistrationView[]>('GET', '/me/registrations?scope=company', { token: memberAdmin });
    expect(
      company.body
        .filter((r) => r.event.id === event.id)
        .map((r) => r.email)
        .sort(),
    ).toEqual(['ichiro@demo.example.jp', 'member@example.jp', 'saburo@demo.example.jp']);
    const mine = await t.call<RegistrationView[]>('GET', '/me/registrations', { token: member });
    const own = mine.body.find((r) => r.event.id === event.id)!;
    expect(own).toMatchObject({
      status: 'registered',
      email: 'member@example.jp',
      canCancel: true,
      company: '相模原デモ商事株式会社',
    });
    expect(own.qrCode).toMatch(/^data:image\/png;base64,/);
    const waiting = company.body.find((r) => r.email === 'saburo@demo.example.jp')!;
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, qrCode: null });
    expect((await t.call('GET', `/registrations/${own.id}`, { token: member })).status).toBe(200);
    expect((await t.call('GET', `/registrations/${waiting.id}`, { token: member })).status).toBe(403);
    expect((await t.call('GET', `/registrations/${waiting.id}`, { token: staff })).status).toBe(200);
  });

  it('a member registers only self', async () => {
    const event = await createEvent(t, staff, { audience: 'members', kind: 'seminar', actionItemCode: 'A1-8' });
    const other = await t.call('POST', `/events/${event.id}/registrations`, {
      token: member,
      body: { participants: [{ name: '同僚', nameKana: 'ドウリョウ', email: 'colleague@demo.example.jp' }] },
    });
    expect(other.status).toBe(403);
    const self = await t.call<RegisterParticipantsResponse>('POST', `/events/${event.id}/registrations`, {
      token: member,
      body: { participants: [{ name: '会員社員 デモ', nameKana: 'カイイン シャイン', email: 'Member@Example.jp' }] },
    });
    expect(self.status).toBe(201);
    const [row] = (await t.db.query(`SELECT user_id, member_id, source FROM registration WHERE id = $1`, [
      self.body.registrations[0]!.id,
    ])) as { user_id: string; member_id: string; source: string }[];
    expect(row!.user_id).toBeTruthy();
    expect(row!.member_id).toBeTruthy();
    expect(row!.source).toBe('member');
    // members-only events: anonymous callers neither list nor read them
    const list = await t.call<EventDetail[]>('GET', '/events');
    expect(list.body.some((e) => e.id === event.id)).toBe(false);
    expect((await t.call('GET', `/events/${event.id}`)).status).toBe(401);
    expect((await t.call('GET', `/events/${event.id}`, { token: member })).status).toBe(200);
  });

  it("cancelling: not another company's (403), a member not a colleague's, a token only its own", async () => {
    const event = await createEvent(t, staff, {
      audience: 'public',
      kind: 'seminar',
      actionItemCode: 'A1-8',
      capacity: 1,
    });
    const [{ id: otherCompany }] = (await t.db.query(
      `INSERT INTO member (name, name_kana) VALUES ('他社株式会社', 'タシャ') RETURNING id`,
    )) as { id: string }[];
    const theirs = await t.call<RegisterParticipantsResponse>('POST', `/events/${event.id}/registrations`, {
      token: staff,
      body: {
        memberId: otherCompany,
        participants: [{ name: '他社 太郎', nameKana: 'タシャ タロウ', email: 'taro@other.example.jp' }],
      },
    });
    expect(theirs.status).toBe(201);
    const theirId = theirs.body.registrations[0]!.id;
    const colleague = await t.call<RegisterParticipantsResponse>('POST', `/events/${event.id}/registrations`, {
      token: memberAdmin,
      body: { participants: [{ name: '相模 四郎', nameKana: 'サガミ シロウ', email: 'shiro@demo.example.jp' }] },
    });
    const colleagueId = colleague.body.registrations[0]!.id;
    expect(colleague.body.registrations[0]!.status).toBe('waitlisted');
    const a = await registerPublic(t, event.id, student(6));
    const b = await registerPublic(t, event.id, student(7));
    const before = await footprint(t, event.id);

    expect((await t.call('POST', `/registrations/${theirId}/cancel`, { token: memberAdmin })).status).toBe(403);
    expect((await t.call('POST', `/registrations/${theirId}/cancel`, { token: member })).status).toBe(403);
    expect((await t.call('POST', `/registrations/${colleagueId}/cancel`, { token: member })).status).toBe(403);
    const wrongPair = await t.call('POST', '/public/registrations/cancel', {
      body: { cancelToken: a.body.cancelToken, registrationId: b.body.id },
    });
    expect(wrongPair.status).toBe(403);
    expect(
      (await t.call('POST', '/public/registrations/cancel', { body: { cancelToken: 'x'.repeat(32) } })).status,
    ).toBe(404);
    expect(await footprint(t, event.id)).toEqual(before);

    // the token cancels its own; the company's contact cancels the company's; staff anything
    const own = await t.call<CancelRegistrationResponse>('POST', '/public/registrations/cancel', {
      body: { cancelToken: b.body.cancelToken, registrationId: b.body.id },
    });
    expect(own.body).toEqual({ id: b.body.id, status: 'cancelled', promotedRegistrationId: null });
    expect(
      (await t.call('POST', '/public/registrations/cancel', { body: { cancelToken: b.body.cancelToken } })).status,
    ).toBe(409);
    const byAdmin = await t.call('POST', `/registrations/${colleagueId}/cancel`, { token: memberAdmin });
    expect(byAdmin.status).toBe(200);
    const byStaff = await t.call<CancelRegistrationResponse>('POST', `/registrations/${theirId}/cancel`, {
      token: staff,
    });
    expect(byStaff.body).toEqual({ id: theirId, status: 'cancelled', promotedRegistrationId: a.body.id });
    const counted = await measure(t, event, 'registrations');
    expect(counted.counter).toBe(counted.ledger);
  });

  it('raising capacity promotes as many waitlisted as fit; cancelling the event tells registrants', async () => {
    const event = await createEvent(t, staff, { capacity: 2 });
    const people = [];
    for (let i = 0; i < 6; i++) people.push((await registerPublic(t, event.id, student(100 + i))).body);
    const before = await measure(t, event, 'registrations');
    const low = await t.call<ApiError>('PATCH', `/events/${event.id}`, { token: staff, body: { capacity: 1 } });
    expect(low.status).toBe(400);
    expect(low.body.errors?.[0]?.field).toBe('capacity');
    const raised = await t.call<EventDetail & { promotedRegistrationIds: string[] }>('PATCH', `/events/${event.id}`, {
      token: staff,
      body: { capacity: 5, venue: '第2会場' },
    });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ capacity: 5, registeredCount: 5, waitlistCount: 1, venue: '第2会場' });
    expect(raised.body.promotedRegistrationIds).toEqual([people[2]!.id, people[3]!.id, people[4]!.id]);
    expect((await measure(t, event, 'registrations')).counter).toBe(before.counter + 3);
    const promotedMails = (
      await t.db.query(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'registration_promoted' AND related_id = ANY($1)`,
        [raised.body.promotedRegistrationIds],
      )
    )[0].n;
    expect(promotedMails).toBe(3);

    const cancelled = await t.call('POST', `/events/${event.id}/cancel`, {
      token: staff,
      body: { reason: '台風のため' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledRegistrations: 6, notified: 6 });
    const after = await measure(t, event, 'registrations');
    expect(after.counter).toBe(before.counter - 2);
    expect(after.counter).toBe(after.ledger);
    const mails = (
      await t.db.query(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'event_cancelled' AND related_id = ANY($1)`,
        [people.map((p) => p.id)],
      )
    )[0].n;
    expect(mails).toBe(6);
    expect((await registerPublic(t, event.id, student(200))).status).toBe(409);
    expect((await t.call('POST', `/events/${event.id}/cancel`, { token: staff, body: {} })).status).toBe(409);
  });

  it('lists events by kind and month with their seats; moving an event to another year moves its counts', async () => {
    const fair = await createEvent(t, staff, {
      capacity: 3,
      startsAt: '2031-06-10T13:00:00+09:00',
      endsAt: '2031-06-10T17:00:00+09:00',
    });
    await createEvent(t, staff, {
      kind: 'seminar',
      actionItemCode: 'A1-8',
      audience: 'public',
      startsAt: '2031-06-20T13:00:00+09:00',
      endsAt: '2031-06-20T15:00:00+09:00',
    });
    await createEvent(t, staff, { startsAt: '2031-07-01T09:00:00+09:00', endsAt: '2031-07-01T12:00:00+09:00' });
    for (let i = 0; i < 4; i++) await registerPublic(t, fair.id, student(300 + i));
    const june = await t.call<EventDetail[]>('GET', '/events?kind=job_fair&from=2031-06-01&to=2031-06-30');
    expect(june.body.map((e) => e.id)).toEqual([fair.id]);
    expect(june.body[0]).toMatchObject({
      capacity: 3,
      registeredCount: 3,
      waitlistCount: 1,
      remainingSeats: 0,
      actionItemCode: 'A1-1',
    });
    expect((await t.call<EventDetail[]>('GET', '/events?from=2031-06-01&to=2031-06-30')).body).toHaveLength(2);
    expect((await t.call<ApiError>('GET', '/events?from=June')).status).toBe(400);

    const [first] = (await t.db.query(
      `SELECT id FROM registration WHERE event_id = $1 AND status = 'registered' LIMIT 1`,
      [fair.id],
    )) as { id: string }[];
    // a check-in years ahead: staff confirm it (early)
    await t.call('POST', `/registrations/${first!.id}/check-in?early=true`, { token: staff });
    const oldYear = { regs: await measure(t, fair, 'registrations'), att: await measure(t, fair, 'attendance') };
    const moved = await t.call<EventDetail>('PATCH', `/events/${fair.id}`, {
      token: staff,
      body: { startsAt: '2032-06-10T13:00:00+09:00', endsAt: '2032-06-10T17:00:00+09:00' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.fiscalYear).toBe(2032);
    expect(await measure(t, fair, 'registrations')).toEqual({
      counter: oldYear.regs.counter - 3,
      ledger: oldYear.regs.ledger - 3,
    });
    expect((await measure(t, fair, 'attendance')).counter).toBe(oldYear.att.counter - 1);
    expect(await measure(t, moved.body, 'registrations')).toEqual({ counter: 3, ledger: 3 });
    expect((await measure(t, moved.body, 'attendance')).counter).toBe(1);
  });

  it('only staff create events, with a known action item and sensible times', async () => {
    const body = {
      kind: 'seminar',
      title: { ja: 'テスト' },
      actionItemCode: 'Z9-9',
      startsAt: '2030-05-01T10:00:00+09:00',
      endsAt: '2030-05-01T09:00:00+09:00',
      venue: '会議室',
      capacity: 10,
      audience: 'public',
    };
    expect((await t.call('POST', '/events', { token: member, body })).status).toBe(403);
    const res = await t.call<ApiError>('POST', '/events', { token: staff, body });
    expect(res.status).toBe(400);
    const fields = res.body.errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining([expect.stringMatching(/actionItemCode|endsAt/)]));
    const local = await t.call<ApiError>('POST', '/events', {
      token: staff,
      body: { ...body, actionItemCode: 'A1-8', startsAt: '2030-05-01T10:00', endsAt: '2030-05-01T12:00:00+09:00' },
    });
    expect(local.body.errors?.map((e) => e.field)).toEqual(['startsAt']);
  });
});
