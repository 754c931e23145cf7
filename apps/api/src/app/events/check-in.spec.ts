import type {
  ApiError,
  CheckInResponse,
  EventDetail,
  FollowUpMailResponse,
  KpiEvent,
  KpiReading,
  OutcomeView,
  PublicRegistrationResponse,
  RegisterParticipantsResponse,
} from '@chamber/contracts';
import { fiscalYearOf } from '@chamber/domain';
import { startTestApp, TestApp } from '../../testing/test-app';
import { createEvent, measure, registerPublic, startedNow, student } from '../../testing/events';

describe('check-in, outcomes and follow-up (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;
  let member: string;
  let memberAdmin: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.login('staff@example.jp');
    member = await t.login('member@example.jp');
    memberAdmin = await t.login('member-admin@example.jp');
  });
  afterAll(() => t.close());

  const kpi = async (fy: number, code: string) => {
    const res = await t.call<KpiReading[]>('GET', `/kpis?fiscalYear=${fy}`, { token: staff });
    expect(res.status).toBe(200);
    return res.body.find((k) => k.code === code)!;
  };
  const signUp = async (eventId: string, count: number, from: number) => {
    const out: PublicRegistrationResponse[] = [];
    for (let i = 0; i < count; i++) {
      const res = await registerPublic(t, eventId, student(from + i));
      expect(res.status).toBe(201);
      out.push(res.body);
    }
    return out;
  };

  it('N check-ins move the job-fair attendance KPI by exactly N, repeats included; the first marks the event held', async () => {
    const event = await createEvent(t, staff, { ...startedNow(), capacity: 6 });
    const fy = fiscalYearOf(event.startsAt);
    const people = await signUp(event.id, 6, 1);
    const students = await kpi(fy, 'A1-1-students');
    const held = await measure(t, event, 'events_held');

    const first = await t.call<CheckInResponse>('POST', `/registrations/${people[0]!.id}/check-in`, { token: staff });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'attended', alreadyCheckedIn: false, eventMarkedHeld: true });
    const repeat = await t.call<CheckInResponse>('POST', `/registrations/${people[0]!.id}/check-in`, { token: staff });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.body.checkedInAt });
    // four more at once, each twice, concurrently
    const burst = await Promise.all(
      [1, 2, 3, 4, 1, 2, 3, 4].map((i) =>
        t.call<CheckInResponse>('POST', `/registrations/${people[i]!.id}/check-in`, { token: staff }),
      ),
    );
    expect(burst.map((b) => b.status)).toEqual(Array(8).fill(200));
    expect(burst.filter((b) => !b.body.alreadyCheckedIn)).toHaveLength(4);

    expect((await kpi(fy, 'A1-1-students')).value).toBe(students.value! + 5);
    const attendance = await measure(t, event, 'attendance');
    expect(attendance.counter).toBe(attendance.ledger);
    expect(await measure(t, event, 'events_held')).toEqual({ counter: held.counter + 1, ledger: held.ledger + 1 });
    const detail = await t.call<EventDetail>('GET', `/events/${event.id}`);
    expect(detail.body.status).toBe('held');
    // marking it held again by hand counts nothing more
    expect((await t.call('POST', `/events/${event.id}/held`, { token: staff })).status).toBe(200);
    expect((await measure(t, event, 'events_held')).counter).toBe(held.counter + 1);
  });

  it('a check-in a month early is refused (409 not_yet) unless confirmed, and never marks the event held', async () => {
    const start = new Date(Date.now() + 30 * 24 * 3600_000);
    const event = await createEvent(t, staff, {
      capacity: 3,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 4 * 3600_000).toISOString(),
    });
    const [one] = await signUp(event.id, 1, 70);
    const before = { att: await measure(t, event, 'attendance'), held: await measure(t, event, 'events_held') };
    const early = await t.call<ApiError & { code?: string }>('POST', `/registrations/${one!.id}/check-in`, {
      token: staff,
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('not_yet');
    expect(await measure(t, event, 'attendance')).toEqual(before.att);
    // not yet started: it cannot be marked held either
    const held = await t.call<ApiError & { code?: string }>('POST', `/events/${event.id}/held`, { token: staff });
    expect(held.status).toBe(409);
    expect(held.body.code).toBe('not_started');
    const confirmed = await t.call<CheckInResponse>('POST', `/registrations/${one!.id}/check-in?early=true`, {
      token: staff,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'attended', eventMarkedHeld: false });
    expect((await measure(t, event, 'attendance')).counter).toBe(before.att.counter + 1);
    expect(await measure(t, event, 'events_held')).toEqual(before.held);
    const detail = await t.call<EventDetail>('GET', `/events/${event.id}`);
    expect(detail.body.status).toBe('scheduled');
    // and it can still be cancelled, as any event not yet held
    expect((await t.call('POST', `/events/${event.id}/cancel`, { token: staff, body: {} })).status).toBe(200);
  });

  it('waitlisted and cancelled registrations cannot check in (409), and nothing moves', async () => {
    const event = await createEvent(t, staff, { ...startedNow(), capacity: 1 });
    const [seat, waiting] = await signUp(event.id, 2, 50);
    expect(waiting!.status).toBe('waitlisted');
    const before = await measure(t, event, 'attendance');
    const w = await t.call<ApiError>('POST', `/registrations/${waiting!.id}/check-in`, { token: staff });
    expect(w.status).toBe(409);
    await t.call('POST', '/public/registrations/cancel', { body: { cancelToken: seat!.cancelToken } });
    const c = await t.call('POST', `/registrations/${seat!.id}/check-in`, { token: staff });
    expect(c.status).toBe(409);
    expect(await measure(t, event, 'attendance')).toEqual(before);
    expect((await t.call<EventDetail>('GET', `/events/${event.id}`)).body.status).toBe('scheduled');
    expect((await t.call('POST', `/registrations/${waiting!.id}/check-in`, { token: member })).status).toBe(403);
  });

  it('checks in by the scanned QR code, refusing a ticket of another event', async () => {
    const event = await createEvent(t, staff, { ...startedNow(), capacity: 3 });
    const other = await createEvent(t, staff, { ...startedNow(), capacity: 3 });
    const [one] = await signUp(event.id, 1, 60);
    const view = await t.call<{ checkInToken: string; qrCode: string }>('GET', `/registrations/${one!.id}`, {
      token: staff,
    });
    expect(view.body.qrCode).toMatch(/^data:image\/png;base64,/);
    const wrong = await t.call<ApiError>('POST', '/check-in', {
      token: staff,
      body: { token: view.body.checkInToken, eventId: other.id },
    });
    expect(wrong.status).toBe(409);
    const ok = await t.call<CheckInResponse>('POST', '/check-in', {
      token: staff,
      body: { token: `  ${view.body.checkInToken}\n`, eventId: event.id },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: one!.id, status: 'attended', name: '学生 60号' });
    expect(
      (await t.call('POST', '/check-in', { token: staff, body: { token: 'nothing-like-a-token-here' } })).status,
    ).toBe(404);
  });

  it('job offers only on attended registrations, one per registration: A1-1-offer-rate = offers / attended', async () => {
    const event = await createEvent(t, staff, { ...startedNow(), capacity: 4 });
    const fy = fiscalYearOf(event.startsAt);
    const people = await signUp(event.id, 3, 70);
    const rate = await kpi(fy, 'A1-1-offer-rate');
    for (const p of people.slice(0, 2)) {
      expect((await t.call('POST', `/registrations/${p.id}/check-in`, { token: staff })).status).toBe(200);
    }
    const notAttended = await t.call('POST', `/registrations/${people[2]!.id}/outcomes`, {
      token: staff,
      body: { type: 'job_offer' },
    });
    expect(notAttended.status).toBe(409);
    const wrongKind = await t.call<ApiError>('POST', `/registrations/${people[0]!.id}/outcomes`, {
      token: staff,
      body: { type: 'business_deal' },
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors?.[0]?.field).toBe('type');
    const offer = await t.call<OutcomeView>('POST', `/registrations/${people[0]!.id}/outcomes`, {
      token: staff,
      body: { type: 'job_offer', note: '株式会社テスト 内定' },
    });
    expect(offer.status).toBe(201);
    expect(offer.body).toMatchObject({ registrationId: people[0]!.id, type: 'job_offer' });
    const twice = await t.call<ApiError>('POST', `/registrations/${people[0]!.id}/outcomes`, {
      token: staff,
      body: { type: 'job_offer' },
    });
    expect(twice.status).toBe(409);
    const after = await kpi(fy, 'A1-1-offer-rate');
    expect(after.numerator).toBe(rate.numerator + 1);
    expect(after.denominator).toBe(rate.denominator! + 2);
    expect(after.value).toBeCloseTo(after.numerator / after.denominator!, 10);
    const offers = await measure(t, event, 'outcome:job_offer');
    expect(offers.counter).toBe(offers.ledger);
    // a mistaken outcome comes off again
    expect(
      (await t.call('DELETE', `/registrations/${people[0]!.id}/outcomes/job_offer`, { token: staff })).status,
    ).toBe(200);
    expect((await kpi(fy, 'A1-1-offer-rate')).numerator).toBe(rate.numerator);
  });

  it('an SSE client is pushed a check-in as it commits (the 1 s target: bench/sse-latency.mjs)', async () => {
    const event = await createEvent(t, staff, { ...startedNow(), capacity: 2 });
    const fy = fiscalYearOf(event.startsAt);
    const [one] = await signUp(event.id, 1, 80);
    const before = await kpi(fy, 'A1-1-students');
    const controller = new AbortController();
    const stream = await fetch(`${t.api}/kpis/stream`, {
      headers: { authorization: `Bearer ${staff}` },
      signal: controller.signal,
    });
    const reader = stream.body!.getReader();
    const seen = (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += Buffer.from(value).toString('utf8');
        for (const m of buffer.matchAll(/event: kpi\n(?:id: .*\n)?data: (.*)\n/g)) {
          const e = JSON.parse(m[1]!) as KpiEvent;
          if (e.code === 'A1-1-students' && e.value === before.value! + 1) return e;
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    expect((await t.call('POST', `/registrations/${one!.id}/check-in`, { token: staff })).status).toBe(200);
    const event1 = await seen;
    // pushed, not polled: well under any poll interval even on a loaded machine
    expect(Date.now() - started).toBeLessThan(5000);
    expect(event1.fiscalYear).toBe(fy);
    controller.abort();
  });

  it('member gatherings feed `invited`: C1-1 attendance / invited', async () => {
    const start = new Date(Date.now() + 2 * 24 * 3600_000);
    const bad = await t.call<ApiError>('POST', '/events', {
      token: staff,
      body: {
        kind: 'seminar',
        title: { ja: 'セミナー' },
        actionItemCode: 'A1-8',
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3600_000).toISOString(),
        venue: '会議室',
        capacity: 10,
        audience: 'members',
        invitedCount: 40,
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.field).toBe('invitedCount');
    const event = await createEvent(t, staff, {
      ...startedNow(),
      kind: 'member_gathering',
      actionItemCode: 'C1-1',
      audience: 'members',
      invitedCount: 120,
      capacity: 200,
    });
    const fy = fiscalYearOf(event.startsAt);
    expect((await measure(t, event, 'invited')).counter).toBeGreaterThanOrEqual(120);
    const invited = await measure(t, event, 'invited');
    const patched = await t.call('PATCH', `/events/${event.id}`, { token: staff, body: { invitedCount: 150 } });
    expect(patched.status).toBe(200);
    expect((await measure(t, event, 'invited')).counter).toBe(invited.counter + 30);
    const reg = await t.call<RegisterParticipantsResponse>('POST', `/events/${event.id}/registrations`, {
      token: memberAdmin,
      body: { participants: [{ name: '会員 太郎', nameKana: 'カイイン タロウ', email: 'taro@demo.example.jp' }] },
    });
    await t.call('POST', `/registrations/${reg.body.registrations[0]!.id}/check-in`, { token: staff });
    const c11 = await kpi(fy, 'C1-1-attendance');
    expect(c11.denominator).toBeGreaterThanOrEqual(150);
    expect(c11.numerator).toBeGreaterThanOrEqual(1);
  });

  it('follow-up mail goes to attendees or to no-shows; trainings issue a certificate to attendees', async () => {
    const event = await createEvent(t, staff, {
      ...startedNow(),
      kind: 'training',
      actionItemCode: 'A1-2',
      audience: 'public',
      capacity: 5,
      title: { ja: '新入社員研修', en: 'New employee training' },
    });
    const people = await signUp(event.id, 3, 90);
    await t.call('POST', `/registrations/${people[0]!.id}/check-in`, { token: staff });
    await t.call('POST', `/registrations/${people[1]!.id}/check-in`, { token: staff });
    const toAttendees = await t.call<FollowUpMailResponse>('POST', `/events/${event.id}/mail`, {
      token: staff,
      body: { audience: 'attendees', subject: 'ご参加ありがとうございました', body: 'アンケートにご協力ください。' },
    });
    expect(toAttendees.status).toBe(201);
    expect(toAttendees.body).toEqual({ audience: 'attendees', queued: 2 });
    const toNoShows = await t.call<FollowUpMailResponse>('POST', `/events/${event.id}/mail`, {
      token: staff,
      body: { audience: 'no_shows', subject: '資料のご案内', body: '当日の資料をお送りします。' },
    });
    expect(toNoShows.body.queued).toBe(1);
    const mails = (await t.db.query(
      `SELECT kind, related_id FROM mail_outbox WHERE kind LIKE 'follow_up%' AND related_id = ANY($1) ORDER BY kind`,
      [people.map((p) => p.id)],
    )) as { kind: string; related_id: string }[];
    expect(mails.map((m) => m.kind)).toEqual(['follow_up_attendees', 'follow_up_attendees', 'follow_up_no_shows']);
    expect(mails.find((m) => m.kind === 'follow_up_no_shows')!.related_id).toBe(people[2]!.id);
    expect(
      (
        await t.call('POST', `/events/${event.id}/mail`, {
          token: member,
          body: { audience: 'attendees', subject: 'x', body: 'y' },
        })
      ).status,
    ).toBe(403);

    const pdf = await fetch(`${t.api}/registrations/${people[0]!.id}/certificate.pdf`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1000);
    const absent = await t.call('GET', `/registrations/${people[2]!.id}/certificate.pdf`, { token: staff });
    expect(absent.status).toBe(409);
    const stranger = await t.call('GET', `/registrations/${people[0]!.id}/certificate.pdf`, { token: member });
    expect(stranger.status).toBe(403);
  });
});
