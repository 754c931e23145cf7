import { tokyoDate } from '@chamber/domain';
import { mailsAbout } from '../../testing/mails';
import { startTestApp, TestApp } from '../../testing/test-app';
import { createEvent, registerPublic, student } from '../../testing/events';
import { RemindersService } from './reminders.service';

describe('reminders the day before', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('mails each registered person once, the day before the event, and not the waitlisted', async () => {
    const staff = await t.login('staff@example.jp');
    const now = new Date();
    const tomorrowNoon = new Date(`${tokyoDate(new Date(now.getTime() + 86400_000))}T12:00:00+09:00`);
    const event = await createEvent(t, staff, {
      capacity: 2,
      startsAt: tomorrowNoon.toISOString(),
      endsAt: new Date(tomorrowNoon.getTime() + 3600_000).toISOString(),
    });
    const later = await createEvent(t, staff, { capacity: 5 }); // in two days: not yet
    for (let i = 0; i < 3; i++) expect((await registerPublic(t, event.id, student(9100 + i))).status).toBe(201);
    expect((await registerPublic(t, later.id, student(9200))).status).toBe(201);

    const reminders = t.app.get(RemindersService);
    const first = await reminders.sendDue(now);
    expect(first.events).toBe(2);
    const again = await reminders.sendDue(now);
    expect(again.events).toBe(0);
    const rows = (await t.db.query(
      `SELECT to_address, related_id FROM mail_outbox WHERE kind = 'event_reminder' ORDER BY to_address`,
    )) as { to_address: string; related_id: string }[];
    expect(rows.map((m) => m.to_address)).toEqual(['student9100@univ.example.jp', 'student9101@univ.example.jp']);
    const mails = await mailsAbout(t.app, rows[0]!.related_id);
    expect(mails.find((m) => m.kind === 'event_reminder')!.subject).toContain('明日開催');
  });

  it('lets only an admin run them on demand', async () => {
    const staff = await t.login('staff@example.jp');
    expect((await t.call('POST', '/reminders/run', { token: staff })).status).toBe(403);
    const admin = await t.login('admin@example.jp');
    const res = await t.call<{ events: number; exams: number }>('POST', '/reminders/run', { token: admin });
    expect(res.status).toBe(201);
  });
});
