import type { CalendarFeedResponse } from '@chamber/contracts';
import { startTestApp, TestApp } from '../../testing/test-app';
import { createEvent, registerPublic, student } from '../../testing/events';
import { createSitting } from '../exams/exam-test-helpers';
import { ParsedEvent, readWithIcalJs, readWithPythonIcalendar } from './ics-clients';

const BASE = 'https://portal.sagamihara-cci.example.jp';

/** Both real parsers read the text, and agree on what they read. */
function read(text: string): { name: string; events: ParsedEvent[] } {
  const a = readWithIcalJs(text);
  const b = readWithPythonIcalendar(text);
  const key = (e: ParsedEvent) => [e.uid, e.sequence, e.status, e.summary, e.url].join('|');
  expect(b.events.map(key)).toEqual(a.events.map(key));
  expect(b.name).toBe(a.name);
  return a;
}

describe('calendars: .ics files and feeds read by ical.js and python-icalendar (real PostgreSQL, real HTTP)', () => {
  let t: TestApp;
  let staff: string;
  let member: string;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_BASE_URL: `${BASE}/` });
    staff = await t.login('staff@example.jp');
    member = await t.login('member@example.jp');
  });
  afterAll(() => t.close());

  const ics = async (path: string, token?: string) => {
    const res = await fetch(`${t.api}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  const one = async (id: string) => {
    const file = await ics(`/events/${id}.ics`, staff);
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/calendar; charset=utf-8');
    const events = read(file.text).events;
    expect(events).toHaveLength(1);
    return events[0]!;
  };

  it('an event keeps its UID, raises SEQUENCE on every change (not on sign-ups), and says CANCELLED once cancelled', async () => {
    const event = await createEvent(t, staff, { capacity: 5, audience: 'public' });
    const first = await one(event.id);
    expect(first).toMatchObject({
      uid: `${event.id}@chamber-portal`,
      sequence: 0,
      status: 'CONFIRMED',
      url: `${BASE}/public/events/${event.id}`,
    });
    expect(first.organizer).toMatch(/^相模原商工会議所 mailto:no-reply@example.jp$/i);
    expect(first.start).toBe(new Date(Math.floor(Date.parse(event.startsAt) / 1000) * 1000).toISOString());

    expect((await registerPublic(t, event.id, student(501))).status).toBe(201); // seats move on the row
    expect((await one(event.id)).sequence).toBe(0);

    const patched = await t.call('PATCH', `/events/${event.id}`, { token: staff, body: { venue: '産業会館 2階' } });
    expect(patched.status).toBe(200);
    expect((await one(event.id)).sequence).toBe(1);
    const moved = new Date(new Date(event.startsAt).getTime() + 3600_000);
    await t.call('PATCH', `/events/${event.id}`, {
      token: staff,
      body: { startsAt: moved.toISOString(), endsAt: new Date(moved.getTime() + 3600_000).toISOString() },
    });
    const after = await one(event.id);
    expect(after).toMatchObject({ uid: first.uid, sequence: 2 });
    expect(Date.parse(after.start)).toBe(Math.floor(moved.getTime() / 1000) * 1000);

    expect((await t.call('POST', `/events/${event.id}/cancel`, { token: staff, body: {} })).status).toBe(200);
    expect(await one(event.id)).toMatchObject({ uid: first.uid, sequence: 3, status: 'CANCELLED' });
  });

  it('a hostile title stays one escaped SUMMARY (no injected event or property)', async () => {
    const title = '説明会\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil;x,y\\z';
    const event = await createEvent(t, staff, { title: { ja: title, en: '' }, audience: 'public' });
    const parsed = await one(event.id);
    expect(parsed.uid).toBe(`${event.id}@chamber-portal`);
    expect(parsed.summary.replace(/\s+/g, ' ')).toContain('UID:evil;x,y\\z');
  });

  it('the public feed has public and students’ events and public sittings, not members-only ones', async () => {
    const open = await createEvent(t, staff, { audience: 'students', title: { ja: '公開の説明会', en: '' } });
    const closed = await createEvent(t, staff, { audience: 'members', kind: 'seminar', actionItemCode: 'A1-8' });
    const sitting = await createSitting(t, staff, { audience: 'public' });
    const membersSitting = await createSitting(t, staff, { audience: 'members', grade: '2' });
    const feed = await ics('/calendar/public.ics');
    expect(feed.status).toBe(200);
    const { name, events } = read(feed.text);
    expect(name).toContain('相模原商工会議所');
    const uids = events.map((e) => e.uid);
    expect(uids).toContain(`${open.id}@chamber-portal`);
    expect(uids).toContain(`exam-${sitting.id}@chamber-portal`);
    expect(uids).not.toContain(`${closed.id}@chamber-portal`);
    expect(uids).not.toContain(`exam-${membersSitting.id}@chamber-portal`);
    expect(events.find((e) => e.uid === `exam-${sitting.id}@chamber-portal`)!.url).toBe(
      `${BASE}/exams/${sitting.id}/apply`,
    );
  });

  it('a secret personal feed: the caller’s own registrations, no sign-in needed, revoked by rotation', async () => {
    const event = await createEvent(t, staff, {
      audience: 'members',
      kind: 'seminar',
      actionItemCode: 'A1-8',
      title: { ja: '会員セミナー', en: 'Members seminar' },
    });
    const other = await createEvent(t, staff, { audience: 'members', kind: 'seminar', actionItemCode: 'A1-8' });
    const reg = await t.call<{ registrations: { id: string }[] }>('POST', `/events/${event.id}/registrations`, {
      token: member,
      body: { participants: [{ name: '会員 太郎', nameKana: 'カイイン タロウ', email: 'member@example.jp' }] },
    });
    expect(reg.status).toBe(201);
    const me = await t.call<CalendarFeedResponse>('GET', '/me/calendar', { token: member });
    expect(me.status).toBe(200);
    expect(me.body.url).toMatch(new RegExp(`^${BASE}/api/calendar/feeds/[A-Za-z0-9_-]{40,}\\.ics$`));
    expect((await t.call('GET', '/me/calendar')).status).toBe(401);
    // the same URL each time until rotated, and nothing of it is stored
    expect((await t.call<CalendarFeedResponse>('GET', '/me/calendar', { token: member })).body.url).toBe(me.body.url);
    const secret = me.body.url.split('/').pop()!.replace('.ics', '');
    const stored = (await t.db.query(`SELECT * FROM calendar_feed`)) as unknown[];
    expect(JSON.stringify(stored)).not.toContain(secret);

    const path = new URL(me.body.url).pathname.replace(/^\/api/, '');
    const feed = await ics(path);
    expect(feed.status).toBe(200);
    let events = read(feed.text).events;
    expect(events.map((e) => e.uid)).toContain(`${event.id}@chamber-portal`);
    expect(events.map((e) => e.uid)).not.toContain(`${other.id}@chamber-portal`);
    expect(events.find((e) => e.uid === `${event.id}@chamber-portal`)).toMatchObject({ status: 'CONFIRMED' });

    // the registration cancelled: the entry says so, with a higher SEQUENCE
    await t.call('POST', `/registrations/${reg.body.registrations[0]!.id}/cancel`, { token: member });
    events = read((await ics(path)).text).events;
    expect(events.find((e) => e.uid === `${event.id}@chamber-portal`)).toMatchObject({
      status: 'CANCELLED',
      sequence: 1,
    });

    // a made-up or altered token is unknown; rotating revokes the old URL
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    for (const i of [0, 25, secret.length - 1])
      expect((await ics(`/calendar/feeds/${flip(secret, i)}.ics`)).status).toBe(404);
    expect((await ics(`/calendar/feeds/x.ics`)).status).toBe(404);
    const rotated = await t.call<CalendarFeedResponse>('POST', '/me/calendar/rotate', { token: member });
    expect(rotated.status).toBe(200);
    expect(rotated.body.url).not.toBe(me.body.url);
    expect((await ics(path)).status).toBe(404);
    expect((await ics(new URL(rotated.body.url).pathname.replace(/^\/api/, ''))).status).toBe(200);
  });

  it('an exam application appears in the applicant’s feed', async () => {
    const sitting = await createSitting(t, staff, { audience: 'members', grade: '2' });
    const applied = await t.call('POST', `/exams/${sitting.id}/applications`, {
      token: member,
      body: { candidates: [{ name: '会員 太郎', nameKana: 'カイイン タロウ', email: 'member@example.jp' }] },
    });
    expect(applied.status).toBe(201);
    const me = await t.call<CalendarFeedResponse>('GET', '/me/calendar', { token: member });
    const { events } = read((await ics(new URL(me.body.url).pathname.replace(/^\/api/, ''))).text);
    expect(events.find((e) => e.uid === `exam-${sitting.id}@chamber-portal`)).toMatchObject({ status: 'CONFIRMED' });
  });

  it('an empty feed is still a calendar both parsers read', async () => {
    const admin = await t.login('admin@example.jp');
    const me = await t.call<CalendarFeedResponse>('GET', '/me/calendar', { token: admin });
    const feed = await ics(new URL(me.body.url).pathname.replace(/^\/api/, ''));
    expect(read(feed.text).events).toEqual([]);
  });
});
